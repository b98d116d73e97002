namespace LearningReviews.Infrastructure;

/// <summary>The user on whose behalf the current piece of work runs; null outside a request.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
    string? IpAddress { get; }
}

/// <summary>For work that runs outside a request, such as seeding: changes are stamped as the system's.</summary>
public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
    public string? UserName => "system";
    public string? IpAddress => null;
}
