"""An owner's listing is read only from the sentence that calls the issuer part of it: "a CRO. He previously served at
Quorra (NYSE: QRRA)" names a former employer, not an owner (issue 17's audit-T2). Made-up companies."""

from __future__ import annotations

import pytest

from indexer.issuers.owner_sentences import crosses_sentence
from indexer.issuers.resolve import parent_listings


@pytest.mark.parametrize(
    ("text", "listings"),
    [
        (
            "Brightfin (NYSE: BFN) named Jo Roe its first CRO. Roe has served as a CRO. He previously served at "
            "Quorra (NYSE: QRRA) and Zentro (NASDAQ: ZNTR), where he drove growth.",
            [],
        ),
        (
            "Brightfin hired a CRO. She led sales at Quorra (NYSE: QRRA) for a decade.",
            [],
        ),
        ("About Brightfin\nBrightfin, a subsidiary of Quorra Inc. (NYSE: QRRA), makes cards.", ["NYSE:QRRA"]),
        ("About Brightfin\nBrightfin is a Quorra (NYSE: QRRA) business.", ["NYSE:QRRA"]),
        ("Brightfin, an Amazon.com, Inc. subsidiary (NASDAQ: AMZN), makes cards.", ["NASDAQ:AMZN"]),
    ],
)
def test_an_owner_listing_stays_within_its_sentence(text, listings):
    assert parent_listings("Brightfin", text) == listings


@pytest.mark.parametrize(
    ("owner", "crosses"),
    [
        ("CRO. He previously served at Quorra", True),
        ("CRO. She led sales at Quorra", True),
        ("Quorra Inc.", False),
        ("Amazon.com, Inc.", False),
        ("Quorra Holdings Inc. Canada", False),  # a capitalised word after a legal form: one name
    ],
)
def test_an_owner_name_running_over_a_sentence_end(owner, crosses):
    assert crosses_sentence(owner) is crosses
