using System.Text.Json;
using LearningReviews.Domain.Identity;
using LearningReviews.Domain.Access;
using LearningReviews.IntegrationTests.Documents;
using LearningReviews.IntegrationTests.Infrastructure;
using LearningReviews.IntegrationTests.Workflows;
using LearningReviews.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using static LearningReviews.IntegrationTests.Outcomes.OutcomesFormLifecycleTests;

namespace LearningReviews.IntegrationTests.Outcomes;

/// <summary>
/// The Outcomes Form as Appendix 1 of the Learning Methodology Framework lays it out (with its Lead Author
/// row), comments on any section from a link beside it, records that print like documents, and the
/// partnership's own name in place of the one the source documents were written for.
/// </summary>
public sealed class OutcomesFormAppendixTests
{
    private const string Partnership = "Northshire Safeguarding Children Partnership";

    /// <summary>Appendix 1's rows, in its order.</summary>
    private static readonly string[] AppendixRows =
    [
        "Details of family being considered", "Lead Author", "How this review was undertaken",
        "Attendees or people who contributed to this review", "Any people who were unable to contribute",
        "Date of Practitioner Event or date the review was undertaken", "Synopsis of the case", "Findings and key learning points",
        "Background and summary of agency's involvement", "Strengths in agencies response or within multi-agency working with the family",
        "Areas where we would like to do better", "Any specific actions identified in relation to the family",
        "Any broader learning that has been identified", "Recommendations", "How this learning will be disseminated and implemented",
        "Decisions around how the family have been involved or informed of this review",
    ];

    private static readonly string[] Ticked = ["checkIn", "groundRules"];

    private static readonly Dictionary<string, string> Settings = new() { ["Partnership:Name"] = Partnership };

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_page_and_the_PDF_show_Appendix_1s_rows_in_order_with_the_lead_author_and_the_partnerships_own_name(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, settings: Settings);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var saved = await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(app.Today, synopsis: "Child P was not seen alone."));
        Assert.True(saved.IsRedirect, saved.ErrorSummary);

        var page = await author.GetAsync($"/reviews/{review}/outcomes-form");
        var headings = page.Html.QuerySelectorAll("main h2.govuk-heading-m").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(AppendixRows, headings);
        Assert.Equal("Leo Reid", page.Html.GetElementById("section-leadAuthor")!.NextElementSibling!.TextContent.Trim());
        // The key learning points sit in the findings row, not a row of their own.
        var findings = page.Text.IndexOf("Seeing the child alone matters.", StringComparison.Ordinal);
        var point = page.Text.IndexOf("See the child alone at every visit", StringComparison.Ordinal);
        Assert.True(findings >= 0 && point > findings && point < page.Text.IndexOf("Background and summary", StringComparison.Ordinal));

        var pdf = PdfReader.Read(await author.Client.GetByteArrayAsync($"/reviews/{review}/outcomes-form.pdf"));
        var flat = Flat(pdf.Text);
        var positions = AppendixRows.Select(row => flat.IndexOf(row, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "a row of Appendix 1 is missing from the PDF:\n" + flat));
        Assert.Equal(positions.Order().ToList(), positions);
        // Read from the structure tree: the draft watermark's letters land among the laid-out lines.
        Assert.Equal(["H2 \"Lead Author\"", "P \"Leo Reid\"", "H2 \"How this review was undertaken\""], After(pdf, "H2", "Lead Author", 3));
        // The partnership's name heads the document (the marking above it is page furniture, not structure).
        Assert.Equal($"P \"{Partnership}\"", pdf.Elements[1].ToString());
        Assert.Contains(pdf.Elements, e => e.Text.Contains($"the {Partnership} methodologies for Learning Reviews", StringComparison.Ordinal));
        Assert.DoesNotContain("GSCP", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Gateshead", flat, StringComparison.Ordinal);

        // The stage page's labels and guidance, and a rapid review's, name the partnership from the setting too.
        var stage = await author.GetAsync($"/reviews/{review}/stages/outcomes");
        Assert.Contains($"the {Partnership} methodologies", stage.Text, StringComparison.Ordinal);
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var rapid = await bm.GetAsync("/reviews/start/rapid-review");
        foreach (var text in new[] { stage.Html.Body!.TextContent, rapid.Html.Body!.TextContent })
        {
            Assert.DoesNotContain("GSCP", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Gateshead", text, StringComparison.Ordinal);
        }
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Anyone_involved_comments_on_the_recommendations_from_the_link_beside_them_and_only_the_lead_author_answers(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        using var author = await app.SignedInAsAsync("lead@demo.example");
        var today = app.Today;
        var url = $"/reviews/{review}/outcomes-form";
        await author.SaveStageAsync(review, "outcomes", OutcomesAnswers(today, synopsis: "Child P was not seen alone."));
        var draft = await author.GetAsync(url);
        var close = today.AddDays(7);
        var circulated = await author.FollowAsync(await author.PostAsync($"{url}/circulate",
            [new("formToken", Token(draft)), new("close.day", close.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("close.month", close.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("close.year", close.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            draft.AntiforgeryToken()));
        Assert.Contains("Circulated for comment", circulated.Html.QuerySelector(".app-form-status")!.TextContent, StringComparison.Ordinal);

        // Every row has its own link, and there is no comment box until one is followed.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var form = await practitioner.GetAsync(url);
        var links = form.Html.QuerySelectorAll("a").Where(a => a.TextContent.Contains("Comment on this section", StringComparison.Ordinal)).ToList();
        Assert.Equal(AppendixRows.Length, links.Count);
        Assert.Empty(form.Html.QuerySelectorAll($"form[action='{url}/comments']"));

        var recommendations = links.Single(a => a.TextContent.Contains("Recommendations", StringComparison.Ordinal)).GetAttribute("href")!;
        var box = await practitioner.GetAsync(recommendations);
        var commentForm = box.Html.QuerySelector($"form[action='{url}/comments']")!;
        Assert.Equal("comment-recommendations", commentForm.Id);
        Assert.Equal("recommendations", commentForm.QuerySelector("input[name=section]")!.GetAttribute("value"));

        var empty = await practitioner.PostAsync($"{url}/comments", [new("section", "recommendations"), new("text", " ")], box.AntiforgeryToken());
        Assert.Contains("Enter your comment", empty.ErrorSummary, StringComparison.Ordinal);
        Assert.NotNull(empty.Html.GetElementById("comment-recommendations"));

        var added = await practitioner.FollowAsync(await practitioner.PostAsync($"{url}/comments",
            [new("section", "recommendations"), new("text", "Name a timeframe for the template change.")], box.AntiforgeryToken()));
        Assert.Contains("Your comment has been added", added.Text, StringComparison.Ordinal);
        var onLead = await practitioner.FollowAsync(await practitioner.PostAsync($"{url}/comments",
            [new("section", "leadAuthor"), new("text", "Co-authored with the school nurse.")], added.AntiforgeryToken()));
        Assert.Contains("Your comment has been added", onLead.Text, StringComparison.Ordinal);
        var sections = await app.WithDbAsync(db => db.OutcomesComments.OrderBy(c => c.CreatedAt).Select(c => c.SectionKey).ToListAsync());
        Assert.Equal(["recommendations", "leadAuthor"], sections);

        // The comment is shown in the Recommendations row; only the lead author is offered "Save answer".
        var text = onLead.Text;
        var comment = text.IndexOf("Name a timeframe for the template change.", StringComparison.Ordinal);
        Assert.True(comment > text.IndexOf("Add 'seen alone' to the visit template", StringComparison.Ordinal)
                    && comment < text.IndexOf("How this learning will be disseminated", StringComparison.Ordinal));
        Assert.DoesNotContain(onLead.Html.QuerySelectorAll("button"), b => b.TextContent.Contains("Save answer", StringComparison.Ordinal));
        var asAuthor = await author.GetAsync(url);
        Assert.Equal(2, asAuthor.Html.QuerySelectorAll("button").Count(b => b.TextContent.Contains("Save answer", StringComparison.Ordinal)));

        // The business manager acts at the stage too, but the lead author answers: no "Save answer", and a posted answer is refused.
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var asBm = await bm.GetAsync(url);
        Assert.DoesNotContain(asBm.Html.QuerySelectorAll("button"), b => b.TextContent.Contains("Save answer", StringComparison.Ordinal));
        var first = await app.WithDbAsync(db => db.OutcomesComments.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
        var refused = await bm.PostAsync($"{url}/comments/{first}/answer",
            [new("formToken", Token(asAuthor)), new("response", "Agreed, by March.")], asBm.AntiforgeryToken());
        Assert.Contains("Only the lead author answers comments on the form.", refused.Text, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.OutcomesComments.Where(c => c.Id == first).Select(c => c.Response).SingleAsync()));
        await author.FollowAsync(await author.PostAsync($"{url}/comments/{first}/answer",
            [new("formToken", Token(asAuthor)), new("response", "Agreed, by March.")], asAuthor.AntiforgeryToken()));
        Assert.Equal("Agreed, by March.", await app.WithDbAsync(db => db.OutcomesComments.Where(c => c.Id == first).Select(c => c.Response).SingleAsync()));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_record_prints_dates_in_words_choices_by_their_labels_its_checklists_and_its_title_once(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        using var hol = await app.SignedInAsAsync("hol@demo.example");
        var circle = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title.EndsWith("Child C")).Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var records = await db.StageRecords.Where(s => s.ReviewId == circle).ToListAsync();
            var preparation = records.Where(s => s.StageKey == "preparation").MaxBy(s => s.Cycle)!;
            var answers = System.Text.Json.Nodes.JsonNode.Parse(preparation.AnswersJson)!.AsObject();
            answers["chronology"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["date"] = "2026-10-03", ["event"] = "School referral" });
            answers["summaryUpToDate"] = "yes";
            preparation.AnswersJson = answers.ToJsonString();
            var meeting = records.Where(s => s.StageKey == "circle").MaxBy(s => s.Cycle)!;
            var circleAnswers = System.Text.Json.Nodes.JsonNode.Parse(meeting.AnswersJson)!.AsObject();
            circleAnswers["attendance"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["name"] = "Priya Shah", ["attended"] = "yes" },
                new System.Text.Json.Nodes.JsonObject { ["name"] = "Tariq Malik", ["attended"] = "apologies" });
            meeting.AnswersJson = circleAnswers.ToJsonString();
            meeting.ChecklistJson = JsonSerializer.Serialize(Ticked);
            return await db.SaveChangesAsync();
        });

        var pdf = PdfReader.Read(await hol.Client.GetByteArrayAsync($"/reviews/{circle}/record.pdf"));
        var flat = Flat(pdf.Text);
        Assert.Contains("3 October 2026", flat, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", flat);
        Assert.DoesNotMatch(@"(?<!Sent )apologies", flat);
        // Pairs are read from the structure tree: a long label wraps within its column, and the draft
        // watermark's letters land among the laid-out lines.
        Assert.Equal(["TD \"Priya Shah\"", "TD \"Attended\"", "TR \"\"", "TD \"Tariq Malik\"", "TD \"Sent apologies\""],
            After(pdf, "TD", "Priya Shah", 5, skip: 1));
        Assert.Equal(["H3 \"Is there an up-to-date summary on the child's record?\"", "P \"Yes\""],
            After(pdf, "H3", "Is there an up-to-date summary on the child's record?", 2));
        Assert.Equal(["TH \"The learners \"check in\" to the circle\"", "TD \"Ticked\""], After(pdf, "TH", "The learners \"check in\" to the circle", 2));
        Assert.Equal(["TH \"The learners \"check out\" of the circle\"", "TD \"Not ticked\""], After(pdf, "TH", "The learners \"check out\" of the circle", 2));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(flat, "Learning circle record"));
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task The_business_manager_sees_the_case_record_number_she_typed_and_the_exports_list_shows_titles(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var review = await ReviewAtTheOutcomesStageAsync(app);
        await app.WithDbAsync(async db =>
        {
            var child = await db.ReviewCases.Where(rc => rc.ReviewId == review).Select(rc => rc.Case!).SingleAsync();
            child.CaseRecordNumber = "CR-20417";
            return await db.SaveChangesAsync();
        });
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync($"/reviews/{review}");
        Assert.Contains("CR-20417", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted to managers", page.Text, StringComparison.Ordinal);

        // A practitioner taking part still sees it restricted; so would the other roles without a manager's standing.
        using var practitioner = await app.SignedInAsAsync("practitioner@demo.example");
        var theirs = await practitioner.GetAsync($"/reviews/{review}");
        Assert.DoesNotContain("CR-20417", theirs.Text, StringComparison.Ordinal);
        Assert.Contains("Restricted to managers", theirs.Text, StringComparison.Ordinal);
        foreach (var role in new[] { Roles.Practitioner, Roles.AgencyRepresentative, Roles.Facilitator, Roles.LeadReviewer, Roles.SubgroupMember })
            Assert.False(ReviewDetailsView.MaySeeRestricted(new UserContext("u", new HashSet<string> { role }, null)), role);

        // The exports list names each review by its title as well as its reference.
        var exports = await bm.GetAsync("/exports");
        var rows = exports.Html.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows.Take(3))
        {
            var id = Guid.Parse(row.QuerySelector("a[href^='/reviews/']")!.GetAttribute("href")!.Split('/').Last());
            var title = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Title).SingleAsync());
            Assert.Equal(title, row.QuerySelector(".app-export-title")!.TextContent.Trim());
        }
    }

    /// <summary>
    /// The <paramref name="count"/> elements of the PDF's structure tree from the <paramref name="skip"/>+1st one
    /// tagged <paramref name="tag"/> with exactly <paramref name="text"/>, as "TAG \"text\"".
    /// </summary>
    private static string[] After(PdfReader pdf, string tag, string text, int count, int skip = 0)
    {
        var elements = pdf.Elements.ToList();
        var start = elements.Select((e, i) => (e, i)).Where(x => x.e.Tag == tag && x.e.Text == text).Select(x => x.i).Skip(skip).DefaultIfEmpty(-1).First();
        Assert.True(start >= 0, $"no {tag} \"{text}\" in the PDF's structure:\n" + string.Join('\n', elements));
        return elements.Skip(start).Take(count).Select(e => e.ToString()).ToArray();
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
