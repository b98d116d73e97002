using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LearningReviews.Infrastructure.Persistence.Migrations;

/// <summary>
/// Stage answers and transitions for the workflow engine; linked reviews; participants tied to one
/// family. Provider-neutral like the first migration (see docs/decisions/0001).
/// </summary>
[DbContext(typeof(LearningReviewsDbContext))]
[Migration("20261122230000_WorkflowRecords")]
public sealed class WorkflowRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<Guid>(name: "LinkedFromReviewId", table: "Reviews", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ClosedAt", table: "Reviews", nullable: true);
        migrationBuilder.CreateIndex("IX_Reviews_LinkedFromReviewId", "Reviews", "LinkedFromReviewId");
        migrationBuilder.AddColumn<Guid>(name: "CaseId", table: "Participants", nullable: true);

        migrationBuilder.CreateTable(
            name: "ReviewStageRecords",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                StageKey = t.Column<string>(maxLength: 100, nullable: false),
                Cycle = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                AnswersJson = t.Column<string>(nullable: false),
                ChecklistJson = t.Column<string>(nullable: false),
                StartedAt = t.Column<DateTime>(nullable: true),
                CompletedAt = t.Column<DateTime>(nullable: true),
                CompletedBy = t.Column<string>(maxLength: 450, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReviewStageRecords", x => x.Id);
                t.ForeignKey("FK_ReviewStageRecords_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewStageRecords_ReviewId_StageKey_Cycle", "ReviewStageRecords",
            ["ReviewId", "StageKey", "Cycle"], unique: true);

        migrationBuilder.CreateTable(
            name: "ReviewTransitions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                FromStage = t.Column<string>(maxLength: 100, nullable: true),
                ToStage = t.Column<string>(maxLength: 100, nullable: true),
                Reason = t.Column<string>(maxLength: 2000, nullable: true),
                UserId = t.Column<string>(maxLength: 450, nullable: true),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                OccurredAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReviewTransitions", x => x.Id);
                t.ForeignKey("FK_ReviewTransitions_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewTransitions_ReviewId", "ReviewTransitions", "ReviewId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ReviewTransitions");
        migrationBuilder.DropTable("ReviewStageRecords");
        migrationBuilder.DropIndex("IX_Reviews_LinkedFromReviewId", "Reviews");
        migrationBuilder.DropColumn("CaseId", "Participants");
        migrationBuilder.DropColumn("ClosedAt", "Reviews");
        migrationBuilder.DropColumn("LinkedFromReviewId", "Reviews");
    }
}
