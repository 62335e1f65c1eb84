namespace NewsPortal.Web.Infrastructure.Mvc;

/// <summary>
/// Every action whose route is under <c>/admin</c> requires <see cref="Policies.Staff"/>, on top of whatever its
/// controller asks for, so a new admin controller that forgets its <c>[Authorize]</c> is still closed to readers.
/// Only an explicit <c>[AllowAnonymous]</c> opts out (nothing under /admin does; a test checks every endpoint).
/// </summary>
public sealed class StaffAreaConvention : IApplicationModelConvention
{
    public const string AreaPrefix = "admin";

    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            var controllerAnonymous = controller.Attributes.OfType<IAllowAnonymous>().Any();
            foreach (var action in controller.Actions)
            {
                if (controllerAnonymous || action.Attributes.OfType<IAllowAnonymous>().Any())
                {
                    continue;
                }

                foreach (var selector in action.Selectors.Where(s => Templates(controller, s).Any(IsUnderArea)))
                {
                    selector.EndpointMetadata.Add(new AuthorizeAttribute(Policies.Staff));
                }
            }
        }
    }

    /// <summary>The route templates one action selector ends up with, combined with the controller's routes.</summary>
    private static IEnumerable<string> Templates(ControllerModel controller, SelectorModel action)
    {
        var controllerRoutes = controller.Selectors.Select(s => s.AttributeRouteModel).Where(r => r is not null).ToList();
        if (controllerRoutes.Count == 0)
        {
            controllerRoutes.Add(null);
        }

        return controllerRoutes
            .Select(route => AttributeRouteModel.CombineAttributeRouteModel(route, action.AttributeRouteModel)?.Template)
            .OfType<string>();
    }

    private static bool IsUnderArea(string template)
    {
        var path = template.TrimStart('~', '/');
        return path.Equals(AreaPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(AreaPrefix + "/", StringComparison.OrdinalIgnoreCase);
    }
}
