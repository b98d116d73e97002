namespace LearningReviews.Domain.Reviews;

/// <summary>
/// A practice theme (for example "neglect" or "professional curiosity") from the partnership's managed list,
/// tagged on reviews, learning points and actions so that themes can be counted across reviews. A theme in
/// use is never deleted: it is retired, which takes it off the forms and keeps its counts.
/// </summary>
public class Theme : IAuditableEntity
{
    /// <summary>The most characters a theme's name may have.</summary>
    public const int NameLength = 200;

    /// <summary>The most characters a theme's description may have.</summary>
    public const int DescriptionLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique, ignoring case, so the list never holds "Neglect" twice.</summary>
    public required string Name { get; set; }

    /// <summary>What the theme covers, shown as the hint beside its checkbox.</summary>
    public string? Description { get; set; }

    /// <summary>Retired themes are not offered on forms; what is already tagged stays and is counted.</summary>
    public bool IsRetired { get; set; }

    /// <summary>Where the theme comes in lists and forms (smallest first).</summary>
    public int Position { get; set; }

    public List<Review> Reviews { get; set; } = [];
    public List<LearningPoint> LearningPoints { get; set; } = [];
    public List<ReviewAction> Actions { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
