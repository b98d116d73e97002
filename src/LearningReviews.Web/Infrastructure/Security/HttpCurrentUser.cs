using System.Security.Claims;
using LearningReviews.Infrastructure;

namespace LearningReviews.Web.Infrastructure.Security;

/// <summary>The signed-in user of the current request, for audit entries and created/modified stamps.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => accessor.HttpContext?.User.Identity?.Name;
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
