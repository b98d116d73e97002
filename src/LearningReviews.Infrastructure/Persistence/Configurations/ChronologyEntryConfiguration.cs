using LearningReviews.Domain.Chronology;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        builder.ToTable("ChronologyEntries");
        builder.Property(e => e.WhatHappened).HasMaxLength(ChronologyRow.WhatHappenedLimit);
        builder.Property(e => e.Source).HasMaxLength(ChronologyRow.SourceLimit);
        builder.Property(e => e.Significance).HasMaxLength(ChronologyRow.SignificanceLimit);
        builder.Property(e => e.EnteredBy).HasMaxLength(200);
        builder.Property(e => e.Resolution).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CreatedBy).HasMaxLength(450);
        builder.Property(e => e.ModifiedBy).HasMaxLength(450);
        builder.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne(e => e.Review).WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Agency).WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // The combined view reads a review's entries in date order; an agency's list reads its own.
        builder.HasIndex(e => new { e.ReviewId, e.Date });
        builder.HasIndex(e => new { e.ReviewId, e.AgencyId, e.Date });
    }
}
