"""Releases as the documents both backends index: the schema's fields and the duplicate key, from one source."""

from __future__ import annotations

from .duplicates import duplicate_key, text_sketch
from .parse import Source, parse_source
from .schema import release_to_document


def documents_of(source: Source, registry=None, issuers: list | None = None) -> list[dict]:
    """Parse one source into documents, one per release (raises ParseError); with a registry
    (indexer.issuers.Registry), each release's issuer is resolved first and what it was resolved from is appended
    to issuers."""
    releases = parse_source(source)
    if registry is not None:
        from .issuers.store import resolve_releases

        resolve_releases(releases, registry, issuers)
    documents = []
    for release in releases:
        key = duplicate_key(release)
        documents.append(release_to_document(release, key, text_sketch(release) if key else ""))
    return documents
