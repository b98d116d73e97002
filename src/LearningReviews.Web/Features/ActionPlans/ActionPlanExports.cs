using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;

namespace LearningReviews.Web.Features.ActionPlans;

/// <summary>The filtered action plans list as a CSV and an Excel workbook, one row per action, the columns the page shows and more.</summary>
public static class ActionPlanExports
{
    public static readonly string[] Columns =
        ["Review", "Methodology", "Subgroup", "Source", "Action", "Owner", "Agency", "Due", "RAG", "Status", "Evidence of impact", "Re-check on"];

    public static byte[] Csv(IReadOnlyList<ActionPlanRow> rows, Func<string, string> methodologyName, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var memory = new MemoryStream();
        // A cell starting with = + - @ would run as a formula in a spreadsheet: CsvHelper puts an apostrophe before it.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(memory, options, true))
        {
            csv.WriteRecord(Columns);
            foreach (var row in rows) csv.WriteRecord(Cells(row, methodologyName, today, calendar));
            csv.Flush();
        }
        return memory.ToArray();
    }

    public static byte[] Workbook(IReadOnlyList<ActionPlanRow> rows, Func<string, string> methodologyName, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Actions");
        for (var c = 0; c < Columns.Length; c++) sheet.Cell(1, c + 1).Value = Columns[c];
        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            // Every cell is set as text (dates as yyyy-mm-dd), so an action starting with "=" stays text, never a formula.
            var cells = Cells(rows[r], methodologyName, today, calendar);
            for (var c = 0; c < cells.Length; c++) sheet.Cell(r + 2, c + 1).SetValue(cells[c]);
        }
        sheet.SheetView.FreezeRows(1);
        using var memory = new MemoryStream();
        workbook.SaveAs(memory);
        return memory.ToArray();
    }

    public static string[] Cells(ActionPlanRow row, Func<string, string> methodologyName, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(methodologyName);
        var rag = ActionRules.Rag(row.Status, row.DueDate, today, calendar);
        return
        [
            row.Reference, methodologyName(row.MethodologyKey), row.Subgroup ?? "", ActionRules.Name(row.Source), row.What, row.OwnerName ?? "", row.Agency ?? "",
            row.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", rag == ActionRag.None ? "" : rag.ToString(),
            ActionRules.Name(row.Status), row.EvidenceOfImpact ?? "", row.RecheckOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ];
    }
}
