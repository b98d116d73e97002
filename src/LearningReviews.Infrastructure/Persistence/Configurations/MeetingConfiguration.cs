using LearningReviews.Domain.Meetings;
using LearningReviews.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningReviews.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.End);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Room).HasMaxLength(Meeting.MaxRoomLength);
        builder.Property(m => m.VirtualLink).HasMaxLength(Meeting.MaxLinkLength);
        builder.Property(m => m.CalendarUid).HasMaxLength(100);
        builder.Property(m => m.CreatedBy).HasMaxLength(450);
        builder.Property(m => m.ModifiedBy).HasMaxLength(450);
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(m => m.CalendarUid).IsUnique();
        // The review page's list, and the double-booking and reminder questions (which meetings on this date?).
        builder.HasIndex(m => m.ReviewId);
        builder.HasIndex(m => m.Date);
        builder.HasOne<Review>().WithMany().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Invitees).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> builder)
    {
        builder.ToTable("MeetingInvitees");
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Attendance).HasConversion<string>().HasMaxLength(20);
        // An answer is saved only if the link's secret is still the current one: of two presses at once, one records.
        builder.Property(i => i.ResponseNonce).IsConcurrencyToken();
        builder.HasIndex(i => i.UserId);
    }
}

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> builder)
    {
        builder.ToTable("MeetingSeries");
        builder.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Title).HasMaxLength(MeetingSeries.MaxTitleLength);
        builder.Property(s => s.Rule).HasMaxLength(MeetingSeries.MaxRuleLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.ModifiedBy).HasMaxLength(450);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        // A locality's series (the booking page's question), and a year's plan.
        builder.HasIndex(s => new { s.Purpose, s.LocalityId });
        builder.HasIndex(s => new { s.Purpose, s.Year });
        builder.HasOne<Domain.Organisation.Locality>().WithMany().HasForeignKey(s => s.LocalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Slots).WithOne(slot => slot.Series).HasForeignKey(slot => slot.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingSlotConfiguration : IEntityTypeConfiguration<MeetingSlot>
{
    public void Configure(EntityTypeBuilder<MeetingSlot> builder)
    {
        builder.ToTable("MeetingSlots");
        builder.Ignore(s => s.IsTaken);
        builder.Ignore(s => s.End);
        builder.Property(s => s.Room).HasMaxLength(Meeting.MaxRoomLength);
        builder.Property(s => s.VirtualLink).HasMaxLength(Meeting.MaxLinkLength);
        builder.Property(s => s.ServiceArea).HasMaxLength(MeetingSlot.MaxServiceAreaLength);
        builder.Property(s => s.CalendarUid).HasMaxLength(100);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(s => s.CalendarUid).IsUnique();
        builder.HasIndex(s => s.Date);
        builder.HasIndex(s => s.MeetingId);
        // A review that is deleted frees the slot its meeting held.
        builder.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.SetNull);
    }
}
