"""Golden parse check: what `releases parse --json` prints for a fixed set of files, recorded and compared.

Two sets, each compared release by release (every field of `releases parse --json`, or the file's error):

small, committed and corpus-independent: the parser fixtures (tests/fixtures/parse), the seeds and SYNTH_COUNT
synthetic releases of benchmarks/synth.py (seed SYNTH_SEED, committed under tests/data/golden/synth/); the
expected output is tests/data/golden/parse.jsonl and tests/test_golden_parse.py compares on every test run.
After an intended parser change, rewrite it and review the diff like code:

    .venv/bin/python benchmarks/golden_parse.py --small --write

big, every file of every archive in ../shared/corpus (read straight from the .tar.gz files), recorded under
.cache/golden_parse/ (git-ignored: it holds corpus text, which is never committed):

    .venv/bin/python benchmarks/golden_parse.py --write          # at a commit whose output you trust
    .venv/bin/python benchmarks/golden_parse.py --compare        # after the change: every difference, exit 1 if any
    .venv/bin/python benchmarks/golden_parse.py --against main   # no recording needed: main's parser beside this tree's

--against REV loads the parser of git revision REV from `git archive` beside the working tree's and compares their
output on the same files. --corpus DIR reads another folder of archives or files; --show N prints at most N files'
differences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.parse import parse_paths  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
BIG = ROOT / ".cache" / "golden_parse"
GOLDEN = ROOT / "tests" / "data" / "golden"
SMALL_EXPECTED = GOLDEN / "parse.jsonl"
SYNTH_FOLDER = GOLDEN / "synth"
# The small set's inputs, relative to the checkout (the paths the expected output names).
SMALL_INPUTS = ("tests/fixtures/parse", "seeds", "tests/data/golden/synth")
SYNTH_COUNT, SYNTH_SEED = 24, 15

Parser = Callable[[Iterable[str]], Iterator]


def result_lines(parse: Parser, inputs: Iterable[str]) -> Iterator[dict]:
    """What `releases parse --json` prints for inputs, one dict per release or failed file, as JSON reads it back."""
    for item in parse(inputs):
        if isinstance(item, Exception):  # a ParseError (of whichever parser's model module)
            yield {"path": item.path, "ok": False, "error": item.reason}
        else:
            yield json.loads(json.dumps(item.to_json()))  # tuples become lists, as in the recording


def by_path(lines: Iterable[dict]) -> dict[str, list[dict]]:
    """Lines grouped by the file they came from, in order."""
    grouped: dict[str, list[dict]] = {}
    for line in lines:
        grouped.setdefault(line["path"], []).append(line)
    return grouped


def differences(expected: dict[str, list[dict]], now: dict[str, list[dict]]) -> Iterator[str]:
    """One readable paragraph per file whose output differs (missing, new, or changed fields)."""
    for path in sorted(expected.keys() | now.keys()):
        was, got = expected.get(path), now.get(path)
        if was == got:
            continue
        if was is None or got is None:
            yield f"--- {path}: {'new, not in the golden output' if was is None else 'no longer parsed'}"
            continue
        if len(was) != len(got):
            yield f"--- {path}: {len(was)} releases before, {len(got)} now"
            continue
        lines = [f"--- {path}"]
        for n, (before, after) in enumerate(zip(was, got, strict=True)):
            for key in sorted(before.keys() | after.keys()):
                if before.get(key) != after.get(key):
                    lines.append(
                        f"  [{n}] {key}:\n    was: {str(before.get(key))[:300]!r}\n    now: {str(after.get(key))[:300]!r}"
                    )
        yield "\n".join(lines)


@contextmanager
def working_folder(folder: Path):
    """Run in folder, so the paths parsed and printed are relative to it (the same on every machine)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def write_synth_inputs() -> None:
    """(Re)write the small set's synthetic releases from benchmarks/synth.py."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    for old in SYNTH_FOLDER.rglob("*.txt"):
        old.unlink()
    for name, text in synth.generate(SYNTH_COUNT, seed=SYNTH_SEED):
        path = SYNTH_FOLDER / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_jsonl(lines: Iterable[dict], path: Path) -> int:
    """Write one JSON line per dict as `releases parse --json` prints it (gzip when the name ends .gz); return the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> list[dict]:
    """The dicts of a file written by write_jsonl."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def archives(corpus: Path) -> list[str]:
    """The archives (or top-level files and folders) of the corpus, by name."""
    return sorted(p.name for p in corpus.iterdir() if not p.name.endswith((".md", ".tsv")))


def load_revision(rev: str, folder: str) -> Parser:
    """parse_paths of the parser committed at rev (benchmarks/revision.py), imported from a copy in folder."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from revision import parser_at

    return parser_at(rev, folder).parse_paths


def report(expected: dict[str, list[dict]], now: dict[str, list[dict]], show: int, label: str) -> int:
    """Print the differing files (at most show of them) and a summary; return how many differ."""
    found = list(differences(expected, now))
    for text in found[:show]:
        print(text)
    releases = sum(len(lines) for lines in now.values())
    print(
        f"{label}: {len(expected.keys() | now.keys())} files, {releases} releases compared, {len(found)} files differ"
    )
    return len(found)


def main() -> int:
    """Write or compare the small or the big golden set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="record the golden output")
    mode.add_argument("--compare", action="store_true", help="compare the parser's output with the recording")
    mode.add_argument("--against", metavar="REV", help="compare with the parser of git revision REV")
    parser.add_argument("--small", action="store_true", help="the committed small set instead of the corpus")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of archives (default %(default)s)")
    parser.add_argument("--show", type=int, default=20, help="files whose differences are printed")
    args = parser.parse_args()

    if args.small:
        folder, inputs, recording = ROOT, list(SMALL_INPUTS), SMALL_EXPECTED
    else:
        if not args.corpus.is_dir():
            print(f"no corpus at {args.corpus}: pass --corpus DIR, or use --small", file=sys.stderr)
            return 2
        folder, inputs, recording = args.corpus.resolve(), archives(args.corpus), BIG / "corpus.jsonl.gz"

    started = time.perf_counter()
    if args.write:
        if args.small:
            write_synth_inputs()
        with working_folder(folder):
            count = write_jsonl(result_lines(parse_paths, inputs), recording)
        print(f"wrote {count} lines to {os.path.relpath(recording, ROOT)} in {time.perf_counter() - started:.0f} s")
        return 0
    with working_folder(folder):
        now = by_path(result_lines(parse_paths, inputs))
    if args.compare:
        if not recording.is_file():
            print(f"no recording at {recording}: run with --write first (at a commit you trust)", file=sys.stderr)
            return 2
        return 1 if report(by_path(read_jsonl(recording)), now, args.show, "golden") else 0
    with tempfile.TemporaryDirectory() as copy, working_folder(folder):
        before = by_path(result_lines(load_revision(args.against, copy), inputs))
    return 1 if report(before, now, args.show, f"{args.against} vs working tree") else 0


if __name__ == "__main__":
    sys.exit(main())
