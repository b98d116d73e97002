using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Performance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_UserId",
                table: "Participants");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_CreatedBy",
                table: "Reviews",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_MethodologyKey_LocalityId",
                table: "Reviews",
                columns: new[] { "MethodologyKey", "LocalityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId_ReviewId",
                table: "Participants",
                columns: new[] { "UserId", "ReviewId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_CreatedBy",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_MethodologyKey_LocalityId",
                table: "Reviews");

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
