"""The draw behind tests/data/issuer_labels_blind.jsonl: 15 nasdaq100-2019 JSON and 35 newsworthy Markdown files.

Pool: every file of the two archives (sorted relative paths) named in no file of tests/data/*.jsonl at the time of
the draw; `random.Random(20261208)` samples 15 then 35. EDGAR is left out: every edgar-8k file holding an EX-99
document is already labelled (tests/data/edgar_labels.jsonl), and wirefeed-newsml is labelled whole. Each drawn file
was then labelled by reading it before the parser ran on it (rules: docs/edgar-labels.md, test2 conventions).
Run from anywhere with the archives extracted under ROOT; the labels added later make a rerun draw other files.

    python benchmarks/issuer_blind_draw.py EXTRACTED_CORPUS_ROOT
"""

from __future__ import annotations

import glob
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pool(root: str, archive: str, ext: str, used: set[str]) -> list[str]:
    """The archive's unlabelled files, sorted."""
    files = sorted(os.path.relpath(p, root) for p in glob.glob(f"{root}/{archive}/**/*.{ext}", recursive=True))
    return [f for f in files if f not in used]


def main() -> None:
    """Print the drawn paths, one a line."""
    root = sys.argv[1]
    used = set()
    for name in glob.glob(str(REPO / "tests" / "data" / "*.jsonl")):
        if name.endswith("issuer_labels_blind.jsonl"):
            continue
        with open(name, encoding="utf-8") as handle:
            used |= {json.loads(line)["path"] for line in handle if line.strip()}
    rng = random.Random(20261208)
    nasdaq = pool(root, "nasdaq100-2019", "json", used)
    newsworthy = pool(root, "newsworthy-archive-2023-2026", "md", used)
    for path in rng.sample(nasdaq, 15) + rng.sample(newsworthy, 35):
        print(path)


if __name__ == "__main__":
    main()
