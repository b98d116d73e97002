using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Perf2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_UserId",
                table: "Participants");

            migrationBuilder.CreateTable(
                name: "CompletedDataSteps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletedDataSteps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDeadlineSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkedOutAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "StoredDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OverdueAfter = table.Column<DateOnly>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId_ReviewId",
                table: "Participants",
                columns: new[] { "UserId", "ReviewId" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompletedDataSteps");

            migrationBuilder.DropTable(
                name: "StoredDeadlines");

            migrationBuilder.DropTable(
                name: "ReviewDeadlineSets");

            migrationBuilder.DropIndex(
                name: "IX_Participants_UserId_ReviewId",
                table: "Participants");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId",
                table: "Participants",
                column: "UserId");
        }
    }
}
