using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.PostgreSQL.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadUserId",
                table: "Agencies",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Subgroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subgroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubgroupMembers",
                columns: table => new
                {
                    SubgroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsChair = table.Column<bool>(type: "boolean", nullable: false)
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
