using System.Globalization;
using LearningReviews.Domain.Calendar;

namespace LearningReviews.UnitTests.Calendar;

public sealed class BankHolidaysTests
{
    /// <summary>GOV.UK's published England and Wales lists (gov.uk/bank-holidays), one year a row.</summary>
    public static TheoryData<int, string[]> PublishedYears => new()
    {
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Each_year_matches_the_published_GOV_UK_list(int year, string[] expected)
    {
        Assert.Equal(expected.Select(D).Order(), BankHolidays.ForYear(year).Order());
    }

    [Theory]
    [InlineData(2019, 8)]
    [InlineData(2020, 8)]
    [InlineData(2021, 8)]
    [InlineData(2022, 10)]
    [InlineData(2023, 9)]
    [InlineData(2024, 8)]
    [InlineData(2025, 8)]
    [InlineData(2026, 8)]
    [InlineData(2027, 8)]
    [InlineData(1999, 9)]
    [InlineData(2002, 9)]
    [InlineData(2011, 9)]
    [InlineData(2012, 9)]
    public void A_year_has_eight_bank_holidays_plus_any_proclaimed_extras(int year, int count)
    {
        Assert.Equal(count, BankHolidays.ForYear(year).Count);
    }

    [Fact]
    public void Every_year_since_1978_has_eight_bank_holidays_plus_its_one_off_days()
    {
        var oneOffs = new Dictionary<int, int> { [1981] = 1, [1999] = 1, [2002] = 1, [2011] = 1, [2012] = 1, [2022] = 2, [2023] = 1 };
        for (var year = 1978; year <= BankHolidays.LastSupportedYear; year++)
        {
            Assert.Equal(8 + oneOffs.GetValueOrDefault(year), BankHolidays.ForYear(year).Count);
        }
    }

    [Fact]
    public void Every_bank_holiday_falls_on_a_weekday_in_its_own_year()
    {
        for (var year = BankHolidays.FirstSupportedYear; year <= BankHolidays.LastSupportedYear; year++)
        {
            foreach (var day in BankHolidays.ForYear(year))
            {
                Assert.Equal(year, day.Year);
                Assert.DoesNotContain(day.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            }
        }
    }

    [Theory]
    [InlineData("2008-03-21", "2008-03-24")] // Easter as early as it gets this century
    [InlineData("2024-03-29", "2024-04-01")]
    [InlineData("2025-04-18", "2025-04-21")]
    [InlineData("2026-04-03", "2026-04-06")]
    [InlineData("2038-04-23", "2038-04-26")] // Easter Sunday 25 April, the latest possible
    public void Good_Friday_and_Easter_Monday_come_either_side_of_Easter_Sunday(string goodFriday, string easterMonday)
    {
        var holidays = BankHolidays.ForYear(D(goodFriday).Year);
        Assert.Contains(D(goodFriday), holidays);
        Assert.Contains(D(easterMonday), holidays);
    }

    [Theory]
    [InlineData("2011-01-01", "2011-01-03")] // Saturday
    [InlineData("2022-01-01", "2022-01-03")] // Saturday
    [InlineData("2017-01-01", "2017-01-02")] // Sunday
    [InlineData("2023-01-01", "2023-01-02")] // Sunday
    public void New_Years_Day_at_the_weekend_moves_to_the_next_Monday(string newYear, string substitute)
    {
        var holidays = BankHolidays.ForYear(D(newYear).Year);
        Assert.DoesNotContain(D(newYear), holidays);
        Assert.Contains(D(substitute), holidays);
    }

    [Theory]
    [InlineData(2010)]
    [InlineData(2021)]
    [InlineData(2027)]
    public void Christmas_on_a_Saturday_moves_both_holidays_to_the_next_Monday_and_Tuesday(int year)
    {
        Assert.Equal([new(year, 12, 27), new(year, 12, 28)], December(year));
    }

    [Theory]
    [InlineData(2016)]
    [InlineData(2022)]
    public void Christmas_on_a_Sunday_leaves_Boxing_Day_on_Monday_and_moves_Christmas_to_Tuesday(int year)
    {
        Assert.Equal([new(year, 12, 26), new(year, 12, 27)], December(year));
    }

    [Theory]
    [InlineData(2015)]
    [InlineData(2020)]
    [InlineData(2026)]
    public void Boxing_Day_on_a_Saturday_moves_to_the_next_Monday(int year)
    {
        Assert.Equal([new(year, 12, 25), new(year, 12, 28)], December(year));
    }

    [Theory]
    [InlineData("1995-05-08", "1995-05-01")] // VE Day 50th anniversary
    [InlineData("2020-05-08", "2020-05-04")] // VE Day 75th anniversary, a Friday
    public void The_early_May_bank_holiday_moved_to_VE_Day_in_1995_and_2020(string moved, string usual)
    {
        var holidays = BankHolidays.ForYear(D(moved).Year);
        Assert.Contains(D(moved), holidays);
        Assert.DoesNotContain(D(usual), holidays);
    }

    [Theory]
    [InlineData("2002-06-04", "2002-06-03", "2002-05-27")] // Golden Jubilee
    [InlineData("2012-06-04", "2012-06-05", "2012-05-28")] // Diamond Jubilee
    [InlineData("2022-06-02", "2022-06-03", "2022-05-30")] // Platinum Jubilee
    public void In_jubilee_years_the_spring_bank_holiday_moves_next_to_the_extra_day(string spring, string jubilee, string lastMondayInMay)
    {
        var holidays = BankHolidays.ForYear(D(spring).Year);
        Assert.Contains(D(spring), holidays);
        Assert.Contains(D(jubilee), holidays);
        Assert.DoesNotContain(D(lastMondayInMay), holidays);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2011-04-29")]
    [InlineData("2022-09-19")]
    [InlineData("2023-05-08")]
    public void One_off_days_are_bank_holidays_in_their_year_only(string date)
    {
        var day = D(date);
        Assert.True(BankHolidays.IsBankHoliday(day));
        Assert.False(BankHolidays.IsBankHoliday(day.AddYears(-1)));
        Assert.False(BankHolidays.IsBankHoliday(day.AddYears(1)));
    }

    [Fact]
    public void New_Years_Day_and_the_early_May_holiday_only_count_from_the_years_they_began()
    {
        Assert.DoesNotContain(new DateOnly(1973, 1, 1), BankHolidays.ForYear(1973));
        Assert.Contains(new DateOnly(1974, 1, 1), BankHolidays.ForYear(1974));
        Assert.DoesNotContain(new DateOnly(1977, 5, 2), BankHolidays.ForYear(1977));
        Assert.Contains(new DateOnly(1978, 5, 1), BankHolidays.ForYear(1978));
    }

    [Theory]
    [InlineData(1969)]
    [InlineData(2101)]
    public void Years_outside_1970_to_2100_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidays.ForYear(year));
    }

    [Fact]
    public void A_year_is_worked_out_once_and_shared_even_when_asked_for_concurrently()
    {
        var sets = new IReadOnlySet<DateOnly>[64];
        Parallel.For(0, sets.Length, i => sets[i] = BankHolidays.ForYear(2031));
        Assert.All(sets, set => Assert.Same(BankHolidays.ForYear(2031), set));
    }

    private static DateOnly[] December(int year) => [.. BankHolidays.ForYear(year).Where(d => d.Month == 12).Order()];

    private static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
