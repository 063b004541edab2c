"""release search: parse press releases, index them (Whoosh files on disk, or an OpenSearch cluster), search them.

from indexer import build_index, open_index
build_index(["seeds"], "index")
with open_index("index") as index:
    page = index.search("conference call", tickers=["IMGN"], date_from="2011-10-01")
    for hit in page.hits:
        print(hit.date, hit.headline)
"""

from .build import BuildReport, build_index
from .model import (
    BackendUnavailable,
    Facet,
    FacetValue,
    Hit,
    IndexLocked,
    IndexNotFound,
    Page,
    ParseError,
    QueryError,
    Release,
    ReleaseSearchError,
    SourceNotFound,
)
from .parse import parse_file, parse_paths
from .search import ReleaseIndex, SearchRequest, default_index_path, open_index

__all__ = [
    "BackendUnavailable",
    "BuildReport",
    "Facet",
    "FacetValue",
    "Hit",
    "IndexLocked",
    "IndexNotFound",
    "Page",
    "ParseError",
    "QueryError",
    "Release",
    "ReleaseIndex",
    "ReleaseSearchError",
    "SearchRequest",
    "SourceNotFound",
    "build_index",
    "default_index_path",
    "open_index",
    "parse_file",
    "parse_paths",
]
