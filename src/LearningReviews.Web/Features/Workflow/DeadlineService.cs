using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Infrastructure;

namespace LearningReviews.Web.Features.Workflow;

/// <summary>
/// Works out the deadlines of a review's current stage from its definition: counted in working days
/// (England and Wales bank holidays and configured closure days skipped) or calendar days, from the
/// review's start, the stage's start, or a date recorded on a form.
/// </summary>
public sealed class DeadlineService(WorkingDayCalendar calendar, PartnershipTime time)
{
    public IReadOnlyList<DeadlineRow> For(Review review, WorkflowDefinition definition, ReviewState state)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        if (review.Status is not (ReviewStatus.Proposed or ReviewStatus.InProgress)) return [];
        var stage = definition.FindStage(review.CurrentStageKey);
        if (stage is null) return [];
        var today = time.Today;
        var records = ReviewWorkflowService.LatestRecords(review);
        var rows = new List<DeadlineRow>();
        foreach (var deadline in stage.Deadlines)
        {
            DateOnly? from = deadline.From switch
            {
                "review-start" => time.LocalDate(review.CreatedAt),
                "stage-start" => records.GetValueOrDefault(stage.Key)?.StartedAt is { } started ? time.LocalDate(started) : null,
                var reference => DateFrom(state, stage, reference),
            };
            if (from is null) continue;
            var due = deadline.WorkingDays is { } working ? calendar.AddWorkingDays(from.Value, working) : from.Value.AddDays(deadline.CalendarDays ?? 0);
            rows.Add(new DeadlineRow(deadline.Title, due, calendar.WorkingDaysBetween(today, due)));
        }
        return rows;
    }

    private static DateOnly? DateFrom(ReviewState state, StageDefinition stage, string reference)
    {
        var (answers, field) = state.Resolve(stage, reference);
        return field is null ? null : answers.Date(field.Key);
    }
}
