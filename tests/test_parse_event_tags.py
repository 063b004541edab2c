"""An event's tag opening the lede ("CES 2019— Acme ...") names no one: the name after it issues the release
(indexer/parse/subject.py, `without_event_tag`)."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes
from indexer.parse.subject import without_event_tag

RELEASE = """Zentro Labs Unveils a Sensor for Home Robots

LAS VEGAS--(BUSINESS WIRE)--Jan. 8, 2019--{opening} Zentro Labs, Inc. (NASDAQ:ZNTL), a maker of sensors, today
announced a sensor for home robots. The sensor ships in March to makers of robot vacuums and lawn mowers.

"Robots need to see the floor," said Mara Venn, chief executive of Zentro Labs.
"""


@pytest.mark.parametrize(
    "opening",
    ["CES 2019\u2014", "CES 2019 \u2014", "RSA Conference 2019\u2014", "Robotics Summit --", "HIMSS19 \u2013"],
)
def test_an_event_tag_before_the_subject_is_not_the_issuer(opening):
    text = RELEASE.format(opening=opening)
    [release] = parse_bytes("zentro/2019/0108/sensor.md", text.encode())
    assert release.company == "Zentro Labs, Inc."
    assert release.tickers == ["NASDAQ:ZNTL"]


@pytest.mark.parametrize(
    ("lede", "kept"),
    [
        # A dash after the subject's own name that goes on in lower case is prose, not a tag.
        ("Zentro Labs \u2014 the maker of sensors \u2014 today announced", True),
        # A capitalised phrase that names no event is left to the other rules.
        ("Zentro Labs \u2014 Pell Harbor Group today announced", True),
        ("CES 2019\u2014 Zentro Labs today announced", False),
        ("Mobile World Congress \u2013 Zentro Labs today announced", False),
    ],
)
def test_only_a_phrase_naming_an_event_is_cut_as_a_tag(lede, kept):
    assert (without_event_tag(lede) == lede) is kept
    if not kept:
        assert without_event_tag(lede).startswith("Zentro Labs")
