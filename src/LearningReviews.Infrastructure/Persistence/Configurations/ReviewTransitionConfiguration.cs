using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewTransitionConfiguration : IEntityTypeConfiguration<ReviewTransition>
{
    public void Configure(EntityTypeBuilder<ReviewTransition> builder)
    {
        builder.ToTable("ReviewTransitions");
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FromStage).HasMaxLength(100);
        builder.Property(t => t.ToStage).HasMaxLength(100);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.UserName).HasMaxLength(256);
        builder.HasIndex(t => t.ReviewId);
        builder.HasOne<Review>().WithMany().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
