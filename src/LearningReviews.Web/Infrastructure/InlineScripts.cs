using System.Security.Cryptography;
using System.Text;

namespace LearningReviews.Web.Infrastructure;

/// <summary>
/// The only inline script the pages carry: GOV.UK Frontend's "JavaScript is available" switch, which
/// must run before the page paints. The layout renders this text and the Content-Security-Policy
/// allows exactly its hash, so the two cannot drift apart.
/// </summary>
public static class InlineScripts
{
    public const string JsEnabled =
        "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

    public static readonly string JsEnabledHash =
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(JsEnabled))) + "'";
}
