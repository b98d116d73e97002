using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.Ignore(p => p.IsInternalUser);
        // A user id is at most IdentityKeyLength (the users table's key), which keeps the index below in
        // SQL Server's 900-byte key limit.
        builder.Property(p => p.UserId).HasMaxLength(LearningReviewsDbContext.IdentityKeyLength);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.InvitationStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AttendanceStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.ModifiedBy).HasMaxLength(450);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        // "Reviews this user takes part in" (the view rule, ReviewQueries.VisibleTo) is answered from the index
        // alone; it also serves lookups by user.
        builder.HasIndex(p => new { p.UserId, p.ReviewId });
        builder.HasOne(p => p.Review).WithMany(r => r.Participants).HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
