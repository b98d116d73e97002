using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LearningReviews.Domain.Workflows;

/// <summary>
/// Reads definition files and checks them all before any is used. Every problem found is reported
/// together, each naming the file, the stage and what is wrong.
/// </summary>
public static partial class WorkflowDefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// Where a definition's labels and guidance name the partnership ("the {partnership} business manager"):
    /// the source documents name one partnership, the service names whichever runs it (Partnership:Name).
    /// </summary>
    public const string PartnershipPlaceholder = "{partnership}";

    /// <summary>The partnership's name when none is configured (the default of Partnership:Name).</summary>
    public const string DefaultPartnershipName = "Safeguarding Children Partnership";

    /// <summary>The definitions shipped inside this assembly (Workflows/Definitions/*.json).</summary>
    /// <param name="partnershipName">The partnership's name, put in place of {partnership} in every label and guidance.</param>
    public static IReadOnlyList<WorkflowDefinition> LoadBuiltIn(string? partnershipName = null)
    {
        var assembly = typeof(WorkflowDefinitionLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".json", StringComparison.Ordinal) && name.Contains(".Workflows.Definitions.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (FileNameOf(name), Read(assembly, name)));
        return Load(files, partnershipName);
    }

    public static IReadOnlyList<WorkflowDefinition> Load(IEnumerable<(string File, string Json)> files, string? partnershipName = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        // The name goes into the JSON text as a JSON string's contents, so a quote or backslash in it stays text.
        var encodedName = JsonEncodedText.Encode(string.IsNullOrWhiteSpace(partnershipName) ? DefaultPartnershipName : partnershipName.Trim()).ToString();
        files = files.Select(f => (f.File, f.Json.Replace(PartnershipPlaceholder, encodedName, StringComparison.Ordinal))).ToList();
        var problems = new List<DefinitionProblem>();
        var definitions = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var (file, json) in files)
        {
            var definition = Parse(file, json, problems);
            if (definition is not null) definitions.Add((file, definition));
        }

        foreach (var (file, definition) in definitions)
        {
            WorkflowDefinitionValidator.Check(file, definition, problems);
        }
        foreach (var duplicate in definitions.GroupBy(d => (d.Definition.Key, d.Definition.Version)).Where(g => g.Count() > 1))
        {
            problems.Add(new(string.Join(", ", duplicate.Select(d => d.File)), null,
                $"more than one file defines '{duplicate.Key.Key}' version {duplicate.Key.Version}"));
        }
        var keys = definitions.Select(d => d.Definition.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, definition) in definitions)
        {
            foreach (var stage in definition.Stages)
            {
                foreach (var linked in stage.MayStartLinked.Where(k => !keys.Contains(k)))
                {
                    problems.Add(new(file, stage.Key, $"mayStartLinked names '{linked}', which no definition has"));
                }
            }
        }

        if (problems.Count > 0) throw new InvalidWorkflowDefinitionException(problems);
        return definitions.Select(d => d.Definition).ToList();
    }

    private static WorkflowDefinition? Parse(string file, string json, List<DefinitionProblem> problems)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Json);
            if (definition is null) problems.Add(new(file, null, "the file is empty"));
            return definition;
        }
        catch (JsonException error)
        {
            problems.Add(new(file, StageAt(json, error.Path), Explain(error)));
            return null;
        }
    }

    /// <summary>Turns the serializer's message into plain words: unknown kinds and properties are the usual mistakes.</summary>
    private static string Explain(JsonException error)
    {
        var path = error.Path ?? "$";
        var message = error.Message;
        if (message.Contains("could not be converted to LearningReviews.Domain.Workflows.FieldKind", StringComparison.Ordinal))
            return $"unknown field kind at {path}";
        if (message.Contains("could not be converted to LearningReviews.Domain.Workflows.GateKind", StringComparison.Ordinal))
            return $"unknown gate kind at {path}";
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return $"unknown property at {path}";
        return $"not valid at {path}: {message.Split(". Path:")[0]}";
    }

    /// <summary>The key of the stage a JSON path such as $.stages[2].gates[0].kind points into, when it can be read.</summary>
    private static string? StageAt(string json, string? path)
    {
        if (path is null) return null;
        var match = StageIndex().Match(path);
        if (!match.Success) return null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var stage = document.RootElement.GetProperty("stages")[index];
            return stage.TryGetProperty("key", out var key) ? key.GetString() : $"#{index + 1}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string FileNameOf(string resourceName)
    {
        var marker = ".Workflows.Definitions.";
        return resourceName[(resourceName.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\$\.stages\[(\d+)\]")]
    private static partial Regex StageIndex();
}
