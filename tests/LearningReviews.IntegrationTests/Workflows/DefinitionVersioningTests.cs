using System.Text.Json.Nodes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Workflows;

/// <summary>A review keeps the definition version it started with; a new version applies only to reviews started after it.</summary>
public sealed class DefinitionVersioningTests
{
    private const string Key = "locality-learning-circle";

    [Theory, InlineData(Provider.Sqlite), InlineData(Provider.PostgreSQL)]
    public async Task A_review_started_on_version_1_keeps_its_stages_after_version_2_is_added(Provider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, services =>
            services.AddSingleton(new WorkflowCatalogue(WorkflowDefinitionLoader.LoadBuiltIn().Concat(VersionTwo()))));
        using var tm = await app.SignedInAsAsync("tm@demo.example");
        // Child C is part-way through its last stage; it started before version 2 was installed.
        var old = await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Title.EndsWith("Child C"));
            review.DefinitionVersion = 1;
            await db.SaveChangesAsync();
            return review.Id;
        });

        var oldPage = await tm.GetAsync($"/reviews/{old}");
        Assert.Contains("Locality Learning Circle (version 1)", oldPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Check the learning is embedded", oldPage.Text, StringComparison.Ordinal);
        Assert.Equal(4, oldPage.Html.QuerySelectorAll(".app-stage-tasks .govuk-task-list__item").Length);

        // A review started now gets version 2, with its extra stage.
        var started = await tm.SubmitAsync($"/reviews/start/{Key}",
        [
            new("CaseLabel", "Child V"), new("LocalityId", await app.WithDbAsync(db => db.Localities.Where(l => l.Name == "North Locality").Select(l => l.Id.ToString()).SingleAsync())),
            new("Reason", "turning-point"), new("ReasonDetail", "A new placement"),
        ]);
        var fresh = await tm.FollowAsync(started);
        Assert.Contains("Locality Learning Circle (version 2)", fresh.Text, StringComparison.Ordinal);
        Assert.Contains("Check the learning is embedded", fresh.Text, StringComparison.Ordinal);
        Assert.Equal(5, fresh.Html.QuerySelectorAll(".app-stage-tasks .govuk-task-list__item").Length);

        // The old review finishes by its own definition: completing "after" closes it.
        var today = app.Today;
        await tm.SaveStageAsync(old, "after",
        [
            .. WorkflowClient.Date("sharedWithLearners", today), .. WorkflowClient.Date("caseNoteDate", today),
            new("f.caseNoteBy", "Tariq Malik"), new("f.themes", "Kinship care"),
        ]);
        Assert.Contains("is closed", (await tm.AdvanceAsync(old)).Text, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Closed, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == old).Select(r => r.Status).SingleAsync()));
    }

    /// <summary>Version 1 with one more stage at the end, as the partnership might publish it.</summary>
    private static IReadOnlyList<WorkflowDefinition> VersionTwo()
    {
        var assembly = typeof(WorkflowDefinition).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith($"{Key}.v1.json", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var json = JsonNode.Parse(reader.ReadToEnd(), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json["version"] = 2;
        json["stages"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "embedding",
            ["title"] = "Check the learning is embedded",
            ["guidance"] = "Three months on, check the actions have changed practice.",
            ["actors"] = new JsonObject { ["roles"] = new JsonArray("Team Manager"), ["reviewRoles"] = new JsonArray() },
            ["fields"] = new JsonArray(new JsonObject { ["key"] = "evidence", ["label"] = "Evidence of change", ["kind"] = "longText", ["required"] = true }),
            ["gates"] = new JsonArray(new JsonObject { ["kind"] = "requiredFieldsComplete" }),
        });
        return WorkflowDefinitionLoader.Load([($"{Key}.v2.json", json.ToJsonString())]);
    }
}
