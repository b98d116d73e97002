using LearningReviews.Domain.DipSamples;
using LearningReviews.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class DipSampleAuditConfiguration : IEntityTypeConfiguration<DipSampleAudit>
{
    public const int TextLength = 4000;

    public void Configure(EntityTypeBuilder<DipSampleAudit> builder)
    {
        builder.ToTable("DipSampleAudits");
        // Identity's key length: with the month or date it still fits a SQL Server index key (900 bytes).
        builder.Property(a => a.AuditorUserId).HasMaxLength(LearningReviewsDbContext.IdentityKeyLength);
        builder.Property(a => a.AuditorName).HasMaxLength(256);
        builder.Property(a => a.ServiceArea).HasMaxLength(100);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Theme).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CaseLabel).HasMaxLength(100);
        builder.Property(a => a.CaseRecordNumber).HasMaxLength(50);
        builder.Property(a => a.Findings).HasMaxLength(TextLength);
        builder.Property(a => a.FollowUp).HasMaxLength(TextLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(450);
        builder.Property(a => a.ModifiedBy).HasMaxLength(450);
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
        // The compliance view counts each Team Manager's audits per month; their own list reads theirs by date.
        builder.HasIndex(a => new { a.AuditorUserId, a.Month });
        builder.HasIndex(a => new { a.AuditorUserId, a.AuditedOn });
        builder.HasOne<Locality>().WithMany().HasForeignKey(a => a.LocalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
