"""Limits on costly searches (fuzzy words, wildcards): one at a time per client, a few at a time per process.

A costly search burns a core for up to a second; a handful of clients sending them back to back would take
the CPU from everyone else. Each client (by address) may run COSTLY_PER_CLIENT at once and each server process
COSTLY_SLOTS (`releases serve` shares the slots between its worker processes: COSTLY_SEMAPHORE, one slot for
every two workers, so that most workers are free for plain searches); past that the answer is 429 with a
message, before any work.
"""

from __future__ import annotations

import atexit
import threading

from flask import Flask, current_app, g, request

from indexer.cost import query_cost
from indexer.model import QueryError
from indexer.query import parse_query

from .errors import error_response

DEFAULTS = {
    "COSTLY_PER_CLIENT": 1,  # costly searches one client may run at once
    "COSTLY_SLOTS": 1,  # costly searches one server process runs at once
    "COSTLY_WAIT_S": 1.0,  # how long a costly search waits for a free slot before its 429
    "COSTLY_LANE": False,  # run costly searches in a process of their own (releases serve turns it on)
}


class CostlySearches:
    """Counts the costly searches running, per client and in all."""

    def __init__(self, per_client: int, slots: int, wait_s: float, semaphore=None):
        self.per_client, self.wait_s = per_client, wait_s
        self.slots = semaphore if semaphore is not None else threading.BoundedSemaphore(slots)
        self.running: dict[str, int] = {}
        self.lock = threading.Lock()

    def enter(self, client: str) -> str | None:
        """Take a slot for client; the reason it cannot have one (None: it has one, call leave later)."""
        with self.lock:
            if self.running.get(client, 0) >= self.per_client:
                return (
                    "you already have a costly search running (fuzzy words or wildcards): "
                    "wait for it to finish, or use plain words"
                )
            self.running[client] = self.running.get(client, 0) + 1
        if not self.slots.acquire(timeout=self.wait_s):
            self._forget(client)
            return "the server is busy with other costly searches: try again in a moment, or use plain words"
        return None

    def leave(self, client: str) -> None:
        """Give back the slot taken by enter."""
        self.slots.release()
        self._forget(client)

    def _forget(self, client: str) -> None:
        with self.lock:
            left = self.running.get(client, 0) - 1
            if left > 0:
                self.running[client] = left
            else:
                self.running.pop(client, None)


def _costly(query: str) -> bool:
    """Whether a query is costly; its parse is kept for this request's search (parsed_query)."""
    try:
        parsed = parse_query(query)
    except QueryError:
        return False  # the view reports the query's error
    g.parsed_query = (query, parsed)
    return query_cost(parsed.tree).expensive


def parsed_query(query: str):
    """This request's query as the costly-search check parsed it (ParsedQuery), if it was this text; else None."""
    kept = g.get("parsed_query")
    return kept[1] if kept is not None and kept[0] == query else None


def register_limits(app: Flask) -> None:
    """Install the costly-search limits on the app's requests."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    limits = CostlySearches(
        int(app.config["COSTLY_PER_CLIENT"]),
        int(app.config["COSTLY_SLOTS"]),
        float(app.config["COSTLY_WAIT_S"]),
        app.config.get("COSTLY_SEMAPHORE"),
    )
    app.extensions["costly_searches"] = limits
    if app.config.get("COSTLY_LANE"):
        lane = CostlyLane(
            str(app.config["RELEASES_INDEX"]),
            app.config.get("RELEASES_BACKEND"),
            app.config.get("RELEASES_OPENSEARCH_URL"),
        )
        app.extensions["costly_lane"] = lane
        atexit.register(lane.close)

    @app.before_request
    def limit_costly_searches():
        query = request.args.get("q", "").strip()  # as SearchRequest keeps it
        if not query or not _costly(query):
            return None
        client = request.remote_addr or "unknown"
        refused = limits.enter(client)
        if refused is not None:
            response = error_response(refused, 429, "Too many costly searches")
            response.headers["Retry-After"] = "1"
            return response
        g.costly_client = client
        return None

    @app.teardown_request
    def release_costly_search(exc=None):
        client = g.pop("costly_client", None)
        if client is not None:
            current_app.extensions["costly_searches"].leave(client)


# ---- The costly lane: costly searches in a process of their own ----------------------------------------

_LANE_INDEX = None


def _lane_open(path: str, backend: str | None, url: str | None) -> None:
    global _LANE_INDEX
    from indexer import open_index

    _LANE_INDEX = open_index(path, backend=backend, url=url)


def _lane_search(request):
    return _LANE_INDEX.search(request=request)


class CostlyLane:
    """Runs costly searches in a separate process (started on first use), so that they never hold the
    interpreter of the process answering plain searches: measured in one process, a plain search took
    1.0-1.3 s beside a search of three words with ~2 instead of 51-55 ms."""

    def __init__(self, path: str, backend: str | None = None, url: str | None = None):
        self.args = (path, backend, url)
        self._pool = None
        self._lock = threading.Lock()

    def search(self, request):
        """Run one SearchRequest in the lane's process; its Page, or the error it raised."""
        with self._lock:
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                # spawn: this process runs threads, which a fork would copy mid-step
                self._pool = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"), initializer=_lane_open, initargs=self.args
                )
            pool = self._pool
        return pool.submit(_lane_search, request).result()

    def close(self) -> None:
        """Stop the lane's process."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


class _LaneIndex:
    """An open index whose search() runs in the costly lane; everything else as the index does it."""

    def __init__(self, index, lane: CostlyLane):
        self._index, self._lane = index, lane

    def search(self, query: str = "", *, parsed=None, **options):
        from indexer.search import SearchRequest

        # parsed is left out: the lane's process parses the query itself (a parsed query is not sent over)

        request = options.pop("request", None) or SearchRequest(query=query, **options)
        return self._lane.search(request)

    def __getattr__(self, name):
        return getattr(self._index, name)


def for_this_request(index):
    """The index to search for this request: through the costly lane when the search is costly and the app
    has one (COSTLY_LANE, on in `releases serve`), else the index itself."""
    lane = current_app.extensions.get("costly_lane")
    if lane is not None and g.get("costly_client") is not None:
        return _LaneIndex(index, lane)
    return index
