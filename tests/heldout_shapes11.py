"""test11: its seeded draw over every shape so far, and its new shape: a release as a wire's RSS or Atom feed item.

``feed-item`` is built mechanically from an archive file, like the shapes of ``heldout_shapes``; see that module. A
wire's or a newsroom's feed as a reader or a crawler saves it, one item: RSS 2.0 (channel title, link and build date;
the item's title, link, guid, an RFC 822 ``pubDate``, ``dc:creator``, categories, a short ``description`` of escaped
HTML and the whole release as HTML in ``content:encoded``'s CDATA) or Atom (the feed's title, id and updated; the
entry's escaped-HTML title, link, id, ``published`` and a later ``updated``, the wire as author, an escaped-HTML
``summary`` and the release as escaped HTML ``content``), by the path's hash.

    .venv/bin/python tests/heldout_shapes11.py OUT_DIR [CORPUS_DIR]   # test11's 48 shaped files, paths printed
"""

from __future__ import annotations

import html
import random
import re
import sys
import zlib
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import heldout_shapes as shapes
import heldout_shapes9 as shapes9
import heldout_shapes10 as shapes10

LABELS11 = shapes.DATA / "heldout11_labels.jsonl"
SEED11 = 20270105
JSON_DRAWS11 = 16
MARKDOWN_DRAWS11 = 32
# test11: every shape so far twice (32) and the feed item (new) eight times a cycle (16): a third of the set is a
# shape no rule was written for.
SHAPES11 = ("feed-item", "pdf-text", "edgar-submission", "front-matter", "feed-item", "edgar-exhibit", "docx-text",
            "pdf-columns", "feed-item", "edgar-letterhead", "email-text", "edgar-tables", "feed-item", "portal-repost",
            "pdf-pages", "edgar-workiva", "feed-item", "front-matter-toml", "wire-page", "feed-item", "edgar-text",
            "as-is", "feed-item", "feed-item")  # fmt: skip
# test11 was drawn beside every label file of tests/data at the time, test10's and the ninth blind issuer set among them.
DRAWN_BESIDE11 = (*shapes10.DRAWN_BESIDE10, "heldout10_labels.jsonl", "issuer_labels_blind9.jsonl")
# Files the issuer round drawing its tenth blind set at the same time took (its list, /work/briefs/s16/blind10_files.txt,
# read before labelling), and the earlier blind sets' lists: test11 passes over them to the generator's next file. Only
# those test11's order would otherwise have reached are listed.
PASSED_OVER11: tuple[str, ...] = ()

_CATEGORIES = ("Business", "Technology", "Health", "Finance", "Consumer")


def draw11(corpus: Path | dict[str, set[str]], passed_over: tuple[str, ...] = PASSED_OVER11) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test11: each archive's unlabelled files in a seeded order, the first
    ones not passed over (another set's at the same time), shuffled and dealt over SHAPES11."""
    labelled = shapes.labelled_paths(DRAWN_BESIDE11)
    rng = random.Random(SEED11)
    picked: list[str] = []
    for archive, suffix, wanted in (
        ("nasdaq100-2019", ".json", JSON_DRAWS11),
        ("newsworthy-archive-2023-2026", ".md", MARKDOWN_DRAWS11),
    ):
        members = shapes._members(corpus, archive, suffix, labelled)
        picked += [p for p in rng.sample(members, len(members)) if p not in passed_over][:wanted]
    rng.shuffle(picked)
    return [(path, SHAPES11[i % len(SHAPES11)]) for i, path in enumerate(picked)]


def _when(date: str) -> datetime:
    """The release's time; a day alone is taken as 8 a.m. Eastern, when wires send most releases."""
    stamp = date if "T" in date else f"{date}T08:00:00-05:00"
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.fromisoformat("2024-01-02T08:00:00-05:00")


def _summary(body: str) -> str:
    """The feed's short description: the body's first words, markup dropped, cut at a word."""
    text = re.sub(r"\s+", " ", re.sub(r"[*#|]|\[([^\]]*)\]\([^)]*\)", r"\1", body)).strip()
    return text if len(text) <= 300 else text[:300].rsplit(" ", 1)[0] + " ..."


def feed_item(path: str, raw: str) -> str:
    """The release as the one item of a wire's RSS 2.0 or Atom feed, its HTML in CDATA or escaped, by the path's hash."""
    parts = shapes._parts(path, raw)
    site = shapes9._site(path, parts["body"])
    crc = zlib.crc32(path.encode())
    when = _when(parts["date"])
    slug = re.sub(r"[^a-z0-9]+", "-", parts["title"].lower()).strip("-")[:90]
    url = f"https://www.example-wire.com/news-releases/{slug}-{crc % 10**9}.html"
    lead = [f"<p><em>{html.escape(parts['lead'], quote=False)}</em></p>"] if parts["lead"] else []
    content = "\n".join([*lead, *shapes9._body(parts["body"])])
    summary = f"<p>{html.escape(_summary(parts['body']), quote=False)}</p>"
    category = _CATEGORIES[crc % len(_CATEGORIES)]
    if crc % 2:
        return (
            "\n".join(
                [
                    '<?xml version="1.0" encoding="utf-8"?>',
                    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">',
                    f"<title>{html.escape(site)} - Latest News Releases</title>",
                    f"<id>tag:example-wire.com,2005:/feeds/{category.lower()}</id>",
                    f"<updated>{(when + timedelta(hours=1)).isoformat()}</updated>",
                    f'<link rel="self" type="application/atom+xml" href="https://www.example-wire.com/feeds/{category.lower()}.atom"/>',
                    '<link rel="alternate" type="text/html" href="https://www.example-wire.com/"/>',
                    "<entry>",
                    f'<title type="html">{html.escape(html.escape(parts["title"], quote=False), quote=False)}</title>',
                    f'<link rel="alternate" type="text/html" href="{url}"/>',
                    f"<id>tag:example-wire.com,{when:%Y-%m-%d}:{crc % 10**9}</id>",
                    f"<published>{when.isoformat()}</published>",
                    f"<updated>{(when + timedelta(days=1)).isoformat()}</updated>",
                    f"<author><name>{html.escape(site)}</name></author>",
                    f'<category term="{category}"/>',
                    f'<summary type="html">{html.escape(summary, quote=False)}</summary>',
                    f'<content type="html">{html.escape(content, quote=False)}</content>',
                    "</entry>",
                    "</feed>",
                ]
            )
            + "\n"
        )
    return (
        "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
                "<channel>",
                f"<title>{html.escape(site)}: {category} News</title>",
                "<link>https://www.example-wire.com/news-releases/</link>",
                f"<description>The latest {category.lower()} news releases from {html.escape(site)}.</description>",
                "<language>en-us</language>",
                f"<lastBuildDate>{format_datetime(when + timedelta(hours=1))}</lastBuildDate>",
                f'<atom:link href="https://www.example-wire.com/rss/{category.lower()}.xml" rel="self"'
                ' type="application/rss+xml"/>',
                "<item>",
                f"<title>{html.escape(parts['title'], quote=False)}</title>",
                f"<link>{url}</link>",
                f'<guid isPermaLink="false">{crc % 10**9}</guid>',
                f"<pubDate>{format_datetime(when)}</pubDate>",
                f"<dc:creator>{html.escape(site)}</dc:creator>",
                f"<category>{category}</category>",
                f"<description>{html.escape(summary, quote=False)}</description>",
                "<content:encoded><![CDATA[" + content.replace("]]>", "]]]]><![CDATA[>") + "]]></content:encoded>",
                "</item>",
                "</channel>",
                "</rss>",
            ]
        )
        + "\n"
    )


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in test11's new shape."""
    assert shape == "feed-item", shape
    return feed_item(path, raw)


if __name__ == "__main__":
    shapes.write_draw(draw11, sys.argv[1:])
