"""Issuer rule for a lede opening with a count (issue 17's audit of unlabelled releases, audit21's tuned half):
"Twelve students from Maple Ridge School ..." is not issued by "Twelve". Small releases written inline, parsed as
`releases parse` does."""

from __future__ import annotations

import pytest
from wire_release import wire

from indexer.parse.counts import is_count


@pytest.mark.parametrize("count", ["Twelve", "Forty-Two", "Eighteen"])
def test_a_counted_lede_is_not_its_count(count: str) -> None:
    parsed = wire(
        f"{count} students from Maple Ridge School have been named semifinalists. Maple Ridge School is proud.",
        f"{count} Students From Maple Ridge School Named Semifinalists",
        "About Maple Ridge School Maple Ridge School is an independent school.",
    )
    assert parsed.company == "Maple Ridge School"


@pytest.mark.parametrize("name", ["One World Products", "Five Point Holdings", "Twelve-Seventeen Records", "Tenet"])
def test_a_name_opening_with_a_number_is_a_name(name: str) -> None:
    assert not is_count(name)
