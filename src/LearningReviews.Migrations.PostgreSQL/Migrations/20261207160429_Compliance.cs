using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DipSampleAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditorUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AuditorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LocalityId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceArea = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Theme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseRecordNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Way = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Audience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "ReviewPublications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Risks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Benefits = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PublishableAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishableByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PublishableByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
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
                    DisseminationRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false)
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
                        name: "FK_DisseminationAgencies_DisseminationRecords_DisseminationRec~",
                        column: x => x.DisseminationRecordId,
                        principalTable: "DisseminationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AcceptedPublicationFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewPublicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptedPublicationFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcceptedPublicationFindings_ReviewPublications_ReviewPublic~",
                        column: x => x.ReviewPublicationId,
                        principalTable: "ReviewPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcceptedPublicationFindings_ReviewPublicationId",
                table: "AcceptedPublicationFindings",
                column: "ReviewPublicationId");

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
                name: "IX_ReviewPublications_ReviewId",
                table: "ReviewPublications",
                column: "ReviewId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcceptedPublicationFindings");

            migrationBuilder.DropTable(
                name: "DipSampleAudits");

            migrationBuilder.DropTable(
                name: "DisseminationAgencies");

            migrationBuilder.DropTable(
                name: "ReviewPublications");

            migrationBuilder.DropTable(
                name: "DisseminationRecords");
        }
    }
}
