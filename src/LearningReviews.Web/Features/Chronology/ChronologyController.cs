using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Chronology;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Authorization;
using LearningReviews.Web.Infrastructure.GovUk;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Chronology;

/// <summary>
/// A review's multi-agency chronology. An agency's representative enters, imports, changes and removes
/// their own agency's entries (EnterChronology); the business manager and the review's lead author or
/// reviewer see every agency's, the combined view (named or anonymised), merge or keep likely duplicates
/// and export it (CompileChronology). Every page, change and export is written to the audit log, which
/// records counts and agencies, never what an entry says.
/// </summary>
[Route("reviews/{id:guid}/chronology")]
public sealed class ChronologyController(
    LearningReviewsDbContext db,
    ReviewQueries queries,
    ReviewWorkflowService workflow,
    UserContextFactory users,
    ReviewAccess access,
    AuditLog audit,
    PartnershipTime time,
    ChronologyExports exports,
    PdfDocumentRenderer renderer) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, int page = 1)
    {
        var review = await queries.FindAsync(id, where: "chronology");
        if (review is null) return NotFound();
        var page0 = await PageAsync(review, page, new ChronologyEntryInput(), null, null);
        if (page0 is null) return await RefuseAsync(review);
        await audit.RecordViewAsync(nameof(ChronologyEntry), null, review.Id, page0.MayCompile ? "Chronology, every agency" : $"Chronology, {page0.AgencyName}");
        return View("Index", page0);
    }

    [HttpGet("template.csv")]
    public async Task<IActionResult> Template(Guid id)
    {
        var review = await queries.FindAsync(id, where: "chronology template");
        if (review is null) return NotFound();
        return File(ChronologyExports.Template(), "text/csv", "chronology-template.csv");
    }

    [HttpPost("entries")]
    public async Task<IActionResult> Add(Guid id, int page = 1)
    {
        var review = await queries.FindAsync(id, tracking: true, where: "chronology");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.EnterChronology, "chronology")) return Forbid();
        var input = Typed();
        var values = Check(input);
        if (values is null) return View("Index", await PageAsync(review, page, input, null, null));

        var agency = MyAgency(review);
        var entry = NewEntry(review, agency, values);
        db.ChronologyEntries.Add(entry);
        audit.Add(AuditActions.Created, nameof(ChronologyEntry), entry.Id.ToString(), review.Id, "Chronology entry added");
        await db.SaveChangesAsync();
        TempData["Notice"] = "Entry added to your agency's chronology.";
        return Redirect($"/reviews/{id}/chronology");
    }

    [HttpGet("entries/{entryId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Guid entryId)
    {
        var review = await queries.FindAsync(id, where: "chronology");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.EnterChronology, "chronology")) return Forbid();
        var entry = await OwnEntryAsync(review, entryId, tracking: false);
        if (entry is null) return NotFound();
        var input = new ChronologyEntryInput(entry.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.Date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.WhatHappened, entry.Source, entry.Significance ?? "",
            entry.KeyPracticeEpisode ? "yes" : "no");
        ViewData["EntryToken"] = entry.ConcurrencyToken;
        return View("Index", await PageAsync(review, 1, input, entry.Id, null));
    }

    [HttpPost("entries/{entryId:guid}/edit")]
    public async Task<IActionResult> Save(Guid id, Guid entryId, Guid entryToken)
    {
        var review = await queries.FindAsync(id, where: "chronology");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.EnterChronology, "chronology")) return Forbid();
        var entry = await OwnEntryAsync(review, entryId, tracking: true);
        if (entry is null) return NotFound();
        var input = Typed();
        var values = Check(input);
        if (values is null)
        {
            ViewData["EntryToken"] = entryToken;
            return View("Index", await PageAsync(review, 1, input, entry.Id, null));
        }
        (entry.Date, entry.Time, entry.WhatHappened, entry.Source, entry.Significance, entry.KeyPracticeEpisode) =
            (values.Date, values.Time, values.WhatHappened, values.Source, values.Significance, values.KeyPracticeEpisode);
        db.Entry(entry).Property(e => e.ConcurrencyToken).OriginalValue = entryToken;
        audit.Add(AuditActions.Updated, nameof(ChronologyEntry), entry.Id.ToString(), review.Id, "Chronology entry changed");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            TempData["Notice"] = "Someone else changed or removed that entry while you were editing it, so your change was not saved. The list below is as it is now.";
            return Redirect($"/reviews/{id}/chronology");
        }
        TempData["Notice"] = "Entry changed.";
        return Redirect($"/reviews/{id}/chronology");
    }

    [HttpPost("entries/{entryId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid entryId)
    {
        var review = await queries.FindAsync(id, where: "chronology");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.EnterChronology, "chronology")) return Forbid();
        var entry = await OwnEntryAsync(review, entryId, tracking: true);
        if (entry is null) return NotFound();
        // An entry merged into this one becomes an entry of its own again rather than vanishing with it.
        foreach (var merged in await db.ChronologyEntries.Where(e => e.MergedIntoId == entry.Id).ToListAsync())
        {
            (merged.Resolution, merged.MergedIntoId) = (DuplicateResolution.None, null);
        }
        db.ChronologyEntries.Remove(entry);
        audit.Add(AuditActions.Deleted, nameof(ChronologyEntry), entry.Id.ToString(), review.Id, "Chronology entry removed");
        await db.SaveChangesAsync();
        TempData["Notice"] = "Entry removed.";
        return Redirect($"/reviews/{id}/chronology");
    }

    /// <summary>
    /// Imports a CSV or XLSX file of the agency's entries. Every row is checked first; with bad rows the file
    /// is refused whole unless the user chose to import the good rows. What is imported is saved in one
    /// transaction, with its audit entry, so a failure part-way leaves nothing behind.
    /// </summary>
    [HttpPost("import")]
    [RequestSizeLimit(ChronologyFileReader.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ChronologyFileReader.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Import(Guid id, IFormFile? file, string? whenBadRows)
    {
        var review = await queries.FindAsync(id, where: "chronology import");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.EnterChronology, "chronology import")) return Forbid();
        if (file is null)
        {
            ModelState.AddModelError("file", "Select a CSV or Excel file of your agency's chronology");
            return View("Index", await PageAsync(review, 1, new ChronologyEntryInput(), null, null));
        }
        var importGood = whenBadRows == "import-good";
        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        using (var memory = new MemoryStream())
        {
            await stream.CopyToAsync(memory);
            bytes = memory.ToArray();
        }
        var name = Path.GetFileName(file.FileName);
        var read = ChronologyFileReader.Read(bytes);
        if (read.Refusal is not null)
        {
            ModelState.AddModelError("file", read.Refusal);
            return View("Index", await PageAsync(review, 1, new ChronologyEntryInput(), null, new ImportReport(name, 0, 0, [], true, read.Refusal)));
        }

        var today = time.Today;
        var results = read.Rows.Select(r => ChronologyRow.Read(r.RowNumber, r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4], r.Cells[5], today)).ToList();
        var bad = results.Where(r => !r.IsGood).ToList();
        if (bad.Count > 0 && !importGood)
        {
            await audit.RecordAsync(AuditActions.Updated, nameof(ChronologyEntry), null, review.Id,
                $"Chronology import refused: {bad.Count} of {results.Count} rows have problems");
            return View("Index", await PageAsync(review, 1, new ChronologyEntryInput(), null, new ImportReport(name, results.Count, 0, bad, true, null)));
        }

        var agency = MyAgency(review);
        var good = results.Where(r => r.IsGood).Select(r => NewEntry(review, agency, r.Values!)).ToList();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ChronologyEntries.AddRange(good);
            audit.Add(AuditActions.Created, nameof(ChronologyEntry), null, review.Id,
                $"Chronology import: {good.Count} entries imported" + (bad.Count > 0 ? $", {bad.Count} rows with problems left out" : ""));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        db.ChangeTracker.Clear();
        return View("Index", await PageAsync(review, 1, new ChronologyEntryInput(), null, new ImportReport(name, results.Count, good.Count, bad, false, null)));
    }

    [HttpGet("combined")]
    public async Task<IActionResult> Combined(Guid id, string? view, int page = 1)
    {
        var review = await queries.FindAsync(id, where: "combined chronology");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.CompileChronology, "combined chronology")) return Forbid();
        var anonymised = view == "anonymised";
        var entries = await AllEntriesAsync(review);
        var rows = CombinedChronology.Rows(entries, anonymised ? Anonymiser(review, entries) : null);
        var duplicates = DuplicateDetector.Find(entries.Select(e => new DuplicateCandidate(e.Id, e.AgencyId, e.Date, e.WhatHappened, e.Resolution)));
        page = Math.Clamp(page, 1, Math.Max(1, (rows.Count + PageSize - 1) / PageSize));
        var shown = rows.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var byId = rows.ToDictionary(r => r.Id);
        var flags = shown.ToDictionary(r => r.Id, r => (IReadOnlyList<(LikelyDuplicate, CombinedRow?)>)duplicates
            .Where(d => d.First == r.Id || d.Second == r.Id)
            .Select(d => (d, byId.GetValueOrDefault(d.First == r.Id ? d.Second : d.First))).ToList());
        await audit.RecordViewAsync(nameof(ChronologyEntry), null, review.Id, $"Combined chronology ({(anonymised ? "anonymised" : "named")})");
        return View("Combined", new CombinedPage(review, workflow.DefinitionOf(review).Name, anonymised, shown, page, rows.Count, flags,
            duplicates.Count, entries.Select(e => e.AgencyId).Distinct().Count()));
    }

    /// <summary>Merges the second of a flagged pair into the first: the combined view shows one entry, recorded by both agencies.</summary>
    [HttpPost("duplicates/merge")]
    public Task<IActionResult> Merge(Guid id, Guid first, Guid second, string? view) => DecideAsync(id, first, second, view, merge: true);

    /// <summary>Keeps both entries of a flagged pair: they are not flagged against each other again.</summary>
    [HttpPost("duplicates/keep")]
    public Task<IActionResult> Keep(Guid id, Guid first, Guid second, string? view) => DecideAsync(id, first, second, view, merge: false);

    [HttpGet("combined.{format:regex(^(pdf|csv|xlsx)$)}")]
    public async Task<IActionResult> Export(Guid id, string format, string? view)
    {
        var review = await queries.FindAsync(id, where: "chronology export");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.CompileChronology, "chronology export")) return Forbid();
        var anonymised = view == "anonymised";
        var entries = await AllEntriesAsync(review);
        var anonymiser = anonymised ? Anonymiser(review, entries) : null;
        var rows = CombinedChronology.Rows(entries, anonymiser);
        var baseName = $"{review.Reference}-chronology{(anonymised ? "-anonymised" : "")}";
        await audit.RecordAsync(AuditActions.Exported, nameof(ChronologyEntry), null, review.Id,
            $"Combined chronology ({(anonymised ? "anonymised" : "named")}) as {format.ToUpperInvariant()}, {rows.Count} entries");
        return format switch
        {
            "csv" => File(ChronologyExports.Csv(rows), "text/csv", baseName + ".csv"),
            "xlsx" => File(ChronologyExports.Workbook(rows, "Chronology"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", baseName + ".xlsx"),
            _ => File(renderer.Render(exports.Pdf(review, workflow.DefinitionOf(review), rows, anonymised,
                $"Chronology: {(anonymiser?.Apply(review.Title) ?? review.Title)}")), "application/pdf", baseName + ".pdf"),
        };
    }

    private async Task<IActionResult> DecideAsync(Guid id, Guid first, Guid second, string? view, bool merge)
    {
        var review = await queries.FindAsync(id, where: "chronology duplicates");
        if (review is null) return NotFound();
        if (!await access.Demand(review, ReviewOperations.CompileChronology, "chronology duplicates")) return Forbid();
        var pair = await db.ChronologyEntries.Where(e => e.ReviewId == review.Id && (e.Id == first || e.Id == second)).ToListAsync();
        var (a, b) = (pair.FirstOrDefault(e => e.Id == first), pair.FirstOrDefault(e => e.Id == second));
        var back = $"/reviews/{id}/chronology/combined" + (view == "anonymised" ? "?view=anonymised" : "");
        if (a is null || b is null || a.Resolution == DuplicateResolution.Merged || b.Resolution == DuplicateResolution.Merged)
        {
            TempData["Notice"] = "Those entries have changed since the page was shown (one was removed or merged already). Nothing was changed.";
            return Redirect(back);
        }
        if (merge) (b.Resolution, b.MergedIntoId) = (DuplicateResolution.Merged, a.Id);
        else a.Resolution = b.Resolution = DuplicateResolution.KeptSeparate;
        audit.Add(AuditActions.Updated, nameof(ChronologyEntry), b.Id.ToString(), review.Id,
            merge ? $"Chronology entry merged into {a.Id}" : $"Chronology entries kept separate: {a.Id} and {b.Id}");
        await db.SaveChangesAsync();
        TempData["Notice"] = merge ? "The two entries are merged: the combined chronology shows one, recorded by both agencies." : "Both entries are kept.";
        return Redirect(back);
    }

    private async Task<List<ChronologyEntry>> AllEntriesAsync(Review review) =>
        await db.ChronologyEntries.AsNoTracking().Include(e => e.Agency).Where(e => e.ReviewId == review.Id).ToListAsync();

    private static ChronologyAnonymiser Anonymiser(Review review, IEnumerable<ChronologyEntry> entries) =>
        CombinedChronology.AnonymiserFor(review, entries.Select(e => e.EnteredBy));

    private async Task<IActionResult> RefuseAsync(Review review)
    {
        await access.Demand(review, ReviewOperations.EnterChronology, "chronology");
        return Forbid();
    }

    private Guid MyAgency(Review review) => ChronologyAccess.AgenciesOf(users.Current(), review)[0];

    private async Task<ChronologyEntry?> OwnEntryAsync(Review review, Guid entryId, bool tracking)
    {
        var mine = ChronologyAccess.AgenciesOf(users.Current(), review);
        var entries = tracking ? db.ChronologyEntries : db.ChronologyEntries.AsNoTracking();
        return await entries.FirstOrDefaultAsync(e => e.Id == entryId && e.ReviewId == review.Id && mine.Contains(e.AgencyId));
    }

    private ChronologyEntry NewEntry(Review review, Guid agency, ChronologyRowValues values) => new()
    {
        ReviewId = review.Id, AgencyId = agency, Date = values.Date, Time = values.Time, WhatHappened = values.WhatHappened,
        Source = values.Source, Significance = values.Significance, KeyPracticeEpisode = values.KeyPracticeEpisode,
        EnteredBy = review.Participants.FirstOrDefault(p => p.UserId == users.Current().UserId)?.Name ?? "",
    };

    private ChronologyEntryInput Typed()
    {
        var form = Request.Form;
        var (day, month, year) = GovUkDate.Typed(form, "Date");
        return new ChronologyEntryInput(day, month, year, form["Date.time"].ToString(), form["WhatHappened"].ToString(), form["Source"].ToString(),
            form["Significance"].ToString(), form["KeyPracticeEpisode"].ToString());
    }

    /// <summary>The typed entry's values, or null with its problems in ModelState under the form's field names.</summary>
    private ChronologyRowValues? Check(ChronologyEntryInput input)
    {
        string? date = null;
        if (input.Day.Length + input.Month.Length + input.Year.Length > 0)
        {
            date = GovUkDate.TryRead(input.Day, input.Month, input.Year, out var typed) ? typed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "not a date";
        }
        var result = ChronologyRow.Read(0, date, input.Time, input.WhatHappened, input.Source, input.Significance, input.KeyPracticeEpisode, time.Today);
        foreach (var problem in result.Problems)
        {
            var field = problem.Column switch
            {
                "Date" or "Time" => "Date",
                "What happened" => "WhatHappened",
                "Key practice episode" => "KeyPracticeEpisode",
                _ => problem.Column,
            };
            ModelState.AddModelError(field, problem.Message);
        }
        return result.Values;
    }

    private async Task<ChronologyPage?> PageAsync(Review review, int page, ChronologyEntryInput input, Guid? editing, ImportReport? report)
    {
        var mayEnter = await access.Allows(review, ReviewOperations.EnterChronology);
        var mayCompile = await access.Allows(review, ReviewOperations.CompileChronology);
        if (!mayEnter && !mayCompile) return null;
        var query = db.ChronologyEntries.AsNoTracking().Where(e => e.ReviewId == review.Id);
        string? agencyName = null;
        if (!mayCompile)
        {
            var mine = ChronologyAccess.AgenciesOf(users.Current(), review);
            query = query.Where(e => mine.Contains(e.AgencyId));
            agencyName = review.Participants.FirstOrDefault(p => p.AgencyId == mine[0])?.Agency?.Name;
        }
        else if (mayEnter)
        {
            agencyName = review.Participants.FirstOrDefault(p => p.AgencyId == ChronologyAccess.AgenciesOf(users.Current(), review)[0])?.Agency?.Name;
        }
        var total = await query.CountAsync();
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await query.Include(e => e.Agency)
            .OrderBy(e => e.Date).ThenBy(e => e.Time).ThenBy(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return new ChronologyPage(review, workflow.DefinitionOf(review).Name, mayEnter, mayCompile, agencyName, entries, page, total, input, editing, report);
    }
}
