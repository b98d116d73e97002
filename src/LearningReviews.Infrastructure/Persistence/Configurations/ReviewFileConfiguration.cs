using LearningReviews.Domain.Files;
using LearningReviews.Domain.InformationRequests;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ReviewFileConfiguration : IEntityTypeConfiguration<ReviewFile>
{
    public void Configure(EntityTypeBuilder<ReviewFile> builder)
    {
        builder.ToTable("ReviewFiles");
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Title).HasMaxLength(200);
        builder.Property(f => f.DisplayName).HasMaxLength(FileNameSanitiser.MaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageName).HasMaxLength(100);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
        builder.Property(f => f.UploadedByName).HasMaxLength(256);
        builder.HasIndex(f => new { f.ReviewId, f.UploadedAt });
        builder.HasOne<Review>().WithMany().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        // NO ACTION rather than cascade: the review's own cascade removes both, and SQL Server refuses two cascade paths.
        builder.HasOne<InformationRequest>().WithMany().HasForeignKey(f => f.InformationRequestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(f => f.InformationRequestId);
        // NO ACTION for the same reason: an action's evidence goes with the review.
        builder.HasOne<ReviewAction>().WithMany().HasForeignKey(f => f.ReviewActionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(f => f.ReviewActionId);
        builder.HasMany(f => f.Circulations).WithOne().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewFileContentConfiguration : IEntityTypeConfiguration<ReviewFileContent>
{
    public void Configure(EntityTypeBuilder<ReviewFileContent> builder)
    {
        builder.ToTable("ReviewFileContents");
        builder.HasKey(c => c.FileId);
        builder.HasOne<ReviewFile>().WithOne().HasForeignKey<ReviewFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewFileCirculationConfiguration : IEntityTypeConfiguration<ReviewFileCirculation>
{
    public void Configure(EntityTypeBuilder<ReviewFileCirculation> builder)
    {
        builder.ToTable("ReviewFileCirculations");
        builder.Property(c => c.RecipientName).HasMaxLength(200);
        builder.Property(c => c.RecipientEmail).HasMaxLength(256);
        builder.Property(c => c.SentByName).HasMaxLength(256);
        builder.HasIndex(c => c.FileId);
    }
}
