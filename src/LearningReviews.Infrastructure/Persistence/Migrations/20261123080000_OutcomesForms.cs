using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LearningReviews.Infrastructure.Persistence.Migrations;

/// <summary>
/// The Learning Review Outcomes Form's lifecycle (one row per version) and the comments made on it
/// while it is circulated. Provider-neutral like the others (see docs/decisions/0001).
/// </summary>
[DbContext(typeof(LearningReviewsDbContext))]
[Migration("20261123080000_OutcomesForms")]
public sealed class OutcomesForms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "OutcomesForms",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 30, nullable: false),
                VersionReason = t.Column<string>(maxLength: 2000, nullable: true),
                CirculatedAt = t.Column<DateTime>(nullable: true),
                CommentsCloseOn = t.Column<DateOnly>(nullable: true),
                FinalisedAt = t.Column<DateTime>(nullable: true),
                FinalisedBy = t.Column<string>(maxLength: 256, nullable: true),
                SnapshotJson = t.Column<string>(nullable: true),
                SentAt = t.Column<DateTime>(nullable: true),
                SentTo = t.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OutcomesForms", x => x.Id);
                t.ForeignKey("FK_OutcomesForms_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OutcomesForms_ReviewId_Version", "OutcomesForms", ["ReviewId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "OutcomesComments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                FormId = t.Column<Guid>(nullable: false),
                SectionKey = t.Column<string>(maxLength: 100, nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                AuthorUserId = t.Column<string>(maxLength: 450, nullable: true),
                AuthorName = t.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Response = t.Column<string>(maxLength: 4000, nullable: true),
                Resolved = t.Column<bool>(nullable: false),
                RespondedBy = t.Column<string>(maxLength: 256, nullable: true),
                RespondedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OutcomesComments", x => x.Id);
                t.ForeignKey("FK_OutcomesComments_OutcomesForms_FormId", x => x.FormId, "OutcomesForms", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OutcomesComments_FormId", "OutcomesComments", "FormId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("OutcomesComments");
        migrationBuilder.DropTable("OutcomesForms");
    }
}
