"""Limits on costly searches (fuzzy words, wildcards): one at a time per client, a few at a time per process.

A costly search burns a core for up to a second; a handful of clients sending them back to back would take
the CPU from everyone else. Each client (by address) may run COSTLY_PER_CLIENT at once and each server process
COSTLY_SLOTS (`releases serve` shares the slots between its worker processes: COSTLY_SEMAPHORE, one slot for
every two workers, so that most workers are free for plain searches); past that the answer is 429 with a
message, before any work.
"""

from __future__ import annotations

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
    try:
        return query_cost(parse_query(query).tree).expensive
    except QueryError:
        return False  # the view reports the query's error


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

    @app.before_request
    def limit_costly_searches():
        query = request.args.get("q", "")
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
