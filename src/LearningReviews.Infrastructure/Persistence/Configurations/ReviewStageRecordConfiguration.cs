using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewStageRecordConfiguration : IEntityTypeConfiguration<ReviewStageRecord>
{
    public void Configure(EntityTypeBuilder<ReviewStageRecord> builder)
    {
        builder.ToTable("ReviewStageRecords");
        builder.Property(s => s.StageKey).HasMaxLength(100);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CompletedBy).HasMaxLength(450);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.ModifiedBy).HasMaxLength(450);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ReviewId, s.StageKey, s.Cycle }).IsUnique();
        builder.HasOne(s => s.Review).WithMany(r => r.Stages).HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
