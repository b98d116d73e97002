using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LearningReviews.Domain.Auditing;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningReviews.Infrastructure.Auditing;

/// <summary>
/// The audit log's hash chain. Each row, when saved, gets the next sequence number, the hash of the row
/// before it and a hash of its own content together with that previous hash. Changing, removing or
/// inserting a row after the fact (possible only for someone who first drops the database's triggers)
/// breaks the chain from that row on, and the Audit log page says where.
/// </summary>
/// <remarks>
/// Writers are serialized so that two never take the same place: on PostgreSQL with a transaction-level
/// advisory lock (several web instances may share the database), on SQL Server with an application
/// lock, and on SQLite by the write lock its transactions take at BEGIN IMMEDIATE. The unique index on
/// <see cref="AuditEvent.Sequence"/> is the backstop. Rows written before the AuditChain migration have
/// no sequence; the chain starts after them (they are counted, not verified).
/// </remarks>
public static class AuditChain
{
    /// <summary>SHA-256 as lower-case hex.</summary>
    public const int HashLength = 64;

    /// <summary>Any fixed number: the key of the PostgreSQL advisory lock that guards the chain's end (public for tests that hold it).</summary>
    public const long PostgresLockKey = 0x4C52_4155_4449_54; // "LRAUDIT"

    /// <summary>Gives <paramref name="added"/> their places at the end of the chain. Call inside the saving transaction.</summary>
    public static async Task SealAsync(LearningReviewsDbContext db, IReadOnlyCollection<AuditEvent> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(added);
        await LockEndOfChainAsync(db, cancellationToken);
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash;
        foreach (var auditEvent in added.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            // Every engine keeps at least microseconds; the hash must cover what is read back.
            auditEvent.OccurredAt = ToMicroseconds(auditEvent.OccurredAt);
            auditEvent.Sequence = ++sequence;
            auditEvent.PreviousHash = previous;
            auditEvent.Hash = HashOf(auditEvent);
            previous = auditEvent.Hash;
        }
    }

    private static async Task LockEndOfChainAsync(LearningReviewsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = N'LearningReviews.AuditChain', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000",
                cancellationToken);
        }
        // SQLite: the transaction already holds the database's single write lock.
    }

    /// <summary>The hash a row should carry, from its content and its <see cref="AuditEvent.PreviousHash"/>.</summary>
    public static string HashOf(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        // A JSON array keeps the fields apart unambiguously (no separator a value could contain).
        string?[] content =
        [
            auditEvent.Sequence?.ToString(CultureInfo.InvariantCulture),
            auditEvent.Id.ToString("D"),
            ToMicroseconds(auditEvent.OccurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            auditEvent.UserId,
            auditEvent.UserName,
            auditEvent.Action,
            auditEvent.EntityType,
            auditEvent.EntityId,
            auditEvent.ReviewId?.ToString("D"),
            auditEvent.IpAddress,
            auditEvent.Detail,
            auditEvent.PreviousHash,
        ];
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content)));
        return Convert.ToHexStringLower(bytes);
    }

    private static DateTime ToMicroseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    /// <summary>
    /// Reads the whole chain in order (streamed, not held in memory) and reports the first row that does
    /// not follow from the one before it.
    /// </summary>
    public static Task<AuditChainReport> VerifyAsync(LearningReviewsDbContext db, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, since: null, cancellationToken);

    /// <summary>
    /// Checks the chain from a point already found sound (<paramref name="since"/>) to its end: that row
    /// must still be there with the same content, and every later row must follow from it. With no point
    /// given, the whole chain is read.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(LearningReviewsDbContext db, AuditChainTip? since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long expected = (since?.Sequence ?? 0) + 1;
        string? previous = since?.Hash;
        long verified = since?.Sequence ?? 0;
        DateTime? chainStarted = since?.ChainStarted;
        string? broken = null;
        if (since is not null)
        {
            var anchor = await db.AuditEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == since.Sequence, cancellationToken);
            if (anchor is null || anchor.Hash != since.Hash || HashOf(anchor) != since.Hash)
            {
                var unchainedNow = await UnchainedAsync(db, chainStarted, cancellationToken);
                return new AuditChainReport(since.Sequence - 1, since.Sequence, "it was changed or removed after it was checked", unchainedNow);
            }
        }
        await foreach (var row in db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null && e.Sequence >= expected).OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            chainStarted ??= row.OccurredAt;
            var problem = row.Sequence != expected ? $"row {expected.ToString(CultureInfo.InvariantCulture)} is missing"
                : row.PreviousHash != previous ? "it does not follow the row before it"
                : row.Hash != HashOf(row) ? "its content was changed after it was written"
                : null;
            if (problem is not null)
            {
                broken = problem;
                break; // leave the reader before asking anything else (one command at a time on PostgreSQL)
            }
            previous = row.Hash;
            expected++;
            verified++;
        }
        var unchained = await UnchainedAsync(db, chainStarted, cancellationToken);
        if (broken is not null) return new AuditChainReport(verified, expected, broken, unchained);
        var tip = verified > 0 ? new AuditChainTip(verified, previous!, chainStarted!.Value) : null;
        // A row without a place, written after the chain began, did not come through the application.
        return unchained.Later > 0
            ? new AuditChainReport(verified, null, $"{unchained.Later.ToString(CultureInfo.InvariantCulture)} rows written after the chain began are outside it", unchained)
            : new AuditChainReport(verified, null, null, unchained) { Tip = tip };
    }

    private static async Task<UnchainedRows> UnchainedAsync(LearningReviewsDbContext db, DateTime? chainStarted, CancellationToken cancellationToken)
    {
        var before = await db.AuditEvents.CountAsync(e => e.Sequence == null, cancellationToken);
        var later = chainStarted is { } start
            ? await db.AuditEvents.CountAsync(e => e.Sequence == null && e.OccurredAt > start, cancellationToken)
            : 0;
        return new UnchainedRows(before, later);
    }
}

/// <summary>Rows outside the chain: <see cref="Total"/> of them, <see cref="Later"/> dated after the chain's first row.</summary>
public sealed record UnchainedRows(int Total, int Later);

/// <summary>
/// The result of checking the chain. <see cref="BrokenAt"/> is the sequence number of the first row that
/// fails (null when the chain is intact); <see cref="Verified"/> rows before it were checked and sound.
/// </summary>
public sealed record AuditChainReport(long Verified, long? BrokenAt, string? Problem, UnchainedRows Unchained)
{
    public bool Intact => Problem is null;

    /// <summary>The last row of an intact chain, from which the next check can carry on (null when broken or empty).</summary>
    public AuditChainTip? Tip { get; init; }
}

/// <summary>A row of the chain found sound: its place, its hash, and when the chain's first row was written.</summary>
public sealed record AuditChainTip(long Sequence, string Hash, DateTime ChainStarted);
