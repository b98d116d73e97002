using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Publication;

/// <summary>What a finding of the summary check looks like.</summary>
public enum FindingKind
{
    Name,
    DateOfBirth,
    Address,
    School,
    CaseRecordNumber,
}

/// <summary>Something in a summary that may identify a child, a family or a practitioner, and where it is.</summary>
public sealed record Finding(FindingKind Kind, int Start, int Length, string Text, string Reason)
{
    public int End => Start + Length;

    /// <summary>How an acceptance is matched: the kind and the text, ignoring case and spacing.</summary>
    public string Key => KeyOf(Kind, Text);

    public static string KeyOf(FindingKind kind, string text) =>
        $"{kind}:{Regex.Replace(text.Trim(), @"\s+", " ").ToUpperInvariant()}";
}

/// <summary>The text around a finding, so a page can show it highlighted where it is.</summary>
public sealed record FindingExcerpt(string Before, string Match, string After);

/// <summary>
/// What the app knows about a review's people and families: names to look for in its summary. Pseudonymous case
/// labels in the usual form ("Child A", "Family B") are what a summary should use, and are not looked for.
/// </summary>
public sealed record KnownIdentifiers(IReadOnlyCollection<string> PeopleNames, IReadOnlyCollection<string> CaseLabels,
    IReadOnlyCollection<string> CaseRecordNumbers)
{
    public static readonly KnownIdentifiers None = new([], [], []);
}

/// <summary>
/// Looks through a summary meant for publication for what might identify someone: people's names, dates of
/// birth, addresses and postcodes, schools, and case-record numbers. It is a careful reader's first pass, not a
/// guarantee: it errs towards flagging, and a person accepts each false alarm (recorded) before the summary can
/// be marked publishable. Pure: no I/O, the same text always gives the same findings.
/// </summary>
public static partial class IdentifyingDetailsCheck
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The app's case-record numbers look like "CR-20417" (Domain/Reviews/Case.cs; the proposal form's examples).</summary>
    [GeneratedRegex(@"\bCR[-\s]?\d{1,10}\b", Options | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CaseRecordFormat();

    /// <summary>
    /// Six or more digits in a row are likely a record number; so are an NHS number written in its groups
    /// ("943 476 5919") and a phone number. Years side by side ("2023 2024") are not.
    /// </summary>
    [GeneratedRegex(@"(?<![\d/.-])(\d{6,}|\d{3} \d{3} \d{4}|0\d{2,4} \d{3} ?\d{3,4}|0\d{3,4} \d{6,7})(?![\d/-]|\.\d)", Options, 1000)]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"\b(D\.?O\.?B\.?|date\s+of\s+birth|born\s+on|birth\s+date)\b[:\s]*(\d{1,2}(st|nd|rd|th)?[\s/.-]+(\d{1,2}|[A-Za-z]{3,9})[\s/.,-]+\d{2,4})?", Options | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BirthPhrase();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b", Options, 1000)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+\d{4}\b", Options | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b", Options | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex MonthDayYear();

    // Written in capitals, as postcodes are: "NE8 1HH", "SW1A 2AA".
    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", Options, 1000)]
    private static partial Regex Postcode();

    private const string StreetWords = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Crescent|Terrace|Place|Gardens|Grove|Square|Walk|Mews|Row|Hill|View|Parade|Vale|Rise|Green|Estate";

    [GeneratedRegex(@"\b\d{1,4}[A-Za-z]?,?\s+(([A-Z][a-z']+|[A-Z]{2,})\s+){1,3}(" + StreetWords + @")\b", Options, 1000)]
    private static partial Regex NumberedStreet();

    // Without a house number, a street is still an address; "Court" is left out (Family Court, Crown Court).
    [GeneratedRegex(@"\b([A-Z][a-z']+\s+){1,3}(Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews|Parade)\b", Options, 1000)]
    private static partial Regex NamedStreet();

    [GeneratedRegex(@"\b(([A-Z][a-z']+|St\.?|C\s?of\s?E|RC|CE)\s+){1,4}(School|Academy|Primary|College|Nursery|Infants|Juniors)\b", Options, 1000)]
    private static partial Regex School();

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?\s+[A-Z][a-zA-Z'-]+(\s+[A-Z][a-zA-Z'-]+)?", Options, 1000)]
    private static partial Regex TitledName();

    // A name word: "Smith", "O'Neill", "McDonald", "Sarah-Jane".
    private const string NameWord = @"[A-Z](?:[a-z]+|'[A-Z][a-z]+)(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?";

    [GeneratedRegex(@"\b" + NameWord + @"\s+" + NameWord + @"\b", Options, 1000)]
    private static partial Regex CapitalisedPair();

    /// <summary>
    /// Capitalised words that are not people's names: roles, agencies, services, days, months, places in general,
    /// and the words that start sentences. A pair with one of these in it is not taken for a name.
    /// </summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // Articles, pronouns, conjunctions and common sentence openers.
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "Their", "His", "Her", "We", "Our",
        "You", "Your", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "Without", "During", "After", "Before", "When",
        "While", "Where", "Whilst", "As", "And", "But", "Or", "If", "There", "Here", "Some", "All", "Each", "Every", "Both", "Any",
        "No", "Not", "None", "One", "Two", "Three", "Four", "Five", "First", "Second", "Third", "Last", "Next", "Over", "Under",
        "Also", "However", "Although", "Following", "Further", "Overall", "Many", "Most", "Several", "Other", "Others", "Such",
        "Staff", "Professionals", "Practitioners", "Agencies", "Partners", "Learning", "Key", "Good", "Areas", "Area", "Findings",
        "Recommendation", "Recommendations", "Action", "Actions", "Summary", "Review", "Reviews", "Case", "Practice", "Lessons",
        // Family and review roles.
        "Child", "Children", "Baby", "Infant", "Sibling", "Siblings", "Young", "Person", "People", "Mother", "Father", "Mum", "Dad",
        "Parent", "Parents", "Carer", "Carers", "Grandmother", "Grandfather", "Grandparent", "Stepfather", "Stepmother", "Partner",
        "Family", "Families", "Brother", "Sister", "Aunt", "Uncle", "Lead", "Reviewer", "Author", "Chair", "Manager", "Managers",
        "Team", "Teams", "Worker", "Workers", "Social", "Health", "Visitor", "Visitors", "Nurse", "Midwife", "Midwifery", "Officer",
        "Officers", "Practitioner", "Designated", "Named", "Head", "Teacher", "Teachers", "Headteacher", "Doctor", "General",
        "Consultant", "Paediatrician", "Paediatric", "Independent", "Reviewing", "Chief", "Executive", "Director", "Senior", "Business",
        // Agencies and services.
        "Police", "Constabulary", "Council", "Services", "Service", "Care", "Care's", "Children's", "Early", "Help", "Support",
        "Safeguarding", "Partnership", "Board", "Subgroup", "Panel", "National", "Local", "Authority", "Hospital", "Trust", "Foundation",
        "NHS", "Clinical", "Commissioning", "Group", "Primary", "Secondary", "Education", "Housing", "Probation", "Youth", "Justice",
        "Court", "Family", "Crown", "Magistrates", "Ambulance", "Fire", "Rescue", "Emergency", "Department", "Accident", "Mental",
        "Adult", "Adults", "Drug", "Alcohol", "Domestic", "Abuse", "Violence", "Front", "Door", "Hub", "Multi", "Agency", "Referral",
        "Assessment", "Plan", "Plans", "Protection", "Conference", "Strategy", "Discussion", "Meeting", "Working", "Together",
        "Government", "Office", "Ofsted", "Unit", "Centre", "Center", "Community", "Public", "Practice", "Day", "Circle", "Desktop",
        "Thematic", "Rapid", "Single", "Issue", "Outcomes", "Form", "Quality", "Assurance", "Improvement", "Locality", "North", "South",
        "East", "West", "Central", "Gateshead", "England", "Wales", "Britain", "United", "Kingdom", "UK", "GP", "GPs", "Surgery",
        // Days and months.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter", "Spring", "Summer", "Autumn",
        "Winter", "Term", "Bank", "Holiday",
    };

    /// <summary>Labels such as "Child A", "Family B", "Sibling 2" are the pseudonyms a published summary should use.</summary>
    [GeneratedRegex(@"^(Child|Family|Sibling|Baby|Young person|Mother|Father|Parent|Carer|Adult)\s+([A-Z]|\d{1,2})$", Options | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PseudonymLabel();

    /// <summary>The findings in the text, in the order they appear; overlapping matches are reported once.</summary>
    public static IReadOnlyList<Finding> Check(string? text, KnownIdentifiers? known = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        known ??= KnownIdentifiers.None;
        var found = new List<Finding>();

        // Most certain first: what the app knows about this review's people and families.
        foreach (var number in known.CaseRecordNumbers.Where(n => !string.IsNullOrWhiteSpace(n)))
            AddLiteral(found, text, number.Trim(), FindingKind.CaseRecordNumber, "This is a case-record number of a family in this review");
        foreach (var label in known.CaseLabels.Where(l => !string.IsNullOrWhiteSpace(l) && !PseudonymLabel().IsMatch(l.Trim())))
            AddLiteral(found, text, label.Trim(), FindingKind.Name, "This is the app's label for a family in this review, not a label for publication");
        foreach (var name in known.PeopleNames.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var whole = name.Trim();
            AddLiteral(found, text, whole, FindingKind.Name, "This is the name of someone involved in this review");
            // A surname or given name on its own still names them; short and common words are skipped.
            foreach (var part in whole.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3 && char.IsUpper(p[0]) && !NotNames.Contains(p)))
                AddLiteral(found, text, part, FindingKind.Name, "This is part of the name of someone involved in this review", caseSensitive: true);
        }

        Add(found, text, CaseRecordFormat(), FindingKind.CaseRecordNumber, "This looks like a case-record number");
        Add(found, text, LongDigitRun(), FindingKind.CaseRecordNumber, "A long run of digits may be a case-record, NHS or phone number");
        Add(found, text, BirthPhrase(), FindingKind.DateOfBirth, "This looks like a date of birth");
        Add(found, text, NumericDate(), FindingKind.DateOfBirth, "A full date may be a date of birth; give the month and year, or the age, instead");
        Add(found, text, DayMonthYear(), FindingKind.DateOfBirth, "A full date may be a date of birth; give the month and year, or the age, instead");
        Add(found, text, MonthDayYear(), FindingKind.DateOfBirth, "A full date may be a date of birth; give the month and year, or the age, instead");
        Add(found, text, NumberedStreet(), FindingKind.Address, "This looks like an address");
        Add(found, text, Postcode(), FindingKind.Address, "This looks like a postcode");
        Add(found, text, NamedStreet(), FindingKind.Address, "This looks like a street name", m => !AllCommon(m.Value, lastIsSuffix: true));
        Add(found, text, School(), FindingKind.School, "This looks like the name of a school", m => !AllCommon(m.Value, lastIsSuffix: true));
        Add(found, text, TitledName(), FindingKind.Name, "A title followed by a name names a person", m => !NotNames.Contains(Regex.Split(m.Value, @"\s+", RegexOptions.None, Timeout)[1]));
        Add(found, text, CapitalisedPair(), FindingKind.Name, "Two capitalised words together may be a person's first name and surname", IsLikelyName);

        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The findings nobody has accepted as not identifying.</summary>
    public static IReadOnlyList<Finding> Outstanding(IEnumerable<Finding> findings, IEnumerable<string> acceptedKeys)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var accepted = acceptedKeys.ToHashSet(StringComparer.Ordinal);
        return findings.Where(f => !accepted.Contains(f.Key)).ToList();
    }

    /// <summary>The finding with up to <paramref name="context"/> characters either side, cut at word boundaries.</summary>
    public static FindingExcerpt Excerpt(string text, Finding finding, int context = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(finding);
        var from = Math.Max(0, finding.Start - context);
        var to = Math.Min(text.Length, finding.End + context);
        while (from > 0 && from < finding.Start && !char.IsWhiteSpace(text[from - 1])) from++;
        while (to < text.Length && to > finding.End && !char.IsWhiteSpace(text[to])) to--;
        var before = (from > 0 ? "…" : "") + text[from..finding.Start];
        var after = text[finding.End..to] + (to < text.Length ? "…" : "");
        return new FindingExcerpt(before, text.Substring(finding.Start, finding.Length), after);
    }

    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Name => "Possible name",
        FindingKind.DateOfBirth => "Possible date of birth",
        FindingKind.Address => "Possible address",
        FindingKind.School => "Possible school",
        FindingKind.CaseRecordNumber => "Possible case-record number",
        _ => kind.ToString(),
    };

    private static bool IsLikelyName(Match match)
    {
        var words = match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => NotNames.Contains(w) || NotNames.Contains(w.Split('\'', '-')[0]))) return false;
        return true;
    }

    /// <summary>True when every capitalised word before the suffix is an ordinary word ("The Primary", "Local Road").</summary>
    private static bool AllCommon(string value, bool lastIsSuffix)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var named = lastIsSuffix ? words[..^1] : words;
        return named.All(w => NotNames.Contains(w.TrimEnd('.')) && !string.Equals(w.TrimEnd('.'), "St", StringComparison.Ordinal));
    }

    private static void Add(List<Finding> found, string text, Regex pattern, FindingKind kind, string reason, Func<Match, bool>? keep = null)
    {
        foreach (Match match in pattern.Matches(text))
        {
            if (keep is not null && !keep(match)) continue;
            var value = match.Value.TrimEnd(' ', ',', ':');
            AddSpan(found, new Finding(kind, match.Index, value.Length, value, reason));
        }
    }

    private static void AddLiteral(List<Finding> found, string text, string literal, FindingKind kind, string reason, bool caseSensitive = false)
    {
        var pattern = new Regex(@"(?<![\w])" + Regex.Escape(literal) + @"(?![\w])",
            RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase), Timeout);
        foreach (Match match in pattern.Matches(text))
            AddSpan(found, new Finding(kind, match.Index, match.Length, match.Value, reason));
    }

    /// <summary>A span already covered by an earlier (more certain) finding is not reported again.</summary>
    private static void AddSpan(List<Finding> found, Finding finding)
    {
        if (finding.Length == 0) return;
        if (found.Any(f => f.Start < finding.End && finding.Start < f.End)) return;
        found.Add(finding);
    }
}
