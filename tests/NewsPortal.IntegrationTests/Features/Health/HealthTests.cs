using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.Health;

public sealed class HealthTests : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory;

    public HealthTests(NewsPortalFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task Get_HealthyApp_Returns200(string url)
    {
        var response = await _factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Ready_WhenTheDatabaseCannotBeOpened_Returns503ButLivenessStays200()
    {
        using var factory = new BrokenDatabaseFactory();
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private sealed class BrokenDatabaseFactory : NewsPortalFactory
    {
        public BrokenDatabaseFactory()
        {
            Settings["Database:MigrateOnStartup"] = "false";
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:NewsPortal", $"Data Source={Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly");
        }
    }
}
