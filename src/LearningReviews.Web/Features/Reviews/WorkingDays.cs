namespace LearningReviews.Web.Features.Reviews;

/// <summary>A number of working days in words: "1 working day", "3 working days".</summary>
public static class WorkingDays
{
    public static string Count(int days) => days == 1 ? "1 working day" : $"{days} working days";
}
