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
                case "post_id" when isWp:
                    item.Id = Number(Text());
                    break;
                case "post_date" when isWp:
                    item.PostDate = Text();
                    break;
                case "post_date_gmt" when isWp:
                    item.PostDateGmt = Text();
                    break;
                case "post_modified_gmt" when isWp:
                    item.ModifiedGmt = Text();
                    break;
                case "comment_status" when isWp:
                    item.CommentStatus = Text().Trim();
                    break;
                case "post_name" when isWp:
                    item.PostName = Text().Trim();
                    break;
                case "status" when isWp:
                    item.Status = Text().Trim();
                    break;
                case "post_type" when isWp:
                    item.PostType = Text().Trim();
                    break;
                case "post_parent" when isWp:
                    item.PostParent = Number(Text());
                    break;
                case "attachment_url" when isWp:
                    item.AttachmentUrl = Text().Trim();
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

    private WxrComment ReadComment()
    {
        var comment = new WxrComment();
        ForEachChild(() =>
        {
            switch (_xml.LocalName)
            {
                case "comment_id":
                    comment.Id = Number(Text());
                    break;
                case "comment_author":
                    comment.Author = Text();
                    break;
                case "comment_author_email":
                    comment.Email = Text().Trim();
                    break;
                case "comment_author_IP":
                    comment.Ip = Text().Trim();
                    break;
                case "comment_date":
                    comment.Date = Text();
                    break;
                case "comment_date_gmt":
                    comment.DateGmt = Text();
                    break;
                case "comment_content":
                    comment.Content = Text();
                    break;
                case "comment_approved":
                    comment.Approved = Text().Trim();
                    break;
                case "comment_type":
                    comment.Type = Text().Trim();
                    break;
                case "comment_parent":
                    comment.Parent = Number(Text());
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        });
        return comment;
    }
}
