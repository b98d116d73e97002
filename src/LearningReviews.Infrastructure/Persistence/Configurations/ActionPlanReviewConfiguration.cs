using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Subgroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ActionPlanReviewConfiguration : IEntityTypeConfiguration<ActionPlanReview>
{
    public void Configure(EntityTypeBuilder<ActionPlanReview> builder)
    {
        builder.ToTable("ActionPlanReviews");
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Comment).HasMaxLength(ActionPlanReview.CommentLength);
        builder.Property(p => p.RecordedByUserId).HasMaxLength(128);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        // A plan's history, oldest meeting first; and "which plans has my subgroup approved?" for the home page.
        builder.HasIndex(p => new { p.ReviewId, p.RecordedAt });
        builder.HasIndex(p => p.SubgroupId);
        builder.HasOne<Review>().WithMany().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subgroup>().WithMany().HasForeignKey(p => p.SubgroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ActionPlanReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionPlanReviewItemConfiguration : IEntityTypeConfiguration<ActionPlanReviewItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanReviewItem> builder)
    {
        builder.ToTable("ActionPlanReviewItems");
        builder.Property(i => i.ActionWhat).HasMaxLength(2000);
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Comment).HasMaxLength(ActionPlanReview.CommentLength);
        // An action's page lists what subgroup meetings said about it.
        builder.HasIndex(i => i.ActionId);
    }
}
