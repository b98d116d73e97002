namespace LearningReviews.Domain.Auditing;

/// <summary>The words used in the audit log's Action column, kept in one place so reports can rely on them.</summary>
public static class AuditActions
{
    public const string Viewed = "Viewed";
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    public const string Exported = "Exported";
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string AccessDenied = "AccessDenied";
    public const string UserCreated = "UserCreated";
    public const string UserUpdated = "UserUpdated";
    public const string UserDeactivated = "UserDeactivated";
    public const string UserReactivated = "UserReactivated";
    public const string SetupCompleted = "SetupCompleted";
    public const string SetupFailed = "SetupFailed";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordResetRequested = "PasswordResetRequested";
    public const string PasswordReset = "PasswordReset";
    public const string InvitationSent = "InvitationSent";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string RecoveryCodeUsed = "RecoveryCodeUsed";
    public const string PasskeyAdded = "PasskeyAdded";
    public const string PasskeyRemoved = "PasskeyRemoved";
    public const string RoleChangeRefused = "RoleChangeRefused";
    public const string EmailTestQueued = "EmailTestQueued";
    public const string EmailRetried = "EmailRetried";
    public const string EmailDiscarded = "EmailDiscarded";
}
