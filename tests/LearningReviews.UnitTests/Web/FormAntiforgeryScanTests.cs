using System.Text.RegularExpressions;

namespace LearningReviews.UnitTests.Web;

/// <summary>
/// Every POST form in the views carries an antiforgery token. The form tag helper adds one by itself only when the
/// form has no plain action attribute; a form written with <c>action="…"</c> needs <c>@Html.AntiForgeryToken()</c>,
/// or a real browser's post is refused with 400. (The integration tests' browser takes any token on the page, so
/// they cannot see a missing one: this scan can.)
/// </summary>
public sealed partial class FormAntiforgeryScanTests
{
    [GeneratedRegex(@"<form\b(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [Fact]
    public void Every_post_form_with_a_plain_action_carries_a_token()
    {
        var views = Path.Combine(RepositoryRoot(), "src", "LearningReviews.Web");
        var files = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"Only {files.Count} views found under {views}");

        var missing = new List<string>();
        var posts = 0;
        foreach (var file in files)
        {
            foreach (Match form in Form().Matches(File.ReadAllText(file)))
            {
                var tag = form.Groups["tag"].Value;
                if (!tag.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)) continue;
                posts++;
                var plainAction = Regex.IsMatch(tag, @"(^|\s)action\s*=", RegexOptions.IgnoreCase);
                var tokenAdded = tag.Contains("asp-antiforgery=\"true\"", StringComparison.OrdinalIgnoreCase)
                                 || form.Groups["body"].Value.Contains("AntiForgeryToken()", StringComparison.Ordinal);
                if (plainAction && !tokenAdded) missing.Add($"{Path.GetRelativePath(views, file)}: <form{tag[..Math.Min(tag.Length, 80)]}");
            }
        }
        Assert.True(posts > 20, $"Only {posts} POST forms found");
        Assert.True(missing.Count == 0, "POST forms without an antiforgery token:\n" + string.Join('\n', missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LearningReviews.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LearningReviews.sln not found above " + AppContext.BaseDirectory);
    }
}
