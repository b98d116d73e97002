using System.Globalization;
using LearningReviews.Infrastructure.Documents;

namespace LearningReviews.IntegrationTests.Documents;

/// <summary>Documents to render in the tests: a short outcomes form and a long one.</summary>
internal static class SampleDocuments
{
    public static readonly TableColumn[] ActionColumns =
    [
        new("Action", 3), new("Owner", 1.4), new("Due date", 1), new("Progress", 2),
    ];

    public static PrintedDocument Short(bool isFinal = false, IReadOnlyList<DocumentBlock>? blocks = null) => new()
    {
        PartnershipName = "Wessex Safeguarding Children Partnership",
        Title = "Learning Review Outcomes Form: Child T",
        Kind = "Learning Review Outcomes Form",
        Reference = "LR-2026-0007",
        Methodology = "LSCB Learning Review",
        Version = 2,
        Status = isFinal ? "Final" : "Circulated for comment",
        Date = new DateOnly(2026, 3, 7),
        Author = "Sam Reviewer",
        Subject = "Learning review LR-2026-0007",
        IsFinal = isFinal,
        Blocks = blocks ??
        [
            new HeadingBlock("1. Summary of the case"),
            new GuidanceBlock("Describe the family and what happened, briefly."),
            new ParagraphBlock("Summary text first line.\nSummary text second line."),
            new HeadingBlock("2. Key learning points"),
            new ParagraphBlock("Learning text about information sharing."),
            new HeadingBlock("2.1 Good practice", 2),
            new ParagraphBlock(""),
            new HeadingBlock("3. Actions"),
            new TableBlock(ActionColumns,
            [
                ["Share the chronology with health", "Named nurse", "1 May 2026", "Started"],
                ["Review the referral pathway", "Head of service", "30 June 2026", ""],
                ["Brief the front door team", "Team manager", "15 May 2026", "Done"],
            ]),
            new HeadingBlock("4. Meeting details"),
            new KeyValueBlock([new("Held on", "4 March 2026"), new("Chair", "Alex Chair"), new("Venue", null)]),
        ],
    };

    /// <summary>Three paragraphs of about 1,500 words and a 60-row table with long cells.</summary>
    public static PrintedDocument Long(bool isFinal = false)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie" })
        {
            blocks.Add(new HeadingBlock($"Section {name}"));
            blocks.Add(new GuidanceBlock($"Guidance for section {name}."));
            blocks.Add(new ParagraphBlock($"{name}-begins " + Words(1_500) + $" {name}-ends"));
        }
        blocks.Add(new HeadingBlock("Actions agreed"));
        var rows = Enumerable.Range(1, 60).Select(number =>
        {
            var id = number.ToString("00", CultureInfo.InvariantCulture);
            return (IReadOnlyList<string>)
            [
                $"Row{id}-action " + Words(45),
                $"Owner{id}",
                "31 December 2026",
                $"Row{id}-progress " + Words(20),
            ];
        }).ToList();
        blocks.Add(new TableBlock(ActionColumns, rows));
        return Short(isFinal, blocks);
    }

    public static string Words(int count)
    {
        string[] vocabulary =
        [
            "practitioners", "shared", "information", "about", "the", "family", "when", "concerns", "were",
            "raised", "and", "agencies", "met", "to", "agree", "a", "plan", "for", "support",
        ];
        return string.Join(' ', Enumerable.Range(0, count).Select(index => vocabulary[index % vocabulary.Length]));
    }
}
