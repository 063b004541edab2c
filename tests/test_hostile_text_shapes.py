"""Text shapes that made the parser hang or crash: a text of many short wrapped lines (quadratic joining), XML and
HTML nested thousands deep (Python's stack overflowed, and the whole build failed), and any reader failure on one
file: each is read or skipped with a reason in bounded time, the releases beside it indexed."""

from __future__ import annotations

import json
import time

import pytest

from indexer import build_index, parse_paths
from indexer.model import ParseError
from indexer.parse import html as html_reader
from indexer.parse import parse_bytes
from indexer.parse.wrapping import unwrap

RELEASE = (
    "Contoso Widgets Opens Denver Plant\n\nDENVER, March 3, 2020 (PRNewswire) -- Contoso Widgets Inc. (NASDAQ: CTSO) "
    "today opened a widget plant in Denver, its third in Colorado, adding forty jobs.\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "FABRIKAM WIDGETS INCORPORATED",  # wrapped lines of words, joined into one paragraph
        "Contact:",  # lines joined without a space (a word cut by force), one ever longer word
        "www.fabrikam.example/news-",  # each line ends inside a link
        "DENVER, March 3, 2020 (PRNewswire) --",  # a dateline, line after line
    ],
)
def test_many_short_wrapped_lines_parse_in_linear_time(line):
    # 60,000 lines (about 2 MB, what a text is cut to): minutes when each joined line copied and searched the
    # whole paragraph; well under a second now, so 20 s allows for a loaded machine.
    data = (RELEASE + (line + "\n") * 60_000).encode()
    started = time.process_time()
    [release] = parse_bytes("wrapped.txt", data)
    assert time.process_time() - started < 20
    assert release.headline == "Contoso Widgets Opens Denver Plant"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["See http://www.fabrikam.example/news-", "releases/plant.html for more."], "releases/plant.html"),
        (["Visit the site at www.fabrikam.example/a-very-long-", "path today"], "/a-very-long-path today"),
        (["Fabrikam Inc. opened a widget plant in the town of", "Denver today"], "of Denver today"),
    ],
)
def test_wrapped_lines_still_join_links_without_a_space_and_words_with_one(lines, joined):
    width = max(len(line) for line in lines)
    [paragraph] = unwrap(lines, width)
    assert joined in paragraph


def _deep_xml(kind: str, depth: int) -> str:
    nested = "<span>" * depth + "Fabrikam Inc. opened a widget plant in Denver on Tuesday." + "</span>" * depth
    if kind == "rss":
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Fabrikam Widgets Opens a Plant</title>'
            f"<pubDate>Tue, 03 Mar 2020 09:00:00 GMT</pubDate><description>{nested}</description></item></channel></rss>"
        )
    if kind == "newsml-g2":
        return (
            '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
            "<headline>Fabrikam Widgets Opens a Plant</headline></contentMeta><contentSet><inlineXML>"
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{nested}</body></html></inlineXML></contentSet></newsItem>'
        )
    return (
        '<?xml version="1.0"?><NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Fabrikam Widgets Opens a Plant'
        f"</HeadLine></NewsLines><ContentItem><DataContent>{nested}</DataContent></ContentItem></NewsComponent>"
        "</NewsItem></NewsML>"
    )


@pytest.mark.parametrize("kind", ["rss", "newsml-g2", "newsml12"])
@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_xml_nested_too_deep_is_skipped_with_a_reason(kind, depth):
    with pytest.raises(ParseError, match="nested more than 256 elements deep"):
        parse_bytes("deep.xml", _deep_xml(kind, depth).encode())


@pytest.mark.parametrize("kind", ["rss", "newsml-g2", "newsml12"])
def test_xml_nested_a_few_levels_is_read(kind):
    [release] = parse_bytes("shallow.xml", _deep_xml(kind, 20).encode())
    assert release.headline == "Fabrikam Widgets Opens a Plant"


@pytest.mark.parametrize(("depth", "read"), [(40, True), (html_reader.MAX_DEPTH + 10, False), (50_000, False)])
def test_html_nested_too_deep_is_skipped_with_a_reason(depth, read):
    page = (
        "<html><head><title>Fabrikam Widgets Opens a Plant</title></head><body>"
        + "<div>" * depth
        + "<h1>Fabrikam Widgets Opens a Plant</h1><p>Fabrikam Inc. opened a widget plant in Denver on Tuesday.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    if read:
        [release] = parse_bytes("page.html", page.encode())
        assert release.headline == "Fabrikam Widgets Opens a Plant"
    else:
        with pytest.raises(ParseError, match="HTML nested more than 256 tags deep"):
            parse_bytes("page.html", page.encode())


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"), ValueError("bad value")])
def test_a_reader_failing_on_one_file_skips_that_file_not_the_build(tmp_path, monkeypatch, error):
    def broken(path, text):
        raise error

    monkeypatch.setattr(html_reader, "parse_html", broken)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "release.txt").write_text(RELEASE)
    (folder / "page.html").write_text("<html><body><h1>Fabrikam</h1><p>Fabrikam opened a plant.</p></body></html>")
    found = list(parse_paths([folder]))
    [skipped] = [item for item in found if isinstance(item, ParseError)]
    assert skipped.path.endswith("page.html") and type(error).__name__ in skipped.reason
    assert "please report it" in skipped.reason
    report = build_index([folder], tmp_path / "ix", procs=1)
    assert report.added == 1 and [item["path"] for item in report.skipped] == [str(folder / "page.html")]


def _many(kind: str, count: int) -> tuple[str, str]:
    """A file of count dated releases in one shape: (file name, content)."""
    record = {"headline": "Fabrikam Widgets Opens a Plant", "date": "2020-03-03", "body": "Fabrikam opened a plant."}
    if kind == "json":
        return "many.json", json.dumps([record] * count)
    if kind == "jsonl":
        return "many.jsonl", "\n".join([json.dumps(record)] * count)
    if kind == "rss":
        item = (
            "<item><title>Fabrikam Widgets Opens a Plant</title><pubDate>Tue, 03 Mar 2020 09:00:00 GMT</pubDate></item>"
        )
        return "many.rss", f'<?xml version="1.0"?><rss version="2.0"><channel>{item * count}</channel></rss>'
    if kind == "newsml12":
        item = (
            "<NewsItem><NewsComponent><NewsLines><HeadLine>Fabrikam Widgets Opens a Plant</HeadLine></NewsLines>"
            "<ContentItem><DataContent><p>Fabrikam Inc. opened a widget plant in Denver on Tuesday.</p></DataContent>"
            "</ContentItem></NewsComponent></NewsItem>"
        )
        return "many.xml", f'<?xml version="1.0"?><NewsML>{item * count}</NewsML>'
    document = f"<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n{RELEASE}</TEXT>\n</DOCUMENT>\n"
    header = "<SEC-DOCUMENT>0000950123-20-000001.txt : 20200303\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE: 8-K\n</SEC-HEADER>\n"
    return "many.txt", header + document * count


@pytest.mark.parametrize("kind", ["json", "jsonl", "rss", "newsml12", "edgar"])
def test_a_file_of_more_items_than_the_limit_is_skipped_with_a_reason(monkeypatch, kind):
    from indexer.parse import assemble

    monkeypatch.setattr(assemble, "MAX_ITEMS_PER_FILE", 40)
    name, text = _many(kind, 41)
    with pytest.raises(ParseError, match=r"41 \w[\w ]* in one file: more than 40; split the file"):
        parse_bytes(name, text.encode())
    name, text = _many(kind, 40)
    if kind == "edgar":  # (its exhibits are too short to be releases: refused, but not for their number)
        with pytest.raises(ParseError) as raised:
            parse_bytes(name, text.encode())
        assert "split the file" not in raised.value.reason
    else:
        assert len(parse_bytes(name, text.encode())) == 40


def test_an_edgar_document_far_larger_than_a_release_is_skipped_unread(monkeypatch):
    from indexer.parse import edgar

    monkeypatch.setattr(edgar, "MAX_DOCUMENT_CHARS", 10_000)
    read: list[int] = []
    real = edgar.read_exhibit
    monkeypatch.setattr(edgar, "read_exhibit", lambda text, **kw: read.append(len(text)) or real(text, **kw))
    name, text = _many("edgar", 1)
    big = text.replace(RELEASE, RELEASE + "Fabrikam widgets. " * 1000)
    with pytest.raises(ParseError, match=r"document 1 \(EX-99.1\): 0 MB of text: larger than any release"):
        parse_bytes(name, big.encode())
    assert read == []


def test_an_edgar_filing_without_a_release_names_a_few_documents_not_all(monkeypatch):
    from indexer.parse import edgar

    header, _, _ = _many("edgar", 0)[1].partition("</SEC-HEADER>\n")
    docs = "".join(
        f"<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 image{n}.jpg\n</TEXT>\n</DOCUMENT>\n" for n in range(500)
    )
    with pytest.raises(ParseError) as raised:
        parse_bytes("filing.txt", f"{header}</SEC-HEADER>\n{docs}".encode())
    assert raised.value.reason.count("not a press-release exhibit") == edgar._REASONS_SHOWN
    assert raised.value.reason.endswith(f"and {500 - edgar._REASONS_SHOWN:,} more documents")


def test_html_of_more_tags_than_a_page_holds_is_skipped_before_its_tree_is_built(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_TAGS", 1_000)
    rows = "<tr><td>widgets</td></tr>" * 400
    page = f"<html><body><h1>Fabrikam Widgets Opens a Plant</h1><p>Fabrikam opened a plant on March 3, 2020.</p><table>{rows}</table></body></html>"
    with pytest.raises(ParseError, match="HTML of 1,6[0-9][0-9] tags: more than 1,000"):
        parse_bytes("page.html", page.encode())
    [release] = parse_bytes("page.html", page.replace(rows, rows[: len(rows) // 4]).encode())
    assert release.headline == "Fabrikam Widgets Opens a Plant"


def test_markup_nested_deep_in_a_json_body_is_read_as_its_text():
    body = "<div>" * 5_000 + "Fabrikam Inc. opened a widget plant in Denver on Tuesday." + "</div>" * 5_000
    record = {"headline": "Fabrikam Widgets Opens a Plant", "date": "2020-03-03", "body": body}
    [release] = parse_bytes("deep.json", json.dumps(record).encode())
    assert "opened a widget plant in Denver" in release.text


@pytest.mark.parametrize("script", ["[" * 200_000, '{"@type": "NewsArticle", "headline": ', "9" * 5_000])
def test_a_page_whose_json_ld_cannot_be_read_is_read_from_its_markup(script):
    page = (
        f'<html><head><script type="application/ld+json">{script}</script></head><body>'
        "<h1>Fabrikam Widgets Opens a Plant</h1><p>Fabrikam Inc. opened a widget plant in Denver on Tuesday.</p>"
        "</body></html>"
    )
    [release] = parse_bytes("page.html", page.encode())
    assert release.headline == "Fabrikam Widgets Opens a Plant"


def test_a_file_over_the_limit_says_its_size_to_a_tenth_of_a_megabyte(tmp_path):
    from indexer.parse import read_source

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (10 * 1024 * 1024 + 900 * 1024))
    with pytest.raises(ParseError, match=r"file too large \(10\.9 MB; the limit is 10 MB\)"):
        read_source(str(big))
    with pytest.raises(ParseError, match=r"file too large \(10\.9 MB; the limit is 10 MB\)"):
        parse_bytes("big.txt", big.read_bytes())
