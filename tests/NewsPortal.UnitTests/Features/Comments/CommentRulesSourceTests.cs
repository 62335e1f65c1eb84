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

    [Fact]
    public void Merge_NothingSavedOnTheSettingsPage_IsConfigurationAsItIs()
    {
        var configured = new CommentOptions { PreModeration = true, BlockedWords = ["configured"] };

        Assert.Same(configured, CommentRulesSource.Merge(configured, null));
    }

    [Fact]
    public void Merge_SavedEmptyOrOff_WinsOverConfiguration()
    {
        // An admin who cleared a list or turned a switch off meant it: configuration does not show through.
        var configured = new CommentOptions
        {
            PreModeration = true,
            MaxLinks = 5,
            AutoCloseAfterDays = 30,
            BlockedWords = ["configured"],
            BlockedEmails = ["spam@example.test"],
        };

        var merged = CommentRulesSource.Merge(configured, new CommentSettings { PreModeration = false, MaxLinks = 0, AutoCloseAfterDays = 0 });

        Assert.False(merged.PreModeration);
        Assert.Equal(0, merged.MaxLinks);
        Assert.Equal(0, merged.AutoCloseAfterDays);
        Assert.Empty(merged.BlockedWords);
        Assert.Empty(merged.BlockedEmails);
    }

    [Fact]
    public void Merge_DoesNotChangeTheConfiguredOptions()
    {
        var configured = new CommentOptions { PreModeration = true, BlockedWords = ["configured"] };

        _ = CommentRulesSource.Merge(configured, new CommentSettings { PreModeration = false, BlockedWords = "saved" });

        Assert.True(configured.PreModeration);
        Assert.Equal(["configured"], configured.BlockedWords);
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData("  \n \r\n", new string[0])]
    [InlineData("casino\r\n  Pills  \n\nCASINO\nloans", new[] { "casino", "Pills", "loans" })] // first spelling kept
    public void Lines_OneEntryALine_TrimmedWithoutBlanksOrRepeats(string? text, string[] expected) =>
        Assert.Equal(expected, CommentRulesSource.Lines(text));

    [Fact]
    public void IsOpen_ArticleSwitchedOff_IsClosed_WhateverTheRules() =>
        Assert.False(CommentRulesSource.IsOpen(false, Published, Published, new CommentOptions { AutoCloseAfterDays = 0 }));

    [Fact]
    public void IsOpen_NoAutoClose_StaysOpenForYears() =>
        Assert.True(CommentRulesSource.IsOpen(true, Published, Published.AddYears(10), new CommentOptions { AutoCloseAfterDays = 0 }));

    [Fact]
    public void IsOpen_AutoClose_OpenUntilTheLastTick_ClosedAtTheDay()
    {
        var rules = new CommentOptions { AutoCloseAfterDays = 14 };

        Assert.True(CommentRulesSource.IsOpen(true, Published, Published.AddDays(14).AddTicks(-1), rules));
        Assert.False(CommentRulesSource.IsOpen(true, Published, Published.AddDays(14), rules));
    }

    private static readonly DateTime Published = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static string Show(object? value) => value is IEnumerable list and not string ? "[" + string.Join(", ", list.Cast<object>()) + "]" : $"{value}";
}
