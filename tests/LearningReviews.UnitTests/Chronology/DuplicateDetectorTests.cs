using LearningReviews.Domain.Chronology;

namespace LearningReviews.UnitTests.Chronology;

public sealed class DuplicateDetectorTests
{
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly DateOnly Day = new(2025, 3, 27);

    private static DuplicateCandidate Entry(Guid agency, string text, DateOnly? date = null, DuplicateResolution resolution = DuplicateResolution.None) =>
        new(Guid.CreateVersion7(), agency, date ?? Day, text, resolution);

    [Fact]
    public void The_same_event_recorded_by_two_agencies_on_the_same_day_is_flagged()
    {
        var police = Entry(Police, "Referral received from school about bruising to the child's arm");
        var health = Entry(Health, "Referral from the school about bruising on the child's arm received");
        var pair = Assert.Single(DuplicateDetector.Find([police, health]));
        Assert.Equal(new[] { police.Id, health.Id }.Order(), new[] { pair.First, pair.Second }.Order());
        Assert.True(pair.Similarity >= DuplicateDetector.Threshold);
    }

    [Fact]
    public void Different_days_the_same_agency_or_different_words_are_not_flagged()
    {
        const string text = "Referral received from school about bruising to the child's arm";
        Assert.Empty(DuplicateDetector.Find([Entry(Police, text), Entry(Health, text, Day.AddDays(1))]));
        Assert.Empty(DuplicateDetector.Find([Entry(Police, text), Entry(Police, text)]));
        Assert.Empty(DuplicateDetector.Find([Entry(Police, text), Entry(Health, "Mother missed the baby's eight-week check")]));
    }

    [Fact]
    public void A_pair_kept_apart_is_not_flagged_again_and_a_merged_entry_is_left_out()
    {
        const string text = "Strategy discussion held with police and social care";
        Assert.Empty(DuplicateDetector.Find([Entry(Police, text, resolution: DuplicateResolution.KeptSeparate), Entry(Health, text, resolution: DuplicateResolution.KeptSeparate)]));
        Assert.Empty(DuplicateDetector.Find([Entry(Police, text), Entry(Health, text, resolution: DuplicateResolution.Merged)]));
        // A third agency's new entry is still compared with one already kept.
        Assert.Single(DuplicateDetector.Find([Entry(Police, text, resolution: DuplicateResolution.KeptSeparate), Entry(Health, text)]));
    }

    [Fact]
    public void Similarity_ignores_case_punctuation_and_short_words()
    {
        Assert.Equal(1.0, DuplicateDetector.Similarity("Home VISIT, by the GP.", "home visit by the gp"));
        Assert.Equal(0.0, DuplicateDetector.Similarity("", "home visit"));
    }
}
