namespace NewsPortal.IntegrationTests.Infrastructure.Database;

/// <summary>Instances started together on one new database (a compose stack's first start) all come up.</summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task TwoInstancesStartingTogether_OnANewDatabase_BothStart_AndSeedOnce()
    {
        // A few rounds, each on a fresh file: the race is over milliseconds, so one round proves little.
        for (var round = 0; round < 4; round++)
        {
            var database = Path.Combine(Path.GetTempPath(), $"newsportal-together-{Guid.NewGuid():N}.db");
            await using var a = new NewsPortalFactory { DatabasePath = database }.WithAdmin();
            await using var b = new NewsPortalFactory { DatabasePath = database }.WithAdmin();
            a.Settings["Seed:SampleContent"] = "true";
            b.Settings["Seed:SampleContent"] = "true";

            await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

            var (articles, admins, roles) = await a.WithDbAsync(async db => (
                await db.Articles.CountAsync(),
                await db.Users.CountAsync(u => u.Email == StaffSessions.AdminEmail),
                await db.Roles.CountAsync()));
            Assert.Equal(NewsPortal.Web.Data.Seed.SampleContent.Articles.Count, articles);
            Assert.Equal(1, admins);
            Assert.Equal(NewsPortal.Web.Infrastructure.Identity.Roles.All.Count, roles);
            (await b.CreateClient().GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
        }
    }
}
