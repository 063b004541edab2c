"""Bad input: every unreadable, binary, empty, oversized, malformed or unsafe file is reported with its path and a
reason and skipped; invalid UTF-8 is decoded with a fallback; archives are bounded against bombs."""

from __future__ import annotations

import builtins
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.model import ParseError
from indexer.parse import MAX_FILE_BYTES, decode, iter_sources, parse_bytes, parse_file, parse_paths
from indexer.parse import archive as archive_module

GOOD = b"Acme Corp Opens Plant\n\nBOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. (NYSE: ACME) opened a plant.\n"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n ", "empty file"),
        ("random.txt", bytes(range(256)) * 40, "binary file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "a PNG image"),
        ("doc.pdf", b"%PDF-1.7\n...", "a PDF document"),
        ("table.tsv", b"file\ttitle\nA\tB\n", r"a table \(\.tsv\)"),
        ("broken.json", b'{"headline": "Broken", "body": ', "malformed JSON at line 1"),
        ("nothing.json", b'[{"body": "no headline"}]', "no headline"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>Unclosed", "malformed XML"),
        ("other.xml", b"<?xml version='1.0'?><catalog><book/></catalog>", "neither NewsML"),
        ("empty.rss", b"<rss version='2.0'><channel><title>x</title></channel></rss>", "feed with no items"),
    ],
)
def test_bad_files_raise_a_parse_error_with_a_reason(name, data, reason):
    with pytest.raises(ParseError, match=reason) as caught:
        parse_bytes(name, data)
    assert caught.value.path == name


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><description>x</description></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_unsafe_xml_is_refused_not_expanded(data):
    with pytest.raises(ParseError, match="unsafe XML refused"):
        parse_bytes("feed.xml", data)


def test_oversized_file_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 10 MB written
    (error,) = list(iter_sources([big]))
    assert isinstance(error, ParseError)
    assert error.path == str(big) and "file too large" in error.reason and "the limit is 10 MB" in error.reason


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_bytes(GOOD)
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    real_os_open = os.open

    def deny_fd(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    monkeypatch.setattr(os, "open", deny_fd)  # files are opened by descriptor, non-blocking
    (error,) = list(iter_sources([path]))
    assert isinstance(error, ParseError) and error.reason == "cannot read: Permission denied"


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(ParseError, match="no such file or folder"):
        parse_file(tmp_path / "nope.txt")


def test_invalid_utf8_is_decoded_with_a_fallback_not_dropped():
    data = "Caf\u00e9 Opens\n\nPARIS, May 1, 2020 /PRNewswire/ -- Caf\u00e9 \u201cBleu\u201d opened.\n".encode("cp1252")
    (release,) = parse_bytes("cafe.txt", data)
    assert release.headline == "Caf\u00e9 Opens"
    assert "\u201cBleu\u201d" in release.lede
    # Mixed: valid UTF-8 stays UTF-8, the stray byte is read as Windows-1252.
    assert decode("na\u00efve \u2013 ".encode() + b"\x93quoted\x94") == "na\u00efve \u2013 \u201cquoted\u201d"


def test_utf16_with_bom_is_read():
    (release,) = parse_bytes("utf16.txt", GOOD.decode().encode("utf-16"))
    assert release.headline == "Acme Corp Opens Plant"


def test_control_characters_and_lone_surrogates_are_replaced():
    data = json.dumps({"headline": "Acme \ud800 Opens\u0007 Plant", "body": "Acme opened a plant \udfff."}).encode()
    (release,) = parse_bytes("odd.json", data)
    assert release.headline == "Acme \ufffd Opens Plant"
    json.dumps(release.to_json(), ensure_ascii=False).encode("utf-8")  # printable as UTF-8


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_members_are_refused_and_good_members_kept(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(
        _zip(
            {
                "huge.txt": b"A" * (MAX_FILE_BYTES + 1),  # over the member limit
                "dense.txt": b"B" * (2 * 1024 * 1024),  # 2 MB that packs to a few kB: an absurd ratio
                "good.txt": GOOD,
                "empty.txt": b"",  # an empty placeholder: not a release, not worth a report
            }
        )
    )
    items = list(iter_sources([path]))
    errors = {Path(e.path).name: e.reason for e in items if isinstance(e, ParseError)}
    assert "file too large" in errors["huge.txt"]
    assert "like a zip bomb" in errors["dense.txt"]
    assert [s.path for s in items if not isinstance(s, ParseError)] == [f"{path}/good.txt"]


def test_archive_limits_on_total_size_members_and_depth(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_MEMBERS", 2)
    path = tmp_path / "many.zip"
    path.write_bytes(_zip({f"r{n}.txt": GOOD for n in range(5)}))
    items = list(iter_sources([path]))
    assert len([i for i in items if not isinstance(i, ParseError)]) == 2
    assert "more than 2 files" in items[-1].reason

    nested = _zip({"level2.zip": _zip({"level3.zip": _zip({"deep.txt": GOOD})})})
    (tmp_path / "nested.zip").write_bytes(nested)
    monkeypatch.setattr(archive_module, "MAX_DEPTH", 1)
    (error,) = list(iter_sources([tmp_path / "nested.zip"]))
    assert "nested more than 1 levels deep" in error.reason


def test_damaged_archive_is_reported(tmp_path):
    path = tmp_path / "damaged.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    (error,) = list(iter_sources([path]))
    assert isinstance(error, ParseError) and "damaged zip archive" in error.reason


def test_parse_paths_reports_bad_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "good.txt").write_bytes(GOOD)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_bytes(b"\x00")
    (tmp_path / "README.md").write_text("# About this folder\n\nNot a release.")
    items = list(parse_paths([tmp_path]))
    assert [(Path(i.path).name, i.reason) for i in items if isinstance(i, ParseError)] == [("empty.txt", "empty file")]
    assert [i.headline for i in items if not isinstance(i, ParseError)] == ["Acme Corp Opens Plant"]


def test_cli_parse_exit_status_says_something_was_skipped(runner, tmp_path):
    (tmp_path / "good.txt").write_bytes(GOOD)
    (tmp_path / "bad.json").write_bytes(b"{")
    result = runner.invoke(main, ["parse", str(tmp_path), "--json"])
    assert result.exit_code == 3
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0] == {"path": str(tmp_path / "bad.json"), "ok": False, "error": rows[0]["error"]}
    assert rows[0]["error"].startswith("malformed JSON")
    assert rows[1]["headline"] == "Acme Corp Opens Plant"
