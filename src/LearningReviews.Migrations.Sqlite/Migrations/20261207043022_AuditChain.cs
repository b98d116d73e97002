using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action",
                table: "AuditEvents",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_UserName",
                table: "AuditEvents",
                column: "UserName");

            // Audit rows are never changed or deleted by the application; the database refuses it too, so
            // a bug or a stray script cannot rewrite history (docs/security.md, "Audit"). Rows written
            // before this migration keep no sequence or hash: the hash chain starts after them.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_refuse_update" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'Audit rows cannot be changed or deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_refuse_delete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'Audit rows cannot be changed or deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_refuse_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_refuse_delete\";");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Action",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_UserName",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEvents");
        }
    }
}
