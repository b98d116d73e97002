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
        builder.Ignore(a => a.IsTypedOnForm);
        builder.Property(a => a.What).HasMaxLength(2000);
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.ImpactMeasure).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.CreatedBy).HasMaxLength(450);
        builder.Property(a => a.ModifiedBy).HasMaxLength(450);
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.SourceStageKey).HasMaxLength(100);
        builder.Property(a => a.SourceKey).HasMaxLength(100);
        builder.Property(a => a.EvidenceOfImpact).HasMaxLength(ActionRules.EvidenceMaxLength);
        builder.Property(a => a.CancellationReason).HasMaxLength(ActionRules.ReasonMaxLength);
        builder.HasIndex(a => a.DueDate);
        // The themes dashboard and the annual report count the actions agreed in a period.
        builder.HasIndex(a => a.CreatedAt);
        // The owner alone: with the status the key would pass SQL Server's 900-byte index limit (OwnerUserId is 450 characters).
        // Only actions with an owner who signs in: most are owned by a name typed on a form, and with those in the index
        // its statistics say one owner has most of the actions, so SQLite would rather scan every review than use it
        // (46 ms for "Your actions" at 10,000 reviews, against 2 ms with this filter). "OwnerUserId = @id" implies
        // the filter, so every engine can use the index for it.
        builder.HasIndex(a => a.OwnerUserId).HasFilter("\"OwnerUserId\" IS NOT NULL");
        // One action per source row: saving a stage again finds the action it made before.
        builder.HasIndex(a => new { a.ReviewId, a.SourceStageKey, a.SourceKey });
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Review).WithMany(r => r.Actions).HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LearningPoint).WithMany().HasForeignKey(a => a.LearningPointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionHistoryConfiguration : IEntityTypeConfiguration<ActionHistory>
{
    public void Configure(EntityTypeBuilder<ActionHistory> builder)
    {
        builder.ToTable("ActionHistory");
        builder.Property(h => h.ByUserId).HasMaxLength(450);
        builder.Property(h => h.ByName).HasMaxLength(200);
        builder.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.Note).HasMaxLength(ActionRules.NoteMaxLength);
        builder.HasIndex(h => new { h.ActionId, h.At });
    }
}
