namespace LearningReviews.Domain.Subgroups;

/// <summary>
/// A subgroup of the Safeguarding Children Partnership (for example the Learning and Improvement Subgroup or the
/// Quality Performance and Action Group). Subgroups own reviews' action plans: at their meetings members challenge
/// or approve each action and each plan, and a plan's overdue actions are escalated, last of all, to the chair.
/// The list is managed by the administrator; a subgroup that owns plans is retired, never deleted.
/// </summary>
public class Subgroup : IAuditableEntity
{
    /// <summary>The most characters a subgroup's name may have.</summary>
    public const int NameLength = 200;

    /// <summary>The most characters a subgroup's description may have.</summary>
    public const int DescriptionLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique, so plans and reports never name two subgroups alike.</summary>
    public required string Name { get; set; }

    /// <summary>What the subgroup looks after, shown on its page and as a hint where plans are given to it.</summary>
    public string? Description { get; set; }

    /// <summary>Retired subgroups are not offered for new plans; the plans they own and their history stay.</summary>
    public bool IsRetired { get; set; }

    /// <summary>Where the subgroup comes in lists (smallest first).</summary>
    public int Position { get; set; }

    /// <summary>The people on the subgroup; one or more of them may be its chair.</summary>
    public List<SubgroupMember> Members { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>A user account's membership of a subgroup, and whether they chair it.</summary>
public class SubgroupMember
{
    public Guid SubgroupId { get; set; }

    /// <summary>The member's user account (ASP.NET Core Identity user id).</summary>
    public required string UserId { get; set; }

    /// <summary>The chair is the last step of an overdue action's escalation and signs off the subgroup's decisions.</summary>
    public bool IsChair { get; set; }
}
