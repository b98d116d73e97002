using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.ToTable("Actions");
        builder.Ignore(a => a.HasOwnerAndDueDate);
        builder.Property(a => a.What).HasMaxLength(2000);
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.ImpactMeasure).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.CreatedBy).HasMaxLength(450);
        builder.Property(a => a.ModifiedBy).HasMaxLength(450);
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(a => a.DueDate);
        builder.HasOne(a => a.Review).WithMany(r => r.Actions).HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LearningPoint).WithMany().HasForeignKey(a => a.LearningPointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
