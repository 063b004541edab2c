"""Ranking parity on a whole index: the CI parity set's ranked queries on a Whoosh index and an OpenSearch index
of the same releases (e.g. the ones benchmarks/known_items.py builds over the shared corpus).

Prints, per query, the share of Whoosh's top ten that OpenSearch's top ten holds and whether the first results
are each within the other's top three (the measures tests/test_opensearch_parity.py asserts on its corpus
sample), whether totals agree, and the means.

    .venv/bin/python benchmarks/opensearch_overlap.py --whoosh .cache/known_items/index --alias known-items [--url URL]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from indexer import open_index  # noqa: E402


def ranked_queries() -> list[str]:
    """The CI parity set's queries that rank (the test's own selection)."""
    from test_opensearch_parity import QUERIES

    return [t for t in QUERIES if t and not t.startswith(("NOT", "date:", "ticker:", "exchange:", "type:"))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--whoosh", type=Path, required=True, help="the Whoosh index")
    parser.add_argument("--alias", required=True, help="the OpenSearch index of the same releases")
    parser.add_argument("--url", default=None, help="OpenSearch (default $RELEASES_OPENSEARCH_URL)")
    args = parser.parse_args(argv)
    overlaps, agreeing, totals = [], 0, 0
    with open_index(args.whoosh) as whoosh, open_index(args.alias, backend="opensearch", url=args.url) as ox:
        for text in ranked_queries():
            w_page, o_page = whoosh.search(text), ox.search(text)
            w, o = [h.id for h in w_page.hits], [h.id for h in o_page.hits]
            if not w:
                continue
            overlap = len(set(w) & set(o)) / len(w)
            agree = bool(o) and o[0] in w[:3] and w[0] in o[:3]
            overlaps.append(overlap)
            agreeing += agree
            totals += w_page.total == o_page.total
            print(
                f"{text!r:45} overlap {overlap:4.0%}  first agree {agree!s:5}  totals {w_page.total} / {o_page.total}"
            )
    mean = sum(overlaps) / max(1, len(overlaps))
    print(
        f"{len(overlaps)} ranked queries: mean top-10 overlap {mean:.3f}, first results agree on {agreeing}, "
        f"totals equal on {totals}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
