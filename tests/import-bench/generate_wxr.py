#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of POSTS posts with COMMENTS comments in all, streamed to stdout or a file.

Usage: generate_wxr.py POSTS COMMENTS OUT.xml
Comments are spread evenly; every fourth is a reply to an earlier one of the same post (some written before their
parent), one in fifty is pending, one in two hundred a pingback. Classic paragraphs, a caption and a shortcode in
every tenth post. Nothing is held in memory beyond one post.
"""
import sys

posts, comments, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
per_post, extra = divmod(comments, posts)
head = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Gazette</title><link>https://bench.example.com</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example.com</wp:base_site_url><wp:base_blog_url>https://bench.example.com</wp:base_blog_url>
"""
with open(out, "w", encoding="utf-8", buffering=1 << 20) as f:
    f.write(head)
    for a in range(20):
        f.write(f"<wp:author><wp:author_login><![CDATA[writer{a}]]></wp:author_login><wp:author_display_name><![CDATA[Writer {a}]]></wp:author_display_name></wp:author>\n")
    for c in range(12):
        f.write(f"<wp:category><wp:category_nicename><![CDATA[section-{c}]]></wp:category_nicename><wp:cat_name><![CDATA[Section {c}]]></wp:cat_name></wp:category>\n")
    comment_id = 1
    for p in range(1, posts + 1):
        day = 1 + p % 28
        body = "First paragraph of story %d.\nA second line.\n\nSecond paragraph with <em>emphasis</em>." % p
        if p % 10 == 0:
            body += '\n\n[caption id="attachment_1" width="300"]<img src="/media/none.jpg" alt="x" /> A caption[/caption]\n\n[su_note]Note[/su_note]'
        f.write(f"""<item><title><![CDATA[Story number {p}]]></title><link>https://bench.example.com/2024/05/{day:02d}/story-{p}/</link>
<dc:creator><![CDATA[writer{p % 20}]]></dc:creator><content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{p}</wp:post_id><wp:post_date><![CDATA[2024-05-{day:02d} 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-{day:02d} 09:00:00]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[story-{p}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="section-{p % 12}"><![CDATA[Section {p % 12}]]></category>
""")
        n = per_post + (1 if p <= extra else 0)
        first = comment_id
        for i in range(n):
            cid = comment_id + i
            parent = first + (i // 2) if i % 4 == 3 else 0
            if i % 8 == 3 and i + 1 < n:
                parent = cid + 1  # a reply written before its parent
            approved = "0" if cid % 50 == 0 else "1"
            ctype = "pingback" if cid % 200 == 0 else ""
            f.write(f"""<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author><![CDATA[Reader {cid % 977}]]></wp:comment_author><wp:comment_author_email><![CDATA[reader{cid % 977}@example.net]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[198.51.100.{cid % 250}]]></wp:comment_author_IP><wp:comment_date><![CDATA[2024-05-{day:02d} 11:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2024-05-{day:02d} 10:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Comment {cid} on story {p}. I think this is right.

Second paragraph of the comment.]]></wp:comment_content><wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved><wp:comment_type><![CDATA[{ctype}]]></wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>
""")
        comment_id += n
        f.write("</item>\n")
    f.write("</channel>\n</rss>\n")
