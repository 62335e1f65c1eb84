namespace NewsPortal.Web.Infrastructure.Hosting;

public static class ErrorPageExtensions
{
    /// <summary>
    /// Friendly pages for every error status, with the site's navigation. Stack traces only ever appear in
    /// Development.
    /// </summary>
    public static WebApplication UseNewsErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
