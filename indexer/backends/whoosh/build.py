"""Parallel indexing: worker processes parse sources into documents and write them as index segments.

The build reads and hashes each file the index already holds (it must, to skip unchanged ones) and hands
batches of sources to the workers through a bounded queue; files it has not indexed before go unread, as
paths, and the workers read them (the build's own process would otherwise spend a core's tenth reading
and copying bytes it never looks at). A worker parses its sources, turns each release into a
Whoosh document and adds it to an in-memory segment, which it writes into the new generation's
folder whenever its memory budget is reached, and once more at the end. Workers send back what
happened to each file (releases found, or why it was skipped) and the segments they wrote. Runs with
few files to parse do the same in the calling process, without starting workers.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from ...documents import documents_of
from ...model import ParseError
from ...parse import Source, file_sources
from ...schema import build_schema
from ...workers import INLINE_BELOW, process_context
from .store import INDEXNAME

# Memory for one worker's in-memory segment; it is written out when this is reached.
DEFAULT_LIMITMB = 256
MEMORY_CHECK_FILES = 16
BATCH_FILES = 64
BATCH_BYTES = 2 * 1024 * 1024
POLL_S = 0.5


@dataclass
class FileOutcome:
    """What indexing one file gave: its releases, or the reason it was skipped."""

    path: str
    releases: int = 0
    reason: str | None = None
    unread: bool = False  # sent unread, as a file the index holds nothing from: a new file


class SegmentSink:
    """Turns sources into documents and segments in one process, writing a segment per memory budget."""

    def __init__(self, gen_path: str, limitmb: int = DEFAULT_LIMITMB):
        from whoosh.filedb.filestore import FileStorage

        self.storage = FileStorage(gen_path)
        self.schema = build_schema()
        self.limit = limitmb * 1024 * 1024
        self.builder = None
        self.written: list = []
        self.added = 0  # sources added

    def add(self, source: Source) -> list[FileOutcome]:
        """Parse and index one source; one left unread is read here first (a file, or an archive's members)."""
        if source.data is None:
            outcomes = [
                FileOutcome(item.path, reason=item.reason) if isinstance(item, ParseError) else self._add(item)
                for item in file_sources(source.path)
            ]
            for outcome in outcomes:
                outcome.unread = True
            return outcomes
        return [self._add(source)]

    def _add(self, source: Source) -> FileOutcome:
        from .writer import SegmentBuilder, unwritable_field

        try:
            documents = documents_of(source)
        except ParseError as exc:
            return FileOutcome(source.path, reason=exc.reason)
        for doc in documents:
            bad = unwritable_field(doc)
            if bad is not None:
                what = "file name" if bad in ("path", "id") else f"{bad} text"
                return FileOutcome(source.path, reason=f"its {what} is not valid UTF-8: fix or rename the file")
        if self.builder is None:
            self.builder = SegmentBuilder(self.storage, INDEXNAME, self.schema)
        for doc in documents:
            self.builder.add_document(doc)
        self.added += 1
        # Sizing the segment sums every field's postings: often enough every few files.
        if self.added % MEMORY_CHECK_FILES == 0 and self.builder.memory_estimate() >= self.limit:
            self.flush()
        return FileOutcome(source.path, releases=len(documents))

    def flush(self) -> None:
        """Write the segment being filled, if any."""
        if self.builder is not None and self.builder.docnum:
            self.written.append(self.builder.finish())
        self.builder = None

    def take(self) -> list:
        """Segments written since the last call."""
        written, self.written = self.written, []
        return written


def _watch_parent(parent_pid: int) -> None:
    """Exit this worker when the build that started it is gone (killed builds leave no orphans)."""

    def watch():
        while True:
            time.sleep(POLL_S)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _work(gen_path: str, limitmb: int, tasks, results, parent_pid: int, inherited_fd: int | None) -> None:
    """A worker process: index batches of sources until told to stop, then write the last segment."""
    if inherited_fd is not None:
        # The build lock must die with the build, not live on in a worker.
        try:
            os.close(inherited_fd)
        except OSError:
            pass
    _watch_parent(parent_pid)
    try:
        sink = SegmentSink(gen_path, limitmb)
        while True:
            batch = tasks.get()
            if batch is None:
                break
            outcomes = [outcome for source in batch for outcome in sink.add(source)]
            results.put(("batch", outcomes, sink.take()))
        sink.flush()
        results.put(("done", [], sink.take()))
    except BaseException:
        results.put(("error", traceback.format_exc(), []))
        sys.exit(1)


class ParallelIndexer:
    """Indexes sources into segments of one generation, with worker processes when it pays."""

    def __init__(
        self,
        gen_path: str,
        *,
        procs: int | None = None,
        limitmb: int = DEFAULT_LIMITMB,
        on_outcome: Callable[[FileOutcome], None] | None = None,
        inherited_fd: int | None = None,
    ):
        self.gen_path = gen_path
        self.procs = max(1, procs if procs is not None else (os.cpu_count() or 1))
        self.limitmb = limitmb
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.inherited_fd = inherited_fd
        self.segments: list = []
        self._pending: list[Source] = []  # sources waiting for a decision: inline or workers
        self._batch: list[Source] = []
        self._batch_bytes = 0
        self._workers: list = []
        self._done = 0
        self._tasks = self._results = None
        self.started = 0  # worker processes started (0: everything ran in this process)

    # -- feeding --

    def add(self, source: Source) -> None:
        """Queue one source for indexing."""
        if not self._workers:
            self._pending.append(source)
            if self.procs > 1 and len(self._pending) >= INLINE_BELOW:
                self._start()
                for pending in self._pending:
                    self._queue(pending)
                self._pending = []
            return
        self._queue(source)

    def _queue(self, source: Source) -> None:
        self._batch.append(source)
        self._batch_bytes += len(source.data) if source.data is not None else 0
        if len(self._batch) >= BATCH_FILES or self._batch_bytes >= BATCH_BYTES:
            self._send(self._batch)
            self._batch, self._batch_bytes = [], 0
            # Results come a batch at a time: looking for them after every file costs a poll per file.
            self._drain(block=False)

    def finish(self) -> list:
        """Index what is left and wait for every segment; return the segments written."""
        if not self._workers:
            sink = SegmentSink(self.gen_path, self.limitmb)
            for source in self._pending:
                for outcome in sink.add(source):
                    self.on_outcome(outcome)
            sink.flush()
            self._pending = []
            self.segments.extend(sink.take())
            return self.segments
        if self._batch:
            self._send(self._batch)
            self._batch = []
        for _ in self._workers:
            self._send(None)
        while self._done < len(self._workers):
            self._drain(block=True)
        for worker in self._workers:
            worker.join()
        self._workers = []
        return self.segments

    def abort(self) -> None:
        """Stop the workers (after an error or an interruption)."""
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self._workers:
            worker.join(timeout=5)
        self._workers = []

    def __enter__(self) -> ParallelIndexer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()

    # -- workers --

    def _start(self) -> None:
        context = process_context()
        self._tasks = context.Queue(maxsize=self.procs * 3)
        self._results = context.Queue()
        for n in range(self.procs):
            worker = context.Process(
                target=_work,
                args=(self.gen_path, self.limitmb, self._tasks, self._results, os.getpid(), self.inherited_fd),
                name=f"releases-index-worker-{n}",
                daemon=True,
            )
            worker.start()
            self._workers.append(worker)
        self.started = len(self._workers)

    def _send(self, batch) -> None:
        while True:
            try:
                self._tasks.put(batch, timeout=POLL_S)
                return
            except queue.Full:
                self._drain(block=False)
                self._check_workers()

    def _drain(self, block: bool) -> None:
        if self._results is None:
            return
        while True:
            try:
                kind, payload, segments = self._results.get(timeout=POLL_S) if block else self._results.get_nowait()
            except queue.Empty:
                if block:
                    self._check_workers()
                return
            self.segments.extend(segments)
            if kind == "error":
                raise RuntimeError(f"an index worker failed:\n{payload}")
            for outcome in payload:
                self.on_outcome(outcome)
            if kind == "done":
                self._done += 1
            block = False

    def _check_workers(self) -> None:
        for worker in self._workers:
            if worker.exitcode not in (None, 0):
                raise RuntimeError(
                    f"an index worker stopped unexpectedly (exit code {worker.exitcode}); "
                    "the live index is unchanged: run 'releases index' again"
                )
