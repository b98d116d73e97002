using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewDeadlineSetConfiguration : IEntityTypeConfiguration<ReviewDeadlineSet>
{
    public void Configure(EntityTypeBuilder<ReviewDeadlineSet> builder)
    {
        builder.ToTable("ReviewDeadlineSets");
        // One set per review: two requests working out the same review's deadlines at once cannot both
        // store theirs (the second save fails and is dropped; see StoredDeadlineService).
        builder.HasIndex(s => s.ReviewId).IsUnique();
        builder.HasOne<Review>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a set (when the review changes) deletes its deadlines with it.
        builder.HasMany(s => s.Deadlines).WithOne().HasForeignKey(d => d.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredDeadlineConfiguration : IEntityTypeConfiguration<StoredDeadline>
{
    public void Configure(EntityTypeBuilder<StoredDeadline> builder)
    {
        builder.ToTable("StoredDeadlines");
        // My work's overdue list: deadlines past their last day, oldest first.
        builder.HasIndex(d => d.OverdueAfter);
    }
}
