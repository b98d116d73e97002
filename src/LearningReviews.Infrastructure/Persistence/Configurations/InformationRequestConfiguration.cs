using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    /// <summary>Longest text of one part of a request or of an answer.</summary>
    public const int TextLength = 8000;

    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.ToTable("InformationRequests");
        builder.Ignore(r => r.IsAnswered);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reasons).HasMaxLength(TextLength);
        builder.Property(r => r.KeyLinesOfEnquiry).HasMaxLength(TextLength);
        builder.Property(r => r.Scope).HasMaxLength(TextLength);
        builder.Property(r => r.GoodPractice).HasMaxLength(TextLength);
        builder.Property(r => r.DoneDifferently).HasMaxLength(TextLength);
        builder.Property(r => r.IssuesOfNote).HasMaxLength(TextLength);
        builder.Property(r => r.SentByUserId).HasMaxLength(450);
        builder.Property(r => r.AnsweredByUserId).HasMaxLength(450);
        builder.Property(r => r.AnsweredByName).HasMaxLength(256);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.ModifiedBy).HasMaxLength(450);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(r => r.ReviewId);
        // The reminder job and My work look for unanswered requests by deadline.
        builder.HasIndex(r => new { r.AnsweredAt, r.DueOn });
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // No key to the recipient participant: they may leave the review, and the request (and its answer) stays.
    }
}
