using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeysAndKeyLengths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Release 1 kept its own key table (a Guid id and a CreatedAt column). The key ring now has the
            // shape of Microsoft.AspNetCore.DataProtection.EntityFrameworkCore's DataProtectionKey (an int
            // id). A key id cannot become an int in place, so the old table is set aside, the new one
            // created and every key copied across, oldest first: sign-in cookies made before the upgrade
            // stay valid.
            migrationBuilder.RenameTable(name: "DataProtectionKeys", newName: "DataProtectionKeysRelease1");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.Sql(
                "INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") " +
                "SELECT \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeysRelease1\" ORDER BY \"CreatedAt\";");

            migrationBuilder.DropTable(name: "DataProtectionKeysRelease1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back recreates release 1's empty key table: the keys cannot take Guid ids again, so
            // everyone signs in afresh after a downgrade.
            migrationBuilder.DropTable(name: "DataProtectionKeys");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }
    }
}
