namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>SQL Server's own T-SQL parser (ScriptDom): the offline proof that what the site sends SQL Server is T-SQL.</summary>
internal static class TSql
{
    /// <summary>The parsed script and its errors, each as "line N: message".</summary>
    public static (TSqlFragment Fragment, List<string> Errors) Parse(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors.Select(e => $"line {e.Line}: {e.Message}").ToList());
    }

    /// <summary>Every command parses as T-SQL; otherwise fails with the first that does not, and why.</summary>
    public static void AssertValid(IEnumerable<string> commands)
    {
        foreach (var sql in commands)
        {
            var (_, errors) = Parse(sql);
            Assert.True(errors.Count == 0, $"Not valid T-SQL ({string.Join("; ", errors)}):\n{sql}");
        }
    }
}
