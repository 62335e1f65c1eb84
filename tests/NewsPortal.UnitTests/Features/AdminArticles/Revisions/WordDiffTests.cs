namespace NewsPortal.UnitTests.Features.AdminArticles.Revisions;

public sealed class WordDiffTests
{
    private static string Render(IEnumerable<DiffSegment> segments) => string.Concat(segments.Select(s => s switch
    {
        { IsBreak: true } => "|",
        { Kind: DiffKind.Inserted } => $"[+{s.Text}]",
        { Kind: DiffKind.Deleted } => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Fact]
    public void Text_ReplacedWords_ReadAsOneDeletionAndOneInsertion()
    {
        Assert.Equal("Council [-votes on][+narrowly backs] harbour plan", Render(WordDiff.Text("Council votes on harbour plan", "Council narrowly backs harbour plan")));
    }

    [Fact]
    public void Text_Unchanged_HasNoChanges()
    {
        var segments = WordDiff.Text("Same words", "Same words");
        Assert.False(WordDiff.HasChanges(segments));
        Assert.Equal("Same words", Render(segments));
    }

    [Fact]
    public void Html_UnchangedMarkupIsHidden_ChangedMarkupIsShownAsWritten_BlocksBreakLines()
    {
        var segments = WordDiff.Html("<p>The council voted.</p><p>Second &amp; last.</p>", "<p>The council <strong>narrowly</strong> voted.</p><p>Second &amp; last.</p>");
        Assert.Equal("The council [+<strong>][+narrowly][+</strong>][+ ]voted.|Second & last.|", Render(segments));
        Assert.True(segments.Single(s => s.Text == "<strong>").IsMarkup);
        Assert.False(segments.Single(s => s.Text == "narrowly").IsMarkup);
    }

    [Fact]
    public void Snapshot_ChangedFrom_NamesEachChangedFieldInOrder_AndAllForANewStory()
    {
        var before = new ArticleSnapshot("H", "S", "<p>B</p>", 1, 1, "4,5", null, null, null, ArticleStatus.Draft);
        var after = before with { Headline = "H2", HeroImageAlt = "alt", Status = ArticleStatus.Published, AuthorId = 2 };
        Assert.Equal([RevisionFields.Headline, RevisionFields.Byline, RevisionFields.HeroImage, RevisionFields.Status], after.ChangedFrom(before));
        Assert.Empty(before.ChangedFrom(before));
        Assert.Equal(RevisionFields.All, after.ChangedFrom(null));
        Assert.Equal([RevisionFields.Byline], (before with { CoAuthorIds = "5,4" }).ChangedFrom(before));
    }
}
