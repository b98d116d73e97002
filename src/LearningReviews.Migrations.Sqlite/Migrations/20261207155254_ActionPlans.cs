using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_ReviewId",
                table: "Actions");

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewActionId",
                table: "ReviewFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Actions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceOfImpact",
                table: "Actions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecheckOn",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Actions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "StageActions");

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Actions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceStageKey",
                table: "Actions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionHistory_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFiles_ReviewActionId",
                table: "ReviewFiles",
                column: "ReviewActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerUserId_Status",
                table: "Actions",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ReviewId_SourceStageKey_SourceKey",
                table: "Actions",
                columns: new[] { "ReviewId", "SourceStageKey", "SourceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionHistory_ActionId_At",
                table: "ActionHistory",
                columns: new[] { "ActionId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewFiles_Actions_ReviewActionId",
                table: "ReviewFiles",
                column: "ReviewActionId",
                principalTable: "Actions",
                principalColumn: "Id");

            // Issue 12's statuses: "Completed" is done but without evidence of impact yet; "HandedToActionPlan" was
            // handed to a plan that the action plans list now is, so it is still in progress there.
            migrationBuilder.Sql("UPDATE \"Actions\" SET \"Status\" = 'CompletedAwaitingEvidence' WHERE \"Status\" = 'Completed'");
            migrationBuilder.Sql("UPDATE \"Actions\" SET \"Status\" = 'InProgress' WHERE \"Status\" = 'HandedToActionPlan'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewFiles_Actions_ReviewActionId",
                table: "ReviewFiles");

            migrationBuilder.DropTable(
                name: "ActionHistory");

            migrationBuilder.DropIndex(
                name: "IX_ReviewFiles_ReviewActionId",
                table: "ReviewFiles");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OwnerUserId_Status",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_Actions_ReviewId_SourceStageKey_SourceKey",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ReviewActionId",
                table: "ReviewFiles");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "EvidenceOfImpact",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "RecheckOn",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SourceStageKey",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ReviewId",
                table: "Actions",
                column: "ReviewId");
        }
    }
}
