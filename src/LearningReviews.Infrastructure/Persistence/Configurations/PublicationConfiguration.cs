using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Publication;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class DisseminationRecordConfiguration : IEntityTypeConfiguration<DisseminationRecord>
{
    public void Configure(EntityTypeBuilder<DisseminationRecord> builder)
    {
        builder.ToTable("DisseminationRecords");
        builder.Property(d => d.Way).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Audience).HasMaxLength(500);
        builder.Property(d => d.Note).HasMaxLength(4000);
        builder.Property(d => d.CreatedBy).HasMaxLength(450);
        builder.Property(d => d.ModifiedBy).HasMaxLength(450);
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(d => d.ReviewId);
        // The annual report counts disseminations in a period.
        builder.HasIndex(d => d.HeldOn);
        builder.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Agencies).WithOne().HasForeignKey(a => a.DisseminationRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisseminationAgencyConfiguration : IEntityTypeConfiguration<DisseminationAgency>
{
    public void Configure(EntityTypeBuilder<DisseminationAgency> builder)
    {
        builder.ToTable("DisseminationAgencies");
        builder.HasKey(a => new { a.DisseminationRecordId, a.AgencyId });
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewPublicationConfiguration : IEntityTypeConfiguration<ReviewPublication>
{
    public const int SummaryLength = 20000;

    public void Configure(EntityTypeBuilder<ReviewPublication> builder)
    {
        builder.ToTable("ReviewPublications");
        builder.Ignore(p => p.IsPublishable);
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Risks).HasMaxLength(4000);
        builder.Property(p => p.Benefits).HasMaxLength(4000);
        builder.Property(p => p.DecidedByUserId).HasMaxLength(450);
        builder.Property(p => p.DecidedByName).HasMaxLength(256);
        builder.Property(p => p.Summary).HasMaxLength(SummaryLength);
        builder.Property(p => p.PublishableByUserId).HasMaxLength(450);
        builder.Property(p => p.PublishableByName).HasMaxLength(256);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.ModifiedBy).HasMaxLength(450);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(p => p.ReviewId).IsUnique();
        builder.HasOne<Review>().WithMany().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.AcceptedFindings).WithOne().HasForeignKey(a => a.ReviewPublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AcceptedFindingConfiguration : IEntityTypeConfiguration<AcceptedFinding>
{
    public void Configure(EntityTypeBuilder<AcceptedFinding> builder)
    {
        builder.ToTable("AcceptedPublicationFindings");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Text).HasMaxLength(500);
        builder.Property(a => a.AcceptedByUserId).HasMaxLength(450);
        builder.Property(a => a.AcceptedByName).HasMaxLength(256);
        builder.HasIndex(a => a.ReviewPublicationId);
    }
}
