namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// The content of a message as blocks of plain text, rendered once into a text part and an HTML part. Callers pass
/// text exactly as a person wrote it (names, comment text, reasons): the HTML rendering encodes every piece, so
/// nothing user-written can become markup. Links take a site path (<c>/news/a-story#comment-5</c>) or an absolute
/// URL; paths are made absolute on the site's public address when the message is queued.
/// </summary>
public sealed class MailBody
{
    private readonly List<Block> _blocks = [];

    /// <summary>A paragraph of text; line breaks are kept.</summary>
    public MailBody Paragraph(string text)
    {
        _blocks.Add(new Block(BlockKind.Paragraph, text, null));
        return this;
    }

    /// <summary>Text someone else wrote (a comment, an explanation), set off as a quotation.</summary>
    public MailBody Quote(string text)
    {
        _blocks.Add(new Block(BlockKind.Quote, text, null));
        return this;
    }

    /// <summary>A labelled value on one line, e.g. "Reason: contains a link".</summary>
    public MailBody Field(string label, string value)
    {
        _blocks.Add(new Block(BlockKind.Field, label, value));
        return this;
    }

    /// <summary>A link on a line of its own: the label, then the address.</summary>
    public MailBody Link(string label, string pathOrUrl)
    {
        _blocks.Add(new Block(BlockKind.Link, label, pathOrUrl));
        return this;
    }

    /// <summary>A line between groups (e.g. between the comments of a digest).</summary>
    public MailBody Separator()
    {
        _blocks.Add(new Block(BlockKind.Separator, string.Empty, null));
        return this;
    }

    internal bool IsEmpty => _blocks.Count == 0;

    internal string RenderText(Func<string, string> absolute)
    {
        var text = new StringBuilder();
        foreach (var block in _blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Paragraph:
                    text.Append(block.Text).Append("\n\n");
                    break;
                case BlockKind.Quote:
                    foreach (var line in block.Text.Split('\n'))
                    {
                        text.Append("> ").Append(line).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case BlockKind.Field:
                    text.Append(block.Text).Append(": ").Append(block.Value).Append('\n');
                    break;
                case BlockKind.Link:
                    text.Append(block.Text).Append(":\n").Append(absolute(block.Value!)).Append("\n\n");
                    break;
                case BlockKind.Separator:
                    text.Append("----\n\n");
                    break;
            }
        }

        return text.ToString();
    }

    internal string RenderHtml(Func<string, string> absolute)
    {
        var html = new StringBuilder();
        foreach (var block in _blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Paragraph:
                    html.Append("<p>").Append(Encode(block.Text)).Append("</p>\n");
                    break;
                case BlockKind.Quote:
                    html.Append("<blockquote style=\"margin:0 0 1em;padding:0 0 0 1em;border-left:3px solid #ccc;color:#333\">")
                        .Append(Encode(block.Text)).Append("</blockquote>\n");
                    break;
                case BlockKind.Field:
                    html.Append("<p style=\"margin:0 0 .25em\"><strong>").Append(Encode(block.Text)).Append(":</strong> ")
                        .Append(Encode(block.Value!)).Append("</p>\n");
                    break;
                case BlockKind.Link:
                    html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(absolute(block.Value!))).Append("\">")
                        .Append(Encode(block.Text)).Append("</a></p>\n");
                    break;
                case BlockKind.Separator:
                    html.Append("<hr>\n");
                    break;
            }
        }

        return html.ToString();
    }

    /// <summary>HTML-encoded, with line breaks as &lt;br&gt;.</summary>
    internal static string Encode(string text) =>
        WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal);

    private enum BlockKind
    {
        Paragraph,
        Quote,
        Field,
        Link,
        Separator,
    }

    private sealed record Block(BlockKind Kind, string Text, string? Value);
}
