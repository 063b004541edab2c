"""Spellings one edit from a typo count only when releases use them as written: a non-word that stems to a common
word ("alle" to "all", "calle" to "call") is never suggested nor searched in the typo's place."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from indexer import build_index, open_index

# (the word releases use a few times, a typo of it, a common word a non-word one edit from the typo stems to)
CASES = (("apple", "aple", "all"), ("maple", "caple", "call"))


@pytest.fixture(scope="module")
def spelling_index(tmp_path_factory):
    """Releases of made-up companies: each rare word in two of them, each common word in twelve."""
    root = tmp_path_factory.mktemp("spelling_forms")
    n = 0
    for rare, _, common in CASES:
        for count, word in ((2, rare), (12, common)):
            for _ in range(count):
                when = date(2024, 1, 8) + timedelta(days=n)
                day = f"{when.strftime('%B')} {when.day}, {when.year}"
                text = (
                    f"Harbel Trading Co. Update Number {n}\n\nDENVER, {day} /PRNewswire/ -- Harbel Trading Co. today "
                    f"reported on {word} matters in its region, item {n}, for its customers and partners.\n"
                )
                (root / f"r{n:03d}.txt").write_text(text, encoding="utf-8")
                n += 1
    build_index([root], root / "index")
    return root / "index"


@pytest.mark.parametrize(("rare", "typo", "common"), CASES)
def test_a_typo_becomes_a_written_word_not_a_stem_neighbour(spelling_index, rare, typo, common):
    with open_index(spelling_index) as index:
        page = index.search(typo)
        assert page.suggestion == rare and page.corrected
        # Releases of the rare word (and of other words one edit away), none of the common word's twelve.
        assert 2 <= page.total == index.search(f"{typo} -{common}").total < 12
        assert index.search(common).total == 12
