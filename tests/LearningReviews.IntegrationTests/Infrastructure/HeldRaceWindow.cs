using LearningReviews.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LearningReviews.IntegrationTests.Infrastructure;

/// <summary>
/// Holds the first <paramref name="parties"/> requests that reach one place (a <see cref="RaceWindow"/>
/// name) until all of them are there, then lets them go together: each has read what its save depends
/// on, none has written. Later arrivals pass straight through (a retry, say). If the others never come,
/// because the application serialised them before this point, the held ones go on after the timeout, so a
/// test fails on what it asserts rather than hanging. It holds nothing until the test arms it, so the
/// steps that set the scene pass through.
/// </summary>
public sealed class HeldRaceWindow(string heldPlace, int parties) : RaceWindow
{
    private readonly TaskCompletionSource allThere = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;
    private volatile bool armed;

    /// <summary>From now on, hold the next requests that reach the place.</summary>
    public void Arm() => armed = true;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How many requests were held together: the test checks the race really happened.</summary>
    public int HeldTogether { get; private set; }

    public static Action<IServiceCollection> Hold(HeldRaceWindow window) => services => services.AddSingleton<RaceWindow>(window);

    public override async Task PauseAsync(string place, CancellationToken cancellationToken = default)
    {
        if (!armed || place != heldPlace) return;
        var number = Interlocked.Increment(ref arrived);
        if (number > parties) return;
        if (number == parties)
        {
            HeldTogether = parties;
            allThere.TrySetResult();
        }
        try
        {
            await allThere.Task.WaitAsync(Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Not all came: carry on, and HeldTogether stays 0 for the test to report.
        }
    }
}
