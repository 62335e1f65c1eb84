namespace NewsPortal.Web.Features.AdminImport;

/// <summary>
/// Keeps model binding away from the request body: MVC reads (buffers) the whole form as soon as an action has any
/// parameter to bind, even one from services, before the action could stream it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
