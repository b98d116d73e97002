using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActionIndexesForListsAndThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CreatedAt",
                table: "Actions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions",
                column: "OwnerUserId",
                filter: "\"OwnerUserId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_CreatedAt",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerUserId",
                table: "Actions",
                column: "OwnerUserId");
        }
    }
}
