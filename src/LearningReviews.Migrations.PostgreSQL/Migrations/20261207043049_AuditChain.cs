using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.PostgreSQL.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "bigint",
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
                CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Audit rows cannot be changed or deleted';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_refuse_update_delete BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_refuse_truncate ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_refuse_update_delete ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_refuse_change();");

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
