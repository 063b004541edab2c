"""Parallel indexing: worker processes parse sources into documents and write them as index segments.

The build reads and hashes each file the index already holds (it must, to skip unchanged ones) and hands
batches of sources to the workers, each on its own pipe, at most two waiting a worker; files it has not
indexed before go unread, as
paths, and the workers read them (the build's own process would otherwise spend a core's tenth reading
and copying bytes it never looks at). A worker parses its sources, turns each release into a
Whoosh document and adds it to an in-memory segment, which it writes into the new generation's
folder whenever its memory budget is reached, and once more at the end. Workers send back what
happened to each file (releases found, or why it was skipped) and the segments they wrote. Runs with
few files to parse do the same in the calling process, without starting workers. A worker that dies or is
stuck is replaced without losing anything but the file it was on (see ParallelIndexer); the build's memory
budget is shared as memory.MemoryPlan says.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ...documents import documents_of
from ...memory import DEFAULT_MEMORY, MemoryPlan, resident_bytes
from ...model import IndexWorkerFailed, ParseError
from ...parse import Source, file_sources
from ...schema import build_schema
from ...workers import INLINE_BELOW, process_context
from .store import INDEXNAME

MEMORY_CHECK_FILES = 16
BATCH_FILES = 64
BATCH_BYTES = 2 * 1024 * 1024
POLL_S = 0.5
# Batches a worker may have waiting: one being indexed, one ready for when it is done (a batch holding more
# bytes than a pipe buffers goes only to an idle worker, so that sending it never waits on a busy one).
MAX_BATCHES_PER_WORKER = 2
PIPE_BYTES = 48 * 1024
# A worker on one source for longer than this is stopped and the source skipped: no read or parse may hold a
# build for ever (the slowest real release parses in well under a second).
STUCK_S = 120
# More worker deaths than this in one build end it with an error instead of starting more.
MAX_WORKER_DEATHS = 16
# Tests only: (action, text): on a source whose path holds the text, a worker kills itself ("kill": SIGKILL, as
# the OOM killer does), never returns ("hang"), or takes SLOW_WRITE_S to write its segment after it ("slow-write").
WORKER_FAULT: tuple[str, str] | None = None
SLOW_WRITE_S = 6


@dataclass
class FileOutcome:
    """What indexing one file gave: its releases, or the reason it was skipped."""

    path: str
    releases: int = 0
    reason: str | None = None
    unread: bool = False  # sent unread, as a file the index holds nothing from: a new file
    issuers: list | None = None  # what each release's issuer was resolved from (indexer.issuers.store.IssuerRecord)
    retracted: bool = False  # an outcome reported before, taken back: its worker died before writing it


class SegmentSink:
    """Turns sources into documents and segments in one process, writing a segment per memory budget."""

    def __init__(self, gen_path: str, plan: MemoryPlan | None = None, registry=None):
        from whoosh.filedb.filestore import FileStorage

        self.registry = registry  # indexer.issuers.Registry: resolves each release's issuer before it is written
        self.storage = FileStorage(gen_path)
        self.schema = build_schema()
        plan = plan or MemoryPlan.for_budget(DEFAULT_MEMORY, 1)
        self.limit = plan.segment_bytes
        self.rss_limit = plan.rss_bytes
        self.builder = None
        self.written: list = []
        self.added = 0  # files (or archive members) added
        self.flushes = 0
        self.unflushed = 0  # whole sources in the segment being filled: lost if this process dies before writing it
        self._full = False

    def add(self, source: Source) -> list[FileOutcome]:
        """Parse and index one source; one left unread is read here first (a file, or an archive's members)."""
        flushes = self.flushes
        if source.data is None:
            outcomes = [
                FileOutcome(item.path, reason=item.reason) if isinstance(item, ParseError) else self._add(item)
                for item in file_sources(source.path, source.root)
            ]
            for outcome in outcomes:
                outcome.unread = True
        else:
            outcomes = [self._add(source)]
        # A segment is written between sources (the caller calls flush when full is set), so that each source is
        # wholly in one written segment or wholly in the one being filled (what a worker that dies loses, and the
        # build gives to another).
        if self.flushes == flushes:
            self.unflushed += 1
        return outcomes

    @property
    def full(self) -> bool:
        """The segment being filled has reached the budget: write it before the next source."""
        return self._full

    def _add(self, source: Source) -> FileOutcome:
        from .writer import SegmentBuilder, unwritable_field

        issuers: list = []
        try:
            documents = documents_of(source, self.registry, issuers)
        except ParseError as exc:
            return FileOutcome(source.path, reason=exc.reason)
        for doc in documents:
            bad = unwritable_field(doc)
            if bad is not None:
                what = "file name" if bad in ("path", "source", "id") else f"{bad} text"
                return FileOutcome(source.path, reason=f"its {what} is not valid UTF-8: fix or rename the file")
        if self.builder is None:
            self.builder = SegmentBuilder(self.storage, INDEXNAME, self.schema)
        for doc in documents:
            self.builder.add_document(doc)
        self.added += 1
        # Sizing the segment sums every field's postings: often enough every few files. An archive far over the
        # budget is cut into segments in the middle (its members then cannot be handed to another worker).
        if self.added % MEMORY_CHECK_FILES == 0:
            estimate = self.builder.memory_estimate()
            # The process's own size too: parse buffers, freed but unreturned memory, what the estimate misses.
            # (Only a segment of some size is worth writing for it: a small one frees little.)
            rss = resident_bytes() if estimate >= self.limit // 8 else None
            if estimate >= 2 * self.limit or (rss is not None and rss >= self.rss_limit * 1.25):
                self.flush()
            elif estimate >= self.limit or (rss is not None and rss >= self.rss_limit):
                self._full = True
        return FileOutcome(source.path, releases=len(documents), issuers=issuers if self.registry is not None else None)

    def flush(self) -> None:
        """Write the segment being filled, if any."""
        if self.builder is not None and self.builder.docnum:
            self.written.append(self.builder.finish())
        self.builder = None
        self.flushes += 1
        self.unflushed = 0
        self._full = False

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


def _fault(action: str) -> None:
    """Tests only: fail as a worker can in the wild."""
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    while action == "hang":
        time.sleep(60)
    if action == "slow-write":
        time.sleep(SLOW_WRITE_S)


def _work(
    gen_path: str, plan: MemoryPlan, conn, slot, parent_pid: int, inherited_fd: int | None, fault, registry
) -> None:
    """A worker process: index the batches sent on conn until told to stop, then write the last segment.

    slot holds (batch, position in it, start time) of the source being indexed: the build reads it to name the
    file a worker held when it died, and to stop a worker stuck on one file.
    """
    if inherited_fd is not None:
        # The build lock must die with the build, not live on in a worker.
        try:
            os.close(inherited_fd)
        except OSError:
            pass
    _watch_parent(parent_pid)
    try:
        sink = SegmentSink(gen_path, plan, registry)
        while True:
            message = conn.recv()
            if message is None:
                break
            batch_id, sources = message
            outcomes = []
            for position, source in enumerate(sources):
                slot[0], slot[1], slot[2] = batch_id, position, time.monotonic_ns()
                faulty = fault is not None and fault[1] in source.path
                if faulty and fault[0] != "slow-write":
                    _fault(fault[0])
                outcomes.append(sink.add(source))
                slow_write = faulty and fault[0] == "slow-write"
                if sink.full or slow_write:
                    # Writing a segment is not being stuck on a source: a large one takes minutes on a loaded
                    # machine, and stopping the worker then would throw away every release in it.
                    slot[1] = -1
                    if slow_write:
                        _fault(fault[0])
                    sink.flush()
            slot[1] = -1
            conn.send(("batch", batch_id, outcomes, sink.take(), sink.unflushed))
        slot[1] = -1
        sink.flush()
        conn.send(("done", None, [], sink.take(), 0))
    except BaseException as exc:  # noqa: BLE001 (reported to the build, which stops with a clear error)
        where = ""
        if slot[1] >= 0:
            where = f" while indexing source {slot[1] + 1} of its batch"
        try:
            conn.send(("error", None, f"{type(exc).__name__}: {exc}{where}", [], 0))
        except OSError:
            pass
        sys.exit(1)


# Stands for a source whose bytes were let go (see ParallelIndexer._let_go).
_LET_GO = Source("", None)


@dataclass
class _Worker:
    """One worker process, its pipe, and what the build has given it that is not yet safe in a written segment."""

    number: int
    process: object
    conn: object
    slot: object  # shared (batch id, position, start ns) of the source it is on
    batches: list[int] = field(default_factory=list)  # batch ids sent, oldest first, not answered yet
    held: list[tuple[Source, list[FileOutcome]]] = field(default_factory=list)  # answered, not yet written
    stopping: bool = False
    done: bool = False


class ParallelIndexer:
    """Indexes sources into segments of one generation, with worker processes when it pays.

    A worker that dies (killed, out of memory) loses the sources it held: the one it was on is skipped with a
    reason, the others are given to a new worker, and the build goes on. A worker stuck on one source longer
    than STUCK_S is stopped the same way.
    """

    def __init__(
        self,
        gen_path: str,
        *,
        procs: int | None = None,
        memory: int = DEFAULT_MEMORY,
        on_outcome: Callable[[FileOutcome], None] | None = None,
        inherited_fd: int | None = None,
        registry=None,
    ):
        self.gen_path = gen_path
        self.registry = registry  # indexer.issuers.Registry: resolves each release's issuer before it is written
        self.plan = MemoryPlan.for_budget(memory, max(1, procs if procs is not None else (os.cpu_count() or 1)))
        self.procs = self.plan.workers  # as many as asked for, or as fit in the memory budget
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.inherited_fd = inherited_fd
        self.segments: list = []
        self._pending: list[Source] = []  # sources waiting for a decision: inline or workers
        self._batch: list[Source] = []
        self._batch_bytes = 0
        self._workers: list[_Worker] = []
        self._sent: dict[int, list[Source]] = {}  # batch id -> its sources, until answered
        self._retry: list[Source] = []  # sources a dead worker held, for another one
        self._tries: dict[str, int] = {}  # sources held by workers that died: how many times
        self._next_batch = 0
        self._context = None
        self.started = 0  # worker processes started (0: everything ran in this process)
        self.deaths = 0

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
            self._dispatch(self._batch)
            self._batch, self._batch_bytes = [], 0

    def finish(self) -> list:
        """Index what is left and wait for every segment; return the segments written."""
        if not self._workers:
            sink = SegmentSink(self.gen_path, self.plan, self.registry)
            for source in self._pending:
                for outcome in sink.add(source):
                    self.on_outcome(outcome)
                if sink.full:
                    sink.flush()
            sink.flush()
            self._pending = []
            self.segments.extend(sink.take())
            return self.segments
        if self._batch:
            self._dispatch(self._batch)
            self._batch = []
        while True:
            if self._retry:
                retry, self._retry = self._retry, []
                for start in range(0, len(retry), BATCH_FILES):
                    self._dispatch(retry[start : start + BATCH_FILES])
                continue
            for worker in self._workers:
                if not worker.stopping and not worker.batches:
                    self._send(worker, None)
                    worker.stopping = True
            if all(worker.done for worker in self._workers) and not self._retry:
                break
            self._wait()
        for worker in self._workers:
            worker.process.join(timeout=5)
            worker.conn.close()
        self._workers = []
        return self.segments

    def abort(self) -> None:
        """Stop the workers (after an error or an interruption)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join(timeout=5)
            worker.conn.close()
        self._workers = []

    def __enter__(self) -> ParallelIndexer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()

    # -- workers --

    def _start(self) -> None:
        self._context = process_context()
        for _ in range(self.procs):
            self._spawn()

    def _spawn(self) -> None:
        context = self._context
        ours, theirs = context.Pipe()
        slot = context.Array("q", 3, lock=False)
        slot[1] = -1
        number = self.started
        process = context.Process(
            target=_work,
            args=(self.gen_path, self.plan, theirs, slot, os.getpid(), self.inherited_fd, WORKER_FAULT, self.registry),
            name=f"releases-index-worker-{number}",
            daemon=True,
        )
        process.start()
        theirs.close()  # only the worker writes to its end: when it dies, reading ours ends instead of waiting
        self._workers.append(_Worker(number, process, ours, slot))
        self.started += 1

    def _dispatch(self, batch: list[Source]) -> None:
        """Send a batch to a worker with room for it, waiting for one if every worker is busy."""
        while True:
            size = sum(len(source.data) for source in batch if source.data is not None)
            room = MAX_BATCHES_PER_WORKER if size < PIPE_BYTES else 1
            free = [w for w in self._workers if not w.stopping and not w.done and len(w.batches) < room]
            if free:
                worker = min(free, key=lambda w: len(w.batches))
                batch_id = self._next_batch
                self._next_batch += 1
                self._sent[batch_id] = batch
                worker.batches.append(batch_id)
                self._send(worker, (batch_id, batch))
                # Results come a batch at a time: looking for them after every file costs a poll per file.
                self._wait(timeout=0)
                return
            self._wait()

    def _send(self, worker: _Worker, message) -> None:
        try:
            worker.conn.send(message)
        except OSError:
            self._lost(worker)  # it died: what it held goes to another worker

    def _wait(self, timeout: float = POLL_S) -> None:
        """Take the answers that have come; notice workers that died or are stuck."""
        live = [w for w in self._workers if not w.done]
        ready = set(multiprocessing.connection.wait([w.conn for w in live], timeout))
        for worker in live:
            if worker.conn in ready:
                self._receive(worker)
        for worker in self._workers:
            if not worker.done and not worker.process.is_alive():
                # Answers it sent before dying are still in its pipe: take them first.
                while not worker.done and self._receive(worker):
                    pass
                if not worker.done:
                    self._lost(worker)
            elif not worker.done and worker.slot[1] >= 0:
                if time.monotonic_ns() - worker.slot[2] > STUCK_S * 1e9:
                    worker.process.kill()
                    worker.process.join(timeout=5)
                    self._lost(worker, stuck=True)

    def _receive(self, worker: _Worker) -> bool:
        """Take one answer from a worker (False: there is none, or the worker is gone)."""
        try:
            if not worker.conn.poll():
                return False
            kind, batch_id, payload, segments, unflushed = worker.conn.recv()
        except (EOFError, OSError):
            return False
        self.segments.extend(segments)
        if kind == "error":
            raise IndexWorkerFailed(
                f"an index worker failed ({payload}); the live index is unchanged: run 'releases index' again, "
                "and report it if it fails again"
            )
        if kind == "done":
            worker.done = True
            worker.held = []
            return True
        worker.batches.remove(batch_id)
        sources = self._sent.pop(batch_id)
        for outcomes in payload:
            for outcome in outcomes:
                self.on_outcome(outcome)
        worker.held.extend(zip(sources, payload, strict=True))
        worker.held = worker.held[len(worker.held) - unflushed :] if unflushed else []
        self._let_go(worker)
        return True

    def _let_go(self, worker: _Worker) -> None:
        """Keep the bytes of a worker's unwritten sources within the plan: past it, the oldest are let go."""
        held = sum(len(source.data) for source, _ in worker.held if source.data is not None)
        for at, (source, outcomes) in enumerate(worker.held):
            if held <= self.plan.held_bytes:
                break
            if source.data is not None:
                held -= len(source.data)
                worker.held[at] = (_LET_GO, outcomes)

    def _lost(self, worker: _Worker, stuck: bool = False) -> None:
        """A worker died: skip the source it was on, give the rest of what it held to a new worker."""
        if worker.done:
            return
        worker.done = True
        self.deaths += 1
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        why = (
            f"the worker indexing it was stopped after {STUCK_S} s on it (a read that never ends?)"
            if stuck
            else "worker died while reading it"
            + (f" (killed by signal {-code}: out of memory?)" if code is not None and code < 0 else "")
        )
        # Answered sources not yet in a written segment were lost with it: take back what was reported.
        lost = [source for source, _ in worker.held if source is not _LET_GO]
        for source, outcomes in worker.held:
            for outcome in outcomes:
                self.on_outcome(dataclasses.replace(outcome, retracted=True))
                if source is _LET_GO:
                    again = "worker died before writing it (too large to keep for another): run 'releases index' again"
                    self.on_outcome(FileOutcome(outcome.path, reason=again, unread=outcome.unread))
        batch_on, position = worker.slot[0], worker.slot[1]
        for batch_id in worker.batches:
            sources = self._sent.pop(batch_id)
            if batch_id == batch_on and position >= 0:
                culprit = sources[position]
                self.on_outcome(FileOutcome(culprit.path, reason=why, unread=culprit.data is None))
                sources = sources[:position] + sources[position + 1 :]
            lost.extend(sources)
        worker.batches, worker.held = [], []
        for source in lost:
            # A source held by two workers that died is taken to be the cause, whichever one was being read.
            tries = self._tries[source.path] = self._tries.get(source.path, 0) + 1
            if tries >= 2:
                self.on_outcome(FileOutcome(source.path, reason=why, unread=source.data is None))
            else:
                self._retry.append(source)
        worker.conn.close()
        if self.deaths > MAX_WORKER_DEATHS:
            raise IndexWorkerFailed(
                f"{self.deaths} index workers died (the last with exit code {code}); the live index is unchanged: "
                "check memory (see --memory) and run 'releases index' again"
            )
        self._spawn()
