using MimeKit;

namespace LearningReviews.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file (any mail program opens it) when no mail server is configured, so
/// the application works out of the box and nothing is lost: a relay or a person can pick the files up.
/// </summary>
public sealed class PickupFolderEmailTransport(string folder) : IEmailTransport
{
    public string Folder { get; } = folder;

    public string Description => $"the pickup folder {Folder}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        // Written under a temporary name and then renamed, so whoever watches the folder never reads half a file.
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var partial = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(Folder, name + ".eml"));
    }

    /// <summary>A configured folder, relative to the content root unless it is absolute.</summary>
    public static string ResolveFolder(string configured, string contentRootPath) =>
        Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(contentRootPath, configured));
}
