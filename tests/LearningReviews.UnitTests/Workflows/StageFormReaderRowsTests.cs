using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Workflows;
using LearningReviews.Web.Features.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace LearningReviews.UnitTests.Workflows;

/// <summary>
/// What the stage form reader makes of rows posted with gaps (the page's script removes a row by taking
/// its inputs away), times as people write them, and deadlines.
/// </summary>
public sealed class StageFormReaderRowsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly StageDefinition Stage = new()
    {
        Key = "s",
        Title = "Stage",
        Fields =
        [
            new FieldDefinition
            {
                Key = "chronology", Label = "Chronology", Kind = FieldKind.Rows,
                Columns = [new FieldDefinition { Key = "date", Label = "Date", Kind = FieldKind.Date }, new FieldDefinition { Key = "event", Label = "Event", Kind = FieldKind.ShortText }],
            },
            new FieldDefinition { Key = "points", Label = "Learning points", Kind = FieldKind.LearningPoints },
            new FieldDefinition { Key = "actions", Label = "Actions", Kind = FieldKind.Actions },
            new FieldDefinition { Key = "circleAt", Label = "Date and time of the learning circle", Kind = FieldKind.DateTime },
            new FieldDefinition { Key = "reportDeadline", Label = "Deadline for completion of the report", Kind = FieldKind.Date, DateRule = DeadlineRule.Name },
        ],
    };

    [Fact]
    public void Rows_learning_points_and_actions_posted_with_gaps_are_all_read_in_order()
    {
        var (submission, modelState) = Read(new()
        {
            ["f.chronology[0].event"] = "Referral", ["f.chronology[2].event"] = "Strategy meeting", ["f.chronology[10].event"] = "Case closed",
            ["lp[1].text"] = "First point", ["lp[1].id"] = "", ["lp[3].text"] = "Second point",
            ["act[0].what"] = "Audit", ["act[0].owner"] = "Sam", ["act[5].what"] = "Train", ["act[5].owner"] = "Ali",
            ["act[5].due.day"] = "4", ["act[5].due.month"] = "1", ["act[5].due.year"] = "2027",
        });
        Assert.True(modelState.IsValid);
        Assert.Equal(["Referral", "Strategy meeting", "Case closed"], submission.Answers["chronology"]!.AsArray().Select(r => r!["event"]!.GetValue<string>()));
        Assert.Equal(["First point", "Second point"], submission.LearningPoints.Select(p => p.Text));
        Assert.Equal([("Audit", "Sam", (string?)null), ("Train", "Ali", "2027-01-04")], submission.Actions.Select(a => (a.What, a.Owner!, a.Due)));
    }

    [Fact]
    public void An_error_in_a_row_after_a_gap_names_the_row_as_the_page_shows_it_again()
    {
        var (_, modelState) = Read(new()
        {
            ["f.chronology[0].event"] = "Referral",
            ["f.chronology[4].date.day"] = "31", ["f.chronology[4].date.month"] = "2", ["f.chronology[4].date.year"] = "2026",
        });
        Assert.False(modelState.IsValid);
        Assert.True(modelState.ContainsKey("f.chronology[1].date"), string.Join(", ", modelState.Keys));
        Assert.False(modelState.ContainsKey("f.chronology[4].date"));
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_not_dropped()
    {
        var values = new Dictionary<string, StringValues>();
        for (var i = 0; i <= StageFormReader.MostRows; i++) values[$"f.chronology[{i * 2}].event"] = "x";
        var (_, modelState) = Read(values);
        Assert.Equal($"'Chronology' can have at most {StageFormReader.MostRows} rows (it has {StageFormReader.MostRows + 1}): remove some",
            Assert.Single(modelState["f.chronology"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void Odd_indices_are_ignored_rather_than_read_twice()
    {
        var (submission, _) = Read(new() { ["f.chronology[01].event"] = "a", ["f.chronology[1].event"] = "b", ["f.chronology[-1].event"] = "c", ["f.chronology[x].event"] = "d" });
        Assert.Equal(["b"], submission.Answers["chronology"]!.AsArray().Select(r => r!["event"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("10am", "2026-12-03T10:00")]
    [InlineData("2.15pm", "2026-12-03T14:15")]
    [InlineData("1430", "2026-12-03T14:30")]
    public void A_time_written_as_people_write_it_is_saved_on_the_24_hour_clock(string typed, string saved)
    {
        var (submission, modelState) = Read(new() { ["f.circleAt.day"] = "3", ["f.circleAt.month"] = "12", ["f.circleAt.year"] = "2026", ["f.circleAt.time"] = typed });
        Assert.True(modelState.IsValid);
        Assert.Equal(saved, submission.Answers["circleAt"]!.GetValue<string>());
    }

    [Fact]
    public void An_ambiguous_time_is_refused_and_kept_as_typed()
    {
        var (_, modelState) = Read(new() { ["f.circleAt.day"] = "3", ["f.circleAt.month"] = "12", ["f.circleAt.year"] = "2026", ["f.circleAt.time"] = "2.30" });
        Assert.Equal("Enter whether the time of 'Date and time of the learning circle' is in the morning or the afternoon, like 2:30am or 2:30pm",
            Assert.Single(modelState["f.circleAt"]!.Errors).ErrorMessage);
        Assert.Equal("2.30", modelState["f.circleAt.time"]!.AttemptedValue);
    }

    [Fact]
    public void A_deadline_on_a_Saturday_is_saved_as_the_Monday_with_a_notice()
    {
        var (submission, modelState) = Read(new() { ["f.reportDeadline.day"] = "5", ["f.reportDeadline.month"] = "12", ["f.reportDeadline.year"] = "2026" });
        Assert.True(modelState.IsValid);
        Assert.Equal("2026-12-07", submission.Answers["reportDeadline"]!.GetValue<string>());
        Assert.Equal("Saturday 5 December 2026 is not a working day; the deadline is Monday 7 December 2026.", Assert.Single(submission.Notices));
    }

    [Fact]
    public void A_deadline_in_the_past_is_refused()
    {
        var (_, modelState) = Read(new() { ["f.reportDeadline.day"] = "30", ["f.reportDeadline.month"] = "11", ["f.reportDeadline.year"] = "2026" });
        Assert.Equal("'Deadline for completion of the report' must be today or in the future: Monday 30 November 2026 has passed",
            Assert.Single(modelState["f.reportDeadline"]!.Errors).ErrorMessage);
    }

    private static (StageSubmission, ModelStateDictionary) Read(Dictionary<string, StringValues> values)
    {
        var modelState = new ModelStateDictionary();
        return (StageFormReader.Read(Stage, new FormCollection(values), modelState, Today, new WorkingDayCalendar()), modelState);
    }
}
