using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Methodologies;
using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Reviews;

/// <summary>A proposal ready to be saved: validated input in domain terms.</summary>
public sealed record ReviewProposal(
    MethodologySummary Methodology, string CaseLabel, Guid LocalityId, string? CaseRecordNumber,
    string ReasonKey, string ReasonDetail, string ProposerName);

/// <summary>
/// Records a proposed review with its case, its proposer as a participant and an audit entry, in one
/// transaction. The reference number is retried if another proposal took the same one at the same moment.
/// </summary>
public sealed class ReviewProposalService(
    LearningReviewsDbContext db,
    ReviewReferenceGenerator references,
    AuditLog audit,
    ICurrentUser currentUser)
{
    private const int ReferenceAttempts = 5;

    public async Task<Review> ProposeAsync(ReviewProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var childCase = new Case
        {
            Label = proposal.CaseLabel.Trim(),
            LocalityId = proposal.LocalityId,
            CaseRecordNumber = string.IsNullOrWhiteSpace(proposal.CaseRecordNumber) ? null : proposal.CaseRecordNumber.Trim(),
            CreatedBy = currentUser.UserId,
        };
        var review = new Review
        {
            Reference = "",
            MethodologyKey = proposal.Methodology.Key,
            DefinitionVersion = proposal.Methodology.Version,
            Title = $"{proposal.Methodology.Name}: {childCase.Label}",
            Status = ReviewStatus.Proposed,
            CurrentStageKey = proposal.Methodology.FirstStageKey,
            ReasonSelected = proposal.ReasonKey,
            ReasonDetail = proposal.ReasonDetail.Trim(),
            LocalityId = proposal.LocalityId,
        };
        review.Cases.Add(new ReviewCase { Review = review, Case = childCase });
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
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return review;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Most likely another proposal took this reference number first: try the next one.
                db.Entry(auditEvent).State = EntityState.Detached;
            }
        }
    }
}
