"""Releases in UTF-16 or UTF-32 without a byte-order mark are read, not skipped as binary."""

from __future__ import annotations

import os

import pytest

from indexer.model import ParseError
from indexer.parse import parse_bytes, wide_encoding

TEXT = (
    "Acme Opens Plant in Zürich\n\nBOSTON, May 1, 2020 /PRNewswire/ -- Acme Corp. (NYSE: ACME) opened a plant "
    "near the café — its third in Europe.\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [False, True])
def test_wide_encodings_are_read_with_or_without_a_bom(encoding, bom):
    data = TEXT.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    (release,) = parse_bytes("/r/wide.txt", data)
    assert release.headline == "Acme Opens Plant in Zürich"
    assert release.tickers == ["NYSE:ACME"]
    assert "café — its third" in release.lede + release.body
    if not bom:
        assert wide_encoding(data) == encoding


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(4096),
        b"\x00" * 512,
        bytes(range(256)) * 16,
        b"A\x00\x00\x00B\x00" * 300,
        TEXT.encode() + b"\x00" * 400,
    ],
    # (A few NUL bytes in text are debris of PDF extraction and are read: see test_parse_rules.py.)
    ids=["random", "zeros", "all-bytes", "odd-pattern", "utf8-with-many-nuls"],
)
def test_binary_data_is_still_refused(data):
    assert wide_encoding(data) is None
    with pytest.raises(ParseError, match="binary"):
        parse_bytes("/r/blob.txt", data)
