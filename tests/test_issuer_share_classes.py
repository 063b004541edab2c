"""Which of an issuer's listings a release of it carries: its main listing and share classes, not its other lines."""

from __future__ import annotations

import pytest

from indexer.issuers import Evidence, Issuer, Registry, resolve


@pytest.mark.parametrize(
    ("listings", "classes"),
    [
        # notes and preferreds the exchange names after the main symbol with letters added
        (["NASDAQ:ORBT", "NASDAQ:ORBTI", "NASDAQ:ORBTL", "NASDAQ:ORBTZ"], ["NASDAQ:ORBT"]),
        (["NYSE:KLMN", "NYSE:KLMNB"], ["NYSE:KLMN"]),
        # preferred shares after a separator
        (["NYSE:QRS", "NYSE:QRS-PB", "NYSE:QRS-PK"], ["NYSE:QRS"]),
        (["NYSE:VWX", "NYSE:VWX-P"], ["NYSE:VWX"]),
        # warrants, units and rights as before
        (["NASDAQ:ZYXA", "NASDAQ:ZYXAW", "NASDAQ:ZYXAU"], ["NASDAQ:ZYXA"]),
        # share classes: a shorter symbol the main one extends, a class letter after a separator, the same length
        (["NASDAQ:NOVAA", "NASDAQ:NOVA"], ["NASDAQ:NOVAA", "NASDAQ:NOVA"]),
        (["NYSE:HLD-B", "NYSE:HLD-A"], ["NYSE:HLD-B", "NYSE:HLD-A"]),
        (["NYSE:GRF", "NYSE:GRF-B"], ["NYSE:GRF", "NYSE:GRF-B"]),
        (["NASDAQ:LBXA", "NASDAQ:LBXK"], ["NASDAQ:LBXA", "NASDAQ:LBXK"]),
        # Nasdaq's fifth letter: classes A, B, J, K; preferreds, notes, rights, units, warrants otherwise
        (["NASDAQ:QWERA", "NASDAQ:QWERB", "NASDAQ:QWERK"], ["NASDAQ:QWERA", "NASDAQ:QWERB", "NASDAQ:QWERK"]),
        (["NASDAQ:FCNXA", "NASDAQ:FCNXP", "NASDAQ:FCNXO", "NASDAQ:FCNXN"], ["NASDAQ:FCNXA"]),
        (["NASDAQ:GTQRA", "NASDAQ:GTQRR", "NASDAQ:GTQRU", "NASDAQ:GTQRW"], ["NASDAQ:GTQRA"]),
        # the NYSE writes a class after a separator: one letter changed without one is another line
        (["NYSE:CRBX", "NYSE:CRBD"], ["NYSE:CRBX"]),
        # over the counter, an ADR ("Y") and the ordinary shares ("F") are both the company's
        (["OTC:SMERY", "OTC:SMERF"], ["OTC:SMERY", "OTC:SMERF"]),
    ],
)
def test_share_classes_leave_out_notes_preferreds_and_warrants(listings, classes):
    assert Issuer("x", "Orbit Holdings Inc.", listings=listings).share_classes == classes


def test_a_release_carries_its_issuers_share_classes_not_its_notes():
    registry = Registry(
        [Issuer("orbt", "Orbit Mobile US, Inc.", listings=["NASDAQ:ORBT", "NASDAQ:ORBTI", "NASDAQ:ORBTZ"], cik="9")]
    )
    found = resolve(Evidence("Orbit Mobile", ["NASDAQ:ORBT"]), registry)
    assert found.company == "Orbit Mobile US, Inc."
    assert found.tickers == ("NASDAQ:ORBT",)
