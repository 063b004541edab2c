"""Progress of an indexing run for people: a bar on a terminal, a plain line now and then elsewhere."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from .model import BuildProgress, counted
from .parse import iter_files
from .parse.archive import ARCHIVE_SUFFIXES

BAR_WIDTH = 28
TERMINAL_EVERY_S = 0.2
PLAIN_EVERY_S = 10.0


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def files_to_read(sources, follow_links: bool = False, ignore: Callable[[str], bool] | None = None) -> int | None:
    """How many files a build reads, for its progress bar; None when an archive is among them (its members count
    as files as they are read, and counting them first would read the archive twice). ignore: files not read."""
    total = 0
    for path in iter_files(sources, follow_links=follow_links):
        if ignore is not None and ignore(str(path)):
            continue
        if str(path).lower().endswith(ARCHIVE_SUFFIXES):
            return None
        total += 1
    return total


def describe(progress: BuildProgress, now: float | None = None) -> tuple[float | None, str]:
    """(fraction done or None, 'files, releases, rate, time left') for one progress report."""
    elapsed = max(1e-6, (now if now is not None else time.monotonic()) - progress.started)
    rate = progress.releases / elapsed
    total = progress.files_total
    if total and progress.files_done > total:
        total = None  # more files than counted (members of an archive): no fraction or time left to show
    if total:
        fraction = min(1.0, progress.files_done / total)
        files = f"{progress.files_done:,}/{total:,} files"
        per_file = elapsed / progress.files_done if progress.files_done else None
        left = f", {_duration(per_file * (total - progress.files_done))} left" if per_file else ""
    else:
        fraction, files, left = None, counted(progress.files_done, "file"), ""
    return fraction, f"{files}, {counted(progress.releases, 'release')}, {rate:,.0f} releases/s{left}"


class ProgressPrinter:
    """A build progress callback: redraws a bar on a terminal, prints a line every 10 s otherwise."""

    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None):
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self._last = 0.0
        self._drawn = False

    def __call__(self, progress: BuildProgress) -> None:
        now = time.monotonic()
        every = TERMINAL_EVERY_S if self.terminal else PLAIN_EVERY_S
        if now - self._last < every and not (self.terminal and progress.files_done == progress.files_total):
            return
        if not self.terminal and now - progress.started < every:
            return  # quick runs print only their summary
        self._last = now
        fraction, text = describe(progress, now)
        if self.terminal:
            bar = ""
            if fraction is not None:
                filled = int(fraction * BAR_WIDTH)
                bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%} "
            self.stream.write(f"\r{bar}{text}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(f"indexing: {text}\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line (call once the build is over)."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
