"""Each input format on a small hand-written fixture: plain text, Markdown, JSON, JSON Lines, HTML, NewsML-G2,
NewsML 1.2, RSS, Atom, and archives (.zip, .tar.gz, .gz) read in memory."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.parse import detect_format, iter_sources, parse_bytes, parse_file, parse_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


def one(name: str):
    releases = parse_file(FIXTURES / name)
    assert len(releases) == 1
    return releases[0]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", "Headline\n\nBody", "text"),
        ("a.md", "# Headline", "markdown"),
        ("noext", "# Headline\n\nBody", "markdown"),
        ("a.json", '{"title": "x"}', "json"),
        ("a.data", '[{"title": "x"}]', "json"),
        ("a.jsonl", '{"title": "x"}\n{"title": "y"}', "json"),
        ("a.html", "<p>x</p>", "html"),
        ("page", "<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.xml", '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">', "newsml-g2"),
        ("a.xml", '<?xml version="1.0"?>\n<!-- c --><NewsML Version="1.2"><html/>', "newsml12"),
        ("a.xml", "<rss version='2.0'><channel>", "feed"),
        ("a.xml", "<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("a.xml", "<catalog><book/></catalog>", "xml"),
        ("a.txt", "<b>Acme</b> Announces Results\n\nBody", "text"),
    ],
)
def test_format_is_detected_from_content_first(name, head, expected):
    assert detect_format(name, head) == expected


def test_plain_text_release():
    release = one("acme_plain.txt")
    assert release.headline == "Acme Robotics Reports Third Quarter 2021 Results"
    assert release.date == "2021-11-07"
    assert release.location == "Waltham, Mass."
    assert release.wire == "GlobeNewswire"
    # Hard-wrapped lines are joined into one paragraph.
    assert release.lede.startswith("Acme Robotics, Inc. (Nasdaq: ACMR), a maker of warehouse robots, today reported")
    assert "\n" not in release.lede


def test_markdown_release_with_archive_footer():
    release = one("hammer_nails.md")
    assert release.headline == "Hammer & Nails Opens 51st Location in Santa Monica"
    assert release.subheadline == "A grooming lounge for men, now on the Westside"
    # The link is reduced to its text, the rule inside the body stays, the footer after the last rule goes.
    assert release.lede.startswith("Hammer & Nails opened its 51st location")
    assert "The new shop is the brand's fourth" in release.body
    assert "Original/Source" not in release.text and "reddit" not in release.text
    assert release.links == ["https://hammerandnails.example"]


def test_json_list_with_varying_field_names():
    first, second = parse_file(FIXTURES / "releases.json")
    assert (first.headline, first.subheadline) == (
        "Globex Completes Acquisition of Initech",
        "Combined company serves 3,000 customers",
    )
    assert first.published.isoformat() == "2020-03-04T16:00:00-05:00"  # metadata time kept: same day as dateline
    assert second.headline == "Initech Names New Chief Financial Officer"
    assert second.company == "Initech, Inc."  # a metadata field wins
    assert second.lede.startswith("Initech, Inc. (Nasdaq: INTK) has named")
    assert {first.item, second.item} == {0, 1} and first.id != second.id


def test_json_lines():
    releases = parse_file(FIXTURES / "releases.jsonl")
    assert [r.date for r in releases] == ["2022-06-01", "2022-06-15"]
    assert all(r.tickers == ["NASDAQ:UMBR"] for r in releases)


def test_json_export_object_and_wordpress_fields():
    data = {
        "posts": [],
        "items": [
            {
                "title": {"rendered": "Vandelay Industries Opens Office"},
                "content": {"rendered": "<p>NEW YORK -- Vandelay Industries opened an office.</p>"},
            }
        ],
    }
    (release,) = parse_bytes("export.json", json.dumps(data).encode())
    assert release.headline == "Vandelay Industries Opens Office"
    assert release.location == "New York"
    assert "<p>" not in release.lede


def test_html_page_keeps_the_release_not_the_page():
    release = one("wayne_page.html")
    assert release.headline == "Wayne Enterprises Unveils Solar Roof for Gotham Homes"
    assert release.subheadline == "Roof tiles store a day of power"
    assert release.wire == "Business Wire"
    assert release.location == "Gotham City, N.J."
    text = release.text
    for furniture in ("SCRIPT-TEXT-MUST-NOT-APPEAR", "cookies", "newsletter", "Related:", "Privacy", "color: red"):
        assert furniture not in text
    assert "* Twice the output of 2020 tiles" in release.body
    assert release.emails == ["press@wayne.example"]
    assert release.date == "2021-03-02"


def test_newsml_g2_item():
    release = one("stark_g2.xml")
    assert release.headline == "Stark Industries Names Pepper Potts Chief Executive Officer"
    assert release.subheadline == "Tony Stark to remain chairman"  # the XHTML h2, never merged into the headline
    assert release.wire == "GlobeNewswire"
    assert release.location == "Malibu, Calif."  # the printed dateline, not the <located> metadata
    assert release.published.isoformat() == "2019-12-03T09:00:10-08:00"
    assert release.lede.startswith("Stark Industries, Inc. (NYSE: STRK) today named")
    assert "NOT FOR DISSEMINATION" in release.body
    assert release.emails == ["press@stark.example"]


def test_newsml_12_item():
    release = one("cyberdyne_bw.xml")
    assert release.headline == "Cyberdyne Systems Pauses Skynet Rollout"
    assert release.wire == "Business Wire"
    assert release.location == "Sunnyvale, Calif."
    # Sent at 02:41 UTC on Jan 31: the local date in the Californian dateline is Jan 30.
    assert release.date == "2021-01-30"
    assert release.company == "Cyberdyne Systems"
    assert release.tickers == ["NASDAQ:CYDN"]
    assert "press@cyberdyne.example" in release.contacts


def test_rss_feed_gives_one_release_per_item():
    first, second = parse_file(FIXTURES / "wonka_feed.rss")
    assert first.headline == "Wonka Industries Launches Everlasting Gobstopper"
    assert first.lede == "Wonka Industries Ltd. (LSE: WONK) today launched the Everlasting Gobstopper."
    assert first.links == ["https://www.prnewswire.example/news/wonka-gobstopper"]
    assert second.date == "2021-03-16" and "dividend" in second.types
    assert first.id != second.id


def test_atom_feed():
    release = one("tyrell_feed.atom")
    assert release.headline == "Tyrell Corporation Opens Replicant Research Lab in Los Angeles"
    assert release.published.isoformat() == "2019-11-01T09:00:00-08:00"
    assert release.tickers == ["NYSE:TYR"]


def _archive_bytes(kind: str) -> bytes:
    names = ["acme_plain.txt", "releases.jsonl", "stark_g2.xml"]
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                archive.write(FIXTURES / name, f"batch/{name}")
            archive.writestr("batch/.hidden.txt", "Hidden\n\nnot a release")
            archive.writestr("batch/README.md", "# About this collection")
    else:
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            for name in names:
                archive.add(FIXTURES / name, f"batch/{name}")
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_archives_are_read_in_memory_one_source_per_member(tmp_path, kind):
    path = tmp_path / f"releases.{kind}"
    path.write_bytes(_archive_bytes(kind))
    sources = list(iter_sources([tmp_path]))
    assert sorted(s.path for s in sources) == [
        f"{path}/batch/{name}" for name in ("acme_plain.txt", "releases.jsonl", "stark_g2.xml")
    ]
    releases = parse_file(path)
    assert len(releases) == 4
    assert {r.path for r in releases} >= {f"{path}/batch/acme_plain.txt", f"{path}/batch/stark_g2.xml"}
    assert list(tmp_path.iterdir()) == [path]  # nothing unpacked to disk


def test_single_gzip_file_is_read_as_its_content(tmp_path):
    path = tmp_path / "acme.txt.gz"
    path.write_bytes(gzip.compress((FIXTURES / "acme_plain.txt").read_bytes()))
    (release,) = [r for r in parse_paths([path])]
    assert release.path == str(tmp_path / "acme.txt")
    assert release.tickers == ["NASDAQ:ACMR"]


def test_cli_parse_json_keys(runner):
    result = runner.invoke(main, ["parse", str(FIXTURES / "acme_plain.txt"), "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)
    assert {k: row[k] for k in ("headline", "date", "tickers", "wire", "location", "company", "language")} == {
        "headline": "Acme Robotics Reports Third Quarter 2021 Results",
        "date": "2021-11-07",
        "tickers": ["NASDAQ:ACMR"],
        "wire": "GlobeNewswire",
        "location": "Waltham, Mass.",
        "company": "Acme Robotics, Inc.",
        "language": "en",
    }
    assert row["flags"] == [] and set(row["sections"]) == {"lede", "body", "about", "forward_looking", "contacts"}
