using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningReviews.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InformationRequestAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InformationRequestId",
                table: "ReviewFiles",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFiles_InformationRequestId",
                table: "ReviewFiles",
                column: "InformationRequestId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReviewFiles_InformationRequests_InformationRequestId",
                table: "ReviewFiles",
                column: "InformationRequestId",
                principalTable: "InformationRequests",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewFiles_InformationRequests_InformationRequestId",
                table: "ReviewFiles");

            migrationBuilder.DropIndex(
                name: "IX_ReviewFiles_InformationRequestId",
                table: "ReviewFiles");

            migrationBuilder.DropColumn(
                name: "InformationRequestId",
                table: "ReviewFiles");
        }
    }
}
