"""Where an index is and on which backend: from the caller's arguments, else the environment, else defaults."""

from __future__ import annotations

import os

from .model import ReleaseSearchError

BACKENDS = ("whoosh", "opensearch")
DEFAULT_BACKEND = "whoosh"
DEFAULT_OPENSEARCH_URL = "http://127.0.0.1:9200"
DEFAULT_INDEX = "index"


def backend_name(name: str | None = None) -> str:
    """The backend to use: name, else $RELEASES_BACKEND, else whoosh."""
    chosen = (name or os.environ.get("RELEASES_BACKEND") or DEFAULT_BACKEND).strip().lower()
    if chosen not in BACKENDS:
        raise ReleaseSearchError(f"unknown backend {chosen!r}: use one of {', '.join(BACKENDS)}")
    return chosen


def opensearch_url(url: str | None = None) -> str:
    """The OpenSearch cluster: url, else $RELEASES_OPENSEARCH_URL, else http://127.0.0.1:9200."""
    return (url or os.environ.get("RELEASES_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL).strip()


def default_index_path() -> str:
    """The index folder: $RELEASES_INDEX, else ./index."""
    return os.environ.get("RELEASES_INDEX") or DEFAULT_INDEX
