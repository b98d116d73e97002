using System.Security.Cryptography;
using System.Text;

namespace LearningReviews.Web.Features.Setup;

/// <summary>
/// The one-time token that guards the first-run page, so that whoever reaches a new installation
/// first cannot make themselves its administrator. It is printed to the console at startup (or set
/// by LR_SETUP_TOKEN for automated deployments), kept only in memory, and spent once used.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock _gate = new();
    private string? _value;

    public SetupToken(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["LR_SETUP_TOKEN"];
        IsFromConfiguration = !string.IsNullOrWhiteSpace(configured);
        _value = !IsFromConfiguration
            ? Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()
            : configured!.Trim();
    }

    /// <summary>True when the deployment chose the token (LR_SETUP_TOKEN), so there is no need to print it.</summary>
    public bool IsFromConfiguration { get; }

    /// <summary>The token while setup is still open; null once an administrator exists.</summary>
    public string? Value
    {
        get { lock (_gate) return _value; }
    }

    public bool Matches(string? candidate)
    {
        lock (_gate)
        {
            if (_value is null || candidate is null) return false;
            return CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(candidate.Trim()));
        }
    }

    public void Spend()
    {
        lock (_gate) _value = null;
    }
}
