namespace NewsPortal.UnitTests.Domain;

public sealed class FieldLengthsTests
{
    [Fact]
    public void Clip_TextThatFits_IsUnchanged() =>
        Assert.Equal("Dismissed 2 reports", FieldLengths.Clip("Dismissed 2 reports", 19));

    [Fact]
    public void Clip_LongerText_FillsTheColumnEndingInAnEllipsis()
    {
        var clipped = FieldLengths.Clip("Hidden after 3 reports: defamation", 20);

        Assert.Equal(20, clipped.Length);
        Assert.Equal("Hidden after 3 repo…", clipped);
    }
}
