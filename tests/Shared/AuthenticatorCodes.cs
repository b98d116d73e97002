using System.Security.Cryptography;

namespace LearningReviews.TestSupport;

/// <summary>
/// Computes the codes an authenticator app shows (RFC 6238: HMAC-SHA1 of the 30-second step, 6 digits), from the
/// key the set-up page shows. Shared by the integration and browser tests (linked into both projects).
/// </summary>
public static class AuthenticatorCodes
{
    /// <summary>The code for the 30-second step holding <paramref name="at"/>.</summary>
    /// <param name="manualKey">The base32 key as the page shows it (grouped, any case).</param>
    public static string At(string manualKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(manualKey);
        var secret = Base32(manualKey.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the test must compute what they compute
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
