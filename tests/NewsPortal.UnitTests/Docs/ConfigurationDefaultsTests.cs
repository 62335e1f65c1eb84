namespace NewsPortal.UnitTests.Docs;

/// <summary>
/// The default and the range docs/configuration.md gives a key are what the site uses: the options class's initial
/// value, or appsettings.json's where it sets one, and the class's [Range].
/// </summary>
public sealed partial class ConfigurationDefaultsTests
{
    private static Dictionary<string, PropertyInfo> OptionProperties() =>
        typeof(NewsPortal.Web.Domain.FieldLengths).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null)
            .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true)
                .Select(p => (Key: $"{x.Section}:{p.Name}", Property: p)))
            .ToDictionary(x => x.Key, x => x.Property, StringComparer.Ordinal);

    /// <summary>A row of the table: the keys of the first cell, the meaning, and the default cell.</summary>
    private sealed record Row(List<string> Keys, string Meaning, string Default);

    private static IEnumerable<Row> Rows() =>
        File.ReadAllLines(Repository.PathOf("docs", "configuration.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length >= 5)
            .Select(cells => new Row(Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList(), cells[2], cells[3]));

    /// <summary>
    /// Compares every row of the table with <paramref name="compare"/>, which gives each key it could check and, where
    /// the page and the site disagree, what is wrong; fails on any disagreement, or when fewer than
    /// <paramref name="atLeast"/> keys were checked (the parse must keep finding the table).
    /// </summary>
    private static void AssertEveryRowAgrees(string what, int atLeast, Func<Row, Dictionary<string, PropertyInfo>, IEnumerable<(string Key, string? Wrong)>> compare)
    {
        var properties = OptionProperties();
        var compared = Rows().SelectMany(row => compare(row, properties)).ToList();
        var wrong = compared.Select(c => c.Wrong).OfType<string>().ToList();

        Assert.True(wrong.Count == 0, $"docs/configuration.md gives wrong {what}:\n" + string.Join("\n", wrong));
        Assert.True(compared.Count >= atLeast, $"only {compared.Count} {what} were compared: {string.Join(", ", compared.Select(c => c.Key))}");
    }

    /// <summary>What the site starts with when nothing is configured: appsettings.json over the class's initial value.</summary>
    private static string? EffectiveDefault(string key, PropertyInfo property)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("src", "NewsPortal.Web", "appsettings.json")));
        var parts = key.Split(':');
        if (settings.RootElement.TryGetProperty(parts[0], out var section) && section.TryGetProperty(parts[1], out var value))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetRawText() : value.ToString();
        }

        var initial = property.GetValue(Activator.CreateInstance(property.DeclaringType!));
        return initial switch
        {
            null => null,
            bool b => b ? "true" : "false",
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            string s => s,
            IEnumerable => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => initial.ToString(),
        };
    }

    /// <summary>Most keys have a single checkable default: at least 50 of them are compared.</summary>
    [Fact]
    public void EveryDocumentedDefault_IsTheOneTheSiteStartsWith() =>
        AssertEveryRowAgrees("defaults", atLeast: 50, DefaultsCompared);

    private static IEnumerable<(string Key, string? Wrong)> DefaultsCompared(Row row, Dictionary<string, PropertyInfo> properties)
    {
        // Values only: the default cell also names other keys ("unset: .eml files in `Smtp:PickupDirectory`").
        var values = Code().Matches(row.Default).Select(m => m.Groups[1].Value).Where(v => !KeyName().IsMatch(v)).ToList();
        if (values.Count == 0 || (row.Keys.Count != values.Count && row.Keys.Count != 1))
        {
            yield break;
        }

        for (var i = 0; i < row.Keys.Count; i++)
        {
            if (properties.TryGetValue(row.Keys[i], out var property))
            {
                var actual = EffectiveDefault(row.Keys[i], property);
                yield return (row.Keys[i], string.Equals(actual, values[i], StringComparison.Ordinal)
                    ? null
                    : $"{row.Keys[i]}: the page says `{values[i]}`, the site starts with `{actual ?? "(unset)"}`");
            }
        }
    }

    /// <summary>The defaults the table gives in words rather than as one value per key.</summary>
    [Theory]
    [InlineData("Weather:Enabled", "true", "enabled")]
    [InlineData("Weather:City", "London", "London")]
    [InlineData("Smtp:Port", "587", "port `587`")]
    [InlineData("Smtp:Security", "StartTls", "`StartTls`")]
    [InlineData("Smtp:TimeoutSeconds", "30", "timeout `30`")]
    [InlineData("Content:ImageOrigins", "", "empty")]
    public void DefaultsGivenInWords_AreTheOnesTheSiteStartsWith(string key, string expected, string words)
    {
        var row = Rows().Single(r => r.Keys.Contains(key));
        Assert.Contains(words, row.Default, StringComparison.Ordinal);

        var property = OptionProperties()[key];
        var actual = typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string)
            ? string.Join(",", ((IEnumerable)property.GetValue(Activator.CreateInstance(property.DeclaringType!))!).Cast<object>())
            : EffectiveDefault(key, property);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryDocumentedRange_IsTheOptionsClassesRange() =>
        AssertEveryRowAgrees("ranges", atLeast: 10, RangesCompared);

    private static IEnumerable<(string Key, string? Wrong)> RangesCompared(Row row, Dictionary<string, PropertyInfo> properties)
    {
        var range = NumberRange().Match(row.Meaning);
        if (row.Keys.Count != 1 || !range.Success || !properties.TryGetValue(row.Keys[0], out var property)
            || property.GetCustomAttribute<RangeAttribute>() is not { } attribute || property.PropertyType == typeof(TimeSpan))
        {
            yield break;
        }

        var documented = (Number(range.Groups[1].Value), Number(range.Groups[2].Value));
        var actual = (Convert.ToDouble(attribute.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(attribute.Maximum, CultureInfo.InvariantCulture));
        yield return (row.Keys[0], documented == actual
            ? null
            : $"{row.Keys[0]}: the page says {documented.Item1}-{documented.Item2}, [Range] is {actual.Item1}-{actual.Item2}");
    }

    private static double Number(string text) => double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[A-Za-z]+:[A-Za-z]")]
    private static partial Regex KeyName();

    // "(1-120)", "1 to 1,000,000", "(1-65535)", "1 to 10,000": a bare number range, not "1 KB-100 MB" or "5 s to 1 h".
    [GeneratedRegex(@"(?<![\w.])(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)(?![\d,]*\s*(?:[A-Za-z]|×))")]
    private static partial Regex NumberRange();
}
