using LearningReviews.Domain.Chronology;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.Chronology;

/// <summary>What the typed entry form holds (as typed, so a refused form is shown again as it was).</summary>
public sealed record ChronologyEntryInput(string Day = "", string Month = "", string Year = "", string Time = "", string WhatHappened = "",
    string Source = "", string Significance = "", string KeyPracticeEpisode = "no");

/// <summary>The chronology page: an agency's own entries (or every agency's, for those who compile it), the entry form and the import.</summary>
public sealed record ChronologyPage(
    Review Review, string MethodologyName, bool MayEnter, bool MayCompile, string? AgencyName,
    IReadOnlyList<ChronologyEntry> Entries, int Page, int TotalEntries, ChronologyEntryInput Input, Guid? Editing, ImportReport? Report)
{
    public int Pages => Math.Max(1, (TotalEntries + ChronologyController.PageSize - 1) / ChronologyController.PageSize);
}

/// <summary>What an import did: every row with problems, and whether the good rows were imported or the file refused.</summary>
public sealed record ImportReport(string FileName, int RowCount, int Imported, IReadOnlyList<ChronologyRowResult> BadRows, bool RefusedWhole, string? Refusal)
{
    public int Good => RowCount - BadRows.Count;
}

/// <summary>The combined view: one page of rows, the likely duplicates among them, and which view it is.</summary>
public sealed record CombinedPage(
    Review Review, string MethodologyName, bool Anonymised, IReadOnlyList<CombinedRow> Rows, int Page, int TotalRows,
    IReadOnlyDictionary<Guid, IReadOnlyList<(LikelyDuplicate Pair, CombinedRow? Other)>> Duplicates, int DuplicateCount, int AgencyCount)
{
    public int Pages => Math.Max(1, (TotalRows + ChronologyController.PageSize - 1) / ChronologyController.PageSize);
}
