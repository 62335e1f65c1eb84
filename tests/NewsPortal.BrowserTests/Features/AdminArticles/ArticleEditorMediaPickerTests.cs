namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>The media library's picker in the editor, and what the reader is then served.</summary>
public sealed class ArticleEditorMediaPickerTests(SiteFixture site)
{
    [Fact]
    public async Task Editor_PicksALibraryImageByKeyboard_AndTheReaderGetsAPictureWithAvifAndWebP()
    {
        var marker = $"gull{Guid.NewGuid():N}"[..12];
        var alt = $"A {marker} over the harbour wall";
        await LibraryImageAsync(alt, "Gulls at the wall", "Photo: Jane Doe");

        await using var context = await site.NewContextAsync();
        var (page, problems) = await OpenAsync(context, "/admin/articles/new");
        var headline = $"Gulls return {Guid.NewGuid():N}"[..30];
        await page.FillAsync("#Headline", headline);
        await page.FillAsync("#Standfirst", "The birds are back on the wall.");
        await page.FocusAsync(EditorSelector);
        await page.Keyboard.TypeAsync("Before the picture.");

        await ToolbarButtonAsync(page, "Insert or edit image");
        await Assertions.Expect(page.Locator("dialog[open] h2")).ToHaveTextAsync("Insert image");
        await Assertions.Expect(page.Locator("dialog[open] input[type=search]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(marker);
        var choice = page.Locator("dialog[open] .newsroom-picker-item");
        await Assertions.Expect(choice).ToHaveCountAsync(1);
        await Assertions.Expect(choice).ToContainTextAsync(alt);
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(choice).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".newsroom-editor-content figure img")).ToHaveAttributeAsync("alt", alt);

        await PublishByKeyboardAsync(page);

        var stored = await StoredBodyAsync(site, headline);
        Assert.Matches($"^<p>Before the picture\\.</p><figure><img src=\"/media/[0-9a-f]+\\.jpg\" alt=\"{alt}\" width=\"1200\" height=\"750\"><figcaption>Gulls at the wall <small>Photo: Jane Doe</small></figcaption></figure>$", stored);

        var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;
        await using var readerContext = await site.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        var readerProblems = WatchConsole(reader);
        await reader.GotoAsync(slug);
        var picture = reader.Locator(".article-body figure picture");
        await Assertions.Expect(picture).ToHaveCountAsync(1);
        foreach (var format in new[] { "avif", "webp" })
        {
            var srcset = await picture.Locator($"source[type='image/{format}']").GetAttributeAsync("srcset") ?? string.Empty;
            Assert.Equal(4, srcset.Split(", ").Count(s => s.StartsWith("/media/", StringComparison.Ordinal) && s.EndsWith($".{format} {s.Split(' ')[1]}", StringComparison.Ordinal)));
            Assert.Contains(" 480w", srcset, StringComparison.Ordinal);
            Assert.Contains(" 1600w", srcset, StringComparison.Ordinal);
        }

        var img = picture.Locator("img");
        await Assertions.Expect(img).ToHaveAttributeAsync("loading", "lazy");
        await Assertions.Expect(img).ToHaveAttributeAsync("width", "1200");
        await img.ScrollIntoViewIfNeededAsync();
        // The browser chose and decoded one of the sources (the site's CSP let it load).
        await reader.WaitForFunctionAsync("() => { const i = document.querySelector('.article-body picture img'); return i && i.complete && i.naturalWidth > 0; }");
        var chosen = await reader.EvaluateAsync<string>("document.querySelector('.article-body picture img').currentSrc");
        Assert.Matches("/media/[0-9a-f]+\\.(avif|webp)$", chosen);
        Assert.Empty(problems);
        Assert.Empty(readerProblems);
    }

    /// <summary>
    /// An image in the library as an upload leaves it (the original stored, the row processing) with its alt text,
    /// caption and credit; the site's own job makes the variants, and this waits for it, bounded.
    /// </summary>
    private async Task LibraryImageAsync(string alt, string caption, string credit)
    {
        var jpeg = MediaTestImages.Jpeg(1600, 1000);
        int id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ImageIntake>().Accept(jpeg);
            Assert.Null(intake.Refusal);
            await scope.ServiceProvider.GetRequiredService<IMediaStore>().WriteOriginalAsync(intake.OriginalName, intake.Original, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var item = new MediaItem
            {
                OriginalName = intake.OriginalName,
                DisplayName = "gulls.jpg",
                SourceFormat = intake.SourceFormat,
                Width = intake.Width,
                Height = intake.Height,
                Bytes = intake.Original.Length,
                Alt = alt,
                Caption = caption,
                Credit = credit,
                State = MediaState.Processing,
                CreatedAt = DateTime.UtcNow,
            };
            db.MediaItems.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
            scope.ServiceProvider.GetRequiredService<MediaWorkSignal>().Raise();
        }

        await WaitUntilMediaReadyAsync(site, m => m.Id == id, "The library image");
    }
}
