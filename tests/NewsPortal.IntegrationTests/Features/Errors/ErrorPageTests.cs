using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.Errors;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnhandledException_OutsideDevelopment_ShowsFriendlyPageWithoutStackTrace()
    {
        using var factory = new NewsPortalFactory
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()),
        };

        var (response, document) = await Html.GetAsync(factory.CreateClient(), "/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", document.QuerySelector("h1")!.TextContent.Trim());
        var text = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelectorAll("nav.sections a").Length > 1);
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom", boom => boom.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
