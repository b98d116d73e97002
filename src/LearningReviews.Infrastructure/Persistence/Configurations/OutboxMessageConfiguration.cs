using LearningReviews.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(m => m.Kind).HasMaxLength(50);
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.TextBody).HasMaxLength(20000);
        builder.Property(m => m.HtmlBody).HasMaxLength(40000);
        builder.Property(m => m.AttachmentName).HasMaxLength(100);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.AttachmentText).HasMaxLength(100000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        // The dispatcher's question: which pending messages are due? The admin page's: which are in each state?
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
