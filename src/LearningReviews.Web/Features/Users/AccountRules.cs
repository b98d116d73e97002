using LearningReviews.Domain.Identity;

namespace LearningReviews.Web.Features.Users;

/// <summary>
/// What administrators may not do to accounts. Managing accounts must not become a way to read case data,
/// and the partnership must never be left without an administrator.
/// </summary>
public static class AccountRules
{
    public const string LastAdministrator =
        "This is the only active administrator. Make someone else an administrator first";
    public const string NoCaseRolesForSelf =
        "You cannot give yourself a role that sees reviews. Ask another administrator to do it";

    /// <summary>Every role except Administrator gives some access to reviews, and so to case details.</summary>
    public static bool SeesCaseData(string role) => role != Roles.Administrator;

    /// <summary>The refusal message for a role change, or null when it is allowed.</summary>
    public static string? RefuseRoleChange(bool isSelf, IEnumerable<string> currentRoles, IEnumerable<string> newRoles,
        bool isActive, int activeAdministrators)
    {
        var current = currentRoles.ToList();
        var wanted = newRoles.ToList();
        var losesAdministrator = current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator);
        if (losesAdministrator && isActive && activeAdministrators <= 1) return LastAdministrator;
        if (isSelf && wanted.Except(current).Any(SeesCaseData)) return NoCaseRolesForSelf;
        return null;
    }
}
