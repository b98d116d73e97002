namespace LearningReviews.Web.Features.TwoFactor;

public sealed class TwoFactorCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>What the set-up page shows: the key as a QR code (SVG markup made by QRCoder) and as text to type.</summary>
public sealed record AuthenticatorSetup(string ManualKey, string QrCodeSvg, TwoFactorCodeForm Form);
