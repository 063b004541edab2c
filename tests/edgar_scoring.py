"""Score the parser against hand labels of EDGAR exhibits (tests/data/edgar_labels.jsonl).

One label per ``<DOCUMENT>`` of type EX-99*/EX-20* (and an 8-K body that holds a release) in the first copy of each
submission of ``edgar-8k.tar.gz``: ``path`` (``edgar-8k/<member>``), ``document`` (1-based position of the block),
``release`` (true for a press release, false for a data sheet, pro forma, slides, ...) and, for releases, headline,
date, date_source, company, tickers, wire, location and ``split`` (dev or test). ``unscored`` names fields a careful
reader could only piece together (they count for no one). See docs/edgar-labels.md.

The parser's answer is ``Release.to_json()``, the object ``releases parse --json`` prints. A release is matched to
its label by (path, document), the document number read from ``edgar.document`` (or a flat ``document``). A file
that yields one release without a document number matches when its only label is document 1 (a bare exhibit: the
whole file is that one document). Fields compare after the normalisation of tests/test_parser_labels.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_parser_labels import norm_company, norm_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "edgar_labels.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = ROOT / ".cache" / "corpus"
ARCHIVE = "edgar-8k"
FIELDS = ("headline", "date", "company", "location", "wire")
SPLITS = ("dev", "test")
RELEASE_KEYS = ("headline", "date", "date_source", "company", "tickers", "wire", "location", "split")
BASE_KEYS = ("path", "document", "exhibit", "release", "kind")


def load_labels(path: Path = LABELS) -> list[dict]:
    """The hand labels, one dict per exhibit (releases and the rest)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def label_problems(labels: list[dict]) -> list[str]:
    """What is wrong with the labels file: missing keys, bad dates, duplicate documents, unknown splits."""
    problems: list[str] = []
    seen: set[tuple[str, int]] = set()
    for number, row in enumerate(labels, 1):
        where = f"line {number} ({row.get('path')}#{row.get('document')})"
        missing = [key for key in BASE_KEYS + (RELEASE_KEYS if row.get("release") else ()) if key not in row]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if (
            not str(row["path"]).startswith(f"{ARCHIVE}/")
            or not isinstance(row["document"], int)
            or row["document"] < 1
        ):
            problems.append(f"{where}: path must start with {ARCHIVE}/ and document be a positive number")
        key = (row["path"], row["document"])
        if key in seen:
            problems.append(f"{where}: labelled twice")
        seen.add(key)
        if not row["release"]:
            continue
        try:
            dt.date.fromisoformat(row["date"])
        except (TypeError, ValueError):
            problems.append(f"{where}: date {row['date']!r} is not YYYY-MM-DD")
        if row["date_source"] not in ("dateline", "filing"):
            problems.append(f"{where}: date_source must be dateline or filing")
        if row["split"] not in SPLITS:
            problems.append(f"{where}: split must be dev or test")
        if not row["headline"] or not isinstance(row["tickers"], list):
            problems.append(f"{where}: a release needs a headline and a list of tickers")
        if any(":" not in ticker or ticker != ticker.strip() for ticker in row["tickers"]):
            problems.append(f"{where}: tickers are EXCHANGE:SYMBOL, got {row['tickers']}")
        unknown = set(row.get("unscored", [])) - {*FIELDS, "tickers"}
        if unknown:
            problems.append(f"{where}: unscored names unknown fields {sorted(unknown)}")
    return problems


def corpus_root(workdir: Path, labels: list[dict]) -> Path:
    """A folder holding the labelled files: the shared cache when it has them all, else extracted into workdir."""
    if all((CACHE / row["path"]).is_file() for row in labels):
        return CACHE
    members = {row["path"].split("/", 1)[1] for row in labels}
    target = workdir / ARCHIVE
    with tarfile.open(CORPUS / f"{ARCHIVE}.tar.gz") as tar:
        for info in tar:
            if info.isfile() and os.path.normpath(info.name) in members:
                tar.extract(info, target, filter="data")
    return workdir


def document_number(answer: dict) -> int | None:
    """The 1-based <DOCUMENT> position a parsed release came from, if the parser says."""
    edgar = answer.get("edgar")
    number = edgar.get("document") if isinstance(edgar, dict) else None
    if number is None:
        number = answer.get("document")
    try:
        return int(number) if number is not None else None
    except (TypeError, ValueError):
        return None


@dataclass
class FileAnswer:
    """The parser's releases for one labelled file, or the error it raised."""

    path: str
    releases: list[dict] = field(default_factory=list)
    error: str | None = None


def parse_labelled(root: Path, labels: list[dict], *, catch: tuple[type[BaseException], ...] = ()) -> list[FileAnswer]:
    """Parse each labelled file once; a ParseError (or an exception in ``catch``) is kept as the file's error."""
    from indexer.model import ParseError
    from indexer.parse import parse_file

    answers: list[FileAnswer] = []
    for path in dict.fromkeys(row["path"] for row in labels):
        try:
            answers.append(FileAnswer(path, [release.to_json() for release in parse_file(root / path)]))
        except (ParseError, *catch) as exc:
            answers.append(FileAnswer(path, error=f"{type(exc).__name__}: {exc}"))
    return answers


def match(labels: list[dict], answers: list[FileAnswer]) -> tuple[dict[tuple[str, int], dict], dict[str, int]]:
    """Parsed releases keyed by (path, document) of their label, and per file how many matched no labelled document."""
    documents: dict[str, set[int]] = {}
    for row in labels:
        documents.setdefault(row["path"], set()).add(row["document"])
    matched: dict[tuple[str, int], dict] = {}
    unmatched: dict[str, int] = {}
    for answer in answers:
        labelled = documents.get(answer.path, set())
        for release in answer.releases:
            number = document_number(release)
            if number is None and len(answer.releases) == 1 and labelled == {1}:
                number = 1
            if number not in labelled:
                unmatched[answer.path] = unmatched.get(answer.path, 0) + 1
            else:
                # A second release from one document (Cisco's EX-20.1 holds two) is neither scored nor held against it.
                matched.setdefault((answer.path, number), release)
    return matched, unmatched


def _same(name: str, want, have) -> bool:
    if name == "date":
        return (want or "") == (have or "")
    norm: Callable[[str | None], str] = norm_company if name == "company" else norm_text
    return norm(want) == norm(have if isinstance(have, str) else None)


def _date_source(release: dict) -> str | None:
    edgar = release.get("edgar")
    source = edgar.get("date_source") if isinstance(edgar, dict) else None
    return source or release.get("date_source")


def score(labels: list[dict], matched: dict[tuple[str, int], dict], unmatched: int = 0) -> dict:
    """Field accuracy over the labelled releases (a release not found is wrong in every field), ticker P/R/F1,
    and whether the parser's "is a release" agrees with the labels (precision/recall over all labelled exhibits)."""
    releases = [row for row in labels if row["release"]]
    right = dict.fromkeys(FIELDS, 0)
    counted = dict.fromkeys(FIELDS, 0)
    source_right = source_given = 0
    tp = fp = fn = 0
    for row in releases:
        got = matched.get((row["path"], row["document"]))
        skip = set(row.get("unscored", []))
        for name in FIELDS:
            if name in skip:
                continue
            counted[name] += 1
            right[name] += got is not None and _same(name, row[name], got.get(name))
        if got is not None and _date_source(got) is not None:
            source_given += 1
            source_right += _date_source(got) == row["date_source"]
        if "tickers" in skip:
            continue
        want = set(row["tickers"])
        have = set(got.get("tickers") or []) if got is not None else set()
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    found = sum((row["path"], row["document"]) in matched for row in releases)
    false_releases = sum((row["path"], row["document"]) in matched for row in labels if not row["release"])
    # Releases the parser made of documents no label names (an 8-K cover, a duplicate copy) are false releases too.
    predicted = found + false_releases + unmatched
    result: dict = {name: right[name] / counted[name] if counted[name] else 0.0 for name in FIELDS}
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    result["tickers_precision"] = precision
    result["tickers_recall"] = recall
    result["tickers_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result["date_source"] = source_right / source_given if source_given else None
    result["release_precision"] = found / predicted if predicted else 0.0
    result["release_recall"] = found / len(releases) if releases else 0.0
    result["releases"] = len(releases)
    result["found"] = found
    result["exhibits"] = len(labels)
    return result


def split_labels(labels: list[dict], split: str) -> list[dict]:
    """The releases of one split, with the non-release exhibits of the same files (they test the classifier)."""
    paths = {row["path"] for row in labels if row["release"] and row["split"] == split}
    return [row for row in labels if row["path"] in paths and (not row["release"] or row["split"] == split)]


def misses(labels: list[dict], matched: dict[tuple[str, int], dict]) -> list[str]:
    """One line per field the parser got wrong, for reading."""
    lines: list[str] = []
    for row in labels:
        got = matched.get((row["path"], row["document"]))
        where = f"{row['path']}#{row['document']} ({row['exhibit']})"
        if not row["release"]:
            if got is not None:
                lines.append(f"{where}: a {row['kind']}, read as a release {got.get('headline')!r}")
            continue
        if got is None:
            lines.append(f"{where}: release not found ({row['headline']!r})")
            continue
        for name in (*FIELDS, "tickers"):
            want, have = row[name], got.get(name)
            same = set(want) == set(have or []) if name == "tickers" else _same(name, want, have)
            if not same and name not in row.get("unscored", []):
                lines.append(f"{where}\n  {name}: want {want!r}\n  {' ' * len(name)}  got  {have!r}")
    return lines


def reads_edgar(answers: list[FileAnswer]) -> bool:
    """Whether the parser knows EDGAR submissions: some release carries ``edgar`` data."""
    return any(isinstance(release.get("edgar"), dict) for answer in answers for release in answer.releases)
