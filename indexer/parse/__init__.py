"""Release parsing: find files, detect each one's format, and hand it to the right reader."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import ParseError, Release
from .jsonfile import parse_json
from .text import parse_text

# A single release is rarely over a megabyte; far larger files are mistakes or attacks.
MAX_FILE_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSON_SUFFIXES


@dataclass
class Source:
    """One file to parse, with its bytes and their hash."""

    path: str
    data: bytes

    @property
    def digest(self) -> str:
        """Content hash, used to index only new or changed files."""
        return hashlib.sha1(self.data).hexdigest()


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), falling back to cp1252 then Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def detect_format(path: str, head: str) -> str:
    """Name the reader for a file from its content first, then its extension."""
    stripped = head.lstrip()
    suffix = Path(path).suffix.lower()
    if stripped.startswith(("{", "[")) and suffix not in MARKDOWN_SUFFIXES | {".txt"}:
        return "json"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in MARKDOWN_SUFFIXES or stripped.startswith("# "):
        return "markdown"
    return "text"


def parse_bytes(path: str, data: bytes) -> list[Release]:
    """Parse one file's bytes into releases, or raise ParseError saying why not."""
    if not data.strip():
        raise ParseError(path, "empty file")
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(
            path, f"file too large ({len(data) // 1024 // 1024} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)"
        )
    if b"\x00" in data[:8192]:
        raise ParseError(path, "binary file, not a release")
    text = decode(data)
    fmt = detect_format(path, text[:2000])
    if fmt == "json":
        releases = parse_json(path, text)
    else:
        releases = parse_text(path, text, markdown=fmt == "markdown")
    digest = hashlib.sha1(data).hexdigest()
    for release in releases:
        release.source_hash = digest
    return releases


def parse_file(path: str | os.PathLike) -> list[Release]:
    """Parse one release file from disk."""
    return parse_source(read_source(os.fspath(path)))


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Every file under the given files and folders, recursively, in a stable order; hidden files skipped."""
    for root in paths:
        root = str(root)
        if os.path.isdir(root):
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name != "README.md":
                        yield os.path.join(folder, name)
        else:
            yield root


def read_source(path: str) -> Source:
    """Read one file from disk into a Source, or raise ParseError saying why it cannot be read."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ParseError(
                path, f"file too large ({size // 1024 // 1024} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)"
            )
        with open(path, "rb") as handle:
            return Source(path, handle.read())
    except FileNotFoundError:
        raise ParseError(path, "no such file or folder") from None
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc.strerror or exc}") from None


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[Source | ParseError]:
    """Every file under paths as a Source (its path and bytes); unreadable ones as ParseErrors.

    This is what an indexing run consumes: it hashes each Source and parses only new or changed ones.
    """
    for path in iter_files(paths):
        try:
            yield read_source(path)
        except ParseError as exc:
            yield exc


def parse_source(source: Source) -> list[Release]:
    """Parse one Source into releases, or raise ParseError."""
    return parse_bytes(source.path, source.data)


def parse_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Release | ParseError]:
    """Parse every file under paths, yielding releases and, for files that fail, ParseErrors."""
    for source in iter_sources(paths):
        if isinstance(source, ParseError):
            yield source
            continue
        try:
            yield from parse_source(source)
        except ParseError as exc:
            yield exc
