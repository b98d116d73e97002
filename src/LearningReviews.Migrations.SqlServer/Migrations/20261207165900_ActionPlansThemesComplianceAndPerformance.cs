using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlansThemesComplianceAndPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_ReviewId",
                table: "Actions");

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyToken",
                table: "Themes",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "Themes",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Themes",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Themes",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Themes",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ModifiedAt",
                table: "Themes",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "ModifiedBy",
                table: "Themes",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "Themes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewActionId",
                table: "ReviewFiles",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Actions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceOfImpact",
                table: "Actions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecheckOn",
                table: "Actions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Actions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Actions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceStageKey",
                table: "Actions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FromStatus = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ToStatus = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "DipSampleAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuditorUserId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    AuditorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    LocalityId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ServiceArea = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Theme = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CaseLabel = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CaseRecordNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    FollowUpNeeded = table.Column<bool>(type: "bit", nullable: false),
                    FollowUp = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DipSampleAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DipSampleAudits_Localities_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "Localities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Way = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Audience = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisseminationRecords_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewActionThemes",
                columns: table => new
                {
                    ReviewActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewActionThemes", x => new { x.ReviewActionId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_ReviewActionThemes_Actions_ReviewActionId",
                        column: x => x.ReviewActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewActionThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewPublications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Risks = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Benefits = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    PublishableAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishableByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PublishableByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewPublications_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisseminationAgencies",
                columns: table => new
                {
                    DisseminationRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisseminationAgencies", x => new { x.DisseminationRecordId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_DisseminationAgencies_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisseminationAgencies_DisseminationRecords_DisseminationRecordId",
                        column: x => x.DisseminationRecordId,
                        principalTable: "DisseminationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AcceptedPublicationFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewPublicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptedPublicationFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcceptedPublicationFindings_ReviewPublications_ReviewPublicationId",
                        column: x => x.ReviewPublicationId,
                        principalTable: "ReviewPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_CreatedBy",
                table: "Reviews",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_MethodologyKey_LocalityId",
                table: "Reviews",
                columns: new[] { "MethodologyKey", "LocalityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFiles_ReviewActionId",
                table: "ReviewFiles",
                column: "ReviewActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ReviewId_SourceStageKey_SourceKey",
                table: "Actions",
                columns: new[] { "ReviewId", "SourceStageKey", "SourceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedPublicationFindings_ReviewPublicationId",
                table: "AcceptedPublicationFindings",
                column: "ReviewPublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionHistory_ActionId_At",
                table: "ActionHistory",
                columns: new[] { "ActionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DipSampleAudits_AuditorUserId_AuditedOn",
                table: "DipSampleAudits",
                columns: new[] { "AuditorUserId", "AuditedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DipSampleAudits_AuditorUserId_Month",
                table: "DipSampleAudits",
                columns: new[] { "AuditorUserId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_DipSampleAudits_LocalityId",
                table: "DipSampleAudits",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationAgencies_AgencyId",
                table: "DisseminationAgencies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationRecords_HeldOn",
                table: "DisseminationRecords",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_DisseminationRecords_ReviewId",
                table: "DisseminationRecords",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActionThemes_ThemeId",
                table: "ReviewActionThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPublications_ReviewId",
                table: "ReviewPublications",
                column: "ReviewId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewFiles_Actions_ReviewActionId",
                table: "ReviewFiles",
                column: "ReviewActionId",
                principalTable: "Actions",
                principalColumn: "Id");
            // Status values renamed by the action plans (docs/action-plans.md): nobody had recorded evidence for a
            // "Completed" action, and actions "handed to the action plan" are now followed up in that plan's list.
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
                name: "AcceptedPublicationFindings");

            migrationBuilder.DropTable(
                name: "ActionHistory");

            migrationBuilder.DropTable(
                name: "DipSampleAudits");

            migrationBuilder.DropTable(
                name: "DisseminationAgencies");

            migrationBuilder.DropTable(
                name: "ReviewActionThemes");

            migrationBuilder.DropTable(
                name: "ReviewPublications");

            migrationBuilder.DropTable(
                name: "DisseminationRecords");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_CreatedBy",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_MethodologyKey_LocalityId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_ReviewFiles_ReviewActionId",
                table: "ReviewFiles");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_Actions_ReviewId_SourceStageKey_SourceKey",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ConcurrencyToken",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "ModifiedAt",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "ModifiedBy",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "Themes");

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
