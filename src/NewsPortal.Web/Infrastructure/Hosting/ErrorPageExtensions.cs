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

        // A body refused as malformed (400: a forged token, a NUL, too many fields, a key too long) may be left
        // half-read by the form reader. Ending the connection after the answer spares Kestrel from draining it for the
        // next request on it, which can fail with "Reading is already in progress" (attack run, item 7;
        // ArticleEditorRequestBodyTests). Only requests that carry a body pay for the callback.
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status400BadRequest)
                    {
                        context.Response.Headers.Connection = "close";
                    }

                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
