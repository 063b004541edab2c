"""Add the kept-sums file (indexer/backends/whoosh/kept_sums.py) to an index's live generation without a build.

A build writes the file for every generation it makes; an index built before the file existed gets it at its
next `releases index`, or now with this script (nothing else in the index changes; the file only adds):

    python benchmarks/write_kept_sums.py INDEX
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.backends.whoosh.kept_sums import write_for_generation  # noqa: E402
from indexer.backends.whoosh.rank import IndexStats  # noqa: E402
from indexer.backends.whoosh.store import WhooshStore  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    args = parser.parse_args(argv)
    gen = WhooshStore(args.index).live()
    if gen is None:
        raise SystemExit(f"no index at {args.index}")
    started, started_cpu = time.perf_counter(), time.process_time()
    terms = write_for_generation(gen.path, IndexStats)
    print(
        f"{gen.path}: kept sums of {terms:,} terms written in {time.perf_counter() - started:.0f} s "
        f"({time.process_time() - started_cpu:.0f} s CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
