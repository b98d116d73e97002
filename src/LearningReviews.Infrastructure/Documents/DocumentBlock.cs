namespace LearningReviews.Infrastructure.Documents;

/// <summary>One piece of a <see cref="PrintedDocument"/>'s body. The renderer lays them out in order.</summary>
public abstract record DocumentBlock;

/// <summary>A section heading: level 1 for sections, level 2 for parts of a section.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : DocumentBlock;

/// <summary>The hint that a form shows under a heading, printed small and in italics.</summary>
public sealed record GuidanceBlock(string Text) : DocumentBlock;

/// <summary>
/// An answer or other running text. Line breaks the user typed are kept. An empty paragraph prints
/// "Not completed", so a reader can tell a blank answer from a missing section.
/// </summary>
public sealed record ParagraphBlock(string? Text) : DocumentBlock;

/// <summary>A column of a <see cref="TableBlock"/>; widths are shares of the text width, not points.</summary>
public sealed record TableColumn(string Header, double RelativeWidth = 1);

/// <summary>
/// A grid with a shaded header row, e.g. actions or learning points. Each row has one cell per
/// column; a short row is padded with empty cells.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
    : DocumentBlock;

/// <summary>A "label: value" pair in a <see cref="KeyValueBlock"/>.</summary>
public sealed record KeyValueRow(string Label, string? Value);

/// <summary>Label and value rows without borders, e.g. the details of a meeting.</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValueRow> Rows) : DocumentBlock;
