namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// Delivers committed outbox rows, at least once. Each message is claimed with one conditional UPDATE (pending, due,
/// and not claimed or its claim expired), so of several instances sharing the database one gets it; the claim is a
/// lease, so a message whose sender died is taken over once the lease runs out. A send is given up before the lease
/// runs out (<see cref="OutboxOptions.SendDeadline"/>), and start-up refuses a lease too short for the SMTP timeout.
/// Success and failure are recorded only by the holder of the claim (the UPDATE names its token): a row is marked sent
/// once. A second delivery (same Message-ID) needs a send that outlived its claim after all: a crash between handing
/// the message to the server and recording it, a process paused past the lease, or instance clocks further apart
/// than <see cref="OutboxOptions.LeaseMargin"/> (expiry is judged on each instance's own clock).
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    IOptions<SmtpOptions> smtp,
    MailSite site,
    ILogger<OutboxSender> logger)
{
    private const int Batch = 20;

    private readonly OutboxOptions _options = options.Value;
    private readonly SmtpOptions _smtp = smtp.Value;

    /// <summary>Sends every message due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            var ids = await DueIdsAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return delivered;
            }

            var claimedAny = false;
            foreach (var id in ids)
            {
                var token = await TryClaimAsync(id, cancellationToken);
                if (token is null)
                {
                    continue;
                }

                claimedAny = true;
                if (await DeliverAsync(id, token.Value, cancellationToken))
                {
                    delivered++;
                }
            }

            if (!claimedAny || ids.Count < Batch)
            {
                return delivered;
            }
        }
    }

    private async Task<List<long>> DueIdsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await DueQuery(db, now).Take(Batch).ToListAsync(cancellationToken);
    }

    internal static IQueryable<long> DueQuery(NewsDbContext db, DateTime now) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id);

    /// <summary>The claim: one UPDATE that succeeds for one instance only. Returns the claim's token, or null.</summary>
    internal async Task<Guid?> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var until = now + _options.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var claimed = await ClaimQuery(db, id, now).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1),
            cancellationToken);
        return claimed == 1 ? token : null;
    }

    internal static IQueryable<OutboxMessage> ClaimQuery(NewsDbContext db, long id, DateTime now) =>
        db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<bool> DeliverAsync(long id, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        // Erasure deletes a person's messages by key, and may take one claimed a moment ago: nothing left to send.
        var row = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null)
        {
            LogGone(logger, id);
            return false;
        }

        // A send that outlived its claim could overlap another instance's send of the same message: give it up first.
        var limit = _options.SendDeadline > TimeSpan.Zero ? _options.SendDeadline : Timeout.InfiniteTimeSpan;
        using var deadline = new CancellationTokenSource(limit, time);
        using var send = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var span = SiteTracing.StartMailSend(row.Kind, string.IsNullOrWhiteSpace(_smtp.Host) ? null : _smtp.Host, _smtp.Port);
        try
        {
            var from = _smtp.From ?? "newsportal@localhost";
            var message = MimeMessageFactory.Create(row, from, _smtp.FromName ?? site.Name, time.GetUtcNow());
            await transport.SendAsync(message, send.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: the claim runs out and another pass (here or elsewhere) sends it.
            throw;
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            SiteTracing.Failed(span, ex);
            await RecordFailureAsync(db, row, token, new TimeoutException(
                $"The send was given up after {limit.TotalSeconds:0} s (Outbox:Lease less {OutboxOptions.LeaseMargin.TotalSeconds:0} s), before its claim ran out.", ex), cancellationToken);
            return false;
        }
#pragma warning disable CA1031 // Any failure of one message is recorded on it; the sender goes on with the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SiteTracing.Failed(span, ex);
            await RecordFailureAsync(db, row, token, ex, cancellationToken);
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            CancellationToken.None);
        if (marked == 1)
        {
            LogSent(logger, id, row.Kind, row.Attempts);
        }
        else
        {
            LogClaimLost(logger, id);
        }

        return marked == 1;
    }

    private async Task RecordFailureAsync(NewsDbContext db, OutboxMessage row, Guid token, Exception ex, CancellationToken cancellationToken)
    {
        var permanent = ex is SmtpCommandException { StatusCode: >= (MailKit.Net.Smtp.SmtpStatusCode)500 }
            or MimeKit.ParseException or FormatException or ArgumentException;
        var giveUp = permanent || row.Attempts >= _options.MaxAttempts;
        var error = Scrub(ex.GetType().Name + ": " + ex.Message, row.ToAddress);
        var now = time.GetUtcNow().UtcDateTime;
        var next = now + Backoff(row.Attempts);
        var status = giveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
        await db.OutboxMessages.Where(m => m.Id == row.Id && m.ClaimToken == token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
        SiteMetrics.OutboxSendFailed(giveUp);
        if (giveUp)
        {
            LogGaveUp(logger, row.Id, row.Kind, row.Attempts, error);
        }
        else
        {
            LogWillRetry(logger, row.Id, row.Kind, row.Attempts, next, error);
        }
    }

    internal TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(_options.FirstBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return wait;
    }

    /// <summary>A server's answer may quote the recipient; the stored error and the logs never hold an address.</summary>
    internal static string Scrub(string error, string address)
    {
        var scrubbed = error.Replace(address, "(recipient)", StringComparison.OrdinalIgnoreCase);
        scrubbed = EmailLike().Replace(scrubbed, "(address)");
        return scrubbed.Length <= FieldLengths.MailError ? scrubbed : scrubbed[..FieldLengths.MailError];
    }

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""'@]+")]
    private static partial Regex EmailLike();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageRowId} ({Kind}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long messageRowId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageRowId} was deleted after it was claimed (an erasure); skipped")]
    private static partial void LogGone(ILogger logger, long messageRowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageRowId} was sent, but its claim had been taken over by another sender; it may be delivered once more")]
    private static partial void LogClaimLost(ILogger logger, long messageRowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageRowId} ({Kind}) failed on attempt {Attempt}; next try at {NextAttempt:u}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, long messageRowId, string kind, int attempt, DateTime nextAttempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageRowId} ({Kind}) failed for good after {Attempt} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long messageRowId, string kind, int attempt, string error);
}
