"""Releases of the kinds the parser was not built on, written for the rules that read them (tests/fixtures/other_sources).

Text extracted from PDFs (page headers and footers, page numbers, form feeds, words hyphenated at line ends,
ligatures, NUL bytes), wire releases reposted as Markdown with YAML front matter, and reposts that print the wire's
name on a line of its own above the dateline. Each file's expected fields are in ``expected.json``: what a careful
reader takes from it. Companies, people and symbols are made up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.parse import parse_file
from tests.test_parser_labels import norm_company, norm_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "other_sources"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_release_of_another_source_reads_as_a_reader_would(name):
    want = EXPECTED[name]
    (release,) = parse_file(FIXTURES / name)
    got = release.to_json()
    assert norm_text(got["headline"]) == norm_text(want["headline"])
    assert got["date"] == want["date"]
    assert norm_text(got.get("location")) == norm_text(want["location"])
    assert got.get("wire") == want["wire"]
    assert norm_company(got.get("company")) == norm_company(want["company"])
    assert sorted(got.get("tickers") or []) == sorted(want["tickers"])
    text = "\n\n".join((release.lede, release.body, release.about))
    for words in want.get("body_has", []):
        assert words in " ".join(text.split()), words
    for words in want.get("body_lacks", []):
        assert words not in text, words


def test_every_fixture_has_its_expected_fields():
    files = {path.name for path in FIXTURES.iterdir() if path.name != "expected.json"}
    assert files == set(EXPECTED)
