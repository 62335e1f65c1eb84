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

    /// <summary>The table's rows: the keys of the first cell, the meaning, and the default cell.</summary>
    private static IEnumerable<(List<string> Keys, string Meaning, string Default)> Rows() =>
        File.ReadAllLines(Repository.PathOf("docs", "configuration.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length >= 5)
            .Select(cells => (Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList(), cells[2], cells[3]));

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

    [Fact]
    public void EveryDocumentedDefault_IsTheOneTheSiteStartsWith()
    {
        var properties = OptionProperties();
        var checkedKeys = new List<string>();
        var wrong = new List<string>();
        foreach (var (keys, _, cell) in Rows())
        {
            // Values only: the default cell also names other keys ("unset: .eml files in `Smtp:PickupDirectory`").
            var values = Code().Matches(cell).Select(m => m.Groups[1].Value).Where(v => !KeyName().IsMatch(v)).ToList();
            if (values.Count == 0 || (keys.Count != values.Count && keys.Count != 1))
            {
                continue;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (!properties.TryGetValue(keys[i], out var property))
                {
                    continue;
                }

                var actual = EffectiveDefault(keys[i], property);
                checkedKeys.Add(keys[i]);
                if (!string.Equals(actual, values[i], StringComparison.Ordinal))
                {
                    wrong.Add($"{keys[i]}: the page says `{values[i]}`, the site starts with `{actual ?? "(unset)"}`");
                }
            }
        }

        Assert.True(wrong.Count == 0, "docs/configuration.md gives wrong defaults:\n" + string.Join("\n", wrong));
        // The parse must keep finding the table: most keys have a single checkable default.
        Assert.True(checkedKeys.Count >= 50, $"only {checkedKeys.Count} defaults were compared: {string.Join(", ", checkedKeys)}");
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
    public void EveryDocumentedRange_IsTheOptionsClassesRange()
    {
        var properties = OptionProperties();
        var checkedKeys = new List<string>();
        var wrong = new List<string>();
        foreach (var (keys, meaning, _) in Rows())
        {
            var range = NumberRange().Match(meaning);
            if (keys.Count != 1 || !range.Success || !properties.TryGetValue(keys[0], out var property)
                || property.GetCustomAttribute<RangeAttribute>() is not { } attribute || property.PropertyType == typeof(TimeSpan))
            {
                continue;
            }

            checkedKeys.Add(keys[0]);
            var documented = (Number(range.Groups[1].Value), Number(range.Groups[2].Value));
            var actual = (Convert.ToDouble(attribute.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(attribute.Maximum, CultureInfo.InvariantCulture));
            if (documented != actual)
            {
                wrong.Add($"{keys[0]}: the page says {documented.Item1}-{documented.Item2}, [Range] is {actual.Item1}-{actual.Item2}");
            }
        }

        Assert.True(wrong.Count == 0, "docs/configuration.md gives wrong ranges:\n" + string.Join("\n", wrong));
        Assert.True(checkedKeys.Count >= 10, $"only {checkedKeys.Count} ranges were compared: {string.Join(", ", checkedKeys)}");
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
