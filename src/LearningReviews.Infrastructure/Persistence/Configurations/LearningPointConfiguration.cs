using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class LearningPointConfiguration : IEntityTypeConfiguration<LearningPoint>
{
    public void Configure(EntityTypeBuilder<LearningPoint> builder)
    {
        builder.ToTable("LearningPoints");
        builder.Property(p => p.Text).HasMaxLength(4000);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.ModifiedBy).HasMaxLength(450);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne(p => p.Review).WithMany(r => r.LearningPoints).HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Themes).WithMany(t => t.LearningPoints).UsingEntity(
            "LearningPointThemes",
            r => r.HasOne(typeof(Theme)).WithMany().HasForeignKey("ThemeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(LearningPoint)).WithMany().HasForeignKey("LearningPointId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("LearningPointId", "ThemeId"));
    }
}
