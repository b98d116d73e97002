namespace LearningReviews.Web.Features.AnnualReport;

/// <summary>One row of a report table: what it counts, and one number per column.</summary>
public sealed record ReportRow(string Label, IReadOnlyList<int> Values);

/// <summary>
/// A table of counts. The page, the PDF, the CSV and the workbook are all drawn from these tables, so the four
/// always say the same; <see cref="Key"/> names the table in the CSV and the page (for tests and for people
/// pasting figures elsewhere).
/// </summary>
public sealed record ReportTable(string Key, string Title, string RowHeading, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>A number by its row's and column's names, or null when the table has no such row or column.</summary>
    public int? Value(string row, string column)
    {
        var index = Columns.ToList().IndexOf(column);
        var found = Rows.FirstOrDefault(r => r.Label == row);
        return index < 0 || found is null ? null : found.Values[index];
    }
}

/// <summary>A part of the report: a heading, sentences saying what the tables show and how they were counted, and the tables.</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<string> Sentences, IReadOnlyList<ReportTable> Tables);

/// <summary>The annual report for one period, as counted on <see cref="AsOf"/> over the reviews its reader may see.</summary>
public sealed record AnnualReportResult(AnnualReportPeriod Period, DateOnly AsOf, IReadOnlyList<ReportSection> Sections)
{
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables);

    public ReportTable Table(string key) => Tables.First(t => t.Key == key);
}
