"""Text shapes that made the parser hang or crash: a text of many short wrapped lines (quadratic joining), XML and
HTML nested thousands deep (Python's stack overflowed, and the whole build failed), and any reader failure on one
file: each is read or skipped with a reason in bounded time, the releases beside it indexed."""

from __future__ import annotations

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
