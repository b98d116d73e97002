using FluentValidation;
using FluentValidation.AspNetCore;
using LearningReviews.Infrastructure.Documents;
using LearningReviews.Domain.Calendar;
using LearningReviews.Domain.Workflows;
using LearningReviews.Domain.Workflows.Engine;
using LearningReviews.Infrastructure;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using LearningReviews.Web.Features.Demo;
using LearningReviews.Web.Features.Reviews;
using LearningReviews.Web.Features.Setup;
using LearningReviews.Web.Features.Users;
using LearningReviews.Web.Features.Workflow;
using LearningReviews.Web.Infrastructure;
using LearningReviews.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace LearningReviews.Web.Startup;

public static class ServiceRegistration
{
    public static IServiceCollection AddLearningReviews(this IServiceCollection services,
        IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddLearningReviewsPersistence(environment.ContentRootPath);

        AddIdentity(services, configuration);
        services.AddLearningReviewsRateLimiting(configuration);
        AddMvc(services);
        services.AddProxyAndCookieSecurity(configuration, environment);

        services.AddLearningReviewsDataProtection(configuration);

        services.AddHealthChecks().AddDbContextCheck<LearningReviewsDbContext>("database");

        // Forms are validated while MVC binds them, so an action finds the errors in ModelState. Validators
        // hold no per-request state: one instance each serves every request.
        services.AddValidatorsFromAssemblyContaining(typeof(ServiceRegistration), ServiceLifetime.Singleton);
        services.AddFluentValidationAutoValidation();
        // Definitions are read and checked once; an invalid one stops startup (see PrepareDatabaseAsync).
        // The partnership's name (Partnership:Name) goes in wherever a definition's words say {partnership}.
        services.AddSingleton(provider => WorkflowCatalogue.BuiltIn(provider.GetRequiredService<IConfiguration>()["Partnership:Name"]));
        services.AddSingleton(provider => new WorkingDayCalendar(
            provider.GetRequiredService<IConfiguration>().GetSection("Calendar:ExtraNonWorkingDays").Get<DateOnly[]>() ?? []));
        services.AddSingleton<GateEvaluator>();
        services.AddSingleton<Features.Audit.AuditChainCheckpoint>();
        services.AddSingleton(provider =>
        {
            var configured = provider.GetRequiredService<IConfiguration>()["Calendar:TimeZone"];
            var zone = PartnershipTime.ZoneOrUtc(configured, out var found);
            if (!found)
            {
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<PartnershipTime>().LogWarning(
                    "Time zone {Zone} is not known on this machine (install tzdata); using UTC", configured ?? PartnershipTime.DefaultZone);
            }
            return new PartnershipTime(provider.GetRequiredService<TimeProvider>(), zone);
        });
        services.AddSingleton<SetupToken>();
        services.AddScoped<UserContextFactory>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<LearningReviews.Web.Features.Exports.ExportList>();
        // Every decision about a review: named operations, one handler, asked through IAuthorizationService.
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Infrastructure.Authorization.ReviewAuthorizationHandler>();
        services.AddScoped<Infrastructure.Authorization.ReviewAccess>();
        services.AddSingleton<RaceWindow>();
        services.AddScoped<ReviewProposalService>();
        services.AddScoped<ReviewWorkflowService>();
        services.AddScoped<TypedMeetingDates>();
        services.AddScoped<Features.ActionPlans.ActionPlanList>();
        services.AddScoped<Features.ActionPlans.ActionSourcesStep>();
        services.AddScoped<Features.Themes.ThemeListSeeding>();
        services.AddScoped<Features.Subgroups.SubgroupListSeeding>();
        services.AddScoped<Features.Themes.ThemeFigures>();
        services.AddScoped<StageAnswersWriter>();
        services.AddScoped<Features.Outcomes.OutcomesFormService>();
        services.AddScoped<Features.InformationRequests.InformationRequestService>();
        services.AddScoped<Features.DipSamples.DipSampleCompliance>();
        services.AddScoped<Features.Publication.PublicationService>();
        services.AddScoped<Features.Publication.DisseminationReport>();
        services.AddScoped<Features.AnnualReport.AnnualReportFigures>();
        services.AddSingleton<Features.AnnualReport.AnnualReportExports>();
        Features.ActionReminders.ActionReminderSetup.AddActionReminders(services);
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.InformationRequests.InformationRequestAuthorizationHandler>();
        services.AddSingleton<Features.Documents.ReviewDocuments>();
        // Uploaded documents (Features/Files): limits and where the bytes are kept.
        services.AddOptions<Features.Files.FilesOptions>().BindConfiguration(Features.Files.FilesOptions.Section);
        services.AddScoped<Features.Files.ReviewFileStore>();
        services.AddSingleton<Features.Files.UploadReader>();
        services.AddSingleton<Features.Chronology.ChronologyExports>();
        services.AddPdfDocuments();
        services.AddSingleton<DeadlineService>();
        services.AddScoped<StoredDeadlineService>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<AccountProvisioning>();
        services.AddLearningReviewsEmail(environment.ContentRootPath);
        services.AddLearningReviewsScheduling(configuration);
        return services;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // Length beats complexity rules (NCSC guidance); common and personal passwords are refused
                // by CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Authentication:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Authentication:LockoutMinutes", 15));
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Reset links carry a token that expires by the application's clock and works once.
                options.Tokens.PasswordResetTokenProvider = TimedLinkTokenProvider.Name;
            })
            .AddEntityFrameworkStores<LearningReviewsDbContext>()
            .AddSignInManager<ActiveUserSignInManager>()
            .AddClaimsPrincipalFactory<LearningReviewsClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimedLinkTokenProvider>(TimedLinkTokenProvider.Name);
        services.AddScoped<Features.Password.PasswordLinks>();
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            // The site's identity for passkeys (the WebAuthn relying party id). Unset: the host name the request
            // came to, which suits a site served under one name.
            options.ServerDomain = configuration["Authentication:PasskeyDomain"] is { Length: > 0 } domain ? domain : null;
            // The browser's answer must come from this site, not from a frame or another origin: the site as the
            // request reached it (scheme and host, after the forwarded-headers middleware) or as App:PublicBaseUrl
            // names it (for a proxy that rewrites the Host header). Identity's default compares with the request's
            // Origin header instead, which browsers send as "null" under the no-referrer policy.
            var publicOrigin = Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var publicBase)
                ? publicBase.GetLeftPart(UriPartial.Authority)
                : null;
            options.ValidateOrigin = context =>
            {
                var request = context.HttpContext.Request;
                var requestOrigin = $"{request.Scheme}://{request.Host}";
                return ValueTask.FromResult(!context.CrossOrigin
                    && (string.Equals(context.Origin, requestOrigin, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(context.Origin, publicOrigin, StringComparison.OrdinalIgnoreCase)));
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "LearningReviews.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Authentication:SessionMinutes", 30));
            options.SlidingExpiration = true;
        });
        // A deactivated account's security stamp changes, so its open sessions end within this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o => o.Cookie.Name = "LearningReviews.Antiforgery");
        services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static void AddMvc(IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
            {
                // Every unsafe request (POST and friends) must carry a valid antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Roles that must use two-factor sign-in see only its set-up pages until it is on.
                options.Filters.Add<TwoFactorRequirementFilter>();
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: Features/{Controller}/{View}.cshtml, shared pieces in Features/Shared.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });
        services.AddRouting(options => options.LowercaseUrls = true);
    }
}
