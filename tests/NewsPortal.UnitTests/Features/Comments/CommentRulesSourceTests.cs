using System.Collections;
using System.Reflection;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.UnitTests.Features.Comments;

public sealed class CommentRulesSourceTests
{
    /// <summary>
    /// The options an admin cannot change on the settings page: they always come from configuration. Every other
    /// option is saved there (a <see cref="CommentSettings"/> property of the same name). A new option must be added to
    /// one side or the other, or this test names it.
    /// </summary>
    private static readonly HashSet<string> ConfigurationOnly =
    [
        nameof(CommentOptions.MinSecondsToPost),
        nameof(CommentOptions.PostsPerMinutePerIp),
        nameof(CommentOptions.DuplicateWindowMinutes),
        nameof(CommentOptions.MaxRequestBytes),
        nameof(CommentOptions.FormStampMaxAgeHours),
        nameof(CommentOptions.ThreadsPerPage),
        nameof(CommentOptions.ReportsToHold),
        nameof(CommentOptions.ReportsPerHourPerIp),
        nameof(CommentOptions.EditWindowMinutes),
    ];

    private static IEnumerable<PropertyInfo> OptionProperties =>
        typeof(CommentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    /// <summary>A value unlike the default (and unlike <see cref="Other"/>), for any option's type.</summary>
    private static object Distinct(PropertyInfo property, object? defaultValue) => property.PropertyType switch
    {
        var t when t == typeof(int) => (int)defaultValue! + 7,
        var t when t == typeof(bool) => !(bool)defaultValue!,
        var t when t == typeof(List<string>) => new List<string> { "configured-" + property.Name },
        var t when t == typeof(string) => "configured-" + property.Name,
        var t => throw new InvalidOperationException($"CommentOptions.{property.Name} has a type ({t.Name}) this test does not know how to vary."),
    };

    private static object Other(PropertyInfo property, object? defaultValue) => property.PropertyType switch
    {
        var t when t == typeof(int) => (int)defaultValue! + 13,
        var t when t == typeof(bool) => !(bool)defaultValue!,
        var t when t == typeof(string) => "saved-" + property.Name,
        var t => throw new InvalidOperationException($"CommentSettings.{property.Name} has a type ({t.Name}) this test does not know how to vary."),
    };

    [Fact]
    public void Merge_EveryOption_IsEitherTakenFromTheSettingsPageOrKeptFromConfiguration()
    {
        var defaults = new CommentOptions();
        var configured = new CommentOptions();
        var saved = new CommentSettings();
        var defaultSettings = new CommentSettings();
        foreach (var property in OptionProperties)
        {
            property.SetValue(configured, Distinct(property, property.GetValue(defaults)));
            if (typeof(CommentSettings).GetProperty(property.Name) is { } setting)
            {
                setting.SetValue(saved, Other(setting, setting.GetValue(defaultSettings)));
            }
        }

        var merged = CommentRulesSource.Merge(configured, saved);

        foreach (var property in OptionProperties)
        {
            var setting = typeof(CommentSettings).GetProperty(property.Name);
            Assert.True(
                ConfigurationOnly.Contains(property.Name) ^ setting is not null,
                $"CommentOptions.{property.Name} must be either saved on the settings page (a CommentSettings property) or listed here as configuration-only, not both or neither.");
            var expected = ConfigurationOnly.Contains(property.Name)
                ? property.GetValue(configured)
                : setting!.PropertyType == typeof(string) ? CommentRulesSource.Lines((string?)setting.GetValue(saved)) : setting.GetValue(saved);
            var actual = property.GetValue(merged);
            Assert.True(
                expected is IEnumerable list && actual is IEnumerable other && expected is not string
                    ? list.Cast<object>().SequenceEqual(other.Cast<object>())
                    : Equals(expected, actual),
                $"CommentOptions.{property.Name} is {Show(actual)} after Merge; expected {Show(expected)} ({(ConfigurationOnly.Contains(property.Name) ? "from configuration" : "from the settings page")}).");
        }
    }

    private static string Show(object? value) => value is IEnumerable list and not string ? "[" + string.Join(", ", list.Cast<object>()) + "]" : $"{value}";
}
