using Microsoft.AspNetCore.Identity;

namespace LearningReviews.Web.Features.Passkeys;

/// <summary>Adding a passkey: the name the person gives it, and the browser's answer to navigator.credentials.create.</summary>
public sealed class AddPasskeyForm
{
    public const int NameMaxLength = 50;

    public string? Name { get; set; }

    /// <summary>The PublicKeyCredential as JSON, filled in by wwwroot/js/passkeys.js.</summary>
    public string? CredentialJson { get; set; }
}

/// <summary>A new name for one of the person's passkeys.</summary>
public sealed class RenamePasskeyForm
{
    /// <summary>The credential id, base64url-encoded, as in the page's address.</summary>
    public string? Id { get; set; }
    public string? Name { get; set; }
}

/// <summary>Signing in with a passkey: the browser's answer to navigator.credentials.get.</summary>
public sealed class PasskeySignInForm
{
    public string? CredentialJson { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>One of the person's passkeys as the page lists it.</summary>
/// <param name="Id">The credential id, base64url-encoded (as it appears in the remove button's address).</param>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt)
{
    public static PasskeyRow From(UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        return new PasskeyRow(Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(passkey.CredentialId),
            string.IsNullOrWhiteSpace(passkey.Name) ? "Passkey" : passkey.Name, passkey.CreatedAt);
    }
}

/// <summary>The passkeys page: the person's passkeys and the form that adds one.</summary>
public sealed record PasskeysPage(IReadOnlyList<PasskeyRow> Passkeys, AddPasskeyForm Form, bool CanAddMore);
