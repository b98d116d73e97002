using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using LearningReviews.Domain.Outcomes;
using LearningReviews.Domain.Reviews;
using LearningReviews.Domain.Workflows;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Exports;

/// <summary>
/// The export page's rows as database queries: one row per Outcomes Form version for the methodologies
/// that have a form, one per review record for the others, filtered and counted by the database and read
/// a page at a time. Only the columns a row shows are read; nothing loads a review's whole graph.
/// </summary>
public sealed class ExportList(LearningReviewsDbContext db, WorkflowCatalogue catalogue, PartnershipTime time)
{
    /// <summary>What the database returns for one row; the page turns it into an <see cref="ExportRow"/>.</summary>
    public sealed class Item
    {
        public Guid ReviewId { get; init; }
        public string Reference { get; init; } = "";
        public string MethodologyKey { get; init; } = "";
        public int DefinitionVersion { get; init; }
        public bool IsForm { get; init; }
        public int Version { get; init; }

        /// <summary>0 draft, 1 circulated for comment, 2 final (a closed review's record is final).</summary>
        public int StatusCode { get; init; }

        /// <summary>When the form was made final (or last changed); when the review closed (or last changed).</summary>
        public DateTime At { get; init; }
    }

    public const int Final = 2;
    private const int Circulated = 1;

    /// <summary>
    /// The rows of <paramref name="visible"/> (already the user's visible reviews) that match the filter,
    /// newest first. Nothing is read until the caller counts or pages it.
    /// </summary>
    public async Task<IQueryable<Item>> QueryAsync(IQueryable<Review> visible, ExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(filter);
        if (!string.IsNullOrEmpty(filter.Methodology)) visible = visible.Where(r => r.MethodologyKey == filter.Methodology);
        if (filter.Theme?.Trim() is { Length: > 0 } theme)
        {
            // The managed list is a few dozen names: they are matched here, with .NET's rules, and the reviews tagged
            // with them found by id in the database. Only the untagged reviews' "themes" answers are then looked at.
            var themes = await db.Themes.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            var tagged = themes.Where(t => t.Name.Contains(theme, StringComparison.OrdinalIgnoreCase)).Select(t => t.Id).ToList();
            var answered = await ReviewsWithThemesAnswerAsync(visible.Where(r => !r.Themes.Any(t => tagged.Contains(t.Id))), theme, cancellationToken);
            visible = visible.Where(r => r.Themes.Any(t => tagged.Contains(t.Id)) || answered.Contains(r.Id));
        }

        var usesForm = UsesOutcomesForm();
        var forms =
            from f in db.OutcomesForms
            join r in visible.Where(usesForm) on f.ReviewId equals r.Id
            select new Item
            {
                ReviewId = r.Id, Reference = r.Reference, MethodologyKey = r.MethodologyKey, DefinitionVersion = r.DefinitionVersion,
                IsForm = true, Version = f.Version,
                StatusCode = f.Status == OutcomesFormStatus.Final ? Final : f.Status == OutcomesFormStatus.CirculatedForComment ? Circulated : 0,
                At = f.FinalisedAt ?? f.ModifiedAt,
            };
        var records = visible.Where(Not(usesForm)).Select(r => new Item
        {
            ReviewId = r.Id, Reference = r.Reference, MethodologyKey = r.MethodologyKey, DefinitionVersion = r.DefinitionVersion,
            IsForm = false, Version = 1,
            StatusCode = r.Status == ReviewStatus.Closed ? Final : 0,
            At = r.ClosedAt ?? r.ModifiedAt,
        });
        var rows = forms.Concat(records);
        rows = filter.EffectiveStatus switch
        {
            "final" => rows.Where(i => i.StatusCode == Final),
            "draft" => rows.Where(i => i.StatusCode != Final),
            _ => rows,
        };
        // The filter's dates are the partnership's calendar days: each becomes the UTC instants it spans.
        if (filter.From is { } from)
        {
            var start = StartOfDayUtc(from);
            rows = rows.Where(i => i.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1));
            rows = rows.Where(i => i.At < end);
        }
        return rows.OrderByDescending(i => i.At).ThenBy(i => i.Reference).ThenBy(i => i.Version);
    }

    private DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), time.Zone), DateTimeKind.Utc);

    /// <summary>
    /// The ids of the reviews whose latest "themes" answer in any stage contains the words (ignoring case), as the
    /// page matched them when it filtered in memory. The database narrows to candidate answers (the latest cycle of
    /// a stage, holding a "themes" field and the clue); only those answers are read, and checked here.
    /// </summary>
    [SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL")]
    [SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL")]
    private async Task<List<Guid>> ReviewsWithThemesAnswerAsync(IQueryable<Review> reviews, string theme, CancellationToken cancellationToken)
    {
        const string themesField = "\"themes\"";
        var clue = SafeClue(theme);
        // Candidates may be too many (the clue is part of the words, and a stage's other answers may hold it) but
        // never too few: see SafeClue.
        var candidates = await (
            from s in db.StageRecords
            join r in reviews on s.ReviewId equals r.Id
            where s.AnswersJson.Contains(themesField) && s.AnswersJson.ToLower().Contains(clue)
                  && !db.StageRecords.Any(later => later.ReviewId == s.ReviewId && later.StageKey == s.StageKey && later.Cycle > s.Cycle)
            select new { s.ReviewId, s.AnswersJson }).AsNoTracking().ToListAsync(cancellationToken);
        return candidates
            .Where(c => ReviewWorkflowService.AnswersOf(new ReviewStageRecord { StageKey = "", AnswersJson = c.AnswersJson }).Text("themes")
                is { } text && text.Contains(theme, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.ReviewId).Distinct().ToList();
    }

    /// <summary>
    /// The longest run of the words that the database can look for as they are, in lower case: plain
    /// letters, digits and spaces. JSON writes those unescaped, and SQLite's and PostgreSQL's lower() agree
    /// on them. i, k and s are left out because other letters (dotless ı, the Kelvin sign, long ſ) fold
    /// onto them when .NET ignores case. Empty when nothing is left, which matches everything.
    /// </summary>
    internal static string SafeClue(string words)
    {
        var runs = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in words.ToLowerInvariant())
        {
            if ((char.IsAsciiLetterOrDigit(c) || c == ' ') && c is not ('i' or 'k' or 's'))
            {
                current.Append(c);
            }
            else
            {
                runs.Add(current.ToString());
                current.Clear();
            }
        }
        runs.Add(current.ToString());
        return runs.MaxBy(r => r.Length) ?? "";
    }

    /// <summary>Reviews whose definition version has an Outcomes Form (a review keeps its version).</summary>
    private Expression<Func<Review, bool>> UsesOutcomesForm()
    {
        var review = Expression.Parameter(typeof(Review), "r");
        Expression body = Expression.Constant(false);
        foreach (var definition in catalogue.All.Where(d => d.OutcomesForm is not null))
        {
            body = Expression.OrElse(body, Expression.AndAlso(
                Expression.Equal(Expression.Property(review, nameof(Review.MethodologyKey)), Expression.Constant(definition.Key)),
                Expression.Equal(Expression.Property(review, nameof(Review.DefinitionVersion)), Expression.Constant(definition.Version))));
        }
        return Expression.Lambda<Func<Review, bool>>(body, review);
    }

    private static Expression<Func<Review, bool>> Not(Expression<Func<Review, bool>> predicate) =>
        Expression.Lambda<Func<Review, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
