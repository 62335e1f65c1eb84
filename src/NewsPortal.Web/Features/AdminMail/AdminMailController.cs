namespace NewsPortal.Web.Features.AdminMail;

/// <summary>Outgoing mail that failed or is being retried, with the last error; an Admin can send one again.</summary>
[Authorize(Policy = Policies.Administration)]
[Route("admin/mail")]
public sealed class AdminMailController(NewsDbContext db, TimeProvider time) : Controller
{
    private const int Shown = 200;

    private readonly NewsDbContext _db = db;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var problems = await ProblemQuery(_db).Take(Shown)
            .Select(m => new MailProblemViewModel(m.Id, m.Kind, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt))
            .ToListAsync(cancellationToken);
        var pending = await _db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        return View(new MailPageViewModel(problems, pending));
    }

    internal static IQueryable<OutboxMessage> ProblemQuery(NewsDbContext db) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.LastError != null))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);

    /// <summary>Puts a failed message back in the queue, due now, with a fresh count of attempts.</summary>
    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        var changed = await RequeueAsync(_db, id, time.GetUtcNow().UtcDateTime, cancellationToken);
        TempData[changed == 1 ? "Flash" : "Warning"] = changed == 1
            ? $"Message {id} is queued again; it goes out within a few seconds."
            : $"Message {id} was not queued again: it has been sent, is being sent right now, or no longer exists.";
        return new SeeOtherResult("/admin/mail");
    }

    internal static Task<int> RequeueAsync(NewsDbContext db, long id, DateTime now, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id && m.Status != OutboxStatus.Sent && m.ClaimToken == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
}

public sealed record MailProblemViewModel(
    long Id, string Kind, string ToAddress, string Subject, OutboxStatus Status, int Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt);

public sealed record MailPageViewModel(IReadOnlyList<MailProblemViewModel> Problems, int Pending);
