namespace NewsPortal.UnitTests.Features.Shared;

public sealed class EditStampTests
{
    [Fact]
    public void Of_SameValues_IsTheSameShortStamp()
    {
        var stamp = EditStamp.Of("Sport", "sport", null, false);

        Assert.Equal(stamp, EditStamp.Of("Sport", "sport", null, false));
        Assert.Matches("^[0-9A-F]{16}$", stamp);
    }

    [Theory]
    [InlineData("Sports", "sport", null, false)]
    [InlineData("Sport", "sports", null, false)]
    [InlineData("Sport", "sport", "Results", false)]
    [InlineData("Sport", "sport", null, true)]
    public void Of_AnyValueChanged_IsAnotherStamp(string name, string slug, string? description, bool hidden) =>
        Assert.NotEqual(EditStamp.Of("Sport", "sport", null, false), EditStamp.Of(name, slug, description, hidden));
}
