"""Search backends: what one must offer, and choosing one.

A backend answers for one index:
    search(request: SearchRequest, parsed: ParsedQuery) -> Page   exact total, facets, a page of hits
    get(release_id) -> Release | None     a release with its sections and its copies (Release.duplicates)
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

from ..model import BackendUnavailable, Hit, Page, Release
from ..settings import BACKENDS, DEFAULT_BACKEND, DEFAULT_OPENSEARCH_URL, backend_name, opensearch_url

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "DEFAULT_OPENSEARCH_URL",
    "Backend",
    "BackendUnavailable",
    "backend_name",
    "open_backend",
    "opensearch_url",
]


class Backend(Protocol):
    """What the core needs from a search backend (see the module docstring)."""

    name: str

    def search(self, request, parsed) -> Page: ...

    def get(self, release_id: str) -> Release | None: ...

    def related(self, release_id: str, limit: int = 5) -> list[Hit]: ...

    def complete(self, prefix: str, limit: int = 8) -> list[dict]: ...

    def stats(self) -> dict: ...

    def close(self) -> None: ...


def open_backend(path: str | os.PathLike, *, backend: str | None = None, url: str | None = None) -> Backend:
    """Open the index at path (a folder for Whoosh, an index name for OpenSearch) on the chosen backend."""
    if backend_name(backend) == "opensearch":
        from .opensearch.backend import OpenSearchBackend

        return OpenSearchBackend(path, url=url)
    from .whoosh.backend import WhooshBackend

    return WhooshBackend(path)
