CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Agencies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Agencies_Name" ON "Agencies" ("Name");

CREATE TABLE "Localities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Localities" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_Localities_Name" ON "Localities" ("Name");

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "AgencyId" TEXT NULL,
    "LocalityId" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeactivatedAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Localities_LocalityId" FOREIGN KEY ("LocalityId") REFERENCES "Localities" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AspNetUsers_AgencyId" ON "AspNetUsers" ("AgencyId");

CREATE INDEX "IX_AspNetUsers_LocalityId" ON "AspNetUsers" ("LocalityId");

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Label" TEXT NOT NULL,
    "LocalityId" TEXT NOT NULL,
    "CaseRecordNumber" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_Cases_Localities_LocalityId" FOREIGN KEY ("LocalityId") REFERENCES "Localities" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Cases_LocalityId" ON "Cases" ("LocalityId");

CREATE TABLE "Reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Reviews" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "ReferenceYear" INTEGER NOT NULL,
    "ReferenceNumber" INTEGER NOT NULL,
    "MethodologyKey" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentStageKey" TEXT NOT NULL,
    "ReasonSelected" TEXT NOT NULL,
    "ReasonDetail" TEXT NULL,
    "LocalityId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_Reviews_Localities_LocalityId" FOREIGN KEY ("LocalityId") REFERENCES "Localities" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Reviews_Reference" ON "Reviews" ("Reference");

CREATE UNIQUE INDEX "IX_Reviews_ReferenceYear_ReferenceNumber" ON "Reviews" ("ReferenceYear", "ReferenceNumber");

CREATE INDEX "IX_Reviews_LocalityId" ON "Reviews" ("LocalityId");

CREATE TABLE "ReviewCases" (
    "ReviewId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    CONSTRAINT "PK_ReviewCases" PRIMARY KEY ("ReviewId", "CaseId"),
    CONSTRAINT "FK_ReviewCases_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReviewCases_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReviewCases_CaseId" ON "ReviewCases" ("CaseId");

CREATE TABLE "Participants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Participants" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL,
    "AgencyId" TEXT NULL,
    "Role" TEXT NOT NULL,
    "InvitationStatus" TEXT NOT NULL,
    "AttendanceStatus" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_Participants_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Participants_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Participants_AgencyId" ON "Participants" ("AgencyId");

CREATE INDEX "IX_Participants_ReviewId" ON "Participants" ("ReviewId");

CREATE INDEX "IX_Participants_UserId" ON "Participants" ("UserId");

CREATE TABLE "LearningPoints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LearningPoints" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_LearningPoints_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LearningPoints_ReviewId" ON "LearningPoints" ("ReviewId");

CREATE TABLE "Actions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Actions" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "LearningPointId" TEXT NULL,
    "What" TEXT NOT NULL,
    "OwnerName" TEXT NULL,
    "OwnerUserId" TEXT NULL,
    "AgencyId" TEXT NULL,
    "DueDate" TEXT NULL,
    "ImpactMeasure" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_Actions_Agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Actions_LearningPoints_LearningPointId" FOREIGN KEY ("LearningPointId") REFERENCES "LearningPoints" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Actions_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Actions_AgencyId" ON "Actions" ("AgencyId");

CREATE INDEX "IX_Actions_DueDate" ON "Actions" ("DueDate");

CREATE INDEX "IX_Actions_LearningPointId" ON "Actions" ("LearningPointId");

CREATE INDEX "IX_Actions_ReviewId" ON "Actions" ("ReviewId");

CREATE TABLE "Themes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Themes" PRIMARY KEY,
    "Name" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_Themes_Name" ON "Themes" ("Name");

CREATE TABLE "ReviewThemes" (
    "ReviewId" TEXT NOT NULL,
    "ThemeId" TEXT NOT NULL,
    CONSTRAINT "PK_ReviewThemes" PRIMARY KEY ("ReviewId", "ThemeId"),
    CONSTRAINT "FK_ReviewThemes_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewThemes_Themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "Themes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReviewThemes_ThemeId" ON "ReviewThemes" ("ThemeId");

CREATE TABLE "LearningPointThemes" (
    "LearningPointId" TEXT NOT NULL,
    "ThemeId" TEXT NOT NULL,
    CONSTRAINT "PK_LearningPointThemes" PRIMARY KEY ("LearningPointId", "ThemeId"),
    CONSTRAINT "FK_LearningPointThemes_LearningPoints_LearningPointId" FOREIGN KEY ("LearningPointId") REFERENCES "LearningPoints" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LearningPointThemes_Themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "Themes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LearningPointThemes_ThemeId" ON "LearningPointThemes" ("ThemeId");

CREATE TABLE "AuditEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY,
    "OccurredAt" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "ReviewId" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Detail" TEXT NULL
);

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "IX_AuditEvents_ReviewId" ON "AuditEvents" ("ReviewId");

CREATE TABLE "DataProtectionKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122090000_InitialSchema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Reviews" ADD "LinkedFromReviewId" TEXT NULL;

ALTER TABLE "Reviews" ADD "ClosedAt" TEXT NULL;

CREATE INDEX "IX_Reviews_LinkedFromReviewId" ON "Reviews" ("LinkedFromReviewId");

ALTER TABLE "Participants" ADD "CaseId" TEXT NULL;

CREATE TABLE "ReviewStageRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReviewStageRecords" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "StageKey" TEXT NOT NULL,
    "Cycle" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AnswersJson" TEXT NOT NULL,
    "ChecklistJson" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "CompletedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewStageRecords_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ReviewStageRecords_ReviewId_StageKey_Cycle" ON "ReviewStageRecords" ("ReviewId", "StageKey", "Cycle");

CREATE TABLE "ReviewTransitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReviewTransitions" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FromStage" TEXT NULL,
    "ToStage" TEXT NULL,
    "Reason" TEXT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "OccurredAt" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewTransitions_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReviewTransitions_ReviewId" ON "ReviewTransitions" ("ReviewId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122230000_WorkflowRecords', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutcomesForms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutcomesForms" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "VersionReason" TEXT NULL,
    "CirculatedAt" TEXT NULL,
    "CommentsCloseOn" TEXT NULL,
    "FinalisedAt" TEXT NULL,
    "FinalisedBy" TEXT NULL,
    "SnapshotJson" TEXT NULL,
    "SentAt" TEXT NULL,
    "SentTo" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" TEXT NOT NULL,
    "ModifiedBy" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL,
    CONSTRAINT "FK_OutcomesForms_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_OutcomesForms_ReviewId_Version" ON "OutcomesForms" ("ReviewId", "Version");

CREATE TABLE "OutcomesComments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutcomesComments" PRIMARY KEY,
    "FormId" TEXT NOT NULL,
    "SectionKey" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorUserId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Response" TEXT NULL,
    "Resolved" INTEGER NOT NULL,
    "RespondedBy" TEXT NULL,
    "RespondedAt" TEXT NULL,
    CONSTRAINT "FK_OutcomesComments_OutcomesForms_FormId" FOREIGN KEY ("FormId") REFERENCES "OutcomesForms" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutcomesComments_FormId" ON "OutcomesComments" ("FormId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123080000_OutcomesForms', '10.0.15');

COMMIT;

