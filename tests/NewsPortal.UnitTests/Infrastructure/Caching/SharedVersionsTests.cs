namespace NewsPortal.UnitTests.Infrastructure.Caching;

public sealed class SharedVersionsTests
{
    private static readonly SharedVersions Seen = new("e1", 5, 3);

    [Fact]
    public void Changed_NothingSeenYet_IsEverything() =>
        Assert.Equal(ReaderChange.Articles, SharedVersions.Changed(null, Seen));

    [Fact]
    public void Changed_TheSameVersions_IsNothing() =>
        Assert.Null(SharedVersions.Changed(Seen, Seen));

    [Fact]
    public void Changed_CommentsCounterMoved_IsComments() =>
        Assert.Equal(ReaderChange.Comments, SharedVersions.Changed(Seen, Seen with { Comments = 4 }));

    [Fact]
    public void Changed_ArticlesCounterMoved_IsArticles() =>
        Assert.Equal(ReaderChange.Articles, SharedVersions.Changed(Seen, Seen with { Articles = 6, Comments = 4 }));

    [Theory]
    [InlineData("e2", 5, 3)] // Redis lost the key and a writer started again
    [InlineData("e2", 1, 0)] // ... with smaller counters
    [InlineData(null, 0, 0)] // ... and nobody has written since
    public void Changed_AnotherEpoch_IsEverything_WhateverTheCounters(string? epoch, long articles, long comments) =>
        Assert.Equal(ReaderChange.Articles, SharedVersions.Changed(Seen, new(epoch, articles, comments)));

    [Fact]
    public void Changed_AnOlderAnswerArrivingLate_IsNothing() =>
        Assert.Null(SharedVersions.Changed(Seen, Seen with { Articles = 4, Comments = 2 }));

    [Fact]
    public void Merge_SameEpoch_KeepsTheNewestOfEachCounter() =>
        Assert.Equal(new SharedVersions("e1", 6, 3), SharedVersions.Merge(Seen, new("e1", 6, 2)));

    [Fact]
    public void Merge_AnotherEpoch_TakesTheNewOne() =>
        Assert.Equal(new SharedVersions("e2", 1, 0), SharedVersions.Merge(Seen, new("e2", 1, 0)));

    [Fact]
    public void After_OwnChange_IsWhatTheWriterExpectsBack()
    {
        Assert.Null(SharedVersions.Changed(Seen.After(ReaderChange.Comments), Seen with { Comments = 4 }));
        Assert.Equal(ReaderChange.Articles, SharedVersions.Changed(Seen.After(ReaderChange.Comments), new("e1", 6, 4)));
    }

    [Fact]
    public void Message_RoundTrips()
    {
        Assert.True(SharedVersions.TryParseMessage(Seen.ToMessage("abc"), out var instance, out var versions));
        Assert.Equal("abc", instance);
        Assert.Equal(Seen, versions);
    }

    [Fact]
    public void Message_FromTheScriptWithCountersNotYetSet_ReadsThemAsZero()
    {
        Assert.True(SharedVersions.TryParseMessage("abc|e1|0|", out _, out var versions));
        Assert.Equal(new SharedVersions("e1", 0, 0), versions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc|2")] // the format before versions were shared
    [InlineData("|e1|1|2")]
    [InlineData("abc|e1|x|2")]
    [InlineData("abc|e1|-1|2")]
    [InlineData("abc|e1|1|2|3")]
    public void Message_AnythingElse_IsIgnored(string? text) =>
        Assert.False(SharedVersions.TryParseMessage(text, out _, out _));
}
