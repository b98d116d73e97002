using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningReviews.BrowserTests.Journeys;

/// <summary>
/// One demo user in a journey, in their own browser context, with steps in the user's terms: start a
/// review, open a stage from the task list, answer its questions by their labels, save and continue,
/// check the answers, complete the stage, read the record PDF.
/// </summary>
/// <remarks>
/// Answering is resilient to the page's shape: a row is added with the in-page "Add" button when the
/// table has one, else with "Save and add more rows"; a person is picked by typing into the question's
/// search box when it has one, else by ticking their name.
/// </remarks>
public sealed partial class JourneyActor(Journey journey, IPage page, string email)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public IPage Page { get; } = page;
    public string Email { get; } = email;

    internal async Task SignInAsync()
    {
        await GoAsync("/account/sign-in");
        await Page.GetByLabel("Email address").FillAsync(Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(LearningReviewsAppHost.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My work");
        await LandedAsync();
    }

    /// <summary>Starts a review of the journey's kind from "Start a review", answering the start form.</summary>
    public async Task StartReviewAsync(IReadOnlyDictionary<string, Answer> answers)
    {
        await GoAsync("/reviews/start");
        await Page.GetByRole(AriaRole.Link, new() { Name = journey.Methodology, Exact = true }).ClickAsync();
        await Expect(Page.Locator("span.govuk-caption-l")).ToHaveTextAsync(journey.Methodology);
        await LandedAsync();
        await AnswerFormAsync(answers, rowsMayBeSaved: false);
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Start {journey.Methodology}", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ReviewPage());
        await LandedAsync();
        journey.ReviewUrl = Page.Url;
        journey.Reference = ReferencePattern().Match(await Page.Locator("span.govuk-caption-l").InnerTextAsync()).Value;
        Assert.NotEmpty(journey.Reference);
    }

    /// <summary>Opens the review from a link (as from My work or an email): one page load.</summary>
    public async Task OpenReviewAsync()
    {
        // The page in this tab is up to date only if nobody else has acted since it was loaded.
        if (Page.Url == journey.ReviewUrl && journey.LastActor == this) return;
        await GoAsync(journey.ReviewUrl);
    }

    /// <summary>
    /// From the review page: opens the stage, answers it, saves and continues, and checks that "Check
    /// your answers" shows what was typed.
    /// </summary>
    public async Task FillStageAsync(string stageTitle, IReadOnlyDictionary<string, Answer>? answers = null)
    {
        // "Complete stage and continue" brings someone who acts at the next stage straight to its form.
        var onTheForm = journey.LastActor == this && StageForm().IsMatch(Page.Url)
                        && await Page.Locator("h1").First.InnerTextAsync() == stageTitle;
        if (!onTheForm)
        {
            await OpenReviewAsync();
            await Page.Locator("ul.govuk-task-list").GetByRole(AriaRole.Link, new() { Name = stageTitle, Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(stageTitle);
            await LandedAsync();
        }
        var expected = await AnswerFormAsync(answers ?? new Dictionary<string, Answer>(), rowsMayBeSaved: true);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
        await LandedAsync();
        await ExpectNoErrorsAsync($"saving {stageTitle}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
        foreach (var (label, shown) in expected)
        {
            await ExpectShownAsync(label, shown);
        }
    }

    /// <summary>Presses "Complete stage and continue" (or "… and close the review") where it is: the check page or the review page.</summary>
    public async Task CompleteStageAsync(string? next = null)
    {
        var button = Page.GetByRole(AriaRole.Button, new() { NameRegex = CompleteButton() });
        if (journey.LastActor != this || await button.CountAsync() == 0)
        {
            await GoAsync(journey.ReviewUrl);
        }
        if (await button.CountAsync() == 0)
        {
            var missing = await Page.Locator(".app-missing li").AllInnerTextsAsync();
            Assert.Fail($"{Email} is offered no 'Complete stage' button on {Page.Url}; still missing: {string.Join("; ", missing)}");
        }
        await button.ClickAsync();
        // The review page, or the next stage's form for someone who acts there too.
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(journey.ReviewUrl) + "(/stages/[^/]+)?$"));
        await LandedAsync();
        var banner = Page.GetByRole(AriaRole.Alert);
        if (next is not null)
        {
            await Expect(banner).ToContainTextAsync(next);
        }
    }

    /// <summary>On the review's Outcomes Form page, makes the form final (the lead author's move).</summary>
    public async Task MakeOutcomesFormFinalAsync()
    {
        await OpenReviewAsync();
        // The form's own page, linked below the task list (the task list's link of the same name opens the stage).
        await Page.Locator($"main a[href='{new Uri(journey.ReviewUrl).AbsolutePath}/outcomes-form']").ClickAsync();
        await LandedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the form final", Exact = true }).ClickAsync();
        await LandedAsync();
        await ExpectNoErrorsAsync("making the Outcomes Form final");
        await Expect(Page.Locator(".app-form-status")).ToContainTextAsync("Final");
    }

    /// <summary>Downloads the review's record PDF from the review page and returns its text (pdftotext).</summary>
    public async Task<string> ReadRecordPdfAsync()
    {
        await OpenReviewAsync();
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Download the review's record as a PDF", Exact = true });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The record PDF link has no address.");
        // The download is fetched with the user's cookies; it does not replace the page, so it is not a page load.
        var response = await Page.Context.APIRequest.GetAsync(journey.App.Url(href));
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"].Split(';')[0]);
        var file = Path.Combine(Path.GetTempPath(), $"lr-journey-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, await response.BodyAsync());
            return await PdfToTextAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> PdfToTextAsync(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("pdftotext did not start.");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    // ---- answering a form ------------------------------------------------------------------------

    /// <summary>A question of the form as found on the page.</summary>
    private sealed record Question(int Index, string Label, bool Optional, string Kind, bool Filled, string[] Options, Column[] Columns);

    private sealed record Column(string Label, string Kind);

    /// <summary>
    /// Answers the form's questions: those in <paramref name="answers"/> as given, other required ones
    /// left empty with a made-up answer. Returns what "Check your answers" should show for each.
    /// </summary>
    private async Task<List<(string Label, string[] Shown)>> AnswerFormAsync(IReadOnlyDictionary<string, Answer> answers, bool rowsMayBeSaved)
    {
        // Meetings are booked first, on the meetings page, and the form opened again: it then shows them.
        var booked = new List<(string, string[])>();
        foreach (var (label, meeting) in answers.Where(a => a.Value is BookedAnswer).Select(a => (a.Key, (BookedAnswer)a.Value)).ToList())
        {
            booked.Add((label, [await BookMeetingAsync(label, meeting)]));
        }
        var questions = await QuestionsAsync();
        foreach (var label in answers.Where(a => a.Value is not BookedAnswer).Select(a => a.Key))
        {
            Assert.True(questions.Any(q => q.Label == label), $"No question labelled '{label}' on {Page.Url}; the page has: " +
                string.Join(" | ", questions.Select(q => q.Label)));
        }
        var expected = booked;
        foreach (var question in questions)
        {
            var answer = answers.GetValueOrDefault(question.Label);
            if (answer is LeaveAnswer) continue;
            if (answer is null && (question.Optional || question.Filled)) continue;
            answer ??= MadeUp(question);
            var shown = await AnswerAsync(question, answer, rowsMayBeSaved);
            if (shown.Length > 0) expected.Add((question.Label, shown));
        }
        return expected;
    }

    private Answer MadeUp(Question q)
    {
        var yesterday = journey.Today.AddDays(-1);
        // A deadline or due date is ahead: four weeks on, a Wednesday like today (no working-day rule moves it).
        var ahead = journey.Today.AddDays(28);
        var isDeadline = q.Label.Contains("deadline", StringComparison.OrdinalIgnoreCase) || q.Label.Contains(" due", StringComparison.OrdinalIgnoreCase);
        var text = "Typed for " + (q.Label.Length > 60 ? q.Label[..60].TrimEnd() : q.Label);
        return q.Kind switch
        {
            "checklist" => Answer.Tick([.. q.Options]),
            // A person picker's first radio is "No one chosen yet": a required one needs someone.
            "radios" or "select" => Answer.Choose(q.Options.First(o => o != "No one chosen yet")),
            "checkboxes" => Answer.Tick(q.Options[0]),
            "date" => Answer.On(isDeadline ? ahead : yesterday),
            "dateTime" => Answer.At(yesterday, "10:00"),
            "number" => Answer.Text("3"),
            "rows" => Answer.Rows([.. q.Columns.Select(c => c.Kind switch
            {
                "date" => yesterday.ToString("d/M/yyyy", CultureInfo.InvariantCulture),
                "select" => "",
                _ => $"{c.Label} typed",
            })]),
            "learningPoints" => Answer.Points("A learning point typed in the journey"),
            "actions" => Answer.Actions(new JourneyAction("An action typed in the journey", "Tariq Malik", journey.Today.AddDays(30), "Checked at supervision")),
            _ => Answer.Text(text),
        };
    }

    /// <summary>
    /// Books the meeting a stage form shows under <paramref name="label"/>: its "Book the …" link opens the
    /// meetings page with the kind chosen; the date, start and room are typed and a lay member invited; then
    /// the stage form is opened again. Returns what "Check your answers" shows for it.
    /// </summary>
    private async Task<string> BookMeetingAsync(string label, BookedAnswer meeting)
    {
        var stageUrl = Page.Url;
        var block = Page.Locator("[data-meeting-field]").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = label, Exact = true }) });
        await Expect(block).ToHaveCountAsync(1);
        var shown = meeting.DayOnly ? Answer.Shown(meeting.Date) : $"{Answer.Shown(meeting.Date)} at {meeting.Time}";
        if (meeting.Time is null)
        {
            await RecordEarlierMeetingAsync(await block.GetByRole(AriaRole.Link).GetAttributeAsync("href") ?? "", meeting.Date);
        }
        else
        {
            await block.GetByRole(AriaRole.Link, new() { NameRegex = BookLink() }).ClickAsync();
            await LandedAsync();
            var form = Page.Locator("main form").Last;
            await FillDateAsync(form.GetByRole(AriaRole.Group, new() { Name = "Date", Exact = true }), meeting.Date, null);
            await form.GetByLabel("Start time", new() { Exact = true }).FillAsync(meeting.Time);
            // A room of the review's own: the journeys share one app, and the booking page refuses a room taken at the time.
            await form.GetByLabel("Room", new() { Exact = true }).FillAsync($"Room for {journey.Reference}");
            await form.GetByLabel("People without an account (optional)", new() { Exact = true }).FillAsync("Lay Member, lay.member@example.org");
            await form.GetByRole(AriaRole.Button, new() { Name = "Book and send invitations", Exact = true }).ClickAsync();
            await LandedAsync();
            await ExpectNoErrorsAsync($"booking '{label}'");
        }
        await GoAsync(stageUrl);
        await Expect(Page.Locator("[data-meeting-field]").Filter(new() { HasText = label })).ToContainTextAsync(shown);
        return shown;
    }

    /// <summary>A meeting of the kind a "Book the …" link names, written as the meetings page writes one, on a day before today.</summary>
    private async Task RecordEarlierMeetingAsync(string bookLink, DateOnly date)
    {
        var match = BookLinkAddress().Match(bookLink);
        Assert.True(match.Success, $"'{bookLink}' is not a link to book a meeting");
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(journey.App.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>(scope.ServiceProvider);
        db.Meetings.Add(new LearningReviews.Domain.Meetings.Meeting
        {
            ReviewId = Guid.Parse(match.Groups["review"].Value),
            Kind = Enum.Parse<LearningReviews.Domain.Meetings.MeetingKind>(match.Groups["kind"].Value),
            Date = date, Start = new TimeOnly(10, 0), Room = "Room 4, North office",
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("^Book the ")]
    private static partial Regex BookLink();

    [GeneratedRegex("/reviews/(?<review>[0-9a-f-]{36})/meetings/new\\?kind=(?<kind>[A-Za-z]+)")]
    private static partial Regex BookLinkAddress();

    /// <summary>Answers one question; returns the texts "Check your answers" should show for it.</summary>
    private async Task<string[]> AnswerAsync(Question q, Answer answer, bool rowsMayBeSaved)
    {
        var root = Root(q);
        switch (answer)
        {
            case TextAnswer text when q.Kind == "select":
                await root.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = text.Value });
                return [text.Value];
            case TextAnswer text:
                await root.Locator("textarea, input").First.FillAsync(text.Value);
                journey.Typed.Add(text.Value);
                return [text.Value];
            case ChoiceAnswer choice when q.Kind == "select":
                await root.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = choice.Option });
                return [choice.Option];
            case ChoiceAnswer choice when await root.GetAttributeAsync("data-people-picker") is not null:
                // One person, from a people picker: found by typing, as a user would.
                await PickPersonAsync(q, choice.Option);
                return [choice.Option];
            case ChoiceAnswer choice:
                await root.GetByLabel(choice.Option, new() { Exact = true }).CheckAsync();
                return [choice.Option];
            case TickAnswer tick:
                foreach (var option in tick.Options)
                {
                    await root.GetByLabel(option, new() { Exact = true }).CheckAsync();
                }
                return q.Kind == "checklist" ? [] : [.. tick.Options];
            case PeopleAnswer people:
                foreach (var name in people.Names)
                {
                    await PickPersonAsync(q, name);
                }
                return [.. people.Names];
            case DateAnswer date:
                await FillDateAsync(root, date.Date, date.Time);
                return [date.Time is null ? Answer.Shown(date.Date) : $"{Answer.Shown(date.Date)} at {date.Time}"];
            case RowsAnswer rows:
                for (var r = 0; r < rows.Items.Count; r++)
                {
                    root = await EnsureRowAsync(q, r + 1, rowsMayBeSaved);
                    for (var c = 0; c < q.Columns.Length && c < rows.Items[r].Length; c++)
                    {
                        await FillCellAsync(root, q.Columns[c], r + 1, rows.Items[r][c]);
                    }
                }
                // The check page shows the rows as typed, dates written out as everywhere else.
                return [.. rows.Items.SelectMany(r => r.Take(q.Columns.Length).Select((cell, c) => q.Columns[c].Kind == "date" && cell.Length > 0
                    ? Answer.Shown(DateOnly.ParseExact(cell, "d/M/yyyy", CultureInfo.InvariantCulture))
                    : cell)).Where(cell => cell.Length > 0)];
            case PointsAnswer points:
                for (var i = 0; i < points.Items.Count; i++)
                {
                    root = await EnsureRowAsync(q, i + 1, rowsMayBeSaved);
                    await root.GetByLabel($"Learning point {i + 1}", new() { Exact = true }).FillAsync(points.Items[i]);
                    journey.Typed.Add(points.Items[i]);
                }
                return [.. points.Items];
            case ActionsAnswer actions:
                for (var i = 0; i < actions.Items.Count; i++)
                {
                    root = await EnsureRowAsync(q, i + 1, rowsMayBeSaved);
                    var a = actions.Items[i];
                    await root.GetByLabel($"What will be done (action {i + 1})", new() { Exact = true }).FillAsync(a.What);
                    await ChooseOwnerAsync(root, i, a.Owner);
                    await FillDateAsync(root.GetByRole(AriaRole.Group, new() { Name = "Due date", Exact = true }).Nth(i), a.Due, null);
                    await root.GetByLabel("How impact will be measured", new() { Exact = true }).Nth(i).FillAsync(a.Impact);
                    journey.Typed.Add(a.What);
                }
                return [.. actions.Items.SelectMany(a => new[] { a.What, a.Owner })];
            default:
                throw new InvalidOperationException($"Cannot give {answer} to the {q.Kind} question '{q.Label}'.");
        }
    }

    /// <summary>
    /// The person responsible for action <paramref name="i"/> (from 0): chosen from the list of accounts
    /// when they have one (its options read "Name (role, agency)"), else typed as the name of someone
    /// without an account.
    /// </summary>
    private static async Task ChooseOwnerAsync(ILocator root, int i, string owner)
    {
        var select = root.GetByLabel("Person responsible", new() { Exact = true }).Nth(i);
        var value = await select.EvaluateAsync<string?>(
            "(s, name) => [...s.options].find(o => o.text === name || o.text.startsWith(name + ' ('))?.value ?? null", owner);
        if (value is not null)
        {
            await select.SelectOptionAsync(value);
            return;
        }
        await root.GetByLabel("Or, for someone without an account, their name", new() { Exact = true }).Nth(i).FillAsync(owner);
    }

    /// <summary>Picks a person: types into the question's search box when it has one, else ticks or selects the name.</summary>
    private async Task PickPersonAsync(Question q, string name)
    {
        var root = Root(q);
        var search = root.GetByRole(AriaRole.Searchbox).Or(root.GetByRole(AriaRole.Combobox).And(root.Locator("input")));
        if (await search.CountAsync() > 0 && await search.First.IsVisibleAsync())
        {
            await search.First.FillAsync(name);
            var found = root.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(name)) })
                .Or(root.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }))
                .Or(root.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }));
            await found.First.ClickAsync();
            return;
        }
        if (q.Kind == "select")
        {
            await root.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = name });
            return;
        }
        await root.GetByLabel(name, new() { Exact = true }).CheckAsync();
    }

    /// <summary>
    /// Makes sure row <paramref name="row"/> (from 1) of a table, learning point or action is on the
    /// page: the in-page "Add" button when there is one, else "Save and add more rows" (a page load).
    /// Returns the question's element afresh.
    /// </summary>
    private async Task<ILocator> EnsureRowAsync(Question q, int row, bool rowsMayBeSaved)
    {
        var root = Root(q);
        if (await RowBox(root, q, row).CountAsync() > 0) return root;
        var add = root.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add", RegexOptions.IgnoreCase) });
        if (await add.CountAsync() > 0 && await add.First.IsVisibleAsync())
        {
            await add.First.ClickAsync();
        }
        else
        {
            Assert.True(rowsMayBeSaved, $"Row {row} of '{q.Label}' is not on the page and the form cannot be saved for more.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save and add more rows", Exact = true }).ClickAsync();
            await LandedAsync();
            await ExpectNoErrorsAsync($"saving for more rows of '{q.Label}'");
            var again = (await QuestionsAsync()).Single(x => x.Label == q.Label);
            root = Root(again);
        }
        await Expect(RowBox(root, q, row)).ToHaveCountAsync(1);
        return root;
    }

    private static ILocator RowBox(ILocator root, Question q, int row) => q.Kind switch
    {
        "learningPoints" => root.GetByLabel($"Learning point {row}", new() { Exact = true }),
        "actions" => root.GetByLabel($"What will be done (action {row})", new() { Exact = true }),
        _ => q.Columns[0].Kind == "date"
            ? root.GetByRole(AriaRole.Group, new() { Name = $"{q.Columns[0].Label}, row {row}", Exact = true })
            : root.GetByLabel($"{q.Columns[0].Label}, row {row}", new() { Exact = true }),
    };

    private static async Task FillCellAsync(ILocator root, Column column, int row, string value)
    {
        var name = $"{column.Label}, row {row}";
        switch (column.Kind)
        {
            case "date" when value.Length > 0:
                var date = DateOnly.ParseExact(value, "d/M/yyyy", CultureInfo.InvariantCulture);
                await FillDateAsync(root.GetByRole(AriaRole.Group, new() { Name = name, Exact = true }), date, null);
                break;
            case "date":
                break;
            case "select":
                var select = root.GetByLabel(name, new() { Exact = true });
                if (value.Length > 0) await select.SelectOptionAsync(new SelectOptionValue { Label = value });
                else await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
                break;
            default:
                await root.GetByLabel(name, new() { Exact = true }).FillAsync(value);
                break;
        }
    }

    private static async Task FillDateAsync(ILocator group, DateOnly date, string? time)
    {
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
        if (time is not null)
        {
            await group.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
        }
    }

    private ILocator Root(Question q) => Page.Locator($"[data-journey-q='{q.Index}']");

    /// <summary>
    /// The form's questions, read from the page the way a person scans it: each outermost GOV.UK form
    /// group, named by its legend or label, its kind told by the controls in it. Each is marked with
    /// data-journey-q so the steps can find it again.
    /// </summary>
    private async Task<List<Question>> QuestionsAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>(
            """
            () => {
              const form = [...document.querySelectorAll('main form')].find(f => f.querySelector('.govuk-form-group'));
              if (!form) return [];
              const text = el => (el?.textContent || '').replace(/\s+/g, ' ').trim();
              const groups = [...form.querySelectorAll('.govuk-form-group')].filter(g => !g.parentElement.closest('.govuk-form-group'));
              return groups.map((g, i) => {
                g.setAttribute('data-journey-q', String(i));
                let label = text(g.querySelector('legend, label'));
                const optional = /\(optional\)$/.test(label);
                label = label.replace(/\s*\(optional\)$/, '');
                const has = s => g.querySelector(s) !== null;
                let kind = 'shortText';
                if (has('textarea[name^="lp["]')) kind = 'learningPoints';
                else if (has('input[name^="act["]')) kind = 'actions';
                else if (has('table')) kind = 'rows';
                else if (has('input[type=radio]')) kind = 'radios';
                else if (has('input[name=checklist]')) kind = 'checklist';
                else if (has('input[type=checkbox]')) kind = 'checkboxes';
                else if (has('input[name$=".day"]')) kind = has('input[name$=".time"]') ? 'dateTime' : 'date';
                else if (has('select')) kind = 'select';
                else if (has('textarea')) kind = 'longText';
                else if (has('input[inputmode=numeric]')) kind = 'number';
                let options = [];
                if (kind === 'radios' || kind === 'checkboxes' || kind === 'checklist')
                  options = [...g.querySelectorAll('input[type=radio], input[type=checkbox]')].map(i => text(g.querySelector(`label[for="${i.id}"]`)));
                if (kind === 'select')
                  options = [...g.querySelectorAll('option')].filter(o => o.value !== '').map(o => text(o));
                let columns = [];
                if (kind === 'rows') {
                  const heads = [...g.querySelectorAll('thead th')].map(text);
                  const cells = [...(g.querySelector('tbody tr')?.querySelectorAll(':scope > td') || [])];
                  // A column whose cells hold no box (the Remove buttons rows.js adds) is not a question.
                  columns = heads.map((h, c) => {
                    const cell = cells[c];
                    const k = !cell ? 'text' : cell.querySelector('input[name$=".day"]') ? 'date' : cell.querySelector('select') ? 'select'
                      : cell.querySelector('input, textarea') ? 'text' : 'none';
                    return { label: h, kind: k };
                  }).filter(c => c.kind !== 'none');
                }
                const values = [...g.querySelectorAll('input:not([type=hidden]), textarea, select')];
                const filled = values.some(v => (v.type === 'radio' || v.type === 'checkbox') ? v.checked && v.value !== '' : v.value.trim() !== '');
                return { index: i, label, optional, kind, filled, options, columns };
              });
            }
            """);
        return json.EnumerateArray().Select(q => new Question(
            q.GetProperty("index").GetInt32(),
            q.GetProperty("label").GetString()!,
            q.GetProperty("optional").GetBoolean(),
            q.GetProperty("kind").GetString()!,
            q.GetProperty("filled").GetBoolean(),
            [.. q.GetProperty("options").EnumerateArray().Select(o => o.GetString()!)],
            [.. q.GetProperty("columns").EnumerateArray().Select(c => new Column(c.GetProperty("label").GetString()!, c.GetProperty("kind").GetString()!))]))
            .ToList();
    }

    /// <summary>
    /// The check page's row for the question shows what was typed. "a|b|c" means: either a (how the
    /// page summarises it today, e.g. "2 rows") or all of b and c (the rows as typed).
    /// </summary>
    private async Task ExpectShownAsync(string label, string[] shown)
    {
        var value = Page.Locator(".govuk-summary-list__row")
            .Filter(new() { Has = Page.Locator(".govuk-summary-list__key").GetByText(label, new() { Exact = true }) })
            .Locator(".govuk-summary-list__value");
        await Expect(value).ToHaveCountAsync(1);
        var text = Regex.Replace(await value.InnerTextAsync(), @"\s+", " ");
        foreach (var item in shown)
        {
            var parts = item.Split('|');
            if (parts.Length > 1)
            {
                var typed = parts.Skip(1).All(p => text.Contains(Regex.Replace(p, @"\s+", " "), StringComparison.Ordinal));
                Assert.True(typed || text.StartsWith(parts[0], StringComparison.Ordinal),
                    $"Check your answers shows '{text}' for '{label}', not what was typed ({string.Join("; ", parts.Skip(1))}).");
            }
            else
            {
                Assert.True(text.Contains(Regex.Replace(item, @"\s+", " "), StringComparison.Ordinal),
                    $"Check your answers shows '{text}' for '{label}', expected '{item}'.");
            }
        }
    }

    private async Task ExpectNoErrorsAsync(string doing)
    {
        var summary = Page.Locator(".govuk-error-summary");
        if (await summary.CountAsync() > 0)
        {
            Assert.Fail($"{Email}, {doing}: {Regex.Replace(await summary.InnerTextAsync(), @"\s+", " ")}");
        }
    }

    private async Task GoAsync(string pathOrUrl)
    {
        await Page.GotoAsync(pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? pathOrUrl : journey.App.Url(pathOrUrl));
        await LandedAsync();
    }

    /// <summary>After every page load: checks the page with axe-core (once per kind of page).</summary>
    private async Task LandedAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        journey.LastActor = this;
        await journey.CheckAccessibilityAsync(Page);
    }

    [GeneratedRegex(@"/reviews/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewPage();

    [GeneratedRegex(@"/reviews/[0-9a-f-]{36}/stages/[^/]+$")]
    private static partial Regex StageForm();

    [GeneratedRegex(@"LR-\d{4}-\d{4}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^Complete stage and (continue|close the review)$")]
    private static partial Regex CompleteButton();
}
