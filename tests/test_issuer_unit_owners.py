"""Issuer rule of issue 17's twentieth round (indexer/parse/unit_owners.py): a lede opening with a subsidiary is its
owner's release when the headline opens with the owner and the SOURCE line names it, and no About section presents the
unit. Small releases written inline, parsed as `releases parse` does."""

from __future__ import annotations

import pytest

from indexer.parse import parse_bytes

RELEASE = """# {headline}

BOISE, Idaho, Jan. 7, 2020 /PRNewswire/ -- Quarrel Semiconductor LLC ("Quarrel"), a wholly owned subsidiary of \
Brightmoor Devices, Inc. ("Brightmoor") (NASDAQ: BMDV), today announced that it has filed a complaint against \
Tallis Power Corp. Quarrel is seeking damages from Tallis.

{about}

SOURCE {source}
"""
OWNER_ABOUT = "About Brightmoor\\n\\nBrightmoor develops analog products. Learn more at brightmoor.example."
UNIT_ABOUT = "About Quarrel Semiconductor\\n\\nQuarrel designs power converters."


@pytest.mark.parametrize(
    "headline, about, source, company",
    [
        # The headline opens with the owner, the SOURCE line names it: the owner's release, with its listing.
        ("Brightmoor Devices Files Patent Lawsuit Against Tallis", OWNER_ABOUT, "Brightmoor Devices, Inc.",
         "Brightmoor Devices, Inc."),
        # The unit presents itself in an About section of its own: its release.
        ("Brightmoor Devices Files Patent Lawsuit Against Tallis", UNIT_ABOUT, "Brightmoor Devices, Inc.",
         "Quarrel Semiconductor LLC"),
        # The headline or the SOURCE line names the unit: its release.
        ("Quarrel Files Patent Lawsuit Against Tallis", OWNER_ABOUT, "Brightmoor Devices, Inc.",
         "Quarrel Semiconductor LLC"),
        ("Brightmoor Devices Files Patent Lawsuit Against Tallis", OWNER_ABOUT, "Quarrel Semiconductor LLC",
         "Quarrel Semiconductor LLC"),
    ],
)  # fmt: skip
def test_the_owner_issues_its_units_release_when_headline_and_source_name_it(
    headline: str, about: str, source: str, company: str
) -> None:
    release = RELEASE.format(headline=headline, about=about.replace("\\n", "\n"), source=source)
    (parsed,) = parse_bytes("release.md", release.encode())
    assert (parsed.company, parsed.tickers) == (company, ["NASDAQ:BMDV"])
