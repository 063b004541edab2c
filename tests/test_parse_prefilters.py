"""The parser's cheap pre-checks (a word a regex needs) must never rule out a text the regex would match."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from build_helpers import synth

from indexer.parse import classify, wires

DATA = Path(__file__).parent / "data" / "parser_labels.jsonl"


@functools.cache
def _texts() -> list[str]:
    """Real headlines (the labelled corpus sample), synthetic releases, and texts written to hit each rule."""
    texts = [json.loads(line)["headline"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [text for _, text in synth().generate(150, seed=7)]
    texts += [
        "ACME Corp. Reports Fourth Quarter Results",
        "Globex to Acquire Initech in All-Stock Deal",
        "Initech Announces Pricing of $500 Million Senior Notes Offering",
        "Hooli Names Jane Doe Chief Financial Officer",
        "Umbrella Receives FDA Approval for Drug X",
        "Stark Industries Declares Quarterly Dividend",
        "Wayne Enterprises to Host Conference Call on Q3 Results",
        "Cyberdyne Wins 2024 Innovation Award",
        "Shareholder Alert: Law Firm Investigates Claims on Behalf of Investors",
        "Soylent Launches New Plant-Based Line",
        "NEW YORK, June 3, 2024 /PRNewswire/ -- Acme today announced",
        "SAN JOSE, Calif.--(BUSINESS WIRE)--Hooli Inc.",
        "TORONTO, May 2, 2024 (GLOBE NEWSWIRE) -- Initech",
        "VANCOUVER, BC / ACCESSWIRE / May 2, 2024 / Globex",
        # Letters that case-insensitive regexes match to ASCII ones although str.lower() keeps them apart.
        "ACME Reports Fourth Quarter Re\u017fults",
        "Globex to Acqu\u0130re Initech",
        "\u212aarma Newswire: Initech names a new CEO",
        "NEW YORK /PRNew\u017fwire/ -- Acme",
    ]
    return texts


def test_release_types_are_what_the_rules_alone_give():
    """classify() with its word pre-check gives what every rule's regex gives on headlines and ledes."""
    for text in _texts():
        headline, lede = text[:200], text[:2000]
        expected = [
            name
            for name, (pattern, lede_too) in classify._COMPILED.items()
            if pattern.search(headline) or (lede_too and pattern.search(lede[:400]))
        ]
        assert classify.classify(headline, lede) == expected, headline


@pytest.mark.parametrize("name", list(classify._COMPILED))
def test_each_release_type_is_found_somewhere(name):
    """The texts above exercise every rule, so the comparison above is not vacuous."""
    assert any(name in classify.classify(text[:200], text[:2000]) for text in _texts())


def test_wires_named_in_text_are_what_the_markers_alone_give():
    """wire_in_text() with its word pre-check finds the first marker the regexes alone find."""
    found = 0
    for text in _texts():
        starts = [(m.start(), n) for n, (pattern, _) in enumerate(wires._TEXT_MARKERS) if (m := pattern.search(text))]
        expected = wires._TEXT_MARKERS[min(starts)[1]][1] if starts else None  # the earliest; on a tie, the first
        assert wires.wire_in_text(text) == expected, text[:120]
        found += expected is not None
    assert found > 10
