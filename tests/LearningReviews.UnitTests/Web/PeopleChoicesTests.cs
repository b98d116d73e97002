using LearningReviews.Web.Features.Workflow;

namespace LearningReviews.UnitTests.Web;

/// <summary>Whom a people picker offers, in what order, and the words shown under each name.</summary>
public sealed class PeopleChoicesTests
{
    private static readonly PickerAccount Admin = new("a", "Alex Admin", true, ["Administrator"], null, null);
    private static readonly PickerAccount AdminWhoManages = new("b", "Bea Both", true, ["Administrator", "Team Manager"], "Children's Social Care", "North");
    private static readonly PickerAccount Closed = new("c", "Cal Closed", false, ["Practitioner"], "Health", "South");
    private static readonly PickerAccount Priya = new("p", "priya Shah", true, ["Practitioner"], "Children's Social Care", "North");
    private static readonly PickerAccount Fran = new("f", "Fran Ellis", true, ["Facilitator", "Practitioner"], null, "East");
    private static readonly PickerAccount Zed = new("z", "Zed Young", true, [], null, null);
    private static readonly PickerAccount[] Everyone = [Zed, Priya, Closed, Fran, AdminWhoManages, Admin];

    private static readonly Dictionary<string, IReadOnlyList<string>> NoneInReview = [];

    [Fact]
    public void Only_active_accounts_holding_a_case_role_are_offered_by_name()
    {
        var choices = PeopleChoices.Build(Everyone, NoneInReview, []);
        Assert.Empty(choices.InReview);
        // Case-insensitive by name; an administrator who is also a Team Manager stays, one who is only an administrator does not.
        Assert.Equal(["Bea Both", "Fran Ellis", "priya Shah", "Zed Young"], choices.Others.Select(o => o.Name));
    }

    [Fact]
    public void The_review_s_own_people_come_first_with_their_part_in_it()
    {
        var choices = PeopleChoices.Build(Everyone, new Dictionary<string, IReadOnlyList<string>> { ["p"] = ["Practitioner", "Learner"], ["f"] = ["Chair"] }, []);
        Assert.Equal(["Fran Ellis", "priya Shah"], choices.InReview.Select(o => o.Name));
        Assert.Equal(["Bea Both", "Zed Young"], choices.Others.Select(o => o.Name));
        Assert.Equal(["Fran Ellis", "priya Shah", "Bea Both", "Zed Young"], choices.All.Select(o => o.Name));
        Assert.Equal("Practitioner · Children's Social Care · North · In this review as Practitioner, Learner", choices.InReview[1].Hint);
    }

    [Fact]
    public void Hints_show_roles_agency_and_locality_and_never_the_administrator_role()
    {
        var choices = PeopleChoices.Build(Everyone, NoneInReview, []);
        Assert.Equal("Team Manager · Children's Social Care · North", choices.Others[0].Hint);
        Assert.Equal("Facilitator, Practitioner · East", choices.Others[1].Hint);
        Assert.Equal("", choices.Others[3].Hint);
        // The search matches name, role, agency and locality, whatever the case typed.
        Assert.Equal("priya shah practitioner children's social care north", choices.Others[2].SearchText);
    }

    [Fact]
    public void Someone_already_chosen_stays_on_the_list_even_when_their_account_has_closed()
    {
        var choices = PeopleChoices.Build(Everyone, NoneInReview, ["c"]);
        var closed = Assert.Single(choices.Others, o => o.Id == "c");
        Assert.EndsWith("account closed", closed.Hint, StringComparison.Ordinal);
    }
}
