"""The timeline picture: matches per month or year as bars, each a link that narrows the date range.

The core counts matches per period; this fills the empty periods in, lays the bars out for an SVG drawn by
the template, and gives each bar the URL of the same search limited to its period.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# Wider than this many months and the chart shows years instead (bars would be slivers).
MAX_MONTH_BARS = 48
WIDTH = 1000  # SVG user units; the picture stretches to the column's width
HEIGHT = 100


@dataclass
class Bar:
    """One period's bar: what it counts, where it is drawn, and where clicking it leads."""

    period: str
    label: str
    count: int
    start: date
    end: date
    x: float
    width: float
    height: float
    href: str | None

    @property
    def y(self) -> float:
        """Top of the bar (SVG's y grows downwards)."""
        return HEIGHT - self.height


@dataclass
class Chart:
    """The bars, the unit they count per, and the axis labels."""

    bars: list[Bar]
    unit: str  # "month" or "year"
    peak: int
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def first(self) -> Bar:
        """The earliest bar."""
        return self.bars[0]

    @property
    def last(self) -> Bar:
        """The latest bar."""
        return self.bars[-1]


def _bounds(period: str) -> tuple[date, date]:
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def build_chart(timeline: list[dict], link: Callable[[date, date], str]) -> Chart | None:
    """Lay out bars for a timeline [{period, count}]; link(start, end) is the URL narrowing to a period."""
    counts = {t["period"]: int(t["count"]) for t in timeline if t.get("period") and int(t.get("count", 0)) > 0}
    counts = {p: c for p, c in counts.items() if len(p) in (4, 7) and p[:4].isdigit()}
    if not counts:
        return None
    periods = sorted(counts)
    unit = "year" if len(periods[0]) == 4 else "month"
    if unit == "month":
        periods = _months(periods[0], periods[-1])
        if len(periods) > MAX_MONTH_BARS:
            unit = "year"
            by_year: dict[str, int] = {}
            for period, count in counts.items():
                by_year[period[:4]] = by_year.get(period[:4], 0) + count
            counts = by_year
    if unit == "year":
        years = sorted(int(p[:4]) for p in counts)
        periods = [str(y) for y in range(years[0], years[-1] + 1)]
    peak = max(counts.values())
    slot = WIDTH / len(periods)
    gap = min(2.0, slot * 0.15)
    bars = []
    for i, period in enumerate(periods):
        count = counts.get(period, 0)
        start, end = _bounds(period)
        label = start.strftime("%B %Y") if unit == "month" else period
        height = 0.0 if not count else max(3.0, HEIGHT * count / peak)
        bars.append(
            Bar(
                period=period,
                label=label,
                count=count,
                start=start,
                end=end,
                x=round(i * slot + gap / 2, 2),
                width=round(slot - gap, 2),
                height=round(height, 2),
                href=link(start, end) if count else None,
            )
        )
    return Chart(bars=bars, unit=unit, peak=peak)
