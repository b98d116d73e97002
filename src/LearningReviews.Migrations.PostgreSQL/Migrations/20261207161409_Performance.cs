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
            migrationBuilder.CreateIndex(
                name: "IX_Reviews_CreatedBy",
                table: "Reviews",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_MethodologyKey_LocalityId",
                table: "Reviews",
                columns: new[] { "MethodologyKey", "LocalityId" });
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
        }
    }
}
