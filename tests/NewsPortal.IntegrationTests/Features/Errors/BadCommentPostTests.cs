namespace NewsPortal.IntegrationTests.Features.Errors;

/// <summary>Malformed and odd comment posts: never a 5xx, no error logged, nothing stored from a malformed one; odd but readable ones stored as read.</summary>
public sealed class BadCommentPostTests(BadInputTestBase.Site site) : BadInputTestBase(site), IClassFixture<BadInputTestBase.Site>
{
    /// <summary>A malformed comment post: the fields the form renders (token, stamp, honeypot) and what a reader typed, sent badly.</summary>
    private static readonly Dictionary<string, Func<List<KeyValuePair<string, string>>, HttpContent>> MalformedComments = new()
    {
        ["2,000 fields"] = f => Form(f, string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"))),
        ["a key over 2,048 characters"] = f => Form(f, $"&{new string('k', 3000)}=v"),
        ["a value over 4 MB"] = f => Form(f, $"&Extra={new string('v', (4 * 1024 * 1024) + 10)}"),
        ["a body over Comments:MaxRequestBytes"] = f => Form(f, $"&Extra={new string('v', 70_000)}"),
        ["the body sent twice"] = f => Form(f, "&Body=A+second+body"),
        ["the name sent twice in another case"] = f => Form(f, "&name=Eve"),
        ["two antiforgery tokens"] = f => Form(f, "&__RequestVerificationToken=forged"),
        ["no antiforgery token"] = f => Form([.. f.Where(p => p.Key != "__RequestVerificationToken")], string.Empty),
        ["a ParentId past int"] = f => Form(With(f, "ParentId", "99999999999999999999"), string.Empty),
        ["a negative ParentId"] = f => Form(With(f, "ParentId", "-1"), string.Empty),
        ["a ParentId that is not a number"] = f => Form(With(f, "ParentId", "1e3"), string.Empty),
        ["a body of control characters only"] = f => Raw(Encoded(With(f, "Body", string.Empty)).Replace("Body=", "Body=%01%02%1B%7F%C2%85", StringComparison.Ordinal)),
        ["a name that is one bidi override"] = f => Form(With(f, "Name", "\u202E"), string.Empty),
        ["CR LF and a header in the email"] = f => Form(With(f, "Email", "ada@example.com\r\nBcc: eve@example.com"), string.Empty),
        ["text/plain"] = f => new StringContent(Encoded(f), Encoding.UTF8, "text/plain"),
        ["JSON"] = f => new StringContent("{\"Name\":\"Ada\",\"Email\":\"ada@example.com\",\"Body\":\"Hello\"}", Encoding.UTF8, "application/json"),
        ["no Content-Type"] = f => new ByteArrayContent(Encoding.ASCII.GetBytes(Encoded(f))),
        ["a Content-Type that does not parse"] = f => WithType(Encoded(f), "application/x-www-form-urlencoded; charset=\"unterminated"),
        ["multipart cut off before its end"] = f => WithType(Multipart(f)[..^40], "multipart/form-data; boundary=cut-boundary"),
        ["multipart without a boundary"] = f => WithType(Multipart(f), "multipart/form-data"),
        ["multipart whose part headers never end"] = f => WithType($"--cut-boundary\r\nContent-Disposition: form-data; name=\"Name\"\r\nX-Filler: {Long}\r\n\r\nAda\r\n" + Multipart(f), "multipart/form-data; boundary=cut-boundary"),
    };

    /// <summary>What each malformed comment post is answered with: 400 (the friendly page) unless named here.</summary>
    private static readonly Dictionary<string, int> MalformedCommentStatus = new()
    {
        ["a value over 4 MB"] = 413,
        ["a body over Comments:MaxRequestBytes"] = 413,
        // Readable forms with a bad field: the form again, with a message.
        ["a ParentId past int"] = 200,
        ["a negative ParentId"] = 200,
        ["a ParentId that is not a number"] = 200,
        ["a body of control characters only"] = 200,
        ["a name that is one bidi override"] = 200,
        ["CR LF and a header in the email"] = 200,
    };

    public static TheoryData<string> MalformedCommentCases => [.. MalformedComments.Keys];

    [Theory]
    [MemberData(nameof(MalformedCommentCases))]
    public async Task CommentPost_Malformed_IsNeverA5xxAndStoresNothing(string malformation)
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        using var content = MalformedComments[malformation](fields);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), content);

        AssertNo5xx(response, malformation);
        Assert.Equal(MalformedCommentStatus.GetValueOrDefault(malformation, 400), (int)response.StatusCode);
        Assert.Equal(0, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task CommentPost_WellFormed_IsStored()
    {
        // The corpus's baseline: the same fields, sent properly, are a comment (so each refusal above is the malformation's).
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Form(fields, string.Empty));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    public static TheoryData<string, string> OddButReadableComments => new()
    {
        { "bad percent-encoding", "Body=100%zz+and+50%" },
        { "overlong UTF-8", "Body=%C0%AE%C0%AE+dots" },
        { "a charset the page never uses", "charset=utf-7" },
    };

    /// <summary>Bad in the small but readable: taken as written (invalid bytes become U+FFFD), never a 5xx.</summary>
    [Theory]
    [MemberData(nameof(OddButReadableComments))]
    public async Task CommentPost_OddButReadable_IsStoredAsRead(string oddity, string how)
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        using var content = how.StartsWith("charset=", StringComparison.Ordinal)
            ? WithType(Encoded(fields), $"{FormType}; {how}")
            : Raw(Encoded(With(fields, "Body", string.Empty)).Replace("Body=", how, StringComparison.Ordinal));

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), content);

        AssertNo5xx(response, oddity);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task CommentPost_NulAndControlCharactersInEveryField_AreRemovedAndTheCommentIsStored()
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        var body = Encoded(fields)
            .Replace("Name=Ada+Lovelace", "Name=Ada%00+Love%01lace", StringComparison.Ordinal)
            .Replace("Email=ada%40example.com", "Email=ada%00%40example.com%1F", StringComparison.Ordinal)
            .Replace("Body=A+thoughtful+comment.", "Body=A+thought%00ful%07+comment.%00", StringComparison.Ordinal)
            .Replace("ParentId=", "ParentId=%00", StringComparison.Ordinal)
            .Replace("Website=", "Website=%00", StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(body));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal("Ada Lovelace", stored.AuthorName);
        Assert.Equal("ada@example.com", stored.AuthorEmail);
        Assert.Equal("<p>A thoughtful comment.</p>", stored.BodyHtml);
        Assert.Null(stored.ParentId);
        Assert.Equal(Web.Domain.CommentStatus.Pending, stored.Status);
    }

    [Fact]
    public async Task CommentPost_OverTheRateLimitWithAnUnreadableBody_GetsTheFriendly429()
    {
        using var limited = new NewsPortalFactory();
        limited.Settings["Comments:PostsPerMinutePerIp"] = "1";
        var slug = (await limited.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = limited.CreateNoRedirectClient();
        var unreadable = "Name=Ada&Body=%00" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"));

        await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(unreadable));
        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(unreadable));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Too many requests", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }
}
