namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// The reader-data versions every instance shares, as kept in Redis: one counter per <see cref="ReaderChange"/> kind
/// and the epoch the counters were started in. A Redis that lost its data (restarted, evicted the key) starts a new
/// epoch, so its counters are never mistaken for ones already seen.
/// </summary>
internal readonly record struct SharedVersions(string? Epoch, long Articles, long Comments)
{
    /// <summary>
    /// What readers must stop seeing, having seen <paramref name="seen"/> and now <paramref name="now"/>: null when
    /// nothing moved past what was seen. Nothing seen yet, or another epoch, counts as everything.
    /// </summary>
    public static ReaderChange? Changed(SharedVersions? seen, SharedVersions now) =>
        seen is not { } before || !string.Equals(before.Epoch, now.Epoch, StringComparison.Ordinal) || now.Articles > before.Articles
            ? ReaderChange.Articles
            : now.Comments > before.Comments ? ReaderChange.Comments : null;

    /// <summary>
    /// The newest of both. Counters only grow within an epoch, so an older answer arriving late (a message overtaken
    /// by a read) never moves what was seen backwards.
    /// </summary>
    public static SharedVersions Merge(SharedVersions? seen, SharedVersions now) =>
        seen is { } before && string.Equals(before.Epoch, now.Epoch, StringComparison.Ordinal)
            ? new(now.Epoch, Math.Max(before.Articles, now.Articles), Math.Max(before.Comments, now.Comments))
            : now;

    /// <summary>These versions with one change of <paramref name="change"/>'s kind counted.</summary>
    public SharedVersions After(ReaderChange change) =>
        change == ReaderChange.Articles ? this with { Articles = Articles + 1 } : this with { Comments = Comments + 1 };

    /// <summary>The pub/sub message announcing these versions: <c>instance|epoch|articles|comments</c>.</summary>
    public string ToMessage(string instance) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance}|{Epoch}|{Articles}|{Comments}");

    /// <summary>Reads a message <see cref="ToMessage"/> wrote; false for anything else on the channel.</summary>
    public static bool TryParseMessage(string? text, out string instance, out SharedVersions versions)
    {
        instance = string.Empty;
        versions = default;
        var parts = text?.Split('|');
        if (parts is not { Length: 4 } || parts[0].Length == 0
            || !TryParseCounter(parts[2], out var articles) || !TryParseCounter(parts[3], out var comments))
        {
            return false;
        }

        instance = parts[0];
        versions = new(parts[1].Length == 0 ? null : parts[1], articles, comments);
        return true;
    }

    /// <summary>A counter as Redis returns it; a missing one is 0 (nothing counted yet).</summary>
    public static bool TryParseCounter(string? text, out long value)
    {
        value = 0;
        return string.IsNullOrEmpty(text) || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value));
    }
}
