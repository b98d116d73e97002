using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SubgroupsEscalationAndStoredDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_UserId",
                table: "Participants");

            migrationBuilder.AddColumn<Guid>(
                name: "SubgroupId",
                table: "Reviews",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "Participants",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldMaxLength: 450,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadUserId",
                table: "Agencies",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionDigests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActionCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionDigests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActionEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Step = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentTo = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionEscalations_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompletedDataSteps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletedDataSteps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDeadlineSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkedOutAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDeadlineSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDeadlineSets_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Subgroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "bit", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subgroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    OverdueAfter = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredDeadlines_ReviewDeadlineSets_SetId",
                        column: x => x.SetId,
                        principalTable: "ReviewDeadlineSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubgroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanReviews_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlanReviews_Subgroups_SubgroupId",
                        column: x => x.SubgroupId,
                        principalTable: "Subgroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubgroupMembers",
                columns: table => new
                {
                    SubgroupId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    IsChair = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubgroupMembers", x => new { x.SubgroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SubgroupMembers_Subgroups_SubgroupId",
                        column: x => x.SubgroupId,
                        principalTable: "Subgroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanReviewItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionPlanReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionWhat = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanReviewItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanReviewItems_ActionPlanReviews_ActionPlanReviewId",
                        column: x => x.ActionPlanReviewId,
                        principalTable: "ActionPlanReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SubgroupId",
                table: "Reviews",
                column: "SubgroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId_ReviewId",
                table: "Participants",
                columns: new[] { "UserId", "ReviewId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionDigests_UserId_WeekOf",
                table: "ActionDigests",
                columns: new[] { "UserId", "WeekOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionEscalations_ActionId_Step_DueDate",
                table: "ActionEscalations",
                columns: new[] { "ActionId", "Step", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanReviewItems_ActionId",
                table: "ActionPlanReviewItems",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanReviewItems_ActionPlanReviewId",
                table: "ActionPlanReviewItems",
                column: "ActionPlanReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanReviews_ReviewId_RecordedAt",
                table: "ActionPlanReviews",
                columns: new[] { "ReviewId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanReviews_SubgroupId",
                table: "ActionPlanReviews",
                column: "SubgroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDeadlineSets_ReviewId",
                table: "ReviewDeadlineSets",
                column: "ReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredDeadlines_OverdueAfter",
                table: "StoredDeadlines",
                column: "OverdueAfter");

            migrationBuilder.CreateIndex(
                name: "IX_StoredDeadlines_SetId",
                table: "StoredDeadlines",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_SubgroupMembers_UserId",
                table: "SubgroupMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Subgroups_Name",
                table: "Subgroups",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionDigests");

            migrationBuilder.DropTable(
                name: "ActionEscalations");

            migrationBuilder.DropTable(
                name: "ActionPlanReviewItems");

            migrationBuilder.DropTable(
                name: "CompletedDataSteps");

            migrationBuilder.DropTable(
                name: "StoredDeadlines");

            migrationBuilder.DropTable(
                name: "SubgroupMembers");

            migrationBuilder.DropTable(
                name: "ActionPlanReviews");

            migrationBuilder.DropTable(
                name: "ReviewDeadlineSets");

            migrationBuilder.DropTable(
                name: "Subgroups");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SubgroupId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Participants_UserId_ReviewId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "SubgroupId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LeadUserId",
                table: "Agencies");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "Participants",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId",
                table: "Participants",
                column: "UserId");
        }
    }
}
