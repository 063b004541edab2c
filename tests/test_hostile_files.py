"""Hostile files indexed beside good releases: no crash, each bad file reported with its reason, every good
release indexed, nothing outside the index folder read or written, no entity fetched or expanded.

The bad inputs are generated into a temporary sandbox by tests/hostile.py (a 50 MB file is never committed).
One build over them (module scope) is checked from several angles; a second pass parses each file alone so a
failure names the file and the reader that mishandled it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hostile import (
    EXPANDED_MARKER,
    IFRAME_MARKER,
    PASSWD,
    SCRIPT_MARKER,
    STYLE_MARKER,
    Case,
    escape_targets,
    tree_snapshot,
    write_good,
    write_hostile,
)
from whoosh.index import open_dir

from indexer import ParseError, build_index, open_index, parse_file, parse_paths
from indexer.backends.whoosh.store import WhooshStore
from indexer.cli import main
from indexer.model import release_id
from webapp import create_app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FETCHED_MARKER = "HTTP-ENTITY-WAS-FETCHED"
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


# ---- Fixtures -------------------------------------------------------------------------------


class CallbackServer:
    """A loopback HTTP server that records every request: an XML reader fetching an entity shows up here."""

    def __init__(self):
        self.requests: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                owner.requests.append(self.path)
                body = f'<!ENTITY leak "{FETCHED_MARKER}">{FETCHED_MARKER}'.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@dataclass
class World:
    """The sandbox: sources (good and hostile), a working folder deep inside, and the cases."""

    sandbox: Path
    workdir: Path
    sources: Path
    good_files: list[Path]
    cases: list[Case]
    callback: CallbackServer

    def case(self, name: str) -> Case:
        return next(c for c in self.cases if c.path.name == name)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Generate the hostile files once per module, beside the seeds and two good releases."""
    callback = CallbackServer()
    sandbox = tmp_path_factory.mktemp("sandbox")
    # Deep enough that archive members climbing ../../../../ still land inside the sandbox we watch.
    workdir = sandbox / "a" / "b" / "c" / "d" / "e"
    sources = workdir / "sources"
    shutil.copytree(SEEDS, sources / "seeds")
    good = sorted((sources / "seeds").iterdir()) + write_good(sources / "good")
    cases = write_hostile(sources / "hostile", callback.url, sandbox)
    (workdir / "cwd").mkdir()
    yield World(sandbox, workdir, sources, good, cases, callback)
    callback.close()


@dataclass
class Built:
    """One build over the world: its report (or the exception it raised) and the files it touched."""

    index: Path
    report: object | None
    error: BaseException | None
    changed_outside: dict

    def require(self):
        if self.error is not None:
            pytest.fail(f"build_index crashed on a hostile file: {type(self.error).__name__}: {self.error}")
        return self.report


def _diff(before: dict, after: dict) -> dict:
    return {
        "created": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "changed": sorted(p for p in set(before) & set(after) if before[p] != after[p] and not os.path.isdir(p)),
    }


@pytest.fixture(scope="module")
def built(world):
    """Index the world through build_index from a working folder inside the sandbox, watching the sandbox."""
    index = world.workdir / "index"
    before = tree_snapshot(world.sandbox, exclude=index)
    report, error = None, None
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(world.workdir / "cwd")
        try:
            report = build_index([str(world.sources)], index)
        except Exception as exc:  # the test reports it; other checks still run on what is there
            error = exc
    after = tree_snapshot(world.sandbox, exclude=index)
    return Built(index, report, error, _diff(before, after))


def stored_documents(index: Path) -> list[dict]:
    """Every stored field of every release in the index, read straight from the live generation."""
    gen = WhooshStore(index).current()
    if gen is None:
        return []
    ix = open_dir(gen)
    try:
        with ix.searcher() as searcher:
            return [dict(doc) for doc in searcher.all_stored_fields()]
    finally:
        ix.close()


def _blob(doc: dict) -> str:
    return json.dumps(doc, default=str, ensure_ascii=False)


def _docs_from(docs: list[dict], path: Path) -> list[dict]:
    """Releases that came from path (or, for an archive, from a member inside it)."""
    root = str(path)
    return [d for d in docs if d.get("path") == root or str(d.get("path", "")).startswith(root)]


def _passwd_lines() -> list[str]:
    try:
        with open(PASSWD, encoding="utf-8", errors="replace") as handle:
            return [line.strip() for line in handle if len(line.strip()) >= 12]
    except OSError:
        return []


# ---- The build over everything --------------------------------------------------------------


def test_build_index_does_not_crash(world, built):
    report = built.require()
    # Every file was looked at (archive members may count as files of their own).
    assert report.files >= len(world.good_files) + len(world.cases)
    assert report.total >= len(world.good_files)


def test_every_bad_file_is_reported_with_its_reason(world, built):
    report = built.require()
    skipped = {item["path"]: item["reason"] for item in report.skipped}
    docs = stored_documents(built.index)
    problems = []
    for case in world.cases:
        # An archive may be reported as a whole or member by member ("bomb.zip/release.txt").
        reasons = [r for p, r in skipped.items() if p == str(case.path) or p.startswith(str(case.path))]
        reason = "; ".join(reasons) if reasons else None
        indexed = _docs_from(docs, case.path)
        if case.expect == "skip":
            if reason is None:
                problems.append(f"{case.path.name} ({case.what}): not reported as skipped; {len(indexed)} indexed")
            elif not re.search(case.reason, reason, re.IGNORECASE):
                problems.append(f"{case.path.name}: reason {reason!r} does not say /{case.reason}/")
        elif case.expect == "index" and not indexed:
            problems.append(f"{case.path.name} ({case.what}): not indexed (skipped: {reason!r})")
        elif case.expect == "either" and not indexed and not reason:
            problems.append(f"{case.path.name} ({case.what}): neither indexed nor reported")
        if reason is not None and ("Traceback" in reason or len(reason) > 500 or not reason.strip()):
            problems.append(f"{case.path.name}: reason is not a message for a user: {reason[:200]!r}")
    assert not problems, "\n".join(problems)


def test_every_good_release_is_indexed(world, built):
    built.require()
    ids = {d["id"] for d in stored_documents(built.index)}
    # Ids derive from the path inside the source folder indexed: parse with that folder as the root.
    expected = {r.id for r in parse_paths([str(p) for p in world.good_files], root=str(world.sources))}
    expected |= {release_id(c.path.relative_to(world.sources).as_posix()) for c in world.cases if c.expect == "index"}
    assert len(expected) >= 2 + 2 + 4
    assert expected - ids == set()


def test_nothing_is_written_outside_the_index(world, built):
    built.require()
    assert built.changed_outside == {"created": [], "removed": [], "changed": []}
    leftovers = [str(p) for p in escape_targets(world.sandbox) if p.exists()]
    for folder in {Path(tempfile.gettempdir()), Path(tempfile.gettempdir()).parent, world.sandbox.parent}:
        leftovers += [str(p) for p in folder.glob("escaped-from-archive*")]
    assert leftovers == []
    # No archive member landed inside the index folder either.
    assert not [p for p in built.index.rglob("*") if "escaped-from-archive" in p.name]


def test_no_external_entity_is_fetched(world, built):
    built.require()
    assert world.callback.requests == []
    assert not [d["path"] for d in stored_documents(built.index) if FETCHED_MARKER in _blob(d)]


def test_no_local_file_leaks_into_the_index(built):
    built.require()
    lines = _passwd_lines()
    if not lines:
        pytest.skip(f"{PASSWD} is absent or empty here: nothing to leak")
    leaks = [(d["path"], line) for d in stored_documents(built.index) for line in lines if line in _blob(d)]
    assert leaks == []


def test_no_entity_is_expanded_into_the_index(built):
    built.require()
    docs = stored_documents(built.index)
    assert not [d["path"] for d in docs if EXPANDED_MARKER in _blob(d)]
    # quadratic-blowup.xml defines one 50,000-letter entity; two expansions side by side would show here.
    assert not [d["path"] for d in docs if "A" * 60_000 in _blob(d)]


def test_scripts_styles_and_iframes_are_not_indexed_as_text(world, built):
    built.require()
    leaked = [
        (d["path"], marker)
        for d in _docs_from(stored_documents(built.index), world.case("scripts.html").path)
        for marker in (SCRIPT_MARKER, IFRAME_MARKER, STYLE_MARKER)
        if marker in _blob(d)
    ]
    assert leaked == [], "the HTML reader indexes script/style/iframe content as release text"


def test_no_script_links_are_kept(built):
    built.require()
    bad = [
        (d["path"], link)
        for d in stored_documents(built.index)
        for link in (d.get("meta") or {}).get("links", [])
        if link.strip().lower().startswith(SCRIPT_SCHEMES)
    ]
    assert bad == []


def test_hostile_text_is_indexed_as_searchable_data(world, built):
    built.require()
    with open_index(built.index) as index:
        page = index.search('"announces merger"', per_page=50, collapse=False)
        paths = {hit.path for hit in page.hits}  # inside the folder indexed
        shown = {
            name: world.case(name).path.relative_to(world.sources).as_posix()
            for name in ("xss-release.txt", "xss-release.json")
        }
        assert set(shown.values()) <= paths
        hit = next(h for h in page.hits if h.path == shown["xss-release.json"])
        assert "Announces Merger" in hit.headline
        # Whatever the parser keeps of the markup (the raw headline carries <script>), a snippet is escaped
        # text with only <mark> added.
        assert "<script" not in re.sub(r"</?mark[^>]*>", "", hit.snippet)


def test_the_site_serves_every_hostile_release_without_error(built):
    built.require()
    app = create_app({"RELEASES_INDEX": str(built.index), "TESTING": True})
    client = app.test_client()
    docs = stored_documents(built.index)
    failures = []
    for doc in docs:
        for url in (f"/releases/{doc['id']}", f"/api/releases/{doc['id']}"):
            status = client.get(url).status_code
            if status != 200:
                failures.append((url, doc["path"], status))
    for query in ("merger", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"):
        for url in ("/", "/api/search"):
            status = client.get(url, query_string={"q": query}).status_code
            if status >= 500:
                failures.append((url, query, status))
    assert failures == []


# ---- Each file alone, so a failure names the file and what its reader did -------------------------


def test_each_hostile_file_parses_to_releases_or_a_parse_error(world):
    lines = _passwd_lines()
    problems = []
    for case in world.cases:
        try:
            releases = parse_file(str(case.path))
        except ParseError as exc:
            if case.expect == "index":
                problems.append(f"{case.path.name} ({case.what}): ParseError {exc.reason!r}, expected releases")
            elif not re.search(case.reason, exc.reason, re.IGNORECASE):
                problems.append(f"{case.path.name}: reason {exc.reason!r} does not say /{case.reason}/")
            continue
        except Exception as exc:  # any other exception is the bug this test looks for
            problems.append(f"{case.path.name} ({case.what}): crashed with {type(exc).__name__}: {exc}"[:300])
            continue
        if case.expect == "skip":
            problems.append(f"{case.path.name} ({case.what}): parsed into {len(releases)} releases, expected a skip")
        for release in releases:
            # A path is what the disk says.
            data = {k: v for k, v in release.to_json().items() if k not in ("path", "source")}
            text = json.dumps(data, ensure_ascii=False)
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                problems.append(f"{case.path.name} ({case.what}): release text is not valid Unicode: {exc}"[:300])
            leaks = [m for m in (EXPANDED_MARKER, FETCHED_MARKER, *lines) if m in text]
            if case.path.name == "scripts.html":
                leaks += [m for m in (SCRIPT_MARKER, IFRAME_MARKER, STYLE_MARKER) if m in text]
            leaks += [link for link in release.links if link.strip().lower().startswith(SCRIPT_SCHEMES)]
            if leaks:
                problems.append(f"{case.path.name} ({case.what}): release text holds {leaks[0][:60]!r}")
    assert world.callback.requests == []
    assert not problems, "\n".join(problems)


# ---- The command line ---------------------------------------------------------------------------


def test_cli_index_lists_each_skipped_file_with_its_reason(world, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(world.workdir / "cwd")
    index = tmp_path / "cli-index"  # outside the sandbox, so the whole sandbox must stay as it was
    before = tree_snapshot(world.sandbox)
    result = runner.invoke(main, ["index", str(world.sources), "--index", str(index)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.stderr
    for case in world.cases:
        if case.expect == "skip":
            line = next((x for x in result.stderr.splitlines() if x.strip().startswith(f"{case.path}:")), None)
            assert line is not None, f"{case.path.name} is not listed as skipped"
            assert re.search(case.reason, line.split(f"{case.path}:", 1)[1], re.IGNORECASE), line

    # An update over the same sources: nothing changed, the same files are reported again.
    again = runner.invoke(main, ["index", str(world.sources), "--index", str(index), "--json"])
    assert again.exit_code == 3, again.output
    summary = json.loads(again.stdout)
    assert summary["ok"] is True and summary["added"] == 0
    assert {c.path.name for c in world.cases if c.expect == "skip"} <= {
        Path(s["path"]).name for s in summary["skipped"]
    }

    assert _diff(before, tree_snapshot(world.sandbox)) == {"created": [], "removed": [], "changed": []}

    found = runner.invoke(main, ["search", "record quarterly revenue", "--index", str(index), "--json"])
    assert found.exit_code == 0, found.output
    assert any(h["path"].endswith("good_text.txt") for h in json.loads(found.stdout)["hits"])


def test_cli_parse_prints_json_or_an_error_for_each_hostile_file(world, runner):
    for case in world.cases:
        result = runner.invoke(main, ["parse", str(case.path), "--json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), (case.path.name, result.exception)
        assert result.exit_code in (0, 3), (case.path.name, result.output)
        for line in result.stdout.splitlines():
            assert isinstance(json.loads(line), dict), (case.path.name, line[:200])
