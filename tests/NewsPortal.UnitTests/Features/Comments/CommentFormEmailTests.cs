namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The e-mail fields of the reader forms: an address they accept is one the mailer can write to.</summary>
public sealed class CommentFormEmailTests
{
    private static List<ValidationResult> Errors(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.Where(r => r.MemberNames.Contains("Email")).ToList();
    }

    private static CommentForm Comment(string email) => new() { Name = "Ann", Email = email, Body = "Hello." };

    private static CommentReportForm Report(string email) => new() { Reason = "spam", Email = email };

    [Theory]
    [InlineData("\"><svg/onload=alert(107)>@a.bc")]
    [InlineData("x<bob@evil.example>")]
    [InlineData("a(comment)@b.cc")]
    [InlineData("a\"b@c.de")]
    [InlineData("a,b@c.de")]
    [InlineData("a@b[c].de")]
    public void Email_ThatTheMailerCannotReadAsItself_IsRefusedWithTheFieldsMessage(string email)
    {
        Assert.Equal("You have entered an incorrect email address!", Assert.Single(Errors(Comment(email))).ErrorMessage);
        Assert.Equal("You have entered an incorrect email address!", Assert.Single(Errors(Report(email))).ErrorMessage);
        Assert.False(MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email && string.IsNullOrEmpty(parsed.Name));
    }

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("Ann.Lee+news@Example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("ann@bücher.example")]
    public void Email_OrdinaryAddress_IsAccepted_AndTheMailerReadsIt(string email)
    {
        Assert.Empty(Errors(Comment(email)));
        Assert.Empty(Errors(Report(email)));
        Assert.NotNull(new MailboxAddress(string.Empty, email));
    }

    [Fact]
    public void Email_LeftEmptyOnTheReportForm_IsFine()
    {
        Assert.Empty(Errors(Report(string.Empty)));
        Assert.Empty(Errors(new CommentReportForm { Reason = "spam" }));
    }
}
