using LearningReviews.Infrastructure.Documents;

namespace LearningReviews.UnitTests.Documents;

public class DocumentFileNameTests
{
    [Theory]
    [InlineData("LR-2026-0007", "Learning Review Outcomes Form", 2, "LR-2026-0007-learning-review-outcomes-form-v2.pdf")]
    [InlineData("LR-2026-0012", "Learning circle record", 1, "LR-2026-0012-learning-circle-record-v1.pdf")]
    [InlineData("LR-2026-0003", "Rapid review – decision (Gŵyl)", 10, "LR-2026-0003-rapid-review-decision-gwyl-v10.pdf")]
    [InlineData("LR 2026/0004", "  Record  ", 3, "LR-2026-0004-record-v3.pdf")]
    public void The_name_is_the_reference_the_kind_in_lower_case_ascii_and_the_version(
        string reference, string kind, int version, string expected)
    {
        Assert.Equal(expected, DocumentFileName.For(reference, kind, version));
    }
}
