using Microsoft.AspNetCore.Identity;

namespace LearningReviews.Infrastructure.Identity;

/// <summary>A person who signs in. Accounts are deactivated, never deleted, so the audit log stays readable.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? AgencyId { get; set; }
    public Guid? LocalityId { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeactivatedAt { get; set; }
}
