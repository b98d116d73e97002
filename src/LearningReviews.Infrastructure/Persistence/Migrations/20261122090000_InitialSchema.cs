using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace LearningReviews.Infrastructure.Persistence.Migrations;

/// <summary>
/// The first schema. Written by hand (EF's design-time package is not available here) and kept
/// provider-neutral: no store types are named, so SQLite and PostgreSQL each map the CLR types
/// their own way; the identity columns carry both providers' annotations and each ignores the
/// other's. ModelSnapshot.cs must describe the schema this leaves; the migration tests prove it.
/// </summary>
[DbContext(typeof(LearningReviewsDbContext))]
[Migration("20261122090000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        CreateOrganisation(migrationBuilder);
        CreateIdentity(migrationBuilder);
        CreateReviews(migrationBuilder);
        CreateSupportTables(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        string[] tablesChildFirst =
        [
            "DataProtectionKeys", "AuditEvents", "LearningPointThemes", "ReviewThemes", "Actions",
            "LearningPoints", "Participants", "ReviewCases", "Reviews", "Themes", "Cases",
            "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims",
            "AspNetUsers", "AspNetRoles", "Localities", "Agencies",
        ];
        foreach (var table in tablesChildFirst)
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static void CreateOrganisation(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "Agencies",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                IsActive = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Agencies", x => x.Id));
        mb.CreateIndex("IX_Agencies_Name", "Agencies", "Name", unique: true);

        mb.CreateTable(
            name: "Localities",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                IsActive = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Localities", x => x.Id));
        mb.CreateIndex("IX_Localities_Name", "Localities", "Name", unique: true);
    }

    private static void CreateIdentity(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "AspNetRoles",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        mb.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        mb.CreateTable(
            name: "AspNetUsers",
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                AgencyId = t.Column<Guid>(nullable: true),
                LocalityId = t.Column<Guid>(nullable: true),
                IsActive = t.Column<bool>(nullable: false),
                IsDemo = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                DeactivatedAt = t.Column<DateTime>(nullable: true),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUsers", x => x.Id);
                t.ForeignKey("FK_AspNetUsers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AspNetUsers_Localities_LocalityId", x => x.LocalityId, "Localities", "Id", onDelete: ReferentialAction.Restrict);
            });
        mb.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        mb.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        mb.CreateIndex("IX_AspNetUsers_AgencyId", "AspNetUsers", "AgencyId");
        mb.CreateIndex("IX_AspNetUsers_LocalityId", "AspNetUsers", "LocalityId");

        mb.CreateTable(
            name: "AspNetRoleClaims",
            columns: t => new
            {
                Id = IdentityColumn(t),
                RoleId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        mb.CreateTable(
            name: "AspNetUserClaims",
            columns: t => new
            {
                Id = IdentityColumn(t),
                UserId = t.Column<string>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        mb.CreateTable(
            name: "AspNetUserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        mb.CreateTable(
            name: "AspNetUserRoles",
            columns: t => new
            {
                UserId = t.Column<string>(nullable: false),
                RoleId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        mb.CreateTable(
            name: "AspNetUserTokens",
            columns: t => new
            {
                UserId = t.Column<string>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreateReviews(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "Cases",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Label = t.Column<string>(maxLength: 100, nullable: false),
                LocalityId = t.Column<Guid>(nullable: false),
                CaseRecordNumber = t.Column<string>(maxLength: 50, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Cases", x => x.Id);
                t.ForeignKey("FK_Cases_Localities_LocalityId", x => x.LocalityId, "Localities", "Id", onDelete: ReferentialAction.Restrict);
            });
        mb.CreateIndex("IX_Cases_LocalityId", "Cases", "LocalityId");

        mb.CreateTable(
            name: "Reviews",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Reference = t.Column<string>(maxLength: 20, nullable: false),
                ReferenceYear = t.Column<int>(nullable: false),
                ReferenceNumber = t.Column<int>(nullable: false),
                MethodologyKey = t.Column<string>(maxLength: 100, nullable: false),
                DefinitionVersion = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                CurrentStageKey = t.Column<string>(maxLength: 100, nullable: false),
                ReasonSelected = t.Column<string>(maxLength: 100, nullable: false),
                ReasonDetail = t.Column<string>(maxLength: 4000, nullable: true),
                LocalityId = t.Column<Guid>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Reviews", x => x.Id);
                t.ForeignKey("FK_Reviews_Localities_LocalityId", x => x.LocalityId, "Localities", "Id", onDelete: ReferentialAction.Restrict);
            });
        mb.CreateIndex("IX_Reviews_Reference", "Reviews", "Reference", unique: true);
        mb.CreateIndex("IX_Reviews_ReferenceYear_ReferenceNumber", "Reviews", ["ReferenceYear", "ReferenceNumber"], unique: true);
        mb.CreateIndex("IX_Reviews_LocalityId", "Reviews", "LocalityId");

        mb.CreateTable(
            name: "ReviewCases",
            columns: t => new
            {
                ReviewId = t.Column<Guid>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReviewCases", x => new { x.ReviewId, x.CaseId });
                t.ForeignKey("FK_ReviewCases_Cases_CaseId", x => x.CaseId, "Cases", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ReviewCases_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_ReviewCases_CaseId", "ReviewCases", "CaseId");

        mb.CreateTable(
            name: "Participants",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: true),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                AgencyId = t.Column<Guid>(nullable: true),
                Role = t.Column<string>(maxLength: 40, nullable: false),
                InvitationStatus = t.Column<string>(maxLength: 20, nullable: false),
                AttendanceStatus = t.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Participants", x => x.Id);
                t.ForeignKey("FK_Participants_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Participants_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_Participants_AgencyId", "Participants", "AgencyId");
        mb.CreateIndex("IX_Participants_ReviewId", "Participants", "ReviewId");
        mb.CreateIndex("IX_Participants_UserId", "Participants", "UserId");

        mb.CreateTable(
            name: "LearningPoints",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                Text = t.Column<string>(maxLength: 4000, nullable: false),
                Position = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LearningPoints", x => x.Id);
                t.ForeignKey("FK_LearningPoints_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_LearningPoints_ReviewId", "LearningPoints", "ReviewId");

        mb.CreateTable(
            name: "Actions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ReviewId = t.Column<Guid>(nullable: false),
                LearningPointId = t.Column<Guid>(nullable: true),
                What = t.Column<string>(maxLength: 2000, nullable: false),
                OwnerName = t.Column<string>(maxLength: 200, nullable: true),
                OwnerUserId = t.Column<string>(maxLength: 450, nullable: true),
                AgencyId = t.Column<Guid>(nullable: true),
                DueDate = t.Column<DateOnly>(nullable: true),
                ImpactMeasure = t.Column<string>(maxLength: 2000, nullable: true),
                Status = t.Column<string>(maxLength: 30, nullable: false),
                CompletedAt = t.Column<DateTime>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 450, nullable: true),
                ModifiedAt = t.Column<DateTime>(nullable: false),
                ModifiedBy = t.Column<string>(maxLength: 450, nullable: true),
                ConcurrencyToken = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Actions", x => x.Id);
                t.ForeignKey("FK_Actions_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Actions_LearningPoints_LearningPointId", x => x.LearningPointId, "LearningPoints", "Id", onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_Actions_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_Actions_AgencyId", "Actions", "AgencyId");
        mb.CreateIndex("IX_Actions_DueDate", "Actions", "DueDate");
        mb.CreateIndex("IX_Actions_LearningPointId", "Actions", "LearningPointId");
        mb.CreateIndex("IX_Actions_ReviewId", "Actions", "ReviewId");

        mb.CreateTable(
            name: "Themes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Themes", x => x.Id));
        mb.CreateIndex("IX_Themes_Name", "Themes", "Name", unique: true);

        mb.CreateTable(
            name: "ReviewThemes",
            columns: t => new
            {
                ReviewId = t.Column<Guid>(nullable: false),
                ThemeId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReviewThemes", x => new { x.ReviewId, x.ThemeId });
                t.ForeignKey("FK_ReviewThemes_Reviews_ReviewId", x => x.ReviewId, "Reviews", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ReviewThemes_Themes_ThemeId", x => x.ThemeId, "Themes", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_ReviewThemes_ThemeId", "ReviewThemes", "ThemeId");

        mb.CreateTable(
            name: "LearningPointThemes",
            columns: t => new
            {
                LearningPointId = t.Column<Guid>(nullable: false),
                ThemeId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LearningPointThemes", x => new { x.LearningPointId, x.ThemeId });
                t.ForeignKey("FK_LearningPointThemes_LearningPoints_LearningPointId", x => x.LearningPointId, "LearningPoints", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_LearningPointThemes_Themes_ThemeId", x => x.ThemeId, "Themes", "Id", onDelete: ReferentialAction.Cascade);
            });
        mb.CreateIndex("IX_LearningPointThemes_ThemeId", "LearningPointThemes", "ThemeId");
    }

    private static void CreateSupportTables(MigrationBuilder mb)
    {
        mb.CreateTable(
            name: "AuditEvents",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: true),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                Action = t.Column<string>(maxLength: 50, nullable: false),
                EntityType = t.Column<string>(maxLength: 100, nullable: false),
                EntityId = t.Column<string>(maxLength: 100, nullable: true),
                ReviewId = t.Column<Guid>(nullable: true),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
                Detail = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AuditEvents", x => x.Id));
        mb.CreateIndex("IX_AuditEvents_OccurredAt", "AuditEvents", "OccurredAt");
        mb.CreateIndex("IX_AuditEvents_ReviewId", "AuditEvents", "ReviewId");

        mb.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
                Xml = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    /// <summary>An auto-numbered integer key, said in both providers' words.</summary>
    private static OperationBuilder<AddColumnOperation> IdentityColumn(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy",
                Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
