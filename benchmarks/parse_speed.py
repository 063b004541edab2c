"""Parser speed, and a snapshot of every parse result to check a parser change against.

    .venv/bin/python benchmarks/parse_speed.py --snapshot   # record every parse result to .cache/parse_golden/
    .venv/bin/python benchmarks/parse_speed.py --compare    # parse the same files again; print every difference
    .venv/bin/python benchmarks/parse_speed.py [--label before|after] [--synthetic N] [--per-folder N]
    .venv/bin/python benchmarks/parse_speed.py --against HEAD   # side by side with a committed parser

The snapshot covers every file named in tests/data/parser_labels.jsonl, 3,000 files sampled with a fixed seed
across the extracted corpus folders (.cache/corpus/*: JSON, Markdown, NewsML), the parser's test fixtures and
2,000 synthetic releases (.cache/bench/synth-42). Each file's result is every field of every Release it gives
(timestamps with their zone), or the ParseError message.

The speed mode parses files already read into memory (reading is excluded) and prints the parser's CPU time per
release and releases per second per core, for synthetic releases and for each corpus folder. It writes the table
to benchmarks/results/parse_speed.md, keeping the rows of other labels ("before" stays when "after" is measured).
On a busy machine CPU time per release drifts by 20% or more between runs, so --against REV compares fairly: it
loads the parser of git revision REV beside the working tree's and parses each file with both in turn (best of
three rounds), labelling the rows "REV (side by side)" and "working tree (side by side)".
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.model import ParseError  # noqa: E402
from indexer.parse import iter_files, parse_bytes  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from revision import parser_at  # noqa: E402

CORPUS = ROOT / ".cache" / "corpus"
SYNTH = ROOT / ".cache" / "bench" / "synth-42"
GOLDEN = ROOT / ".cache" / "parse_golden"
LABELS = ROOT / "tests" / "data" / "parser_labels.jsonl"
FIXTURES = ROOT / "tests" / "fixtures"
RESULTS = ROOT / "benchmarks" / "results" / "parse_speed.md"
SEED = 42
CORPUS_SAMPLE = 3000
SYNTH_SAMPLE = 2000


def _result(path: str, data: bytes) -> dict:
    """Every field of every release parsed from data, or the error: what a change for speed must keep."""
    try:
        releases = parse_bytes(path, data)
    except ParseError as exc:
        return {"path": path, "error": str(exc)}
    out = []
    for release in releases:
        fields = dataclasses.asdict(release)
        # repr keeps the zone's name (America/New_York, not just -05:00) and whether the time is naive.
        fields["published"] = repr(release.published)
        out.append(fields)
    return {"path": path, "releases": out}


def _synthetic(count: int) -> list[str]:
    return sorted(str(p) for p in iter_files([SYNTH]))[:count] if SYNTH.is_dir() else []


def _corpus_folders() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def _corpus_sample(total: int) -> list[str]:
    """`total` files across the corpus folders: small folders whole, the rest sampled in proportion, fixed seed."""
    folders = {folder: sorted(iter_files([folder])) for folder in _corpus_folders()}
    small = {f: files for f, files in folders.items() if len(files) <= 50}
    large = {f: files for f, files in folders.items() if f not in small}
    left = total - sum(len(files) for files in small.values())
    pool = sum(len(files) for files in large.values())
    rng = random.Random(SEED)
    chosen = [p for files in small.values() for p in files]
    for files in large.values():
        chosen += rng.sample(files, min(len(files), round(left * len(files) / pool)))
    return chosen


def _label_files() -> list[str]:
    with open(LABELS, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [str(CORPUS / row["path"]) for row in rows if (CORPUS / row["path"]).is_file()]


def _sets() -> dict[str, list[str]]:
    return {
        "labels": _label_files(),
        "corpus": _corpus_sample(CORPUS_SAMPLE),
        "fixtures": sorted(iter_files([FIXTURES])),
        "synthetic": _synthetic(SYNTH_SAMPLE),
    }


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _rel(path: str) -> str:
    return os.path.relpath(path, ROOT)


def snapshot() -> None:
    """Write the golden results, one JSON line per file, one file per set."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, files in _sets().items():
        with open(GOLDEN / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for path in files:
                out.write(json.dumps(_result(_rel(path), _read(path)), ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{name}: {len(files)} files -> {_rel(str(GOLDEN / name))}.jsonl")


def compare(show: int) -> int:
    """Parse the snapshot's files again; print the differing fields; return how many files differ."""
    differing = total = 0
    for golden in sorted(GOLDEN.glob("*.jsonl")):
        with open(golden, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle]
        for row in rows:
            total += 1
            now = json.loads(json.dumps(_result(row["path"], _read(str(ROOT / row["path"]))), ensure_ascii=False))
            if now == row:
                continue
            differing += 1
            if differing <= show:
                _print_difference(row, now)
    print(f"{total} files compared, {differing} differ")
    return differing


def _print_difference(old: dict, new: dict) -> None:
    print(f"--- {old['path']}")
    if "error" in old or "error" in new or len(old["releases"]) != len(new["releases"]):
        print(f"  was: {json.dumps(old)[:400]}\n  now: {json.dumps(new)[:400]}")
        return
    for before, after in zip(old["releases"], new["releases"], strict=True):
        for key in before:
            if before[key] != after.get(key):
                print(f"  {key}:\n    was: {str(before[key])[:300]!r}\n    now: {str(after.get(key))[:300]!r}")


def _time(files: list[str], repeat: int) -> tuple[int, float]:
    """Releases parsed and CPU seconds spent parsing files already in memory (the best of `repeat` runs)."""
    data = [(_rel(p), _read(p)) for p in files]
    best = float("inf")
    releases = 0
    for _ in range(repeat):
        releases = 0
        started = time.process_time()
        for path, blob in data:
            try:
                releases += len(parse_bytes(path, blob))
            except ParseError:
                pass
        best = min(best, time.process_time() - started)
    return releases, best


def _timed_sets(synthetic: int, per_folder: int) -> dict[str, list]:
    """The files timed: the first synthetic releases, and a seeded sample of each corpus folder."""
    rng = random.Random(SEED)
    sets = {"synthetic (synth-42)": _synthetic(synthetic)}
    for folder in _corpus_folders():
        files = sorted(iter_files([folder]))
        sets[folder.name] = rng.sample(files, min(per_folder, len(files)))
    return sets


def speed(label: str, synthetic: int, per_folder: int, repeat: int) -> None:
    """Print and record CPU ms per release and releases/s per core, synthetic and per corpus folder."""
    sets = _timed_sets(synthetic, per_folder)
    rows = []
    for name, files in sets.items():
        if not files:
            continue
        releases, cpu = _time(files, repeat)
        per = cpu * 1000 / max(releases, 1)
        rows.append((label, name, len(files), releases, per, releases / cpu if cpu else 0.0))
        print(f"{label:8} {name:32} {len(files):6} files {releases:6} releases {per:7.3f} CPU ms/release "
              f"{rows[-1][5]:8.0f} releases/s/core", flush=True)  # fmt: skip
    _write(rows, synthetic, per_folder, repeat)


def against(rev: str, synthetic: int, per_folder: int, rounds: int = 3) -> None:
    """Time the parser of rev and the working tree's on the same files, alternating file by file."""
    sets = _timed_sets(synthetic, per_folder)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        parsers = {
            f"{rev} (side by side)": parser_at(rev, folder).parse_bytes,
            "working tree (side by side)": parse_bytes,
        }
        for name, files in sets.items():
            if not files:
                continue
            data = [(_rel(p), _read(p)) for p in files]
            best = dict.fromkeys(parsers, float("inf"))
            releases = 0
            for turn in range(rounds):
                spent = dict.fromkeys(parsers, 0.0)
                order = list(parsers) if turn % 2 == 0 else list(reversed(parsers))
                releases = 0
                for path, blob in data:
                    for label in order:
                        started = time.process_time()
                        try:
                            count = len(parsers[label](path, blob))
                        except Exception:  # noqa: BLE001 - the old parser's ParseError is another class
                            count = 0
                        spent[label] += time.process_time() - started
                    releases += count
                best = {label: min(best[label], spent[label]) for label in parsers}
            for label, cpu in best.items():
                per = cpu * 1000 / max(releases, 1)
                rows.append((label, name, len(files), releases, per, releases / cpu if cpu else 0.0))
                print(f"{label:30} {name:30} {releases:6} releases {per:7.3f} CPU ms/release", flush=True)
    _write(rows, synthetic, per_folder, rounds)


def _write(rows: list[tuple], synthetic: int, per_folder: int, repeat: int) -> None:
    kept = []
    if RESULTS.exists():
        for line in RESULTS.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip("|").split("|")]
            if line.startswith("| ") and len(cells) == 6 and cells[0] not in {r[0] for r in rows} | {"run"}:
                kept.append(line)
    lines = [
        "# Parser speed",
        "",
        "`.venv/bin/python benchmarks/parse_speed.py --label <run>` (or `--against <git rev>`): CPU time of",
        "`parse_bytes` per release on files already in memory (reading excluded), the best of several passes;",
        f"synthetic: the first files of .cache/bench/synth-42 (~4.8 KB each); corpus: files sampled per folder (seed {SEED}).",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores shared with other",
        "jobs, so runs taken at different times differ by 20% or more; the side-by-side rows (both parsers on the same",
        "files, alternating) are the fair comparison. Output is checked unchanged with `--compare` against a snapshot",
        "(`--snapshot`), or over the whole corpus with `benchmarks/golden_parse.py --against REV`.",
        "",
        "| run | set | files | releases | CPU ms/release | releases/s/core |",
        "|---|---|---:|---:|---:|---:|",
        *kept,
        *(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]:.3f} | {r[5]:.0f} |" for r in rows),
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {_rel(str(RESULTS))}")


def main() -> int:
    """Run the chosen mode."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--snapshot", action="store_true", help="record the golden parse results")
    mode.add_argument("--compare", action="store_true", help="compare parse results with the golden snapshot")
    parser.add_argument("--show", type=int, default=20, help="differences to print in --compare")
    parser.add_argument("--label", default="after", help="name of this speed run (before, after)")
    parser.add_argument("--synthetic", type=int, default=1000, help="synthetic files to time")
    parser.add_argument("--per-folder", type=int, default=500, help="files to time per corpus folder")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes; the best counts")
    parser.add_argument("--against", metavar="REV", help="time the parser of git revision REV side by side")
    args = parser.parse_args()
    if args.against:
        against(args.against, args.synthetic, args.per_folder)
        return 0
    if args.snapshot:
        snapshot()
        return 0
    if args.compare:
        return 1 if compare(args.show) else 0
    speed(args.label, args.synthetic, args.per_folder, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
