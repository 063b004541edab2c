"""Precision of folding copies: are the releases the index folds together really one release?

Opens an index of the shared corpus (default: the one benchmarks/known_items.py builds), takes the duplicate
groups every count uses (same headline and opening words, dated within COPY_WINDOW_DAYS of the group's first
copy, and the shorter text mostly found in the longer: duplicates.same_text on text sketches, computed here from
the stored text so that an index built before sketches is measured the same way), and prints:
- the groups the key and week alone would fold that the text check keeps apart, with the exact containment
  (share of the shorter copy's 5-shingles in the longer) and the sketch's estimate of it;
- how many groups the date window split (same text, dated more than a week apart: recurring announcements);
- the text similarity of folded copies (Jaccard of word 5-shingles over headline + whole text) as a histogram;
- a seeded sample of groups, each with dates, wires, headline, opening and its lowest similarity, for reading
  by hand. Verdicts read by hand go in benchmarks/results/duplicates.md (this script leaves that file's
  verdict table alone and rewrites only its figures block when --out is given).

    PYTHONPATH=. python benchmarks/duplicate_precision.py [--index PATH] [--sample 120] [--seed 19]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import open_index  # noqa: E402
from indexer.backends.whoosh.facets import NO_DATE  # noqa: E402
from indexer.duplicates import COPY_WINDOW_S, MIN_CONTAINED, contained, fold_groups, text_sketch  # noqa: E402
from indexer.model import Release  # noqa: E402

DEFAULT_INDEX = ROOT / ".cache" / "known_items" / "index"
_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    """The word 5-grams of a text (lower case, punctuation dropped)."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def similarity(a: set, b: set) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def containment(a: set, b: set) -> float:
    """Share of the shorter text's shingles found in the longer (1.0: one copy is a cut of the other)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) if small else 1.0


def release_text(stored: dict) -> str:
    return " ".join(stored.get(f) or "" for f in ("headline", "lede", "body"))


def sketch_of(stored: dict) -> str:
    """The text sketch the build stores, from a release's stored text."""
    release = Release(
        path="", headline=stored.get("headline") or "", lede=stored.get("lede") or "", body=stored.get("body") or ""
    )
    return text_sketch(release)


def report_text_check(by_key, groups, stored, sketches, dates) -> None:
    """Print what the whole-text check changes: key-and-week groups it splits, and how well sketches estimate."""
    members: dict[int, list[int]] = {}
    for doc in np.flatnonzero(by_key >= 0).tolist():
        members.setdefault(int(by_key[doc]), []).append(doc)
    errors, split, exact_all = [], [], []
    for docs in members.values():
        docs = sorted(docs, key=lambda d: (dates[d], d))
        texts = {d: shingles(release_text(stored[d])) for d in docs}
        first = docs[0]
        for other in docs[1:]:
            exact = containment(texts[first], texts[other])
            estimate = contained(sketches[first], sketches[other])
            exact_all.append(exact)
            errors.append(abs(exact - estimate))
        if len({int(groups[d]) for d in docs}) > 1 or groups[docs[0]] < 0:
            split.append(docs)
    print(f"key-and-week groups: {len(members):,}; the text check (contained >= {MIN_CONTAINED}) splits {len(split)}")
    print(f"sketch estimate of containment: mean error {np.mean(errors):.3f}, largest {max(errors):.3f}")
    low = sorted(e for e in exact_all if e < 0.7)
    print(f"exact containment below 0.7 (copy vs its group's first): {', '.join(f'{v:.2f}' for v in low)}")
    for docs in split:
        first = docs[0]
        for d in docs:
            f = stored[d]
            share = 1.0 if d == first else containment(shingles(release_text(stored[first])), shingles(release_text(f)))
            estimate = 1.0 if d == first else contained(sketches[first], sketches[d])
            print(
                f"  split: {(f.get('date_text') or '?')[:10]} {f.get('wire_facet') or '-'} {f.get('path')} "
                f"contained {share:.2f} (sketch {estimate:.2f}) | {f.get('headline', '')[:80]}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    ap.add_argument("--sample", type=int, default=120)
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    with open_index(args.index) as index:
        snap = index.backend.snapshot()
        table, searcher = snap.table, snap.searcher
        keys, dates = table.dupkeys, table.dates
        live = snap.live
        by_key = fold_groups(np.where(live, keys, -1), dates, NO_DATE)  # the key and week alone
        stored = {d: searcher.stored_fields(d) for d in np.flatnonzero(by_key >= 0).tolist()}
        sketches = {d: sketch_of(f) for d, f in stored.items()}
        groups = fold_groups(np.where(live, keys, -1), dates, NO_DATE, sketches)
        report_text_check(by_key, groups, stored, sketches, dates)
        members: dict[int, list[int]] = {}
        for doc in np.flatnonzero((groups >= 0) & live).tolist():
            members.setdefault(int(groups[doc]), []).append(doc)
        members = {g: docs for g, docs in members.items() if len(docs) > 1}
        same_key: dict[int, list[int]] = {}
        for doc in np.flatnonzero((keys >= 0) & live).tolist():
            same_key.setdefault(int(keys[doc]), []).append(doc)
        same_key = {k: docs for k, docs in same_key.items() if len(docs) > 1}
        wide = [
            docs
            for docs in same_key.values()
            if (d := dates[docs][dates[docs] != NO_DATE]).size and d.max() - d.min() > COPY_WINDOW_S
        ]
        split = sum(1 for docs in wide if len({int(groups[d]) for d in docs}) > 1 or groups[docs[0]] < 0)
        print(
            f"documents: {int(live.sum()):,}; folded groups: {len(members):,} holding {sum(map(len, members.values())):,}"
        )
        print(f"same headline and opening: {len(same_key):,} key groups; {len(wide):,} span more than a week")
        print(f"  of which the date window split {split:,} (recurring announcements kept apart)")
        spans = [int(dates[d].max() - dates[d].min()) / 86400 for d in members.values()]
        print(f"largest span inside a folded group: {max(spans, default=0):.2f} days")
        lowest: dict[int, float] = {}
        contained: dict[int, float] = {}
        for g, docs in members.items():
            texts = [shingles(release_text(searcher.stored_fields(d))) for d in docs]
            lowest[g] = min(similarity(texts[0], t) for t in texts[1:])
            contained[g] = min(containment(texts[0], t) for t in texts[1:])
        buckets = Counter(min(9, int(v * 10)) for v in lowest.values())
        print("lowest copy similarity per group (Jaccard of 5-shingles):")
        for b in range(10):
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}: {buckets.get(b, 0)}")
        print("\nkept apart by the date window (same headline and opening, more than a week apart):")
        for docs in sorted(wide, key=lambda d: min(dates[d])):
            fields = [searcher.stored_fields(d) for d in docs]
            when = ", ".join(sorted((f.get("date_text") or "?")[:10] for f in fields))
            print(f"  {when} | {fields[0].get('headline', '')[:100]}")
        rng = random.Random(args.seed)
        sample = rng.sample(sorted(members), min(args.sample, len(members)))
        print(f"\nsample of {len(sample)} groups (seed {args.seed}):")
        for n, g in enumerate(sample, 1):
            docs = members[g]
            fields = [searcher.stored_fields(d) for d in docs]
            when = ", ".join(f"{(f.get('date_text') or '?')[:10]} {f.get('wire_facet') or '-'}" for f in fields)
            heads = {f.get("headline", "") for f in fields}
            opening = " ".join((fields[0].get("lede") or fields[0].get("body") or "").split())[:160]
            print(f"{n:3d}. sim {lowest[g]:.2f} contained {contained[g]:.2f} | {when}")
            for h in heads:
                print(f"     H: {h[:110]}")
            print(f"     O: {opening}")


if __name__ == "__main__":
    main()
