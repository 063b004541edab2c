"""Hostile release files, written at test time (never committed): binary, empty, huge, nested, malformed,
entity-expanding and external-entity XML, script-laden HTML, XSS-carrying releases, archive bombs and
archives whose members try to escape.

`write_hostile(folder, callback_url)` writes them all and returns a list of `Case`s saying what each one is
and what indexing it must do. `write_good(folder)` writes well-formed releases that must be indexed beside
them. `callback_url` is a loopback URL the caller listens on: any XML reader that fetches an external
entity connects to it, which the caller can detect without network access.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

# A line of /etc/passwd-like text; the tests read the real file and check its lines never reach the index.
PASSWD = "/etc/passwd"

# Markers planted in hostile content: none of them may appear in indexed text.
SCRIPT_MARKER = "stealCookiesNow"
IFRAME_MARKER = "iframeSecretText"
STYLE_MARKER = "styleSecretText"
EXPANDED_MARKER = "lol" * 50  # what nine levels of billion-laughs entities expand into
ESCAPE_MARKER = "escaped-from-archive"

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile file: its path, what it is, and what indexing it must do.

    expect: "skip"  - reported as skipped, with a reason matching `reason` (a regex, case-insensitive);
            "index" - indexed (its content is hostile, not its shape);
            "either" - indexed or skipped with a reason, but never a crash or a leak.
    """

    path: Path
    what: str
    expect: str
    reason: str = r"\w"


def _release_text(headline: str, body: str, place: str = "BOSTON, Mass.", day: str = "March 3, 2021") -> str:
    """A plain-text release in the shape of the seeds: headline, dateline, body, about."""
    return (
        f"{headline}\n\n{place}, {day} (BUSINESS WIRE) -- {body}\n\n"
        "About Hostile Test Corp\n\nHostile Test Corp makes test fixtures.\n"
    )


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def write_good(folder: Path) -> list[Path]:
    """Well-formed releases (text and JSON) that must be indexed whatever sits beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    good = [
        _write(
            folder / "good_text.txt",
            _release_text(
                "Acme Widgets Reports Record Quarterly Revenue",
                "Acme Widgets, Inc. (NASDAQ: ACMW) today reported record revenue of $12 million for the quarter.",
            ),
        ),
        _write(
            folder / "good_release.json",
            json.dumps(
                {
                    "headline": "Globex Opens New Research Centre in Springfield",
                    "date": "2022-05-17T09:00:00Z",
                    "company": "Globex Corporation",
                    "tickers": ["NYSE:GLBX"],
                    "body": "Globex Corporation today opened a research centre employing 300 engineers.",
                }
            ),
        ),
    ]
    return good


def _billion_laughs(levels: int = 9) -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '  <!ENTITY lol "lol">']
    for n in range(1, levels + 1):
        prev = "lol" if n == 1 else f"lol{n - 1}"
        lines.append(f'  <!ENTITY lol{n} "{("&" + prev + ";") * 10}">')
    lines.append("]>")
    lines.append(f"<release><headline>Billion laughs</headline><body>&lol{levels};</body></release>")
    return "\n".join(lines)


def _xxe(kind: str, target: str) -> str:
    """An XML document in the given shape whose body pulls in an external entity."""
    doctype = f'<!DOCTYPE doc [ <!ENTITY xxe SYSTEM "{target}"> ]>'
    if kind == "newsml":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><newsItem guid="urn:xxe:1">'
            "<itemMeta><itemClass qcode='ninat:text'/></itemMeta>"
            "<contentMeta><headline>XXE NewsML Release</headline></contentMeta>"
            "<contentSet><inlineXML contenttype='application/xhtml+xml'>"
            "<html xmlns='http://www.w3.org/1999/xhtml'><body><p>Leaked: &xxe;</p></body></html>"
            "</inlineXML></contentSet></newsItem></itemSet></newsMessage>\n"
        )
    if kind == "rss":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
            '<rss version="2.0"><channel><title>Feed</title>'
            "<item><title>XXE Feed Release</title><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>"
            "<description>Leaked: &xxe;</description></item></channel></rss>\n"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
        "<release><headline>XXE Release</headline><date>2021-03-02</date><body>Leaked: &xxe;</body></release>\n"
    )


def _parameter_entity(url: str) -> str:
    """External DTD fetched through a parameter entity (works even where general entities are not expanded)."""
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE doc [ <!ENTITY % remote SYSTEM "{url}/dtd"> %remote; ]>\n'
        "<release><headline>Parameter entity</headline><body>text</body></release>\n"
    )


def _external_dtd(url: str) -> str:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE release SYSTEM "{url}/external.dtd">\n'
        "<release><headline>External DTD</headline><body>text</body></release>\n"
    )


XSS_HEADLINE = '<script>alert("xss-headline")</script> Acme "><img src=x onerror=alert(1)> Announces Merger'
XSS_BODY = (
    'Acme Corp. (NASDAQ: ACMX) today announced a merger. <script>alert("xss-body")</script> '
    'Read more at <a href="javascript:alert(document.domain)">javascript:alert(2)</a> and '
    "[details](javascript:alert(3)) or \"><svg onload=alert(4)> and '><iframe src=javascript:alert(5)>. "
    "Also see https://www.example.com/acme-merger for the official filing."
)


def _hostile_html() -> str:
    scripts = "\n".join(
        f"<script>function {SCRIPT_MARKER}{n}() {{ fetch('/x?' + document.cookie); }}</script>" for n in range(200)
    )
    iframes = "\n".join(
        f'<iframe src="javascript:alert({n})">{IFRAME_MARKER}</iframe><iframe srcdoc="<script>alert(1)</script>">'
        "</iframe>"
        for n in range(100)
    )
    return f"""<!DOCTYPE html>
<html><head><title>Initech Announces Quarterly Dividend</title>
<style>body {{ background: url("javascript:alert(1)") }} .{STYLE_MARKER} {{}}</style>
<script src="http://127.0.0.1:9/evil.js"></script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
</head>
<body onload="alert('body-onload')">
{scripts}
<h1>Initech Announces Quarterly Dividend</h1>
<p>AUSTIN, Texas, April 1, 2021 (PR NEWSWIRE) -- Initech, Inc. (NYSE: INTC) today declared a quarterly dividend
of $0.25 per share. <a href="javascript:{SCRIPT_MARKER}()">Click</a>
<img src=x onerror="{SCRIPT_MARKER}()"></p>
{iframes}
<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">
<noscript>Enable JavaScript to see the share buttons.</noscript>
<p>Initech makes software for banks.</p>
<script>{SCRIPT_MARKER}()</script>
</body></html>
"""


def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def _deep_object_json(depth: int) -> str:
    inner = '{"a":' * depth + "1" + "}" * depth
    return '{"headline": "Deeply nested body", "body": ' + inner + "}"


def _zip_bomb(path: Path, size: int) -> Path:
    """A zip whose one member inflates to `size` bytes of zeros (about 1000:1), plus a zip inside a zip."""
    path.parent.mkdir(parents=True, exist_ok=True)
    inner = io.BytesIO()
    _write_zip(inner, [("zeros.txt", *_deflated_repeats(b"\0" * MB, size // MB))])
    nested = inner.getvalue()
    members = [
        # Text, so a reader that inflates it fully is caught by size, not the NUL test.
        ("release.txt", *_deflated_repeats(b"A" * MB, size // MB)),
        ("nested.zip", *_deflated_repeats(nested, 1)),
    ]
    members += [(f"many/{n:05d}.txt", *_deflated_repeats(b"", 0)) for n in range(2000)]
    with open(path, "wb") as out:
        _write_zip(out, members)
    return path


def _gzip_bomb(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    import struct

    packed, crc, length = _deflated_repeats(b"B" * MB, size // MB)
    # A gzip member: its header (deflate, no name, no time, maximum compression), the data, its CRC and length.
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + packed + struct.pack("<II", crc, length))
    return path


def _deflated_repeats(chunk: bytes, count: int) -> tuple[bytes, int, int]:
    """chunk repeated count times as one raw deflate stream, its CRC-32 and its length: the chunk is compressed
    once and its block repeated (each ends with a full flush, so it never refers back to the one before)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH) if count else b""
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    return block * count + packer.flush(), crc, len(chunk) * count


def _write_zip(out, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of deflated members (name, deflated bytes, CRC-32, length), written by hand into out (zipfile
    would compress each member itself)."""
    import struct

    central = []
    for name, packed, crc, length in members:
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), length, len(encoded), 0))
        out.write(encoded + packed)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(packed),
                length,
                len(encoded),
                0,
                0,
                0,
                0,
                0o100644 << 16,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))


def _traversal_members(sandbox: Path) -> list[str]:
    """Member names that escape an extraction folder: relative climbs and an absolute path in the sandbox."""
    return [
        "../" + ESCAPE_MARKER + "-1.txt",
        "../../../../" + ESCAPE_MARKER + "-2.txt",
        "ok/../../" + ESCAPE_MARKER + "-3.txt",
        str(sandbox / (ESCAPE_MARKER + "-abs.txt")),
    ]


def _traversal_zip(path: Path, sandbox: Path) -> Path:
    body = _release_text("Zip Traversal Release", "Zip Traversal Corp today announced nothing.")
    with zipfile.ZipFile(path, "w") as zf:
        for name in _traversal_members(sandbox):
            info = zipfile.ZipInfo(name)  # ZipFile.writestr would not normalise a ZipInfo's name
            zf.writestr(info, body)
        # A symlink member (Unix mode in the external attributes) pointing at /etc/passwd.
        link = zipfile.ZipInfo("passwd-link.txt")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, PASSWD)
    return path


def _traversal_tar(path: Path, sandbox: Path) -> Path:
    body = _release_text("Tar Traversal Release", "Tar Traversal Corp today announced nothing.").encode()
    with tarfile.open(path, "w:gz") as tf:
        for name in _traversal_members(sandbox):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tf.addfile(info, io.BytesIO(body))
        for kind, name in ((tarfile.SYMTYPE, "passwd-symlink.txt"), (tarfile.LNKTYPE, "passwd-hardlink.txt")):
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = PASSWD
            tf.addfile(info)
        # A symlink to a folder outside, then a file written "through" it.
        info = tarfile.TarInfo("outside")
        info.type = tarfile.SYMTYPE
        info.linkname = str(sandbox)
        tf.addfile(info)
        info = tarfile.TarInfo(f"outside/{ESCAPE_MARKER}-via-link.txt")
        info.size = len(body)
        tf.addfile(info, io.BytesIO(body))
        # A device node: extracting it would need privileges or create something odd.
        info = tarfile.TarInfo("device")
        info.type = tarfile.CHRTYPE
        info.devmajor, info.devminor = 1, 3
        tf.addfile(info)
    return path


def escape_targets(sandbox: Path) -> list[Path]:
    """Absolute paths an escaping archive member would create, for the tests to check they do not exist."""
    return [sandbox / (ESCAPE_MARKER + "-abs.txt"), sandbox / f"{ESCAPE_MARKER}-via-link.txt"]


def write_hostile(
    folder: Path, callback_url: str, sandbox: Path, *, huge_mb: int = 50, bomb_mb: int = 100
) -> list[Case]:
    """Write every hostile file under folder; return the cases. Archive members aim at sandbox."""
    rng = random.Random(8)
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes | str, what: str, expect: str, reason: str = r"\w") -> None:
        cases.append(Case(_write(folder / name, data), what, expect, reason))

    # Binary and empty.
    add("random.bin", bytes(rng.randrange(256) for _ in range(64 * 1024)), "random binary", "skip", "binary")
    png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))
    add("image-named-as.txt", png, "a PNG named .txt", "skip", "binary")
    add(
        "utf16.txt",
        _release_text("UTF-16 Release", "Text in UTF-16 with NUL bytes.").encode("utf-16"),
        "UTF-16 text (NULs in every other byte)",
        "either",
    )
    add("empty.txt", b"", "empty file", "skip", "empty")
    add("blank.md", b"  \n\t\r\n  \n", "whitespace only", "skip", "empty")
    add("empty.json", b"", "empty JSON file", "skip", "empty")
    add("empty.html", b"", "empty HTML file", "skip", "empty")
    add("empty.xml", b"", "empty XML file", "skip", "empty")

    # Size.
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"
    huge = _write(folder / "huge.txt", line * (huge_mb * MB // len(line) + 1))
    cases.append(Case(huge, f"{huge_mb} MB text file", "skip", "too large|limit"))
    add("one-long-line.txt", "Headline\n\n" + "x" * (2 * MB), "a 2 MB word on one line", "either")

    # JSON: nesting, size, wrong shapes.
    add("deep-list.json", _deep_json(100_000), "JSON nested 100,000 lists deep", "skip")
    add("deep-object.json", _deep_object_json(50_000), "a release whose body nests 50,000 objects", "either")
    add("numbers.json", "[" + ",".join(map(str, range(1_000_000))) + "]", "a million numbers", "skip")
    add("huge-string.json", json.dumps({"headline": "H" * (1 * MB), "body": "b"}), "a 1 MB headline", "either")
    add("not-json.json", '{"headline": "Broken", "body": ', "truncated JSON", "skip", "json|malformed")
    add("nan.json", '{"headline": NaN, "body": Infinity, "date": -Infinity}', "NaN/Infinity", "either")
    add(
        "dup-keys.json",
        '{"headline": "a", "headline": {"x": 1}, "body": ["x", {"y": 2}, null]}',
        "duplicate keys, odd types",
        "either",
    )
    add(
        "big-int.json",
        '{"headline": "Big", "body": "x", "date": ' + "9" * 5000 + "}",
        "a 5000-digit number (int parsing limit)",
        "either",
    )
    add(
        "lone-surrogate.json",
        '{"headline": "Bad \\ud800 surrogate", "body": "x \\udfff y"}',
        "lone surrogates in JSON strings",
        "either",
    )

    # Encodings.
    invalid = _release_text("Caf\xe9 Release With Bad Bytes", "Body \xff\xfe with bytes that are not UTF-8.")
    add(
        "invalid-utf8.txt",
        invalid.encode("latin-1") + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc",
        "invalid UTF-8",
        "either",
    )
    add(
        os.fsdecode(b"bad-name-\xff\xfe.txt"),
        _release_text("Bad File Name Release", "Its name is not UTF-8."),
        "a file name that is not UTF-8",
        "either",
    )
    add(
        'name-"><img src=x onerror=alert(1)>.txt',
        _release_text("Odd File Name Release", "Its name carries HTML."),
        "a file name carrying HTML",
        "index",
    )
    add(
        "control-chars.txt",
        _release_text("Control\x07Chars\x1b[31m Release", "Body\x0b\x0c\x1f\x7f text."),
        "control characters and a terminal escape",
        "either",
    )

    # XML: entity expansion and external entities, in several shapes a reader may claim.
    add("billion-laughs.xml", _billion_laughs(), "billion laughs (entity expansion)", "either")
    add("billion-laughs.newsml", _billion_laughs(), "billion laughs named .newsml", "either")
    add(
        "quadratic-blowup.xml",
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "'
        + "A" * 50_000
        + '">]><release><body>'
        + "&a;" * 2_000
        + "</body></release>",
        "quadratic blowup (one big entity used often)",
        "either",
    )
    for kind, ext in (("plain", "xml"), ("newsml", "newsml"), ("rss", "rss")):
        add(f"xxe-file.{ext}", _xxe(kind, f"file://{PASSWD}"), f"external entity file://{PASSWD} ({kind})", "either")
        add(f"xxe-http.{ext}", _xxe(kind, callback_url + "/xxe"), f"external entity over http ({kind})", "either")
    add("xxe-parameter.xml", _parameter_entity(callback_url), "external parameter entity over http", "either")
    add("external-dtd.xml", _external_dtd(callback_url), "external DTD over http", "either")
    add(
        "xinclude.xml",
        '<?xml version="1.0"?><release xmlns:xi="http://www.w3.org/2001/XInclude"><headline>XInclude</headline>'
        f'<body><xi:include href="file://{PASSWD}" parse="text"/></body></release>',
        "XInclude of a local file",
        "either",
    )
    add("malformed.xml", "<?xml version='1.0'?><release><headline>Unclosed", "malformed XML", "either")

    # HTML full of scripts and iframes; a release carrying XSS in headline and body.
    add("scripts.html", _hostile_html(), "HTML full of scripts, iframes and handlers", "either")
    add("xss-release.txt", _release_text(XSS_HEADLINE, XSS_BODY), "XSS in a text release", "index")
    add(
        "xss-release.json",
        json.dumps(
            {
                "headline": XSS_HEADLINE,
                "subheadline": "<img src=x onerror=alert('sub')>",
                "date": "2021-03-04",
                "company": '"><script>alert("company")</script>',
                "wire": "<b>Evil Wire</b>",
                "tickers": ["NASDAQ:<script>", "javascript:alert(1)"],
                "body": XSS_BODY,
            }
        ),
        "XSS in every JSON field",
        "index",
    )
    add(
        "xss-release.md",
        "# " + XSS_HEADLINE + "\n\n" + _release_text("", XSS_BODY).strip() + "\n",
        "XSS in a Markdown release",
        "index",
    )

    # Archives: bombs and members that escape.
    cases.append(
        Case(
            _zip_bomb(folder / "bomb.zip", bomb_mb * MB),
            f"zip inflating to {bomb_mb} MB x2, nested zip, 2000 members",
            "either",
        )
    )
    cases.append(Case(_gzip_bomb(folder / "bomb.txt.gz", bomb_mb * MB), f"gzip inflating to {bomb_mb} MB", "either"))
    cases.append(
        Case(_traversal_zip(folder / "traversal.zip", sandbox), "zip with ../, absolute and symlink members", "either")
    )
    cases.append(
        Case(
            _traversal_tar(folder / "traversal.tar.gz", sandbox),
            "tar with ../, absolute, symlink, hardlink and device members",
            "either",
        )
    )
    return cases


def tree_snapshot(root: Path, exclude: Path | None = None) -> dict[str, tuple[int, int]]:
    """Every file and folder under root (path -> (size, mtime_ns)), except exclude and what is under it."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        if exclude is not None:
            dirs[:] = [d for d in dirs if not Path(folder, d).is_relative_to(exclude)]
        for name in dirs + files:
            full = os.path.join(folder, name)
            if exclude is not None and Path(full).is_relative_to(exclude):
                continue
            st = os.lstat(full)
            found[full] = (st.st_size if not os.path.isdir(full) else 0, st.st_mtime_ns)
    return found


# ---- Archive bombs, generated fast: one compressed member repeated, not the same bytes compressed again ----


def _bomb_text(size: int) -> bytes:
    """size bytes of a release-shaped text that compresses several hundred times."""
    head = _release_text("Bomb Corp Announces Nothing", "Bomb Corp said nothing at all.").encode()
    filler = b"Bomb Corp repeats itself in this paragraph of a release that never ends.\n"
    body = filler * ((size - len(head)) // len(filler) + 1)
    return (head + body)[:size]


def write_tar_gz_bomb(path: Path, members: int = 250, member_bytes: int = 10 * MB) -> Path:
    """A .tar.gz of `members` release-shaped files of member_bytes each: one gzip member per tar header and one,
    reused, for the data (a gzip stream may hold many members), so writing it costs one compression."""
    data = _bomb_text(member_bytes)
    padding = b"\0" * (-len(data) % 512)
    packed_data = gzip.compress(data + padding, compresslevel=9)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        for n in range(members):
            info = tarfile.TarInfo(f"bomb/release-{n:04d}.txt")
            info.size = len(data)
            out.write(gzip.compress(info.tobuf(format=tarfile.USTAR_FORMAT)))
            out.write(packed_data)
        out.write(gzip.compress(b"\0" * 1024))
    return path


def write_zip_bomb(path: Path, members: int = 2000, member_bytes: int = 1_000_000) -> Path:
    """A .zip of `members` release-shaped files of member_bytes each, every member's deflated bytes the same
    (written by hand: zipfile would compress each one again)."""
    import zlib

    data = _bomb_text(member_bytes)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(data) + packer.flush()
    crc = zlib.crc32(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        _write_zip(out, [(f"bomb/release-{n:04d}.txt", packed, crc, len(data)) for n in range(members)])
    return path


def write_large_texts(folder: Path, count: int, size: int = 9_900_000) -> list[Path]:
    """count plain-text releases of size bytes each (under the file limit, over the text cap), varied words."""
    rng = random.Random(16)
    words = [f"w{n:05d}" for n in range(20000)]
    paths = []
    for n in range(count):
        head = _release_text(f"Large Corp Files Report {n}", "Large Corp filed a very long report.")
        line = " ".join(rng.choice(words) for _ in range(20000)) + "\n"
        text = (head + line * (size // len(line) + 1))[:size]
        paths.append(_write(folder / f"large-{n:02d}.txt", text))
    return paths
