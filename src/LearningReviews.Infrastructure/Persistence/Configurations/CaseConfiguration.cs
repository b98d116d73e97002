using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Label).HasMaxLength(100);
        builder.Property(c => c.CaseRecordNumber).HasMaxLength(50);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.HasOne(c => c.Locality).WithMany().HasForeignKey(c => c.LocalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
