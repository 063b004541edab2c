"""A small 24-7PressRelease-style release written inline and parsed as `releases parse` does, for the issuer rules'
tests."""

from __future__ import annotations

from indexer.model import Release
from indexer.parse import parse_bytes


def wire(lede: str, headline: str, tail: str = "", *, tail_apart: bool = False) -> Release:
    """The one release of a headline, a dated lede and a tail (in the lede's paragraph, or its own with tail_apart)."""
    between = "\n\n" if tail_apart else "  "
    body = f"SPRINGFIELD, IL, May 4, 2025 /24-7PressRelease/ -- {lede}{between}{tail}"
    (parsed,) = parse_bytes("release.md", f"# {headline}\n\n{body}\n".encode())
    return parsed
