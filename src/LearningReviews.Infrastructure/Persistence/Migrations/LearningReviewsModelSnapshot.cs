using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace LearningReviews.Infrastructure.Persistence.Migrations;

/// <summary>
/// The schema as the migrations leave it, kept by hand. EF compares this with the model built from
/// the entity configurations: when they differ, HasPendingModelChanges() is true and the migration
/// tests fail, which is the reminder to write a migration and bring this file up to date with it.
/// Store types are not named so that the one snapshot serves SQLite and PostgreSQL alike.
/// </summary>
[DbContext(typeof(LearningReviewsDbContext))]
public sealed class LearningReviewsModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");
        modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63);
        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        Organisation(modelBuilder);
        Identity(modelBuilder);
        Reviews(modelBuilder);
        Support(modelBuilder);
        Relationships(modelBuilder);
    }

    private static void Organisation(ModelBuilder modelBuilder)
    {
        foreach (var (entity, table) in new[]
                 {
                     ("LearningReviews.Domain.Organisation.Agency", "Agencies"),
                     ("LearningReviews.Domain.Organisation.Locality", "Localities"),
                 })
        {
            modelBuilder.Entity(entity, b =>
            {
                b.Property<Guid>("Id").ValueGeneratedOnAdd();
                b.Property<bool>("IsActive");
                b.Property<string>("Name").IsRequired().HasMaxLength(200);
                b.HasKey("Id");
                b.HasIndex("Name").IsUnique();
                b.ToTable(table);
            });
        }
    }

    private static void Identity(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRole", b =>
        {
            b.Property<string>("Id");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken();
            b.Property<string>("Name").HasMaxLength(256);
            b.Property<string>("NormalizedName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("NormalizedName").IsUnique().HasDatabaseName("RoleNameIndex");
            b.ToTable("AspNetRoles");
        });

        modelBuilder.Entity("LearningReviews.Infrastructure.Identity.ApplicationUser", b =>
        {
            b.Property<string>("Id");
            b.Property<int>("AccessFailedCount");
            b.Property<Guid?>("AgencyId");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken();
            b.Property<DateTime>("CreatedAt");
            b.Property<DateTime?>("DeactivatedAt");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(200);
            b.Property<string>("Email").HasMaxLength(256);
            b.Property<bool>("EmailConfirmed");
            b.Property<bool>("IsActive");
            b.Property<bool>("IsDemo");
            b.Property<Guid?>("LocalityId");
            b.Property<bool>("LockoutEnabled");
            b.Property<DateTimeOffset?>("LockoutEnd");
            b.Property<string>("NormalizedEmail").HasMaxLength(256);
            b.Property<string>("NormalizedUserName").HasMaxLength(256);
            b.Property<string>("PasswordHash");
            b.Property<string>("PhoneNumber");
            b.Property<bool>("PhoneNumberConfirmed");
            b.Property<string>("SecurityStamp");
            b.Property<bool>("TwoFactorEnabled");
            b.Property<string>("UserName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("AgencyId");
            b.HasIndex("LocalityId");
            b.HasIndex("NormalizedEmail").HasDatabaseName("EmailIndex");
            b.HasIndex("NormalizedUserName").IsUnique().HasDatabaseName("UserNameIndex");
            b.ToTable("AspNetUsers");
        });

        foreach (var (entity, table, owner) in new[]
                 {
                     ("Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", "AspNetRoleClaims", "RoleId"),
                     ("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", "AspNetUserClaims", "UserId"),
                 })
        {
            modelBuilder.Entity(entity, b =>
            {
                var id = b.Property<int>("Id").ValueGeneratedOnAdd();
                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(id);
                b.Property<string>("ClaimType");
                b.Property<string>("ClaimValue");
                b.Property<string>(owner).IsRequired();
                b.HasKey("Id");
                b.HasIndex(owner);
                b.ToTable(table);
            });
        }

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
        {
            b.Property<string>("LoginProvider");
            b.Property<string>("ProviderKey");
            b.Property<string>("ProviderDisplayName");
            b.Property<string>("UserId").IsRequired();
            b.HasKey("LoginProvider", "ProviderKey");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserLogins");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserRole<string>", b =>
        {
            b.Property<string>("UserId");
            b.Property<string>("RoleId");
            b.HasKey("UserId", "RoleId");
            b.HasIndex("RoleId");
            b.ToTable("AspNetUserRoles");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
        {
            b.Property<string>("UserId");
            b.Property<string>("LoginProvider");
            b.Property<string>("Name");
            b.Property<string>("Value");
            b.HasKey("UserId", "LoginProvider", "Name");
            b.ToTable("AspNetUserTokens");
        });
    }

    private static void Reviews(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("LearningReviews.Domain.Reviews.Case", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<string>("CaseRecordNumber").HasMaxLength(50);
            b.Property<DateTime>("CreatedAt");
            b.Property<string>("CreatedBy").HasMaxLength(450);
            b.Property<string>("Label").IsRequired().HasMaxLength(100);
            b.Property<Guid>("LocalityId");
            b.HasKey("Id");
            b.HasIndex("LocalityId");
            b.ToTable("Cases");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.Review", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<string>("CurrentStageKey").IsRequired().HasMaxLength(100);
            b.Property<DateTime?>("ClosedAt");
            b.Property<int>("DefinitionVersion");
            b.Property<Guid?>("LinkedFromReviewId");
            b.Property<Guid?>("LocalityId");
            b.Property<string>("MethodologyKey").IsRequired().HasMaxLength(100);
            b.Property<string>("ReasonDetail").HasMaxLength(4000);
            b.Property<string>("ReasonSelected").IsRequired().HasMaxLength(100);
            b.Property<string>("Reference").IsRequired().HasMaxLength(20);
            b.Property<int>("ReferenceNumber");
            b.Property<int>("ReferenceYear");
            b.Property<string>("Status").IsRequired().HasMaxLength(20);
            b.Property<string>("Title").IsRequired().HasMaxLength(200);
            b.HasKey("Id");
            b.HasIndex("LinkedFromReviewId");
            b.HasIndex("LocalityId");
            b.HasIndex("Reference").IsUnique();
            b.HasIndex("ReferenceYear", "ReferenceNumber").IsUnique();
            b.ToTable("Reviews");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.ReviewCase", b =>
        {
            b.Property<Guid>("ReviewId");
            b.Property<Guid>("CaseId");
            b.HasKey("ReviewId", "CaseId");
            b.HasIndex("CaseId");
            b.ToTable("ReviewCases");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.Participant", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<Guid?>("AgencyId");
            b.Property<string>("AttendanceStatus").IsRequired().HasMaxLength(20);
            b.Property<Guid?>("CaseId");
            b.Property<string>("Email").HasMaxLength(256);
            b.Property<string>("InvitationStatus").IsRequired().HasMaxLength(20);
            b.Property<string>("Name").IsRequired().HasMaxLength(200);
            b.Property<Guid>("ReviewId");
            b.Property<string>("Role").IsRequired().HasMaxLength(40);
            b.Property<string>("UserId").HasMaxLength(450);
            b.HasKey("Id");
            b.HasIndex("AgencyId");
            b.HasIndex("ReviewId");
            b.HasIndex("UserId");
            b.ToTable("Participants");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.LearningPoint", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<int>("Position");
            b.Property<Guid>("ReviewId");
            b.Property<string>("Text").IsRequired().HasMaxLength(4000);
            b.HasKey("Id");
            b.HasIndex("ReviewId");
            b.ToTable("LearningPoints");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.ReviewAction", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<Guid?>("AgencyId");
            b.Property<DateTime?>("CompletedAt");
            b.Property<DateOnly?>("DueDate");
            b.Property<string>("ImpactMeasure").HasMaxLength(2000);
            b.Property<Guid?>("LearningPointId");
            b.Property<string>("OwnerName").HasMaxLength(200);
            b.Property<string>("OwnerUserId").HasMaxLength(450);
            b.Property<Guid>("ReviewId");
            b.Property<string>("Status").IsRequired().HasMaxLength(30);
            b.Property<string>("What").IsRequired().HasMaxLength(2000);
            b.HasKey("Id");
            b.HasIndex("AgencyId");
            b.HasIndex("DueDate");
            b.HasIndex("LearningPointId");
            b.HasIndex("ReviewId");
            b.ToTable("Actions");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.Theme", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<string>("Name").IsRequired().HasMaxLength(200);
            b.HasKey("Id");
            b.HasIndex("Name").IsUnique();
            b.ToTable("Themes");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.ReviewStageRecord", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<string>("AnswersJson").IsRequired();
            b.Property<string>("ChecklistJson").IsRequired();
            b.Property<DateTime?>("CompletedAt");
            b.Property<string>("CompletedBy").HasMaxLength(450);
            b.Property<int>("Cycle");
            b.Property<Guid>("ReviewId");
            b.Property<string>("StageKey").IsRequired().HasMaxLength(100);
            b.Property<DateTime?>("StartedAt");
            b.Property<string>("Status").IsRequired().HasMaxLength(20);
            b.HasKey("Id");
            b.HasIndex("ReviewId", "StageKey", "Cycle").IsUnique();
            b.ToTable("ReviewStageRecords");
        });

        modelBuilder.Entity("LearningReviews.Domain.Reviews.ReviewTransition", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<string>("FromStage").HasMaxLength(100);
            b.Property<string>("Kind").IsRequired().HasMaxLength(20);
            b.Property<DateTime>("OccurredAt");
            b.Property<string>("Reason").HasMaxLength(2000);
            b.Property<Guid>("ReviewId");
            b.Property<string>("ToStage").HasMaxLength(100);
            b.Property<string>("UserId").HasMaxLength(450);
            b.Property<string>("UserName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("ReviewId");
            b.ToTable("ReviewTransitions");
        });

        modelBuilder.Entity("LearningReviews.Domain.Outcomes.OutcomesForm", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            AuditColumns(b);
            b.Property<DateTime?>("CirculatedAt");
            b.Property<DateOnly?>("CommentsCloseOn");
            b.Property<DateTime?>("FinalisedAt");
            b.Property<string>("FinalisedBy").HasMaxLength(256);
            b.Property<Guid>("ReviewId");
            b.Property<DateTime?>("SentAt");
            b.Property<string>("SentTo").HasMaxLength(200);
            b.Property<string>("SnapshotJson");
            b.Property<string>("Status").IsRequired().HasMaxLength(30);
            b.Property<int>("Version");
            b.Property<string>("VersionReason").HasMaxLength(2000);
            b.HasKey("Id");
            b.HasIndex("ReviewId", "Version").IsUnique();
            b.ToTable("OutcomesForms");
        });

        modelBuilder.Entity("LearningReviews.Domain.Outcomes.OutcomesComment", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<string>("AuthorName").IsRequired().HasMaxLength(256);
            b.Property<string>("AuthorUserId").HasMaxLength(450);
            b.Property<DateTime>("CreatedAt");
            b.Property<Guid>("FormId");
            b.Property<bool>("Resolved");
            b.Property<DateTime?>("RespondedAt");
            b.Property<string>("RespondedBy").HasMaxLength(256);
            b.Property<string>("Response").HasMaxLength(4000);
            b.Property<string>("SectionKey").IsRequired().HasMaxLength(100);
            b.Property<string>("Text").IsRequired().HasMaxLength(4000);
            b.HasKey("Id");
            b.HasIndex("FormId");
            b.ToTable("OutcomesComments");
        });

        foreach (var (joinTable, owner) in new[] { ("ReviewThemes", "ReviewId"), ("LearningPointThemes", "LearningPointId") })
        {
            modelBuilder.Entity(joinTable, b =>
            {
                b.Property<Guid>(owner);
                b.Property<Guid>("ThemeId");
                b.HasKey(owner, "ThemeId");
                b.HasIndex("ThemeId");
                b.ToTable(joinTable);
            });
        }
    }

    private static void Support(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("LearningReviews.Domain.Auditing.AuditEvent", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<string>("Action").IsRequired().HasMaxLength(50);
            b.Property<string>("Detail").HasMaxLength(2000);
            b.Property<string>("EntityId").HasMaxLength(100);
            b.Property<string>("EntityType").IsRequired().HasMaxLength(100);
            b.Property<string>("IpAddress").HasMaxLength(64);
            b.Property<DateTime>("OccurredAt");
            b.Property<Guid?>("ReviewId");
            b.Property<string>("UserId").HasMaxLength(450);
            b.Property<string>("UserName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("OccurredAt");
            b.HasIndex("ReviewId");
            b.ToTable("AuditEvents");
        });

        modelBuilder.Entity("LearningReviews.Infrastructure.DataProtection.DataProtectionKeyRecord", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd();
            b.Property<DateTime>("CreatedAt");
            b.Property<string>("FriendlyName").HasMaxLength(200);
            b.Property<string>("Xml").IsRequired();
            b.HasKey("Id");
            b.ToTable("DataProtectionKeys");
        });
    }

    private static void Relationships(ModelBuilder modelBuilder)
    {
        const string agency = "LearningReviews.Domain.Organisation.Agency";
        const string locality = "LearningReviews.Domain.Organisation.Locality";
        const string user = "LearningReviews.Infrastructure.Identity.ApplicationUser";
        const string role = "Microsoft.AspNetCore.Identity.IdentityRole";
        const string review = "LearningReviews.Domain.Reviews.Review";
        const string learningPoint = "LearningReviews.Domain.Reviews.LearningPoint";
        const string theme = "LearningReviews.Domain.Reviews.Theme";

        ForeignKey(modelBuilder, user, agency, "AgencyId", DeleteBehavior.Restrict);
        ForeignKey(modelBuilder, user, locality, "LocalityId", DeleteBehavior.Restrict);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", role, "RoleId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", user, "UserId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", user, "UserId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityUserRole<string>", role, "RoleId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityUserRole<string>", user, "UserId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "Microsoft.AspNetCore.Identity.IdentityUserToken<string>", user, "UserId", DeleteBehavior.Cascade, required: true);

        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.Case", locality, "LocalityId", DeleteBehavior.Restrict, required: true);
        ForeignKey(modelBuilder, review, locality, "LocalityId", DeleteBehavior.Restrict);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewCase", "LearningReviews.Domain.Reviews.Case", "CaseId", DeleteBehavior.Restrict, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewCase", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.Participant", agency, "AgencyId", DeleteBehavior.Restrict);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.Participant", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, learningPoint, review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewAction", agency, "AgencyId", DeleteBehavior.Restrict);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewAction", learningPoint, "LearningPointId", DeleteBehavior.SetNull);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewAction", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewStageRecord", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Reviews.ReviewTransition", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningReviews.Domain.Outcomes.OutcomesForm", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        modelBuilder.Entity("LearningReviews.Domain.Outcomes.OutcomesComment", b =>
            b.HasOne("LearningReviews.Domain.Outcomes.OutcomesForm", null).WithMany("Comments").HasForeignKey("FormId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired());
        ForeignKey(modelBuilder, "ReviewThemes", review, "ReviewId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "ReviewThemes", theme, "ThemeId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningPointThemes", learningPoint, "LearningPointId", DeleteBehavior.Cascade, required: true);
        ForeignKey(modelBuilder, "LearningPointThemes", theme, "ThemeId", DeleteBehavior.Cascade, required: true);
    }

    /// <summary>The columns every auditable entity carries (see IAuditableEntity).</summary>
    private static void AuditColumns(EntityTypeBuilder b)
    {
        b.Property<Guid>("ConcurrencyToken").IsConcurrencyToken();
        b.Property<DateTime>("CreatedAt");
        b.Property<string>("CreatedBy").HasMaxLength(450);
        b.Property<DateTime>("ModifiedAt");
        b.Property<string>("ModifiedBy").HasMaxLength(450);
    }

    private static void ForeignKey(ModelBuilder modelBuilder, string dependent, string principal, string column,
        DeleteBehavior onDelete, bool required = false)
    {
        modelBuilder.Entity(dependent, b =>
        {
            var relationship = b.HasOne(principal).WithMany().HasForeignKey(column).OnDelete(onDelete);
            if (required) relationship.IsRequired();
        });
    }
}
