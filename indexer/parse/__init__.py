"""Release parsing: find files (inside archives too), detect each one's format from its content, hand it to a reader.

Readers: text.py (plain text, Markdown), jsonfile.py (JSON, JSON Lines), html.py (saved pages), newsml.py
(NewsML-G2, NewsML 1.2), feed.py (RSS, Atom); archive.py opens .zip/.tar.gz archives in memory. Every reader
returns a Draft that assemble.py turns into Releases with the shared rules (dateline, sections, issuer, ...).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import ParseError, Release, counted
from ..release_paths import once_each
from .archive import ARCHIVE_SUFFIXES, archive_kind, is_archive_path, iter_archive, too_large
from .files import special_kind, special_reason, walk_files

# A single release is rarely over a megabyte; far larger files are mistakes or attacks.
MAX_FILE_BYTES = 10 * 1024 * 1024
# An EDGAR submission carries its exhibits' images and PDFs uuencoded: 50 MB filings are real, and are read.
MAX_SUBMISSION_BYTES = 256 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TABLE_SUFFIXES = {".tsv", ".csv", ".xls", ".xlsx", ".ods"}
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"\xd0\xcf\x11\xe0": "an Office document",
    b"Rar!": "a RAR archive (not supported; use zip or tar.gz)",
    b"7z\xbc\xaf": "a 7-Zip archive (not supported; use zip or tar.gz)",
}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# How much of a file is looked at for control bytes.
_HEAD_BYTES = 8192
# Kept of a long plain text beyond MAX_TEXT_CHARS: room for its headline and front matter, so that what is left
# for its text is still over the cap and is flagged as cut.
_HEADING_SLACK = 64 * 1024
# Fewer words than this and no date: a note or a stray line ("hello"), not a release (every release of the corpus
# is dated; the shortest undated ones of the tests say a sentence after their headline).
MIN_UNDATED_WORDS = 8
_ROOT_RE = re.compile(r"<(?![?!])([\w:.\-]+)")

# Comments, processing instructions and a DOCTYPE before an XML file's root element.
_PROLOGUE_RE = re.compile(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", re.S | re.I)
_MARKDOWN_HEADING_RE = re.compile(r"#{1,2}(?:\s|$)")


@dataclass
class Source:
    """One file to parse (or one member of an archive), with its bytes and their hash (data None: not read yet)."""

    path: str
    data: bytes | None
    # The folder the user gave (or the folder of a file given alone): releases are known by their path inside it.
    root: str = ""

    @property
    def digest(self) -> str:
        """Content hash, used to index only new or changed files."""
        return hashlib.sha1(self.data).hexdigest()

    def relative(self, path: str | None = None) -> str:
        """A path of this source (default: its own) relative to its root, with '/' separators."""
        return source_relative(self.path if path is None else path, self.root)


def source_relative(path: str, root: str = "") -> str:
    """path relative to the source folder root (default: the file's own folder), '/'-separated: what users see
    and what release ids derive from, the same whatever the working folder or mount point."""
    if not root:
        root = os.path.dirname(path)
    prefix = root.rstrip(os.sep) + os.sep if root.rstrip(os.sep) else root
    if prefix and path.startswith(prefix):
        relative = path[len(prefix) :]
    elif root and path == root:  # a file given as its own root
        relative = os.path.basename(path)
    else:
        relative = path
    return relative.replace(os.sep, "/") if os.sep != "/" else relative


def source_root(given: str | os.PathLike) -> str:
    """The source folder of a path the user gave: the folder itself, or a file's folder."""
    given = os.fspath(given)
    return given if os.path.isdir(given) else os.path.dirname(given)


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # Bytes that are not UTF-8 are read as Windows-1252 (Latin-1 where it has no character), one byte at a time.
    byte = error.object[error.start : error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


codecs.register_error("release-cp1252", _cp1252_fallback)


def wide_encoding(data: bytes) -> str | None:
    """'utf-32-le', 'utf-32-be', 'utf-16-le' or 'utf-16-be' for text in one of them without a BOM, else None.

    Told apart by where the zero bytes fall: text that is mostly Latin letters has a zero in every second byte
    (UTF-16) or three in every four (UTF-32), always at the same places; the sample must then decode cleanly.
    """
    head = data[:_HEAD_BYTES]
    if len(head) < 8 or b"\x00" not in head:
        return None
    for size, name in ((4, "utf-32"), (2, "utf-16")):
        sample = head[: len(head) - len(head) % size]
        units = len(sample) // size
        for order in ("le", "be"):
            # Where the character's low byte sits, and the zero bytes that pad it out.
            low = 0 if order == "le" else size - 1
            pads = [sample[i::size] for i in range(size) if i != low]
            if sample[low::size].count(0) > units * 0.05 or any(pad.count(0) < units * 0.6 for pad in pads):
                continue
            high = (2, 3) if order == "le" else (0, 1)
            if name == "utf-32" and any(sample[i::size].count(0) < units for i in high):
                continue  # the two high bytes of UTF-32 are zero for every character there is
            try:
                sample.decode(f"{name}-{order}")
            except UnicodeDecodeError:
                continue
            return f"{name}-{order}"
    return None


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOMs honoured, UTF-16 and UTF-32 too, with or without one); bytes that are not
    UTF-8 are read as Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    wide = wide_encoding(data)
    if wide is not None:
        return data.decode(wide, errors="replace")
    return data.decode("utf-8", errors="release-cp1252")


def _binary_reason(data: bytes) -> tuple[str | None, bool]:
    """Why data is not a release (None: it may be one), and whether it holds no control byte at all."""
    # No control byte (tabs, line breaks and form feeds aside, as _valid_text in assemble.py): text decoded from the
    # bytes has no character build_release would replace, so it need not look for one again.
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({what}), not a release", False
    head = data[:_HEAD_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or wide_encoding(head):
        return None, False  # (UTF-32's BOM starts like UTF-16's)
    # A few NUL bytes are debris of text extracted from a PDF (cleaned later); many make a binary file.
    nuls = head.count(b"\x00")
    if nuls and nuls > len(head) // 100:
        return "binary file, not a release", False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary file, not a release", False
    return None, not controls and len(data) <= _HEAD_BYTES and b"\x7f" not in data


def _suffix(path: str) -> str:
    """Path(path).suffix.lower(), without building a Path: that costs more than the rest of a small file's checks."""
    name = path.rpartition("/")[2]
    if not name or name == "." or os.sep != "/" or os.altsep:  # Path drops empty and '.' parts: let it find the name
        return Path(path).suffix.lower()
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def detect_format(path: str, head: str) -> str:
    """Name the reader for a file from its content first, then its extension.

    One of: edgar (an SEC submission or document block), json, html, newsml-g2, newsml12, feed, xml (unknown XML), markdown, text.
    """
    stripped = head.lstrip("\ufeff \t\r\n")
    suffix = _suffix(path)
    if stripped.startswith(("<", "-----BEGIN")):
        from .edgar import is_submission

        if is_submission(stripped[:200]):
            return "edgar"
    if stripped.startswith("<"):
        if stripped[:15].lower().startswith("<!doctype html"):
            return "html"
        # The root element names the format; XHTML inside a NewsML item does not make the file a web page.
        body = _PROLOGUE_RE.sub("", stripped[:5000])
        root = _ROOT_RE.search(body)
        name = root.group(1).split(":")[-1].lower() if root else ""
        if name == "html":
            return "html"
        if name in ("newsml",):
            return "newsml12"
        if name in ("newsitem", "newsmessage", "packageitem"):
            return "newsml-g2"
        if name in ("rss", "feed", "rdf"):
            return "feed"
        if suffix in HTML_SUFFIXES or name in ("body", "div", "p", "article", "head"):
            return "html"
        if suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES and not stripped.startswith("<?xml"):
            return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"  # a text release that opens with a tag
        return "xml"
    if stripped.startswith(("{", "[")) and suffix not in MARKDOWN_SUFFIXES | {".txt"}:
        return "json"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES or _MARKDOWN_HEADING_RE.match(stripped):
        return "markdown"
    return "text"


def _size_limit(head: bytes) -> int:
    """The largest file read: EDGAR submissions may be far larger than a release."""
    from .edgar import is_submission

    return MAX_SUBMISSION_BYTES if is_submission(head[:200].decode("latin-1")) else MAX_FILE_BYTES


def parse_bytes(path: str, data: bytes) -> list[Release]:
    """Parse one file's bytes into releases, or raise ParseError saying why not."""
    if len(data) > MAX_FILE_BYTES and len(data) > _size_limit(data[:200]):
        raise ParseError(path, too_large(len(data), MAX_FILE_BYTES))
    if archive_kind(data[:512], path):
        return _parse_archive_bytes(path, data)
    if not data.strip():
        raise ParseError(path, "empty file")
    reason, checked = _binary_reason(data)
    if reason:
        raise ParseError(path, reason)
    suffix = _suffix(path)
    if suffix in TABLE_SUFFIXES:
        raise ParseError(path, f"a table ({suffix}), not a release; export its rows as JSON to index them")
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError(path, "empty file")
    # UTF-8 (or Windows-1252 for bytes that are not) gives a control character or a lone surrogate only for a
    # control byte: the text of a file without one needs no second look (see parse_text).
    fmt = detect_format(path, text[:5000])
    from .assemble import MAX_TEXT_CHARS

    if fmt in ("text", "markdown") and len(text) > MAX_TEXT_CHARS + _HEADING_SLACK:
        # Only the first MAX_TEXT_CHARS of a release's text are indexed (build_release cuts and flags it):
        # reading the rest of a plain text would cost time and memory for nothing.
        text = text[: MAX_TEXT_CHARS + _HEADING_SLACK]
    releases = _kept(path, _read(path, text, fmt, checked=checked))
    digest = hashlib.sha1(data).hexdigest()
    for release in releases:
        release.source_hash = digest
    return releases


def _read(path: str, text: str, fmt: str, *, checked: bool = False) -> list[Release]:
    if fmt == "json":
        from .jsonfile import parse_json

        try:
            return parse_json(path, text)
        except ParseError:
            if Path(path).suffix.lower() in JSON_SUFFIXES:
                raise
            fmt = "text"  # "[Acme] announces ...": a text release that starts with a bracket
    if fmt == "edgar":
        from .edgar import parse_submission

        return parse_submission(path, text)
    if fmt == "html":
        from .html import parse_html

        return parse_html(path, text)
    if fmt in ("newsml-g2", "newsml12", "feed", "xml"):
        from .xmlsafe import parse_xml

        root = parse_xml(path, text)
        if fmt == "newsml-g2":
            from .newsml import parse_g2

            return parse_g2(path, root)
        if fmt == "newsml12":
            from .newsml import parse_newsml12

            return parse_newsml12(path, root)
        if fmt == "feed":
            from .feed import parse_feed

            return parse_feed(path, root)
        raise ParseError(path, "XML that is neither NewsML (G2 or 1.2), RSS/Atom nor XHTML: no reader for it")
    from .text import parse_text

    return parse_text(path, text, markdown=fmt == "markdown", checked=checked)


def _is_release(release: Release) -> bool:
    """A release is dated or says something: a few undated words ("hello", a note) are not one, in any shape."""
    if release.published is not None:
        return True
    return len(release.headline.split()) + len(release.text.split()) >= MIN_UNDATED_WORDS


def _kept(path: str, releases: list[Release]) -> list[Release]:
    """The releases of a file that are releases; a ParseError saying why when none is."""
    kept = [release for release in releases if _is_release(release)]
    if releases and not kept:
        words = " ".join(f"{releases[0].headline} {releases[0].text}".split())
        shown = words if len(words) <= 40 else words[:40] + "..."
        raise ParseError(path, f"not a release: no date and {counted(len(words.split()), 'word')} of text ('{shown}')")
    return kept


def _parse_archive_bytes(path: str, data: bytes) -> list[Release]:
    releases: list[Release] = []
    errors: list[ParseError] = []
    for item in iter_archive(path, data=data):
        if isinstance(item, ParseError):
            errors.append(item)
            continue
        member, member_data = item
        try:
            releases.extend(parse_bytes(member, member_data))
        except ParseError as exc:
            errors.append(exc)
    if not releases:
        if not errors:
            raise ParseError(path, "archive holds no files")
        first = errors[0]
        # Reported under the archive's own path: the member is named in the reason.
        member = first.path[len(path) :].lstrip("/") if first.path.startswith(path) else Path(first.path).name
        raise ParseError(path, f"{member}: {first.reason}" if member and first.path != path else first.reason)
    return releases


def parse_file(path: str | os.PathLike) -> list[Release]:
    """Parse one release file from disk (an archive gives the releases of all its files)."""
    path = os.fspath(path)
    if _maybe_archive(path) and is_archive_path(path):
        releases: list[Release] = []
        errors: list[ParseError] = []
        for item in iter_sources([path]):
            if isinstance(item, ParseError):
                errors.append(item)
                continue
            try:
                releases.extend(parse_source(item))
            except ParseError as exc:
                errors.append(exc)
        if not releases:
            raise errors[0] if errors else ParseError(path, "archive holds no files")
        return releases
    return parse_source(read_source(path))


def iter_files(paths: Iterable[str | os.PathLike], *, follow_links: bool = False) -> Iterator[str]:
    """Every file under the given files and folders that a build would read (see files.walk_files)."""
    for item in walk_files(paths, follow_links=follow_links):
        if not isinstance(item, ParseError):
            yield item


def source_folder_of(path: str, roots: list[str]) -> str:
    """The source folder a path was found under: the deepest folder given that holds it, or a file's folder."""
    best = ""
    for root in roots:
        if path == root:
            return os.path.dirname(root)
        if path.startswith(root.rstrip(os.sep) + os.sep) and len(root) > len(best):
            best = root
    return best or os.path.dirname(path)


def read_source(path: str) -> Source:
    """Read one file from disk into a Source, or raise ParseError saying why it cannot be read."""
    try:
        # Non-blocking: opening a named pipe or a terminal must not wait for a writer; what is opened is checked
        # to be a regular file before a byte is read (the walk checked too, but the file may have been swapped).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_BINARY", 0))
        # Unbuffered: a buffered file costs more to make, and its read(n) asks once more to see the end of the file.
        with open(fd, "rb", buffering=0) as handle:
            info = os.fstat(fd)
            kind = special_kind(info.st_mode)
            if kind == "a folder":
                raise IsADirectoryError
            if kind is not None:
                raise ParseError(path, special_reason(kind))
            size = info.st_size
            if size > MAX_FILE_BYTES and size > _size_limit(os.pread(fd, 200, 0)):
                raise ParseError(path, too_large(size, MAX_FILE_BYTES))
            limit = MAX_FILE_BYTES if size <= MAX_FILE_BYTES else MAX_SUBMISSION_BYTES
            # A read sized to the file: read(MAX_FILE_BYTES + 1) would allocate the whole limit every time.
            data = handle.read(size + 1)
            if len(data) < size:  # a short read (a file cut meanwhile, or one on a network share): read to the end
                data += _read_up_to(handle, size + 1 - len(data))
            if len(data) > size:  # it grew since (or is a device): read on, up to the limit
                data += _read_up_to(handle, max(0, limit + 1 - len(data)))
            return Source(path, data)
    except FileNotFoundError:
        raise ParseError(path, "no such file or folder") from None
    except IsADirectoryError:
        raise ParseError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc.strerror or exc}") from None
    except ValueError:  # a NUL byte in the name
        raise ParseError(path, "not a valid file name") from None


def _read_up_to(handle: io.RawIOBase, limit: int) -> bytes:
    """Up to limit bytes, fewer only at the end of the file: what a buffered file's read(limit) gives."""
    chunks = []
    while limit > 0:
        chunk = handle.read(limit)
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def iter_sources(
    paths: Iterable[str | os.PathLike], *, defer: Callable[[str], bool] | None = None, follow_links: bool = False
) -> Iterator[Source | ParseError]:
    """Every file under paths as a Source (its path and bytes); unreadable ones as ParseErrors.

    Archives are opened in memory: each member becomes a Source whose path is '<archive path>/<member path>'.
    This is what an indexing run consumes: it hashes each Source and parses only new or changed ones.
    defer(path) true: a file not named like an archive is yielded unread, as Source(path, None), for the
    process that parses it to read with file_sources (an index build reads only the files it compares).
    Links leading out of paths, named pipes, sockets and devices come as ParseErrors, unopened (follow_links:
    links are followed anywhere).
    """
    roots = [os.fspath(p) for p in paths]
    for path in walk_files(roots, follow_links=follow_links):
        if isinstance(path, ParseError):
            yield path
        elif defer is not None and not path.lower().endswith(ARCHIVE_SUFFIXES) and defer(path):
            yield Source(path, None, source_folder_of(path, roots))
        else:
            yield from file_sources(path, source_folder_of(path, roots))


def file_sources(path: str, root: str = "") -> Iterator[Source | ParseError]:
    """One file's Sources: the file, or an archive's members; a ParseError for what cannot be read.

    root: the source folder it was found under (default: its own folder)."""
    if _maybe_archive(path) and is_archive_path(path):
        yield from _archive_sources(path, root)
        return
    try:
        source = read_source(path)
    except ParseError as exc:
        yield exc
        return
    source.root = root
    if archive_kind(source.data[:512], path):
        # An archive without an archive's name: open it all the same.
        yield from _archive_sources(path, root)
    else:
        yield source


def _maybe_archive(path: str) -> bool:
    # Named like an archive, or too large to be a release: worth a look at its first bytes.
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and (path.lower().endswith(ARCHIVE_SUFFIXES) or info.st_size > MAX_FILE_BYTES)


def _archive_sources(path: str, root: str = "") -> Iterator[Source | ParseError]:
    # An archive's members are known inside the archive's folder: root defaults to it, not to '<archive>/'.
    root = root or os.path.dirname(path)
    for item in iter_archive(path):
        yield item if isinstance(item, ParseError) else Source(item[0], item[1], root)


def parse_source(source: Source) -> list[Release]:
    """Parse one Source into releases, each knowing its path inside the source folder; or raise ParseError."""
    try:
        releases = parse_bytes(source.path, source.data)
    except ParseError:
        raise
    except Exception as exc:  # noqa: BLE001 (a reader's failure on one hostile file skips that file, not the build)
        raise ParseError(
            source.path, f"the parser failed on it ({type(exc).__name__}: {str(exc)[:120]}); please report it"
        ) from None
    for release in releases:
        release.source = source.relative(release.path)
    return releases


def parse_paths(
    paths: Iterable[str | os.PathLike], root: str | os.PathLike | None = None, *, follow_links: bool = False
) -> Iterator[Release | ParseError]:
    """Parse every file under paths, yielding releases and, for files that fail, ParseErrors.

    root: the source folder releases are known inside (their ids derive from it), as `releases index ROOT`
    would give them; default: each folder given, or a file's own folder. A file under two of the paths given (the
    same folder twice, a folder inside another) is parsed once."""
    paths = [os.fspath(path) for path in paths]
    for source in once_each(iter_sources(paths, follow_links=follow_links), paths):
        if isinstance(source, ParseError):
            yield source
            continue
        if root is not None:
            source.root = os.fspath(root)
        try:
            yield from parse_source(source)
        except ParseError as exc:
            yield exc


__all__ = [
    "MAX_FILE_BYTES",
    "Source",
    "decode",
    "detect_format",
    "file_sources",
    "iter_files",
    "iter_sources",
    "parse_bytes",
    "parse_file",
    "parse_paths",
    "parse_source",
    "read_source",
    "source_folder_of",
    "source_relative",
    "source_root",
]
