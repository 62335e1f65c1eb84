namespace NewsPortal.UnitTests.Features.Comments;

public sealed class AvatarTests
{
    [Theory]
    [InlineData("Harriet Lowe", "HL")]
    [InlineData("harriet", "H")]
    [InlineData("Jean-Luc de la Tour", "JT")]
    [InlineData("Émile Zola", "ÉZ")]
    [InlineData("   ", "?")]
    public void Initials_Name_TakesFirstAndLastWord(string name, string expected) =>
        Assert.Equal(expected, Avatar.Initials(name));

    [Fact]
    public void Colour_SameName_IsStableAndInRange()
    {
        var colour = Avatar.Colour("Harriet Lowe");

        Assert.Equal(colour, Avatar.Colour("HARRIET LOWE"));
        Assert.InRange(colour, 0, Avatar.Colours - 1);
        Assert.True(Enumerable.Range(0, 200).Select(i => Avatar.Colour($"Reader {i}")).Distinct().Count() > 6);
    }
}
