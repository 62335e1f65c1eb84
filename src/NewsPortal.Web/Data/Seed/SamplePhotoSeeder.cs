using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// Gives freshly seeded sample content real photographs, through the media pipeline an upload takes (content check,
/// metadata stripped, variants made): the newest articles get them as heroes, and the newest also three in its body,
/// so the article page carries the weight of a photo story. Run once, right after the sample articles are added;
/// the variants are made here, not in the background, because the articles must name them.
/// </summary>
public sealed class SamplePhotoSeeder(NewsDbContext db, ImageIntake intake, IMediaStore store, MediaProcessor processor, ArticleSanitizer sanitizer, TimeProvider time)
{
    /// <summary>Photographs in the newest article's body, after its hero.</summary>
    public const int InlinePhotos = 3;


    /// <returns>How many photographs were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var items = new List<MediaItem>();
        for (var i = 0; i < SamplePhotos.Count; i++)
        {
            var accepted = intake.Accept(SamplePhotos.Make(i));
            if (accepted.Refusal is not null)
            {
                throw new InvalidOperationException($"Sample photograph {i} was refused: {accepted.Refusal}");
            }

            await store.WriteOriginalAsync(accepted.OriginalName, accepted.Original, cancellationToken);
            var item = new MediaItem
            {
                OriginalName = accepted.OriginalName,
                DisplayName = $"sample-photo-{i + 1}.jpg",
                SourceFormat = accepted.SourceFormat,
                Width = accepted.Width,
                Height = accepted.Height,
                Bytes = accepted.Original.Length,
                Alt = SamplePhotos.Description(i),
                Caption = "Generated for the sample site.",
                Credit = "NewsPortal sample",
                State = MediaState.Processing,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            items.Add(item);
            db.MediaItems.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
        await processor.RunOnceAsync(cancellationToken);

        var ids = items.Select(m => m.Id).ToList();
        var variants = (await db.MediaVariants.AsNoTracking().Where(v => ids.Contains(v.MediaItemId)).ToListAsync(cancellationToken)).ToLookup(v => v.MediaItemId);
        var images = items.Select(m => (Item: m, Image: ResponsiveImages.Of([.. variants[m.Id]]))).Where(x => x.Image is not null).ToList();
        var leads = images.Count <= InlinePhotos ? images.Count : images.Count - InlinePhotos;
        var articles = await db.Articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(leads).ToListAsync(cancellationToken);
        for (var i = 0; i < articles.Count; i++)
        {
            var (item, image) = images[i];
            articles[i].HeroImageUrl = image!.Fallback.Url;
            articles[i].HeroImageAlt = item.Alt;
            articles[i].HeroImageCaption = $"{item.Caption} {item.Credit}";
        }

        if (articles.Count > 0 && images.Count >= leads + InlinePhotos)
        {
            var story = articles[0];
            var paragraphs = story.BodyHtml.Split("</p>", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p + "</p>").ToList();
            var body = new List<string>();
            var inline = images.Skip(leads).Take(InlinePhotos).ToList();
            for (var p = 0; p < Math.Max(paragraphs.Count, inline.Count); p++)
            {
                if (p < paragraphs.Count)
                {
                    body.Add(paragraphs[p]);
                }

                if (p < inline.Count)
                {
                    var (item, image) = inline[p];
                    body.Add($"<figure><img src=\"{image!.Fallback.Url}\" alt=\"{WebUtility.HtmlEncode(item.Alt)}\" width=\"{image.Fallback.Width}\" height=\"{image.Fallback.Height}\">"
                        + $"<figcaption>{WebUtility.HtmlEncode(item.Caption)} <small>{WebUtility.HtmlEncode(item.Credit)}</small></figcaption></figure>");
                }
            }

            story.BodyHtml = sanitizer.Sanitize(string.Join("\n", body));
        }

        await db.SaveChangesAsync(cancellationToken);
        return images.Count;
    }
}
