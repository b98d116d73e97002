using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MeetingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingSeries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LocalityId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Year = table.Column<int>(type: "int", nullable: true),
                    Rule = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingSeries_Localities_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "Localities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    MovedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    DurationMinutes = table.Column<int>(type: "int", nullable: false),
                    Room = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    VirtualLink = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ServiceArea = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    JointWithPartners = table.Column<bool>(type: "bit", nullable: false),
                    SaveTheDatesSentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SaveTheDatesSent = table.Column<int>(type: "int", nullable: false),
                    CalendarUid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingSlots_MeetingSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "MeetingSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingSlots_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_LocalityId",
                table: "MeetingSeries",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_Purpose_LocalityId",
                table: "MeetingSeries",
                columns: new[] { "Purpose", "LocalityId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_Purpose_Year",
                table: "MeetingSeries",
                columns: new[] { "Purpose", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSlots_CalendarUid",
                table: "MeetingSlots",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSlots_Date",
                table: "MeetingSlots",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSlots_MeetingId",
                table: "MeetingSlots",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSlots_SeriesId",
                table: "MeetingSlots",
                column: "SeriesId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingSlots");

            migrationBuilder.DropTable(
                name: "MeetingSeries");
        }
    }
}
