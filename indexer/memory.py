"""A build's memory budget: how it is shared between the build's own process and its parse workers.

One number (`--memory`, default DEFAULT_MEMORY) bounds a build. The build's process keeps MAIN_SHARE of it (the
file walk, batches in flight, what workers hold unwritten); the rest is split evenly between the workers, fewer
workers being started when each would get less than MIN_WORKER. A worker writes its in-memory segment out when
the segment's own estimate reaches SEGMENT_SHARE of its part, or when the process's resident memory (what the
kernel counts, parse buffers and fragmentation included) reaches RSS_SHARE of it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .model import ReleaseSearchError

MB = 1024 * 1024
DEFAULT_MEMORY = 2048 * MB
MIN_MEMORY = 256 * MB
MAIN_SHARE = 0.25
MIN_WORKER = 192 * MB
# A segment's estimate counts postings, positions and cached texts; the process around it holds about as much
# again (the parse of a 2 MB release, interpreter, libraries, freed but unreturned memory): measured 2-3x.
SEGMENT_SHARE = 0.3
RSS_SHARE = 0.8
# Sources a worker holds unwritten are kept by the build's process to give to another worker should it die;
# past this many bytes a worker's oldest are let go (should it die, they are reported, not re-indexed).
HELD_SHARE = 0.25

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.I)


class BadMemorySize(ReleaseSearchError):
    """A --memory value that cannot be read."""


def parse_size(text: str | int) -> int:
    """Bytes from '1G', '512M', '1.5GB', '800000000' (plain numbers are bytes)."""
    if isinstance(text, int):
        size = text
    else:
        m = _SIZE_RE.match(text)
        if not m:
            raise BadMemorySize(f"cannot read the memory size {text!r}: write it as 512M, 2G or 1.5G")
        size = int(float(m.group(1)) * 1024 ** " kmgt".index((m.group(2) or " ").lower()))
    if size < MIN_MEMORY:
        raise BadMemorySize(f"a build needs at least {MIN_MEMORY // MB} MB: give --memory 256M or more")
    return size


@dataclass(frozen=True)
class MemoryPlan:
    """How a build's budget is spent: workers to start, and each one's limits."""

    budget: int
    workers: int
    segment_bytes: int  # a worker's in-memory segment is written out at this estimate
    rss_bytes: int  # ... or when its process holds this much
    held_bytes: int  # the build's process keeps at most this much of each worker's unwritten sources

    @classmethod
    def for_budget(cls, budget: int, procs: int) -> MemoryPlan:
        """Share budget among up to procs workers (fewer when each would get under MIN_WORKER)."""
        main = int(budget * MAIN_SHARE)
        workers = max(1, min(procs, (budget - main) // MIN_WORKER))
        each = (budget - main) // workers
        return cls(
            budget=budget,
            workers=workers,
            segment_bytes=int(each * SEGMENT_SHARE),
            rss_bytes=int(each * RSS_SHARE),
            held_bytes=int(main * HELD_SHARE / workers),
        )


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int | None:
    """This process's resident memory now (Linux; None elsewhere)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None
