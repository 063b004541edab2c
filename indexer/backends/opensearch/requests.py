"""Search requests on OpenSearch within one call's time limit: alone, or several in one round trip (msearch).

Every search, release page, related list, autocomplete and stats call has the Whoosh backend's time limit
(query.SEARCH_TIME_LIMIT_S) for all its requests together: each request carries what is left of it as the
cluster's `timeout`, and the client stops waiting a moment later. A search the cluster cut short (timed_out)
fails the call with the Whoosh backend's message rather than show partial counts.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

from ... import query as q
from ...model import BackendUnavailable, QueryError
from .client import reason, translated_errors

TIMEOUT_GRACE_S = 1.0  # the client waits this much longer than the cluster's own limit (its answer comes first)


class TimedRequests:
    """Searches of one alias (self.alias, self.client, self.url), each call within its time limit."""

    alias: str
    url: str
    client: object

    def _init_limits(self) -> None:
        self._limits = threading.local()  # the time limit of the call running in this thread

    @contextmanager
    def _time_limit(self):
        """One call's time budget (query.SEARCH_TIME_LIMIT_S, as on Whoosh), shared by all its requests."""
        outer = getattr(self._limits, "deadline", None)
        if outer is None:
            self._limits.deadline = q.Deadline()
        try:
            yield
        finally:
            if outer is None:
                self._limits.deadline = None

    def _budget(self, body: dict, params: dict):
        """The call's deadline (None outside a call), what is left of it set on body and params."""
        deadline = getattr(self._limits, "deadline", None)
        if deadline is not None:
            left = deadline.end - time.monotonic()
            if left <= 0:
                deadline.check()
            body = {**body, "timeout": f"{max(1, int(left * 1000))}ms"}
            params["request_timeout"] = left + TIMEOUT_GRACE_S
        return deadline, body

    @staticmethod
    def _check_time(found: dict, deadline) -> None:
        if found.get("timed_out") and deadline is not None:
            deadline.end = time.monotonic() - 1  # spent: check() reports it
            deadline.check()

    def _search(self, body: dict, **params) -> dict:
        """One search request within the call's time limit: the cluster stops at what is left of it (and
        says so: timed_out), and the client stops waiting a moment later; either fails the call."""
        from opensearchpy.exceptions import ConnectionTimeout, RequestError  # connect() checked the client is there

        deadline, body = self._budget(body, params)
        params.setdefault("index", self.alias)  # None: the body names what it searches (a point in time)
        for name in ("search_type", "preference"):
            if name in params and params[name] is None:
                del params[name]
        with translated_errors(self.url):
            try:
                found = self.client.search(body=body, **params)
            except RequestError as exc:
                raise QueryError(f"the search cannot run: {reason(exc)}; simplify the query") from exc
            except ConnectionTimeout:
                if deadline is None:
                    raise
                found = {"timed_out": True}
        self._check_time(found, deadline)
        return found

    def _searches(
        self, bodies: list[dict], search_type: str | None = None, preference: str | None = None, counts: int = 0
    ) -> list[dict]:
        """Several searches of the alias in one round trip (msearch), within the call's time limit; their
        answers in order. A search the cluster refuses fails the call as a lone one would.

        The last `counts` bodies only count (no hit, no score): they go without search_type, since a
        dfs_query_then_fetch round would gather the term statistics of every term they name (a statistics check
        names thousands) for scores nobody reads. preference still applies: the same shard copies answer."""
        from opensearchpy.exceptions import ConnectionTimeout

        if len(bodies) == 1:
            return [self._search(bodies[0], search_type=None if counts else search_type, preference=preference)]
        params: dict = {}
        lines: list[dict] = []
        deadline = None
        for number, body in enumerate(bodies):
            deadline, body = self._budget(body, params)
            kind = None if number >= len(bodies) - counts else search_type
            header = {"index": self.alias, "search_type": kind, "preference": preference}
            lines += [{k: v for k, v in header.items() if v}, body]
        with translated_errors(self.url):
            try:
                found = self.client.msearch(body=lines, **params)["responses"]
            except ConnectionTimeout:
                if deadline is None:
                    raise
                found = [{"timed_out": True}] * len(bodies)
        for item in found:
            error = item.get("error")
            if error is not None:
                cause = ((error.get("root_cause") or [error])[0] if isinstance(error, dict) else {}) or {}
                why = cause.get("reason") or (error.get("reason") if isinstance(error, dict) else error)
                if int(item.get("status") or 500) >= 500:
                    raise BackendUnavailable(f"OpenSearch at {self.url} failed: {why}; check the cluster's health")
                raise QueryError(f"the search cannot run: {why}; simplify the query")
            self._check_time(item, deadline)
        return found
