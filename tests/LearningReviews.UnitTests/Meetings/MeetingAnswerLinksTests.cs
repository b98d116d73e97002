using LearningReviews.Domain.Meetings;
using LearningReviews.Web.Features.Meetings;
using Microsoft.AspNetCore.DataProtection;

namespace LearningReviews.UnitTests.Meetings;

public sealed class MeetingAnswerLinksTests
{
    private static readonly EphemeralDataProtectionProvider Keys = new();
    private readonly MeetingAnswerLinks _links = new(Keys);
    private readonly MeetingInvitee _invitee = new() { Name = "Sam Jones", Email = "sam.jones@example.org" };

    [Fact]
    public void A_token_names_the_invitee_and_their_current_secret()
    {
        var ticket = _links.Read(_links.TokenFor(_invitee));
        Assert.Equal(new AnswerTicket(_invitee.Id, _invitee.ResponseNonce), ticket);
    }

    [Fact]
    public void A_token_carries_nothing_readable()
    {
        var token = _links.TokenFor(_invitee);
        foreach (var secret in new[] { _invitee.Id.ToString("N"), _invitee.ResponseNonce.ToString("N"), "Sam", "sam.jones" })
        {
            Assert.DoesNotContain(secret, token, StringComparison.OrdinalIgnoreCase);
        }
        var decoded = Convert.ToHexString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token));
        Assert.DoesNotContain(Convert.ToHexString(_invitee.Id.ToByteArray()), decoded, StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_cut_or_made_up_token_is_refused()
    {
        var token = _links.TokenFor(_invitee);
        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        Assert.Null(_links.Read(altered));
        Assert.Null(_links.Read(token[..^5]));
        Assert.Null(_links.Read(""));
        Assert.Null(_links.Read(null));
        Assert.Null(_links.Read("not a token at all!"));
        // Made with other keys (another application, or an attacker's own ring): refused.
        Assert.Null(_links.Read(new MeetingAnswerLinks(new EphemeralDataProtectionProvider()).TokenFor(_invitee)));
    }

    [Fact]
    public void A_new_secret_makes_earlier_tokens_name_a_secret_that_is_gone()
    {
        var before = _links.Read(_links.TokenFor(_invitee))!.Value;
        _invitee.ResponseNonce = Guid.NewGuid();
        Assert.NotEqual(_invitee.ResponseNonce, before.Nonce);
        Assert.Equal(_invitee.ResponseNonce, _links.Read(_links.TokenFor(_invitee))!.Value.Nonce);
    }

    [Theory]
    [InlineData("accept", MeetingResponse.Accepted)]
    [InlineData("decline", MeetingResponse.Declined)]
    [InlineData("maybe", MeetingResponse.Maybe)]
    public void Answer_words_go_both_ways(string word, MeetingResponse answer)
    {
        Assert.Equal(answer, MeetingAnswerLinks.ParseAnswer(word));
        Assert.Equal(word, MeetingAnswerLinks.AnswerWord(answer));
        Assert.Null(MeetingAnswerLinks.ParseAnswer("yes"));
    }
}
