using LearningReviews.Domain.Reviews;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.InformationRequests;

/// <summary>Demo reviews made ready for information requests: the demo agency representative on one, and a request sent to them.</summary>
internal static class InformationRequestFixture
{
    /// <summary>Puts the demo agency representative (Police) on the first demo review of a kind, as its agency's representative.</summary>
    public static async Task<(Guid Review, string Reference, Guid Participant)> WithAgencyRepresentativeAsync(AppFactory app, string methodology)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningReviewsDbContext>();
        var review = await db.Reviews.Where(r => r.MethodologyKey == methodology && (r.Status == ReviewStatus.InProgress || r.Status == ReviewStatus.Proposed)).FirstAsync();
        var user = await db.Users.SingleAsync(u => u.Email == "agency@demo.example");
        var participant = new Participant
        {
            ReviewId = review.Id, UserId = user.Id, Name = user.DisplayName, Email = user.Email, AgencyId = user.AgencyId,
            Role = ReviewRole.AgencyRepresentative,
        };
        db.Participants.Add(participant);
        await db.SaveChangesAsync();
        return (review.Id, review.Reference, participant.Id);
    }

    /// <summary>A request sent through the page by the demo business manager to Police on the demo practitioner learning review.</summary>
    public static async Task<(Guid Review, Guid Request)> SentToPoliceAsync(AppFactory app)
    {
        var (reviewId, _, representativeId) = await WithAgencyRepresentativeAsync(app, "practitioner-learning-review");
        var url = $"/reviews/{reviewId}/information-requests";
        using var bm = await app.SignedInAsAsync("bm@demo.example");
        var page = await bm.GetAsync(url);
        var sent = await bm.PostAsync(url, InformationRequestTests.Fields(representativeId, app.Today.AddDays(14)), page.AntiforgeryToken());
        Assert.True(sent.IsRedirect, sent.ErrorSummary);
        return (reviewId, await app.WithDbAsync(db => db.InformationRequests.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync()));
    }
}
