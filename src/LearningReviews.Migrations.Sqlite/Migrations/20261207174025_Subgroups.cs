using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Subgroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubgroupId",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadUserId",
                table: "Agencies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Subgroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subgroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubgroupMembers",
                columns: table => new
                {
                    SubgroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsChair = table.Column<bool>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SubgroupId",
                table: "Reviews",
                column: "SubgroupId");

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
                name: "SubgroupMembers");

            migrationBuilder.DropTable(
                name: "Subgroups");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SubgroupId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "SubgroupId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LeadUserId",
                table: "Agencies");
        }
    }
}
