"""Verdicts on unlabelled releases: their figures, and what this tree now answers beside the judged answer.

An audit (benchmarks/results/issuer_verdicts_audit20.jsonl) holds, for each drawn release, its archive file, the
shape it was written in (tests/heldout_shapes.py), the company and tickers judged and the verdict: right, wrong,
none-but-should (left with no issuer where the release names one) or doubtful; after a round, the round's answer and
its verdict. This prints company accuracy, right / (right + wrong + none-but-should) with a 95% Wilson interval, per
part (A tuned on, B held out) before and after, then every release whose answer by this tree differs from the judged
one (to be judged again: only those are read).

    PYTHONPATH=. .venv/bin/python benchmarks/issuer_verdicts.py benchmarks/results/issuer_verdicts_audit20.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import heldout_shapes  # noqa: E402
from issuer_labels import answers, fresh_root  # noqa: E402

COUNTED = ("right", "wrong", "none-but-should")


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of right out of n."""
    if not n:
        return 0.0, 1.0
    p = right / n
    centre, spread = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


def figure(verdicts: list[str]) -> str:
    """'57/58 = 0.983 [0.909, 0.997] (doubtful 2)'."""
    counts = Counter(verdicts)
    n = sum(counts[v] for v in COUNTED)
    low, high = wilson(counts["right"], n)
    rate = counts["right"] / n if n else 0.0
    return f"{counts['right']}/{n} = {rate:.3f} [{low:.3f}, {high:.3f}] (doubtful {counts['doubtful']})"


def main() -> None:
    """Print the figures and the changed answers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("verdicts", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.verdicts.read_text(encoding="utf-8").splitlines() if line.strip()]
    for part in sorted({row["part"] for row in rows}) + ["all"]:
        picked = [row for row in rows if part in ("all", row["part"])]
        after = [row.get("after_verdict", row["verdict"]) for row in picked]
        print(f"{part}: before {figure([row['verdict'] for row in picked])}; after {figure(after)}")
    labels = [
        {"source": row["file"], "shape": row["shape"], "path": heldout_shapes.shaped_path(row["file"], row["shape"])}
        for row in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = fresh_root(labels, Path(tmp))  # the shared cache's files, else extracted from ../shared
        got = answers(root, labels, resolve=True)
    for row, answer in zip(rows, got, strict=True):
        judged = (row.get("after_company", row["parsed_company"]), row.get("after_tickers", row["parsed_tickers"]))
        now = (answer.get("company"), answer.get("tickers") or [])
        if now != judged:
            print(f"{row['part']} {row['shape']} {row['file']}\n    judged {judged} -> now {now}")


if __name__ == "__main__":
    main()
