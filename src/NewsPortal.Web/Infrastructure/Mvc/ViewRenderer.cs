namespace NewsPortal.Web.Infrastructure.Mvc;

/// <summary>Renders a view, layout included, to a string (for a page rendered once and served to many).</summary>
public sealed class ViewRenderer(ICompositeViewEngine views)
{
    public async Task<string> RenderAsync(Controller controller, string viewPath, object model)
    {
        var found = views.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewPath} was not found: {string.Join(", ", found.SearchedLocations)}");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(controller.ViewData) { Model = model };
        var context = new ViewContext(controller.ControllerContext, found.View, viewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
