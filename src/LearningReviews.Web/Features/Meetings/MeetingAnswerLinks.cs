using System.Security.Cryptography;
using LearningReviews.Domain.Meetings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningReviews.Web.Features.Meetings;

/// <summary>What a valid answer token names: one invitee, and the secret their links carried.</summary>
public readonly record struct AnswerTicket(Guid InviteeId, Guid Nonce);

/// <summary>
/// The token in an invitation's accept / decline / maybe links. It is the invitee's id and their current
/// <see cref="MeetingInvitee.ResponseNonce"/>, encrypted and signed with ASP.NET Core Data Protection (the
/// key ring in the database, shared by every instance): it carries no name, no review and nothing about a
/// child, and cannot be made or altered without the keys. It is single-use because recording an answer
/// replaces the nonce, after which the token names a nonce that no longer exists.
/// </summary>
public sealed class MeetingAnswerLinks(IDataProtectionProvider protection)
{
    private const string Purpose = "LearningReviews.Meetings.Answer.v1";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string TokenFor(MeetingInvitee invitee)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        var bytes = new byte[32];
        invitee.Id.TryWriteBytes(bytes.AsSpan(0, 16));
        invitee.ResponseNonce.TryWriteBytes(bytes.AsSpan(16, 16));
        return WebEncoders.Base64UrlEncode(_protector.Protect(bytes));
    }

    /// <summary>The invitee and nonce a token names, or null when it was not made by this application (forged, altered, cut short).</summary>
    public AnswerTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (bytes.Length != 32) return null;
            return new AnswerTicket(new Guid(bytes.AsSpan(0, 16)), new Guid(bytes.AsSpan(16, 16)));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The app-relative address of one answer link.</summary>
    public string PathFor(MeetingInvitee invitee, MeetingResponse answer) =>
        $"/meetings/answer?t={TokenFor(invitee)}&a={AnswerWord(answer)}";

    public static string AnswerWord(MeetingResponse answer) => answer switch
    {
        MeetingResponse.Accepted => "accept",
        MeetingResponse.Declined => "decline",
        MeetingResponse.Maybe => "maybe",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    public static MeetingResponse? ParseAnswer(string? word) => word switch
    {
        "accept" => MeetingResponse.Accepted,
        "decline" => MeetingResponse.Declined,
        "maybe" => MeetingResponse.Maybe,
        _ => null,
    };
}
