namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>The entries of an export, each read from its element: authors, terms, and items with their comments.</summary>
public sealed partial class WxrReader
{
    private WxrAuthor ReadAuthor()
    {
        string login = string.Empty, display = string.Empty;
        foreach (var (name, value) in Children())
        {
            switch (name)
            {
                case "author_login":
                    login = value;
                    break;
                case "author_display_name":
                    display = value;
                    break;
            }
        }

        return new WxrAuthor(login.Trim(), string.IsNullOrWhiteSpace(display) ? login.Trim() : display.Trim());
    }

    private WxrTerm ReadTerm(WxrTaxonomy taxonomy)
    {
        string slug = string.Empty, name = string.Empty;
        string? parent = null;
        foreach (var (key, value) in Children())
        {
            switch (key)
            {
                case "category_nicename" or "tag_slug":
                    slug = value.Trim();
                    break;
                case "cat_name" or "tag_name":
                    name = value.Trim();
                    break;
                case "category_parent":
                    parent = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                    break;
            }
        }

        return new WxrTerm(taxonomy, slug, name, parent);
    }

    /// <summary>An item's simple WordPress children (<c>wp:…</c>), each with the field its text goes to.</summary>
    private static readonly Dictionary<string, Action<WxrItem, string>> ItemFields = new(StringComparer.Ordinal)
    {
        ["post_id"] = (item, text) => item.Id = Number(text),
        ["post_date"] = (item, text) => item.PostDate = text,
        ["post_date_gmt"] = (item, text) => item.PostDateGmt = text,
        ["post_modified_gmt"] = (item, text) => item.ModifiedGmt = text,
        ["comment_status"] = (item, text) => item.CommentStatus = text.Trim(),
        ["post_name"] = (item, text) => item.PostName = text.Trim(),
        ["status"] = (item, text) => item.Status = text.Trim(),
        ["post_type"] = (item, text) => item.PostType = text.Trim(),
        ["post_parent"] = (item, text) => item.PostParent = Number(text),
        ["attachment_url"] = (item, text) => item.AttachmentUrl = text.Trim(),
    };

    private WxrItem ReadItem()
    {
        var item = new WxrItem { Line = LineInfo.Line };
        ForEachChild(() =>
        {
            var ns = _xml.NamespaceURI;
            var isWp = ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal);
            switch (_xml.LocalName)
            {
                case "title" when ns.Length == 0:
                    item.Title = Text();
                    break;
                case "link" when ns.Length == 0:
                    item.Link = Text().Trim();
                    break;
                case "creator" when ns == DublinCoreNamespace:
                    item.Creator = Text().Trim();
                    break;
                case "encoded" when ns == ContentNamespace:
                    item.Content = Text();
                    break;
                case "encoded" when ns.StartsWith(ExcerptNamespacePrefix, StringComparison.Ordinal):
                    item.Excerpt = Text();
                    break;
                case "category" when ns.Length == 0:
                    var domain = _xml.GetAttribute("domain");
                    var nicename = _xml.GetAttribute("nicename") ?? string.Empty;
                    var termName = Text().Trim();
                    if (domain is "category" or "post_tag")
                    {
                        item.Terms.Add(new WxrItemTerm(domain == "category" ? WxrTaxonomy.Category : WxrTaxonomy.Tag, nicename.Trim(), termName));
                    }

                    break;
                case var localName when isWp && ItemFields.TryGetValue(localName, out var field):
                    field(item, Text());
                    break;
                case "postmeta" when isWp:
                    string? key = null, value = null;
                    foreach (var (name, text) in Children())
                    {
                        if (name == "meta_key")
                        {
                            key = text;
                        }
                        else if (name == "meta_value")
                        {
                            value = text;
                        }
                    }

                    if (key is not null)
                    {
                        item.Meta[key] = value ?? string.Empty;
                    }

                    break;
                case "comment" when isWp:
                    item.Comments.Add(ReadComment());
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        });
        return item;
    }

    /// <summary>A comment's simple children, each with the field its text goes to; anything else (its meta) is skipped.</summary>
    private static readonly Dictionary<string, Action<WxrComment, string>> CommentFields = new(StringComparer.Ordinal)
    {
        ["comment_id"] = (comment, text) => comment.Id = Number(text),
        ["comment_author"] = (comment, text) => comment.Author = text,
        ["comment_author_email"] = (comment, text) => comment.Email = text.Trim(),
        ["comment_author_IP"] = (comment, text) => comment.Ip = text.Trim(),
        ["comment_date"] = (comment, text) => comment.Date = text,
        ["comment_date_gmt"] = (comment, text) => comment.DateGmt = text,
        ["comment_content"] = (comment, text) => comment.Content = text,
        ["comment_approved"] = (comment, text) => comment.Approved = text.Trim(),
        ["comment_type"] = (comment, text) => comment.Type = text.Trim(),
        ["comment_parent"] = (comment, text) => comment.Parent = Number(text),
    };

    private WxrComment ReadComment()
    {
        var comment = new WxrComment();
        ForEachChild(() =>
        {
            if (CommentFields.TryGetValue(_xml.LocalName, out var field))
            {
                field(comment, Text());
            }
            else
            {
                _xml.Skip();
            }
        });
        return comment;
    }
}
