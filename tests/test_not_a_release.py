"""A file that says a few undated words ("hello", a note) is not a release, whatever its shape: skipped with a
reason in the parse output and the build report, the releases beside it indexed; a dated item or an undated one
that says something is kept."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from indexer import build_index
from indexer.cli import main
from indexer.model import ParseError
from indexer.parse import MIN_UNDATED_WORDS, parse_bytes

ARTICLE = (
    "Contoso Widgets Opens Denver Plant\n\nDENVER, March 3, 2020 (PRNewswire) -- Contoso Widgets Inc. today opened "
    "a widget plant in Denver, its third in Colorado, adding forty jobs.\n"
)


def shaped(words: str, *, dated: bool = False) -> dict[str, bytes]:
    """The same words as the only content of a file in each shape a release comes in (dated: with a date)."""
    day = "2020-03-03"
    rss_date = "<pubDate>Tue, 03 Mar 2020 09:00:00 GMT</pubDate>" if dated else ""
    atom_date = f"<updated>{day}T09:00:00Z</updated>" if dated else ""
    g2_date = f"<itemMeta><versionCreated>{day}T09:00:00Z</versionCreated></itemMeta>" if dated else ""
    text_date = f"\n\n{day}" if dated else ""
    html_date = f'<meta property="article:published_time" content="{day}T09:00:00Z">' if dated else ""
    return {
        "note.txt": f"{words}{text_date}\n".encode(),
        "note.md": f"# {words}{text_date}\n".encode(),
        "note.json": json.dumps({"headline": words, **({"date": day} if dated else {})}).encode(),
        "note.html": f"<html><head>{html_date}</head><body><p>{words}</p></body></html>".encode(),
        "note.rss": (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            f"<item><title>{words}</title>{rss_date}</item></channel></rss>"
        ).encode(),
        "note.atom": (
            f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>'
            f"<entry><title>{words}</title>{atom_date}</entry></feed>"
        ).encode(),
        "note.xml": (
            f'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">{g2_date}'
            f"<contentMeta><headline>{words}</headline></contentMeta></newsItem>"
        ).encode(),
    }


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("words", ["hello", "hello world", "call Bob about the budget"])
@pytest.mark.parametrize("name", list(shaped("x")))
def test_a_few_undated_words_are_no_release_in_any_shape(name, words):
    data = shaped(words)[name]
    for path, content in ((name, data), ("notes.zip", zipped(name, data))):
        with pytest.raises(ParseError) as raised:
            parse_bytes(path, content)
        assert "not a release: no date and" in raised.value.reason and words in raised.value.reason


@pytest.mark.parametrize("name", ["note.json", "note.rss", "note.atom", "note.xml"])
def test_a_dated_headline_alone_is_a_release(name):
    # A feed item or a record with a title and a date announces something (a wire's stub), though it has no text.
    [release] = parse_bytes(name, shaped("Contoso Widgets Names Chief Executive", dated=True)[name])
    assert release.headline == "Contoso Widgets Names Chief Executive" and release.published is not None


@pytest.mark.parametrize(
    "text",
    [
        "Contoso Widgets Names a Chief Executive\n\nJane Roe leads the company from May.",
        "Fabrikam Opens Plant\n\nFabrikam Inc. opened a plant in Ohio.",
    ],
)
def test_an_undated_release_that_says_something_is_kept(text):
    assert len(text.split()) >= MIN_UNDATED_WORDS
    [release] = parse_bytes("release.txt", text.encode())
    assert release.published is None and release.headline == text.split("\n")[0]


def test_a_feed_keeps_its_releases_and_drops_an_undated_word():
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        "<item><title>hello</title></item>"
        "<item><title>Contoso Widgets Opens Denver Plant</title><pubDate>Tue, 03 Mar 2020 09:00:00 GMT</pubDate>"
        "<description>Contoso Widgets Inc. today opened a widget plant in Denver.</description></item>"
        "</channel></rss>"
    )
    [release] = parse_bytes("feed.rss", feed.encode())
    assert release.headline == "Contoso Widgets Opens Denver Plant" and release.item == 1


def test_the_build_reports_the_note_and_indexes_the_release_beside_it(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "release.txt").write_text(ARTICLE)
    (folder / "hello.txt").write_text("hello\n")
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 3, result.output
    assert "1 release indexed from 2 files" in result.output
    assert f"{folder / 'hello.txt'}: not a release: no date and 1 word of text ('hello')" in result.output
    report = build_index([folder], tmp_path / "ix2")
    assert report.added == 1 and [item["path"] for item in report.skipped] == [str(folder / "hello.txt")]


def test_parse_reports_the_note_with_its_reason(runner, tmp_path):
    (tmp_path / "hello.md").write_text("hello\n")
    result = runner.invoke(main, ["parse", str(tmp_path / "hello.md")])
    assert result.exit_code == 3 and "not a release: no date and 1 word of text ('hello')" in result.output
