"""Search backends: what one must offer, and choosing one.

A backend answers for one index:
    search(request: SearchRequest, parsed: ParsedQuery) -> Page   exact total, facets, a page of hits
    get(release_id) -> dict | None        every stored field of a release, plus "duplicates"
    related(release_id, limit) -> list[Hit]   similar releases, its own copies excluded
    complete(prefix, limit) -> list[dict]  tickers and companies for autocomplete
    stats() -> dict                        releases, date range, top values
    close() -> None
and a build entry point fills it from files (indexer.build.build_index dispatches on the backend name).
Whoosh (embedded, the default) lives in the whoosh/ package; OpenSearch (a cluster) in opensearch/
"""

from __future__ import annotations

import os
from typing import Protocol

from ..model import BackendUnavailable, Hit, Page, ReleaseSearchError

BACKENDS = ("whoosh", "opensearch")
DEFAULT_BACKEND = "whoosh"
DEFAULT_OPENSEARCH_URL = "http://127.0.0.1:9200"

__all__ = ["BACKENDS", "Backend", "BackendUnavailable", "backend_name", "open_backend", "opensearch_url"]


class Backend(Protocol):
    """What the core needs from a search backend (see the module docstring)."""

    name: str

    def search(self, request, parsed) -> Page: ...

    def get(self, release_id: str) -> dict | None: ...

    def related(self, release_id: str, limit: int = 5) -> list[Hit]: ...

    def complete(self, prefix: str, limit: int = 8) -> list[dict]: ...

    def stats(self) -> dict: ...

    def close(self) -> None: ...


def backend_name(name: str | None = None) -> str:
    """The backend to use: name, else $RELEASES_BACKEND, else whoosh."""
    chosen = (name or os.environ.get("RELEASES_BACKEND") or DEFAULT_BACKEND).strip().lower()
    if chosen not in BACKENDS:
        raise ReleaseSearchError(f"unknown backend {chosen!r}: use one of {', '.join(BACKENDS)}")
    return chosen


def opensearch_url(url: str | None = None) -> str:
    """The OpenSearch cluster: url, else $RELEASES_OPENSEARCH_URL, else http://127.0.0.1:9200."""
    return (url or os.environ.get("RELEASES_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL).strip()


def open_backend(path: str | os.PathLike, *, backend: str | None = None, url: str | None = None) -> Backend:
    """Open the index at path (a folder for Whoosh, an index name for OpenSearch) on the chosen backend."""
    if backend_name(backend) == "opensearch":
        from .opensearch.backend import OpenSearchBackend

        return OpenSearchBackend(path, url=url)
    from .whoosh.backend import WhooshBackend

    return WhooshBackend(path)
