namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>The whole story by keyboard: upload a photograph, describe it, write around it, publish, read.</summary>
public sealed class ArticleEditorUploadTests(SiteFixture site)
{
    [Fact]
    public async Task Editor_ByKeyboard_UploadsAPhotoWithAltText_WritesAStoryAroundIt_AndTheReaderGetsPictures()
    {
        var marker = $"kelp{Guid.NewGuid():N}"[..12];
        var photo = Path.Combine(Path.GetTempPath(), $"{marker}.jpg");
        await File.WriteAllBytesAsync(photo, MediaTestImages.Jpeg(2400, 1600), TestContext.Current.CancellationToken);

        try
        {
            await using var context = await site.NewContextAsync();
            var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
            var problems = WatchConsole(page);

            // Listening from the start: Playwright turns on its interception of file choosers when the first listener
            // is added, without waiting for the browser to confirm, so a listener added just before the key press
            // could lose the race and the chooser would open natively (nothing to see headless).
            var chosen = new TaskCompletionSource<IFileChooser>(TaskCreationOptions.RunContinuationsAsynchronously);
            page.FileChooser += (_, opened) => chosen.TrySetResult(opened);

            // The library: the file input opens the file chooser on Space; the upload button sends it with a progress bar.
            await page.GotoAsync("/admin/media");
            await page.FocusAsync("#media-files");
            await Assertions.Expect(page.Locator("#media-files")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Space");
            var chooser = await chosen.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await chooser.SetFilesAsync(photo);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            var line = page.Locator(".upload-list li", new() { HasText = $"{marker}.jpg" });
            await Assertions.Expect(line).ToHaveAttributeAsync("data-result", "uploaded");
            await Assertions.Expect(line.Locator("progress")).ToHaveAttributeAsync("aria-label", $"Uploading {marker}.jpg");
            Assert.Equal(100, await line.Locator("progress").EvaluateAsync<int>("p => p.value"));
            await Assertions.Expect(page.Locator(".upload-summary")).ToHaveTextAsync("1 of 1 uploaded.");
            var item = page.Locator(".media-item", new() { HasText = $"{marker}.jpg" });
            await Assertions.Expect(item).ToContainTextAsync("Needs alt text before it can be used.");

            // Not offered to the editor's picker until it has alt text.
            var before = await page.EvaluateAsync<int>($"fetch('/admin/media/picker?q={marker}').then(r => r.json()).then(j => j.length)");
            Assert.Equal(0, before);

            await item.Locator("a").FocusAsync();
            await page.NavigatesToAsync(() => page.Keyboard.PressAsync("Enter"), url => url.Contains("/admin/media/", StringComparison.Ordinal));
            await page.FocusAsync("#Alt");
            var alt = $"Kelp drying on the {marker} slipway";
            await page.Keyboard.TypeAsync(alt);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#Alt")).ToHaveValueAsync(alt);
            await WaitUntilMediaReadyAsync(site, m => m.DisplayName == $"{marker}.jpg", $"{marker}.jpg");

            // The story: heading, list, link and the photo in the body; the same photo as its hero.
            await page.GotoAsync("/admin/articles/new");
            await page.WaitForSelectorAsync(EditorSelector);
            var headline = $"Kelp harvest {Guid.NewGuid():N}"[..30];
            await page.FocusAsync("#Headline");
            await page.Keyboard.TypeAsync(headline);
            await KeysAsync(page, "Tab", "Tab");
            await page.Keyboard.TypeAsync("The slipway is full again.");
            await KeysAsync(page, "Tab", "Tab");
            await page.Keyboard.TypeAsync("On the slipway");
            await ToolbarButtonAsync(page, "H2 heading");
            await TextHasFocusAsync(page);
            await KeysAsync(page, "End", "Enter");
            await BulletedListAsync(page, "Cut at low tide", "Dried for a week");
            await page.Keyboard.TypeAsync("See the kelp guide");
            await KeysAsync(page, "Control+Shift+ArrowLeft", "Control+Shift+ArrowLeft");
            await ToolbarButtonAsync(page, "Link");
            await page.Keyboard.TypeAsync("https://example.org/kelp");
            await page.Keyboard.PressAsync("Enter");
            await TextHasFocusAsync(page);
            await KeysAsync(page, "End", "Enter");
            await ToolbarButtonAsync(page, "Insert or edit image");
            await PickImageAsync(page, marker);
            await Assertions.Expect(page.Locator(".newsroom-editor-content figure img")).ToHaveAttributeAsync("alt", alt);

            await page.FocusAsync("[data-hero-picker]");
            await page.Keyboard.PressAsync("Enter");
            await PickImageAsync(page, marker);
            await Assertions.Expect(page.Locator("#HeroImageAlt")).ToHaveValueAsync(alt);
            await Assertions.Expect(page.Locator("#HeroImageUrl")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^/media/[0-9a-f]+\\.jpg$"));

            await PublishByKeyboardAsync(page);

            var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;
            await using var readerContext = await site.NewContextAsync();
            var reader = await readerContext.NewPageAsync();
            var readerProblems = WatchConsole(reader);
            await reader.GotoAsync(slug);
            await Assertions.Expect(reader.Locator(".article-body h2")).ToHaveTextAsync("On the slipway");
            await Assertions.Expect(reader.Locator(".article-body ul > li")).ToHaveTextAsync(["Cut at low tide", "Dried for a week"]);
            await Assertions.Expect(reader.Locator(".article-body a[href='https://example.org/kelp']")).ToHaveTextAsync("kelp guide");
            foreach (var where in new[] { "figure.hero", ".article-body figure" })
            {
                var picture = reader.Locator($"{where} picture");
                await Assertions.Expect(picture).ToHaveCountAsync(1);
                await Assertions.Expect(picture.Locator("source[type='image/avif']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(" 480w, .* 1600w$"));
                await Assertions.Expect(picture.Locator("source[type='image/webp']")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(" 480w, .* 1600w$"));
                await Assertions.Expect(picture.Locator("img")).ToHaveAttributeAsync("alt", alt);
            }

            await Assertions.Expect(reader.Locator("figure.hero picture img")).ToHaveAttributeAsync("fetchpriority", "high");
            await reader.WaitForFunctionAsync("() => { const i = document.querySelector('figure.hero picture img'); return i && i.complete && i.naturalWidth > 0; }");
            Assert.Matches("/media/[0-9a-f]+\\.(avif|webp)$", await reader.EvaluateAsync<string>("document.querySelector('figure.hero picture img').currentSrc"));
            Assert.Empty(problems);
            Assert.Empty(readerProblems);
        }
        finally
        {
            File.Delete(photo);
        }
    }
}
