"""A count opening a lede ("Twelve students from Indian Springs School have been named ...", "Forty-two volunteers
..."): a number written out is no one's name."""

from __future__ import annotations

import re

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD_RE = re.compile(
    rf"(?:{_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_UNITS}))?|hundred|thousand)",
    re.IGNORECASE,
)


def is_count(name: str | None) -> bool:
    """Whether the name is only a number written out ("Twelve", "Forty-Two"); not "One World Products"."""
    return bool(name) and _NUMBER_WORD_RE.fullmatch(name.strip()) is not None
