using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace LearningReviews.IntegrationTests.Email;

/// <summary>
/// A real SMTP server (aiosmtpd under Debian's /usr/bin/python3) on a free local port, saving what it
/// receives into a folder. The port is chosen before the server starts, so a test can point the application
/// at it while it is still down and start it later.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public SmtpTestServer()
    {
        Port = FreePort();
        Folder = Path.Combine(Path.GetTempPath(), "lr-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }
    public string Folder { get; }

    /// <summary>The settings that point the application at this server.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "10",
    };

    public static async Task<SmtpTestServer> StartedAsync()
    {
        var server = new SmtpTestServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_capture.py");
        var start = new ProcessStartInfo(Python, [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var ready = _process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || await ready != "READY")
        {
            var error = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "no answer in 20 seconds";
            throw new InvalidOperationException(
                $"The SMTP test server did not start ({error}). It needs Debian's python3-aiosmtpd: tests/run-all.sh installs it.");
        }
    }

    /// <summary>Every message received so far, read back with MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, or fails.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (Directory.GetFiles(Folder, "*.eml").Length >= count) return Messages();
            await Task.Delay(200);
        }
        throw new TimeoutException($"Expected {count} messages at the SMTP server, got {Directory.GetFiles(Folder, "*.eml").Length}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* best effort: it is in /tmp */ }
    }
}
