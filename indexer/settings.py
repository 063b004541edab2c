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


# ---- Memory: the budgets of the caches that grow with the index (per searcher, so per server worker) -----

MB = 1024 * 1024
# Environment variable -> (default in MB, what it holds). The caches hold recently used values and drop the
# least recently used past the budget; values larger than a whole budget are kept alone, one at a time.
CACHE_BUDGETS = {
    "RELEASES_POSTINGS_CACHE_MB": (24, "posting lists of recently searched words (12 bytes a posting)"),
    "RELEASES_PHRASE_CACHE_MB": (8, "the documents of recent phrases (8 bytes a document)"),
    "RELEASES_SUMS_CACHE_MB": (4, "common words' document frequencies and highest BM25F sums (4 KB a word form)"),
    "RELEASES_TERM_HASHES_MB": (
        64,
        "the term hashes of the index's segments, which answer 'not in this segment' without a read for "
        "the made-up spellings that typo and 'did you mean' look-ups try (4 bytes a term; segments past "
        "the budget are looked up on disk)",
    ),
}


def cache_budget(variable: str, environ=os.environ) -> int:
    """A cache's budget in bytes: $variable in megabytes (0 turns the cache off), else its default."""
    default, _ = CACHE_BUDGETS[variable]
    text = (environ.get(variable) or "").strip()
    if not text:
        return default * MB
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = -1
    if megabytes < 0:
        raise ReleaseSearchError(
            f"{variable}={text!r} is not a size in megabytes: set it to a number such as {default} (0 turns the "
            "cache off), or unset it"
        )
    return int(megabytes * MB)
