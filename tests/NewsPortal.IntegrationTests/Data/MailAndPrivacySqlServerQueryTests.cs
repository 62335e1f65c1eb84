namespace NewsPortal.IntegrationTests.Data;

/// <summary>The outbox's claims, the notification dispatcher and the privacy jobs, translated by the SQL Server provider and parsed as T-SQL.</summary>
public sealed class MailAndPrivacySqlServerQueryTests(SqlServerQueryTestBase.SqlServerFactory factory) : SqlServerQueryTestBase(factory), IClassFixture<SqlServerQueryTestBase.SqlServerFactory>
{
    /// <summary>The outbox: the due query, the claim, marking sent and failed, the Admin's list and retry.</summary>
    [Fact]
    public async Task OutboxQueriesAndClaims_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        var sender = _factory.Services.GetRequiredService<NewsPortal.Web.Infrastructure.Mail.OutboxSender>();
        _factory.Transport.Fail = false;
        await sender.SendDueAsync(CancellationToken.None);
        _factory.Transport.Fail = true;
        await sender.SendDueAsync(CancellationToken.None);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await NewsPortal.Web.Features.AdminMail.AdminMailController.ProblemQuery(db).Take(200).ToListAsync();
            await NewsPortal.Web.Features.AdminMail.AdminMailController.RequeueAsync(db, 1, DateTime.UtcNow, CancellationToken.None);
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("UPDATE [o]", StringComparison.Ordinal) && c.Contains("[ClaimToken]", StringComparison.Ordinal));
        Assert.True(commands.Count(c => c.Contains("[OutboxMessages]", StringComparison.Ordinal)) >= 6, string.Join("\n\n", commands));
        TSql.AssertValid(commands);
    }

    /// <summary>The notification dispatcher (triggers, staff choices, digests, subscriptions, confirmations) and unsubscribing.</summary>
    [Fact]
    public async Task NotificationDispatcherQueries_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.Notifications.NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            foreach (var subject in new[] { "thread:1", "all:x@example.test", "staff:abc" })
            {
                Assert.NotNull(await NewsPortal.Web.Features.Notifications.MailLinksController.UnsubscribeAsync(db, subject, CancellationToken.None));
            }
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM [r]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("UPDATE [s]", StringComparison.Ordinal) && c.Contains("[HeldComments]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[StaffMailPreferences]", StringComparison.Ordinal) && c.Contains("[AspNetUserRoles]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ReplySubscriptions]", StringComparison.Ordinal) && c.Contains("[SubscriberAddresses]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[MailTriggers]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }

    /// <summary>Privacy: the export, the erasure and the retention job.</summary>
    [Fact]
    public async Task PrivacyQueries_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var privacy = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.Privacy.PrivacyService>();
            await privacy.ExportAsync("x@example.test", CancellationToken.None);
            await privacy.EmailOfCommentAsync(1, CancellationToken.None);
            await privacy.RequestAsync("x@example.test", erase: false, CancellationToken.None);
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // The queries that find what to erase are the proof; the save after them is EF's own batched UPDATE/DELETE,
            // which the server-less reader cannot answer.
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.Privacy.CommenterErasure>().EraseAsync("x@example.test", "staff", CancellationToken.None));
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.Privacy.RetentionJob>().RunOnceAsync(CancellationToken.None);
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.StartsWith("UPDATE [c]", StringComparison.Ordinal) && c.Contains("[IpAddress] = NULL", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("UPDATE CommentAuthorSearch SET Ip = '' WHERE CommentId IN", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM [o]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("FROM [SubscriberAddresses]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("FROM [PrivacyRequests]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("SELECT [o].[Id]", StringComparison.Ordinal) && c.Contains("[OutboxQuotes]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("UPDATE [o]", StringComparison.Ordinal) && c.Contains("[Subject] =", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM [o]", StringComparison.Ordinal) && c.Contains("[ClaimedUntil]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("UPDATE [o]", StringComparison.Ordinal) && c.Contains("[ClaimToken] = NULL", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("FROM [CommentHistory]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM [p]", StringComparison.Ordinal) && c.Contains("[PrivacyRequests]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }
}
