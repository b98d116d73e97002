using LearningReviews.Web.Startup;

// Learning Reviews web application. Everything is wired in Startup/; this file only says in what order.
var builder = WebApplication.CreateBuilder(args);
builder.AddLearningReviewsLogging();
builder.Services.AddLearningReviews(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseLearningReviewsPipeline();

await app.PrepareDatabaseAsync();
if (!await app.RunStartupCommandsAsync(args))
{
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
