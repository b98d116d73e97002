using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LearningReviews.Infrastructure.Persistence;

/// <summary>Writes timestamps as UTC and reads them back marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
