using LearningReviews.Domain.Auditing;
using LearningReviews.Domain.Identity;
using LearningReviews.Infrastructure.Auditing;
using LearningReviews.Infrastructure.Email;
using LearningReviews.Infrastructure.Identity;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Web.Features.Email;

/// <summary>
/// The administrator's view of the outbox: messages waiting, sent and dead-lettered; retry or discard a
/// dead-lettered one; and a test message to oneself. Every change is audited.
/// </summary>
[Route("admin/email"), Authorize(Roles = Roles.Administrator)]
public sealed class EmailController(
    LearningReviewsDbContext db,
    EmailOutbox outbox,
    EmailComposer composer,
    IEmailTransport transport,
    UserManager<ApplicationUser> users,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? list, int page = 1)
    {
        var shown = EmailPage.ListFrom(list);
        var statuses = EmailPage.StatusesOf(shown);
        var query = db.EmailOutbox.AsNoTracking().Where(m => statuses.Contains(m.Status));
        var total = await query.CountAsync();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var ordered = shown == EmailList.Waiting
            ? query.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            : query.OrderByDescending(m => m.CreatedAt);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new EmailRow(m.Id, m.Kind, m.ToAddress, m.Subject, m.Status, m.CreatedAt, m.NextAttemptAt,
                m.Attempts, m.SentAt, m.GaveUpAt, m.LastError))
            .ToListAsync();
        var counts = await db.EmailOutbox.AsNoTracking().GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
        int Count(EmailList l) => counts.Where(c => EmailPage.StatusesOf(l).Contains(c.Status)).Sum(c => c.Count);
        return View(new EmailPage(shown, rows, page, pages, total,
            Count(EmailList.Waiting), Count(EmailList.Sent), Count(EmailList.DeadLettered), transport.Description));
    }

    [HttpPost("test")]
    public async Task<IActionResult> SendTest()
    {
        var user = await users.GetUserAsync(User);
        if (user?.Email is null) return NotFound();
        var message = outbox.Enqueue(composer.Compose("Test", user.Email, user.DisplayName,
            "Test message from Learning Reviews",
            [
                "This is a test message from Learning Reviews, sent because you asked for one on the Email page.",
                "If you can read it, email from Learning Reviews reaches you.",
            ],
            new EmailLink("Open the Email page", "/admin/email")));
        audit.Add(AuditActions.EmailTestQueued, "Email", message.Id.ToString());
        await db.SaveChangesAsync(); // the message and its audit entry together
        TempData["Notice"] = $"A test message to {user.Email} is waiting to be sent";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id)
    {
        var message = await db.EmailOutbox.SingleOrDefaultAsync(m => m.Id == id);
        if (message is null) return NotFound();
        if (message.Status != OutboxStatus.DeadLettered) return Conflict();
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        message.GaveUpAt = null;
        audit.Add(AuditActions.EmailRetried, "Email", message.Id.ToString());
        await db.SaveChangesAsync();
        TempData["Notice"] = "The message will be sent again";
        return RedirectToAction(nameof(Index), new { list = "dead-lettered" });
    }

    [HttpPost("{id:guid}/discard")]
    public async Task<IActionResult> Discard(Guid id)
    {
        var message = await db.EmailOutbox.SingleOrDefaultAsync(m => m.Id == id);
        if (message is null) return NotFound();
        if (message.Status != OutboxStatus.DeadLettered) return Conflict();
        message.Status = OutboxStatus.Discarded;
        message.GaveUpAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.EmailDiscarded, "Email", message.Id.ToString());
        await db.SaveChangesAsync();
        TempData["Notice"] = "The message was discarded and will not be sent";
        return RedirectToAction(nameof(Index), new { list = "dead-lettered" });
    }
}
