using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("Themes");
        builder.Property(t => t.Name).HasMaxLength(Theme.NameLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(Theme.DescriptionLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(450);
        builder.Property(t => t.ModifiedBy).HasMaxLength(450);
        builder.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
        // Actions' themes are configured here, not with the action, so the action plan's configuration stays its own.
        // A theme tagged on an action cannot be deleted (Restrict): themes in use are retired, never deleted.
        builder.HasMany(t => t.Actions).WithMany(a => a.Themes).UsingEntity(
            "ReviewActionThemes",
            r => r.HasOne(typeof(ReviewAction)).WithMany().HasForeignKey("ReviewActionId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Theme)).WithMany().HasForeignKey("ThemeId").OnDelete(DeleteBehavior.Restrict),
            j =>
            {
                j.HasKey("ReviewActionId", "ThemeId");
                j.HasIndex("ThemeId");
            });
    }
}
