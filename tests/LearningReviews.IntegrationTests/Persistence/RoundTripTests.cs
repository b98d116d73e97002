using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Organisation;
using LearningReviews.Domain.Reviews;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Persistence;

/// <summary>Every entity is written and read back, from a fresh context, with the values it was given.</summary>
public sealed class RoundTripTests
{
    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task Every_entity_round_trips(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = database.NewContext()) await setup.Database.MigrateAsync();

        var when = new DateTime(2026, 3, 29, 1, 30, 15, DateTimeKind.Utc);
        var agency = new Agency { Name = "Police" };
        var locality = new Locality { Name = "North Locality" };
        var theme = new Theme { Name = "Professional curiosity" };
        var childCase = new Case { Label = "Child A", Locality = locality, CaseRecordNumber = "CR-123", CreatedAt = when };
        var review = new Review
        {
            Reference = "LR-2026-0007", ReferenceYear = 2026, ReferenceNumber = 7,
            MethodologyKey = "locality-learning-circle", DefinitionVersion = 3,
            Title = "Circle for Child A – “quotes” and ŵ", Status = ReviewStatus.InProgress, CurrentStageKey = "preparation",
            ReasonSelected = "turning-point", ReasonDetail = "Moved to kinship care", Locality = locality,
        };
        review.Cases.Add(new ReviewCase { Review = review, Case = childCase });
        review.Themes.Add(theme);
        review.Participants.Add(new Participant
        {
            Name = "Dr Ruth Jones", Email = "ruth@example.org", Agency = agency, Role = ReviewRole.AgencyRepresentative,
            InvitationStatus = InvitationStatus.Accepted, AttendanceStatus = AttendanceStatus.SentApologies,
        });
        var point = new LearningPoint { Text = "Ask about the father", Position = 2 };
        point.Themes.Add(theme);
        review.LearningPoints.Add(point);
        review.Actions.Add(new ReviewAction
        {
            What = "Add fathers to the assessment template", OwnerName = "Team Manager North", Agency = agency,
            DueDate = new DateOnly(2027, 1, 31), ImpactMeasure = "Audit of 10 assessments", Status = ActionStatus.InProgress,
            LearningPoint = point, CompletedAt = when,
        });

        await using (var write = database.NewContext())
        {
            write.AddRange(review,
                new AuditEvent { OccurredAt = when, UserId = "u1", UserName = "a@b.c", Action = AuditActions.Viewed, EntityType = "Review", EntityId = "x", ReviewId = review.Id, IpAddress = "127.0.0.1", Detail = "d" },
                new DataProtectionKey { Xml = "<key id=\"1\" />", FriendlyName = "key-1" });
            await write.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var loaded = await read.Reviews
            .Include(r => r.Cases).ThenInclude(c => c.Case).ThenInclude(c => c!.Locality)
            .Include(r => r.Participants).ThenInclude(p => p.Agency)
            .Include(r => r.LearningPoints).ThenInclude(p => p.Themes)
            .Include(r => r.Actions)
            .Include(r => r.Themes)
            .SingleAsync(r => r.Id == review.Id);

        Assert.Equal("LR-2026-0007", loaded.Reference);
        Assert.Equal("Circle for Child A – “quotes” and ŵ", loaded.Title);
        Assert.Equal(ReviewStatus.InProgress, loaded.Status);
        Assert.Equal(3, loaded.DefinitionVersion);
        Assert.Equal("North Locality", loaded.Cases.Single().Case!.Locality!.Name);
        Assert.Equal("CR-123", loaded.Cases.Single().Case!.CaseRecordNumber);
        Assert.Equal(when, loaded.Cases.Single().Case!.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, loaded.Cases.Single().Case!.CreatedAt.Kind);
        Assert.Equal("Professional curiosity", loaded.Themes.Single().Name);

        var participant = loaded.Participants.Single();
        Assert.Equal(("Dr Ruth Jones", "ruth@example.org", "Police"), (participant.Name, participant.Email, participant.Agency!.Name));
        Assert.Equal((ReviewRole.AgencyRepresentative, InvitationStatus.Accepted, AttendanceStatus.SentApologies),
            (participant.Role, participant.InvitationStatus, participant.AttendanceStatus));

        var loadedPoint = loaded.LearningPoints.Single();
        Assert.Equal(("Ask about the father", 2), (loadedPoint.Text, loadedPoint.Position));
        Assert.Equal("Professional curiosity", loadedPoint.Themes.Single().Name);

        var action = loaded.Actions.Single();
        Assert.Equal(new DateOnly(2027, 1, 31), action.DueDate);
        Assert.Equal(ActionStatus.InProgress, action.Status);
        Assert.Equal(loadedPoint.Id, action.LearningPointId);
        Assert.Equal(when, action.CompletedAt);
        Assert.True(action.HasOwnerAndDueDate);

        var audit = await read.AuditEvents.SingleAsync();
        Assert.Equal((AuditActions.Viewed, review.Id, when), (audit.Action, audit.ReviewId, audit.OccurredAt));
        Assert.Equal("<key id=\"1\" />", (await read.DataProtectionKeys.SingleAsync()).Xml);
    }

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_second_save_of_a_stale_review_is_refused_not_overwritten(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        await app.SeedDemoAsync();
        var reviewId = await app.WithDbAsync(db => db.Reviews.Select(r => r.Id).FirstAsync());

        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<LearningReviews.Infrastructure.Persistence.LearningReviewsDbContext>();
        var mine = await firstDb.Reviews.SingleAsync(r => r.Id == reviewId);
        var theirs = await secondDb.Reviews.SingleAsync(r => r.Id == reviewId);

        mine.ReasonDetail = "First editor's words";
        await firstDb.SaveChangesAsync();
        theirs.ReasonDetail = "Second editor's words";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var stored = await app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal("First editor's words", stored.ReasonDetail);
    }
}
