using LearningReviews.Domain.Publication;

namespace LearningReviews.UnitTests.Publication;

public sealed class IdentifyingDetailsCheckTests
{
    private static IReadOnlyList<Finding> Check(string text, KnownIdentifiers? known = null) => IdentifyingDetailsCheck.Check(text, known);

    private static Finding Single(string text, FindingKind kind, KnownIdentifiers? known = null)
    {
        var findings = Check(text, known);
        Assert.True(findings.Count == 1, $"Expected one finding in \"{text}\", got: {string.Join("; ", findings.Select(f => $"{f.Kind} '{f.Text}'"))}");
        Assert.Equal(kind, findings[0].Kind);
        return findings[0];
    }

    [Theory]
    [InlineData("Child A lived with Mother and two siblings.")]
    [InlineData("The Police attended on Monday and shared the referral with Children's Social Care.")]
    [InlineData("In March 2024 the Health Visitor raised concerns with the GP.")]
    [InlineData("Mother and Father were offered Early Help in the autumn term.")]
    [InlineData("The Designated Safeguarding Lead at the school made a referral to the Front Door.")]
    [InlineData("Child B was aged 3 when the review began; the review covered 2022 to 2024.")]
    [InlineData("Family A moved to a new area. Sibling 2 started at a primary school.")]
    [InlineData("The Family Court made an order. The Safeguarding Partnership agreed the action plan on Tuesday.")]
    [InlineData("There were 12 home visits and 4 strategy discussions between 2023 2024.")]
    [InlineData("")]
    public void Ordinary_text_has_no_findings(string text)
    {
        var findings = Check(text);
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => $"{f.Kind} '{f.Text}'")));
    }

    [Theory]
    [InlineData("The social worker spoke to Jane Smith about the plan.", "Jane Smith")]
    [InlineData("Jane Smith was not seen by professionals.", "Jane Smith")]
    [InlineData("Her partner, Mr Okafor, attended the conference.", "Mr Okafor")]
    [InlineData("A letter was sent to Mrs. Anne Brown in May.", "Mrs. Anne Brown")]
    [InlineData("Staff noted that Leah O'Neill was often late.", "Leah O'Neill")]
    [InlineData("The child's aunt, Sarah-Jane Wilson, cared for her.", "Sarah-Jane Wilson")]
    public void A_persons_name_is_found(string text, string name)
    {
        var finding = Single(text, FindingKind.Name);
        Assert.Equal(name, finding.Text);
        Assert.Equal(name, text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void The_names_the_app_knows_are_found_even_alone_or_in_lower_case()
    {
        var known = new KnownIdentifiers(["Priya Patel"], ["Demo family Osprey", "Child A"], ["CR-40417"]);
        var findings = Check("priya patel met the family; later Patel wrote to demo family osprey. Child A was safe.", known);
        Assert.Equal(["priya patel", "Patel", "demo family osprey"], findings.Select(f => f.Text));
        Assert.All(findings, f => Assert.Equal(FindingKind.Name, f.Kind));
    }

    [Theory]
    [InlineData("Child A (DOB 12/03/2019) was referred.", "DOB 12/03/2019")]
    [InlineData("Child A, date of birth: 4 June 2018, was referred.", "date of birth: 4 June 2018")]
    [InlineData("The baby was born on 3rd March 2021 at home.", "born on 3rd March 2021")]
    [InlineData("Child A was seen on 12 March 2023 by the GP.", "12 March 2023")]
    [InlineData("Child A was seen on March 12, 2023 by the GP.", "March 12, 2023")]
    [InlineData("Seen on 01-02-21 at clinic.", "01-02-21")]
    [InlineData("D.O.B. is held on file.", "D.O.B")]
    public void A_date_of_birth_is_found(string text, string expected)
    {
        var finding = Single(text, FindingKind.DateOfBirth);
        Assert.Equal(expected, finding.Text);
    }

    [Theory]
    [InlineData("The family lived at 14 Elm Street with relatives.", "14 Elm Street")]
    [InlineData("They moved to 3a Coronation Road.", "3a Coronation Road")]
    [InlineData("The flat in Gladstone Terrace was cold.", "Gladstone Terrace")]
    [InlineData("The address was in NE8 1HH near the river.", "NE8 1HH")]
    [InlineData("Post went to SW1A2AA.", "SW1A2AA")]
    public void An_address_is_found(string text, string expected)
    {
        var finding = Single(text, FindingKind.Address);
        Assert.Equal(expected, finding.Text);
    }

    [Theory]
    [InlineData("Child A attended Fellside Primary School until Year 2.", "Fellside Primary School")]
    [InlineData("Her brother is at Kingsmeadow Academy.", "Kingsmeadow Academy")]
    [InlineData("Staff at St Mary's Primary noticed bruising.", "St Mary's Primary")]
    [InlineData("The referral came from Hillcrest Nursery.", "Hillcrest Nursery")]
    public void A_school_is_found(string text, string expected)
    {
        var finding = Single(text, FindingKind.School);
        Assert.Equal(expected, finding.Text);
    }

    [Theory]
    [InlineData("The case (CR-20417) was closed in 2022.", "CR-20417")]
    [InlineData("Case record cr 99812 was reopened.", "cr 99812")]
    [InlineData("The record 1234567 shows three referrals.", "1234567")]
    [InlineData("NHS number 943 476 5919 was on the referral.", "943 476 5919")]
    [InlineData("The family could be reached on 0191 433 3000.", "0191 433 3000")]
    public void A_case_record_number_or_long_number_is_found(string text, string expected)
    {
        var finding = Single(text, FindingKind.CaseRecordNumber);
        Assert.Equal(expected, finding.Text);
    }

    [Fact]
    public void The_reviews_own_case_record_number_is_found_whatever_its_form()
    {
        var known = new KnownIdentifiers([], [], ["ES/2231-B"]);
        var finding = Single("Open under ES/2231-B since spring.", FindingKind.CaseRecordNumber, known);
        Assert.Equal("ES/2231-B", finding.Text);
        Assert.Contains("case-record number of a family in this review", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_with_a_name_a_date_of_birth_and_a_case_record_number_has_all_three_in_order()
    {
        const string text = "Tom Baxter (DOB 02/05/2017) was known to services under CR-55120.";
        var findings = Check(text);
        Assert.Equal([FindingKind.Name, FindingKind.DateOfBirth, FindingKind.CaseRecordNumber], findings.Select(f => f.Kind));
        Assert.Equal(["Tom Baxter", "DOB 02/05/2017", "CR-55120"], findings.Select(f => f.Text));
    }

    [Fact]
    public void Overlapping_matches_are_reported_once()
    {
        var known = new KnownIdentifiers(["Jane Smith"], [], []);
        var findings = Check("Jane Smith attended.", known);
        var finding = Assert.Single(findings);
        Assert.Contains("someone involved in this review", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_findings_are_no_longer_outstanding_and_acceptance_ignores_case_and_spacing()
    {
        var findings = Check("Jane Smith met Tom Baxter.");
        Assert.Equal(2, findings.Count);
        var outstanding = IdentifyingDetailsCheck.Outstanding(findings, [Finding.KeyOf(FindingKind.Name, " jane  SMITH ")]);
        Assert.Equal("Tom Baxter", Assert.Single(outstanding).Text);
        // An acceptance of the same text as another kind does not count.
        Assert.Equal(2, IdentifyingDetailsCheck.Outstanding(findings, [Finding.KeyOf(FindingKind.School, "Jane Smith")]).Count);
    }

    [Fact]
    public void The_excerpt_shows_the_finding_in_its_place()
    {
        const string text = "At the first meeting the team learned a great deal. Later, Jane Smith said the plan had not been shared with her at all.";
        var finding = Single(text, FindingKind.Name);
        var excerpt = IdentifyingDetailsCheck.Excerpt(text, finding, 20);
        Assert.Equal("Jane Smith", excerpt.Match);
        Assert.StartsWith("…", excerpt.Before, StringComparison.Ordinal);
        Assert.EndsWith("Later, ", excerpt.Before, StringComparison.Ordinal);
        Assert.StartsWith(" said the plan", excerpt.After, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt.After, StringComparison.Ordinal);
        Assert.Equal(text, IdentifyingDetailsCheck.Excerpt(text, finding, 500) is var whole ? whole.Before + whole.Match + whole.After : "");
    }
}
