"""Archives of releases (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz, single-file .gz) read member by member in memory.

Nothing is unpacked to disk. Every bound is checked before or while reading, so a zip bomb costs at most the
limits below: members over MAX_MEMBER_BYTES are skipped with a reason, a zip member whose declared compression
ratio is absurd is refused (whatever its size over RATIO_FLOOR_BYTES), a compressed stream (.tar.gz, .gz, ...)
stops once it has unpacked over MAX_RATIO times what it read, the archive stops after MAX_MEMBERS members or
MAX_TOTAL_BYTES of unpacked data, and archives inside archives are opened only MAX_DEPTH levels deep. Members are
read one at a time: memory holds one member, not the archive.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import posixpath
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..model import ParseError

MAX_MEMBER_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 200_000
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 200  # unpacked/packed size of a zip member or a compressed stream; text rarely compresses beyond 20:1
# Below this, a member's ratio is not looked at: a small file of spaces may compress 100:1 and costs nothing.
RATIO_FLOOR_BYTES = 64 * 1024
# A zip with more members refused for their ratio than this is refused whole (one line, not thousands).
MAX_BOMB_MEMBERS = 8
MAX_DEPTH = 2
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".gz")
# Files that describe a collection rather than hold a release.
_BARE_EXTENSIONS = {".md", ".markdown", ".txt", ".json", ".jsonl", ".html", ".htm", ".xml", ".newsml"}
SKIPPED_NAMES = ("readme", "license", "licence", "manifest", "changelog", "upstream_readme", "copying", "notice")


class _Budget:
    """Counts unpacked bytes and members across one archive (and the archives inside it)."""

    def __init__(self) -> None:
        self.bytes = 0
        self.members = 0


class _LimitedReader(io.RawIOBase):
    """A decompressed stream that raises once more than `limit` bytes come out of it, or once what came out is
    over MAX_RATIO times what was read from `packed` (a compressed stream's bomb, whatever its members' sizes)."""

    def __init__(self, inner: BinaryIO, budget: _Budget, limit: int, packed: BinaryIO | None = None):
        self.inner, self.budget, self.limit, self.packed = inner, budget, limit, packed
        self.out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.inner.read(len(buffer))
        self.budget.bytes += len(chunk)
        self.out += len(chunk)
        if self.budget.bytes > self.limit:
            raise _TooBig()
        if self.packed is not None and self.out > RATIO_FLOOR_BYTES * 16:
            packed = max(self.packed.tell(), 1)
            if self.out > MAX_RATIO * packed:
                raise _TooCompressed(self.out // packed)
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _TooBig(Exception):
    pass


class _TooCompressed(Exception):
    def __init__(self, ratio: int):
        super().__init__(ratio)
        self.ratio = ratio


# What damaged compressed data raises, depending on the codec and where the damage is.
_DAMAGE = (OSError, EOFError, ValueError, lzma.LZMAError, zlib.error, tarfile.TarError, zipfile.BadZipFile)


def too_large(size: int, limit: int, *, unpacked: bool = False) -> str:
    """The reason a file over its size limit is skipped: 'file too large (10.9 MB; the limit is 10 MB)'."""
    state = " unpacked" if unpacked else ""
    return f"file too large ({size / 1024 / 1024:.1f} MB{state}; the limit is {limit // 1024 // 1024} MB)"


def archive_kind(head: bytes, name: str = "") -> str | None:
    """'zip', 'tar', 'gzip', 'bz2' or 'xz' from a file's first bytes; None for anything else."""
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:3] == b"BZh" and name.lower().endswith((".bz2", ".tbz2")):
        return "bz2"
    if head[:6] == b"\xfd7zXZ\x00":
        return "xz"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def is_archive_path(path: str) -> bool:
    """Whether a file on disk is an archive, by its first bytes."""
    try:
        with open(path, "rb") as handle:
            return archive_kind(handle.read(512), path) is not None
    except OSError:
        return False


def skipped_name(name: str) -> bool:
    """Hidden files, OS litter and a collection's own README/LICENSE/MANIFEST are not releases."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    # A file named only by its extension (".md": a release whose slug was empty) is not a hidden file.
    hidden = [p for p in parts if p.startswith(".") and p not in (".", "..") and p.lower() not in _BARE_EXTENSIONS]
    if not parts or hidden or "__MACOSX" in parts:
        return True
    stem = parts[-1].lower().split(".")[0]
    return stem in SKIPPED_NAMES


def iter_archive(path: str, *, data: bytes | None = None, depth: int = 0, budget: _Budget | None = None) -> Iterator:
    """Yield (member path, bytes) pairs or ParseErrors for every file inside an archive at path (or in data)."""
    budget = budget or _Budget()
    try:
        handle: BinaryIO = io.BytesIO(data) if data is not None else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield ParseError(path, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        kind = archive_kind(handle.read(512), path)
        handle.seek(0)
        try:
            if kind == "zip":
                yield from _zip_members(path, handle, depth, budget)
            elif kind in ("gzip", "bz2", "xz", "tar"):
                yield from _tar_or_single(path, handle, kind, depth, budget)
            else:
                yield ParseError(path, "not an archive this reader knows (zip, tar, tar.gz, tar.bz2, tar.xz, gz)")
        except _TooBig:
            yield ParseError(
                path, f"archive unpacks to more than {MAX_TOTAL_BYTES // 1024 // 1024} MB; stopped reading it there"
            )
        except _TooCompressed as exc:
            yield ParseError(
                path,
                f"refused: unpacks over {MAX_RATIO} times its packed size ({exc.ratio}:1), like an archive bomb; "
                "stopped reading it there",
            )


def _member_path(path: str, name: str) -> str:
    clean = posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/")
    return f"{path}/{clean}"


def _nested(member_path: str, data: bytes, depth: int, budget: _Budget) -> Iterator:
    if archive_kind(data[:512], member_path) and depth + 1 <= MAX_DEPTH:
        yield from iter_archive(member_path, data=data, depth=depth + 1, budget=budget)
    elif archive_kind(data[:512], member_path):
        yield ParseError(member_path, f"archive nested more than {MAX_DEPTH} levels deep; not opened")
    else:
        yield member_path, data


def _count(path: str, budget: _Budget) -> ParseError | None:
    budget.members += 1
    if budget.members > MAX_MEMBERS:
        return ParseError(path, f"archive has more than {MAX_MEMBERS} files; the rest were not read")
    return None


def _zip_members(path: str, handle: BinaryIO, depth: int, budget: _Budget) -> Iterator:
    try:
        archive = zipfile.ZipFile(handle)
    except (*_DAMAGE, NotImplementedError) as exc:
        yield ParseError(path, f"damaged zip archive: {exc}")
        return
    bombs = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir() or skipped_name(info.filename) or info.file_size == 0:
                continue  # folders, OS litter and empty placeholders are not releases
            member = _member_path(path, info.filename)
            stop = _count(path, budget)
            if stop:
                yield stop
                return
            if info.file_size > MAX_MEMBER_BYTES:
                yield ParseError(member, too_large(info.file_size, MAX_MEMBER_BYTES, unpacked=True))
                continue
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                bombs += 1
                if bombs > MAX_BOMB_MEMBERS:
                    yield ParseError(
                        path, f"refused: over {MAX_BOMB_MEMBERS} members compressed like a zip bomb; stopped reading it"
                    )
                    return
                yield ParseError(
                    member, f"refused: compressed {info.file_size // max(info.compress_size, 1)}:1, like a zip bomb"
                )
                continue
            if info.flag_bits & 0x1:
                yield ParseError(member, "encrypted member; decrypt the archive first")
                continue
            try:
                with archive.open(info) as stream:
                    data = stream.read(MAX_MEMBER_BYTES + 1)
            except (*_DAMAGE, NotImplementedError, RuntimeError) as exc:
                yield ParseError(member, f"cannot unpack: {exc}")
                continue
            if len(data) > MAX_MEMBER_BYTES:
                yield ParseError(member, f"file too large (over {MAX_MEMBER_BYTES // 1024 // 1024} MB unpacked)")
                continue
            budget.bytes += len(data)
            if budget.bytes > MAX_TOTAL_BYTES:
                raise _TooBig()
            yield from _nested(member, data, depth, budget)


class _SmallReads(io.RawIOBase):
    """The packed file handed to a decompressor a little at a time, so that its position is close to what has
    been decompressed so far: Python 3.12's gzip reads 128 KiB ahead, which let a bomb's first members pass the
    ratio check before it saw enough of the packed file."""

    CHUNK = 8 * 1024

    def __init__(self, inner: BinaryIO):
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(min(len(buffer), self.CHUNK))
        buffer[: len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self.inner.tell()


def _decompressor(handle: BinaryIO, kind: str) -> BinaryIO:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=handle)
    if kind == "bz2":
        return bz2.BZ2File(handle)
    if kind == "xz":
        return lzma.LZMAFile(handle)
    return handle


def _tar_or_single(path: str, handle: BinaryIO, kind: str, depth: int, budget: _Budget) -> Iterator:
    packed = _SmallReads(handle) if kind != "tar" else None
    source = _decompressor(packed, kind) if packed is not None else handle
    limited = io.BufferedReader(_LimitedReader(source, budget, MAX_TOTAL_BYTES, packed))
    try:
        head = limited.peek(512)[:512]
    except _DAMAGE as exc:
        yield ParseError(path, f"damaged {kind} file: {exc}")
        return
    if kind != "tar" and not (len(head) >= 262 and head[257:262] == b"ustar"):
        # A single compressed file ("release.json.gz"): one member named like the file without its suffix.
        try:
            data = limited.read(MAX_MEMBER_BYTES + 1)
        except _DAMAGE as exc:
            yield ParseError(path, f"damaged {kind} file: {exc}")
            return
        if len(data) > MAX_MEMBER_BYTES:
            yield ParseError(path, f"file too large (over {MAX_MEMBER_BYTES // 1024 // 1024} MB unpacked)")
            return
        inner = os.path.splitext(path)[0]
        yield from _nested(inner, data, depth, budget)
        return
    try:
        archive = tarfile.open(fileobj=limited, mode="r|")
    except _DAMAGE as exc:
        yield ParseError(path, f"damaged tar archive: {exc}")
        return
    with archive:
        try:
            for info in archive:
                if not info.isfile() or skipped_name(info.name) or info.size == 0:
                    continue
                member = _member_path(path, info.name)
                stop = _count(path, budget)
                if stop:
                    yield stop
                    return
                if info.size > MAX_MEMBER_BYTES:
                    yield ParseError(member, too_large(info.size, MAX_MEMBER_BYTES))
                    continue
                stream = archive.extractfile(info)
                data = stream.read(MAX_MEMBER_BYTES + 1) if stream else b""
                yield from _nested(member, data, depth, budget)
        except _DAMAGE as exc:
            yield ParseError(path, f"damaged archive, read up to here: {exc}")
