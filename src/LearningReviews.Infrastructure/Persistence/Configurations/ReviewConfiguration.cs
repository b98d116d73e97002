using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => new { r.ReferenceYear, r.ReferenceNumber }).IsUnique();
        builder.Property(r => r.MethodologyKey).HasMaxLength(100);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CurrentStageKey).HasMaxLength(100);
        builder.Property(r => r.ReasonSelected).HasMaxLength(100);
        builder.Property(r => r.ReasonDetail).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.ModifiedBy).HasMaxLength(450);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        // A plain indexed column rather than a foreign key: SQLite cannot add a foreign key to an existing table.
        builder.HasIndex(r => r.LinkedFromReviewId);
        // Also plain, for the same reason: the subgroup that owns the action plan (a subgroup is retired, never deleted).
        builder.HasIndex(r => r.SubgroupId);
        // The other parts of the view rule (ReviewQueries.VisibleTo): methodologies a role oversees, those
        // overseen by locality, and the reviews a user proposed. With all three indexed, the database can
        // answer the rule's OR from indexes instead of reading every review.
        builder.HasIndex(r => new { r.MethodologyKey, r.LocalityId });
        builder.HasIndex(r => r.CreatedBy);
        builder.HasOne(r => r.Locality).WithMany().HasForeignKey(r => r.LocalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Themes).WithMany(t => t.Reviews).UsingEntity(
            "ReviewThemes",
            r => r.HasOne(typeof(Theme)).WithMany().HasForeignKey("ThemeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Review)).WithMany().HasForeignKey("ReviewId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("ReviewId", "ThemeId"));
    }
}
