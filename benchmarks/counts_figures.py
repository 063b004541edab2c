"""Counts a journalist can cite (issue 19), measured on an index of the shared corpus.

Opens the index benchmarks/known_items.py builds (or --index) and, through ReleaseIndex.search (the code path
of `releases search --json`), prints: multi-word totals beside their AND form, the phrase and any-word counts;
for a dozen queries whether the timeline, the year, month and wire facets add up to the total and whether
clicking the top value or bar finds exactly its count; curly against straight quotes; the widest gap between a
hit and its folded copies; stats. Writes benchmarks/results/counts.md.

    PYTHONPATH=. python benchmarks/counts_figures.py [--index PATH]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import open_index  # noqa: E402

DEFAULT_INDEX = ROOT / ".cache" / "known_items" / "index"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "counts.md"
MULTI_WORD = [
    "reverse stock split",
    "clinical trial phase 3",
    "record revenue quarter",
    "Walgreens dividend",
    "definitive agreement",
    "share repurchase program",
]
ADD_UP = [
    "",
    "dividend",
    "reverse stock split",
    "record revenue quarter",
    "clinical trial phase 3",
    "merger OR acquisition",
    '"definitive agreement"',
    "bitcoin mining",
    "earnings call",
    "Walgreens dividend",
    "artificial intelligence",
    "quarterly dividend",
    "conference call",
]
FACETS = ("year", "month", "wire", "ticker")


def period_days(period: str) -> tuple[date, date]:
    """The first and last day of a timeline bar's month ('2024-01') or year ('2024')."""
    if len(period) == 4:
        return date(int(period), 1, 1), date(int(period), 12, 31)
    first = date.fromisoformat(f"{period}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def add_up(index, query: str) -> dict:
    """Whether the timeline and single-valued facets sum to the total, and clicks find what they showed."""
    page = index.search(query, facets=FACETS, facet_limit=10_000, per_page=100)
    sums = {name: sum(v.count for v in page.facets[name].values) for name in ("year", "month", "wire")}
    bars = sum(t["count"] for t in page.timeline)
    clicks = []
    for name in ("wire", "year"):
        if page.facets[name].values:
            top = page.facets[name].values[0]
            found = index.search(query, filters={name: [top.value]}, facets=()).total
            clicks.append(found == top.count)
    if page.timeline:
        bar = max(page.timeline, key=lambda t: t["count"])
        unit = "month" if len(bar["period"]) == 7 else "year"
        clicks.append(index.search(query, filters={unit: [bar["period"]]}, facets=()).total == bar["count"])
        # The same period asked for by dates (--from/--to, from/to): one calendar, the printed day.
        first, last = period_days(bar["period"])
        clicks.append(index.search(query, date_from=first, date_to=last, facets=()).total == bar["count"])
    # Facets of documents without a wire or a date do not hold every release: compare with those counted.
    gap = 0
    for hit in page.hits:
        for copy in hit.duplicates:
            if copy["date"] and hit.date:
                gap = max(gap, abs((date.fromisoformat(copy["date"]) - date.fromisoformat(hit.date)).days))
    return {
        "query": query or "(everything)",
        "total": page.total,
        "partial": page.partial_total,
        "bars": bars,
        "undated": page.undated,
        "year": sums["year"],
        "month": sums["month"],
        "wire": sums["wire"],
        "no_wire": index.search(query, filters={}, facets=()).total - sums["wire"],
        "clicks": all(clicks),
        "gap": gap,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    out = ["# Counts a journalist can cite (issue 19)", ""]
    out.append(
        f"Index: `{args.index.relative_to(ROOT) if args.index.is_relative_to(ROOT) else args.index}` "
        "(built by benchmarks/known_items.py from the shared corpus). Every figure through ReleaseIndex.search, "
        "the code path of `releases search --json` and `/api/search`. Produced by `benchmarks/counts_figures.py`."
    )
    with open_index(args.index) as index:
        stats = index.stats()
        out += ["", f"Index: {stats['documents']:,} documents, {stats['releases']:,} distinct releases.", ""]
        out += ["## Every word counted", ""]
        out += ["| query | total (all words) | AND form | phrase | some words (listed after) | any word |"]
        out += ["|---|---|---|---|---|---|"]
        for text in MULTI_WORD:
            words = text.split()
            plain = index.search(text)
            anded = index.search(" AND ".join(words)).total
            phrase = index.search(f'"{text}"').total
            anyword = index.search(text, match="any").total
            out.append(
                f"| `{text}` | {plain.total:,} | {anded:,} | {phrase:,} | {plain.partial_total:,} | {anyword:,} |"
            )
        walgreens = index.search("Walgreens dividend", facets=("ticker",))
        top = ", ".join(f"{v.value} {v.count}" for v in walgreens.facets["ticker"].values[:4])
        out += ["", f"Ticker facet of `Walgreens dividend`: {top}.", ""]
        out += ["## Timeline and facets add up to the total; a click finds what it showed", ""]
        out += [
            "| query | total | some words | timeline bars | undated | year facet | month facet | wire facet "
            "| clicks exact | widest copy gap (days) |"
        ]
        out += ["|---|---|---|---|---|---|---|---|---|---|"]
        ok = True
        for text in ADD_UP:
            row = add_up(index, text)
            good = (
                row["bars"] + row["undated"] == row["total"]
                and row["year"] == row["month"] == row["total"] - row["undated"]
                and row["clicks"]
            )
            ok &= good
            out.append(
                f"| `{row['query']}` | {row['total']:,} | {row['partial']:,} | {row['bars']:,} | {row['undated']:,} "
                f"| {row['year']:,} | {row['month']:,} | {row['wire']:,} | {'yes' if row['clicks'] else 'NO'} "
                f"| {row['gap']} |"
            )
        out += [
            "",
            "The wire facet leaves out releases whose wire is unknown; year and month leave out undated ones.",
            "Clicks: the top wire and year values, and the largest timeline bar both by its month (or year) filter "
            "and by --from/--to dates spanning it (one calendar: the printed day).",
            f"All rows add up: {'yes' if ok else 'NO'}.",
            "",
        ]
        out += ["## Typographic quotes", ""]
        out += ["| typed | total |", "|---|---|"]
        for typed in (
            "\u201cdefinitive agreement\u201d",
            '"definitive agreement"',
            "\u00abdefinitive agreement\u00bb",
            "definitive agreement",
        ):
            out.append(f"| `{typed}` | {index.search(typed).total:,} |")
        out += ["", "## A quoted word", ""]
        out += ["| typed | total | first three headlines |", "|---|---|---|"]
        for typed in ('"earnings"', "earnings"):
            page = index.search(typed, per_page=3)
            heads = "; ".join(h.headline[:60] for h in page.hits)
            out.append(f"| `{typed}` | {page.total:,} | {heads} |")
    text = "\n".join(out) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
