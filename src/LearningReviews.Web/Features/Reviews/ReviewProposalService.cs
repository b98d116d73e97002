using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>A proposal ready to be saved: validated input in domain terms.</summary>
public sealed record ReviewProposal(
    WorkflowDefinition Methodology, IReadOnlyList<string> CaseLabels, Guid LocalityId, string? CaseRecordNumber,
    string? ReasonKey, string ReasonDetail, string ProposerName, Guid? LinkedFromReviewId = null);

/// <summary>
/// Records a proposed review with its cases, its proposer as a participant, its first stage, the
/// "started" transition and an audit entry, in one transaction. The reference number is retried if another proposal took the same one at the same moment.
/// </summary>
public sealed class ReviewProposalService(
    LearningReviewsDbContext db,
    ReviewReferenceGenerator references,
    AuditLog audit,
    ICurrentUser currentUser,
    TimeProvider clock,
    Infrastructure.RaceWindow raceWindow)
{
    /// <summary>
    /// Each round of a race has one winner, so a burst of proposals at once needs about as many
    /// rounds as there are proposals; the short random pause keeps the losers from colliding again.
    /// </summary>
    private const int ReferenceAttempts = 20;

    public async Task<Review> ProposeAsync(ReviewProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var review = new Review
        {
            Reference = "",
            MethodologyKey = proposal.Methodology.Key,
            DefinitionVersion = proposal.Methodology.Version,
            Title = $"{proposal.Methodology.Name}: {string.Join(", ", proposal.CaseLabels)}",
            Status = ReviewStatus.Proposed,
            CurrentStageKey = proposal.Methodology.FirstStage.Key,
            ReasonSelected = proposal.ReasonKey ?? "",
            ReasonDetail = proposal.ReasonDetail.Trim(),
            LocalityId = proposal.LocalityId,
            LinkedFromReviewId = proposal.LinkedFromReviewId,
        };
        if (review.Title.Length > 200) review.Title = review.Title[..197] + "...";
        // A review started from another's decision is about the same children: reuse their case records.
        var sourceCases = proposal.LinkedFromReviewId is { } sourceId
            ? await db.ReviewCases.Where(rc => rc.ReviewId == sourceId).Select(rc => rc.Case!).ToListAsync(cancellationToken)
            : [];
        foreach (var label in proposal.CaseLabels)
        {
            if (sourceCases.FirstOrDefault(c => c.Label == label) is { } existing)
            {
                // A number first given when the linked review starts is kept on the shared case record; one already there stays.
                if (existing.CaseRecordNumber is null && proposal.CaseLabels.Count == 1 && !string.IsNullOrWhiteSpace(proposal.CaseRecordNumber))
                    existing.CaseRecordNumber = proposal.CaseRecordNumber.Trim();
                review.Cases.Add(new ReviewCase { Review = review, CaseId = existing.Id });
                continue;
            }
            review.Cases.Add(new ReviewCase
            {
                Review = review,
                Case = new Case
                {
                    Label = label,
                    LocalityId = proposal.LocalityId,
                    // One record number only makes sense for one child.
                    CaseRecordNumber = proposal.CaseLabels.Count == 1 && !string.IsNullOrWhiteSpace(proposal.CaseRecordNumber)
                        ? proposal.CaseRecordNumber.Trim() : null,
                    CreatedBy = currentUser.UserId,
                },
            });
        }
        review.Stages.Add(new ReviewStageRecord { StageKey = review.CurrentStageKey, Status = StageStatus.InProgress, StartedAt = clock.GetUtcNow().UtcDateTime });
        db.Transitions.Add(new ReviewTransition
        {
            ReviewId = review.Id, Kind = TransitionKind.Started, ToStage = review.CurrentStageKey,
            UserId = currentUser.UserId, UserName = currentUser.UserName, OccurredAt = clock.GetUtcNow().UtcDateTime,
        });
        if (currentUser.UserId is { } proposerId)
        {
            review.Participants.Add(new Participant { UserId = proposerId, Name = proposal.ProposerName, Role = ReviewRole.Proposer });
        }
        db.Reviews.Add(review);

        for (var attempt = 1; ; attempt++)
        {
            await references.AssignAsync(review, cancellationToken);
            var auditEvent = audit.Add(AuditActions.Created, nameof(Review), review.Id.ToString(), review.Id,
                $"Proposed {proposal.Methodology.Name} {review.Reference}");
            await raceWindow.PauseAsync(Infrastructure.RaceWindow.ProposalReference, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return review;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Most likely another proposal took this reference number first: try the next one.
                db.Entry(auditEvent).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);
            }
        }
    }
}
