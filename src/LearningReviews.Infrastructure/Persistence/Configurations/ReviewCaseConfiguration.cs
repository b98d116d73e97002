using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> builder)
    {
        builder.ToTable("ReviewCases");
        builder.HasKey(rc => new { rc.ReviewId, rc.CaseId });
        builder.HasOne(rc => rc.Review).WithMany(r => r.Cases).HasForeignKey(rc => rc.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(rc => rc.Case).WithMany().HasForeignKey(rc => rc.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
