namespace LearningReviews.Infrastructure.DataProtection;

/// <summary>One data-protection key ring element, kept in the database so web instances share keys.</summary>
public class DataProtectionKeyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
    public DateTime CreatedAt { get; set; }
}
