"""Releases as the documents both backends index: the schema's fields and the duplicate key, from one source."""

from __future__ import annotations

from .duplicates import duplicate_key
from .parse import Source, parse_source
from .schema import release_to_document


def documents_of(source: Source) -> list[dict]:
    """Parse one source into documents, one per release (raises ParseError)."""
    return [release_to_document(release, duplicate_key(release)) for release in parse_source(source)]
