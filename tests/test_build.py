"""Index builds: the fast segment writer against Whoosh's own, parallel against in-process builds,
incremental runs and their reports, merging, schema changes, the CLI's progress and summary."""

from __future__ import annotations

import json
import random
import shutil

import numpy as np
import pytest
from build_helpers import ROOT, search_summary, write_releases
from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.index import create_in
from whoosh.reading import SegmentReader

from indexer import build_index, open_index
from indexer.backends.whoosh import build as whoosh_build
from indexer.backends.whoosh import deflate
from indexer.backends.whoosh import merge as whoosh_merge
from indexer.backends.whoosh.facets import FacetTable, SegmentFacets
from indexer.backends.whoosh.store import WhooshStore
from indexer.backends.whoosh.writer import SegmentBuilder
from indexer.cli import main
from indexer.documents import documents_of
from indexer.parse import iter_sources
from indexer.schema import TEXT_ANALYZER, build_schema


def _documents(folders) -> list[dict]:
    docs = []
    for source in iter_sources(folders):
        if not isinstance(source, Exception):
            try:
                docs.extend(documents_of(source))
            except Exception:  # noqa: BLE001 - a fixture the parser rejects is not this test's concern
                continue
    return docs


def _postings(reader) -> dict:
    """Every term of a segment with its statistics and postings (document, weight, value)."""
    out = {}
    schema, terms = reader.schema, reader._terms
    for (fieldname, btext), info in terms.items():
        # The matcher terms.matcher() makes, from the info at hand (it would look the term up again).
        matcher = terms._codec.postings_reader(terms._postfile, info, schema[fieldname].format, term=(fieldname, btext))
        postings = []
        doc, weight, value, advance = matcher.id, matcher.weight, matcher.value, matcher.next
        while matcher.is_active():
            postings.append((doc(), weight(), value()))
            advance()
        stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight())
        out[(fieldname, btext)] = (stats, info.min_id(), info.max_id(), postings)
    return out


@pytest.fixture(scope="session")
def whoosh_segment(tmp_path_factory):
    """The fixture releases and 30 synthetic ones as documents, the segment Whoosh's own writer makes of them, and
    what Whoosh reads from it: every term's postings and each document's stored fields (once: Whoosh's writer and
    reader are slow, and the deflate a test swaps in is ours, not Whoosh's). The same 24 fields hold terms as with 60
    synthetic ones, and no term's postings are inlined either way: more add volume, not paths."""
    root = tmp_path_factory.mktemp("whoosh_segment")
    shutil.copytree(ROOT / "seeds", root / "releases" / "seeds")
    shutil.copytree(ROOT / "tests" / "fixtures", root / "releases" / "fixtures")
    write_releases(root / "synthetic", 30)
    docs = _documents([root / "releases", root / "synthetic"])
    whoosh_dir = root / "whoosh"
    whoosh_dir.mkdir()
    index = create_in(str(whoosh_dir), build_schema())
    with index.writer() as writer:
        for doc in docs:
            writer.add_document(**doc)
    segment = index._segments()[0]
    reader = SegmentReader(FileStorage(str(whoosh_dir)), build_schema(), segment)
    try:
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        return docs, whoosh_dir, segment, _postings(reader), stored
    finally:
        reader.close()


@pytest.mark.parametrize("compress", ["zlib", "isal"])
def test_segment_builder_writes_what_whoosh_writes(tmp_path, whoosh_segment, monkeypatch, compress):
    """Same documents, same segment: every term and posting; every column file byte for byte with zlib's
    deflate (Whoosh's), the same stored fields with ISA-L's (the bytes differ, what they hold does not)."""
    monkeypatch.setattr(deflate, "compress", getattr(deflate, f"{compress}_compress"))
    docs, whoosh_dir, theirs, postings_theirs, stored_theirs = whoosh_segment
    assert len(docs) > 60
    ours_dir = tmp_path / "ours"
    ours_dir.mkdir()
    storage = FileStorage(str(ours_dir))
    builder = SegmentBuilder(storage, "MAIN", build_schema())
    for doc in docs:
        builder.add_document(doc)
    ours = builder.finish()

    files_theirs = theirs.open_compound_file(FileStorage(str(whoosh_dir)))
    files_ours = ours.open_compound_file(storage)
    names = sorted(name.split(".", 1)[1] for name in files_theirs.list())
    assert names == sorted(name.split(".", 1)[1] for name in files_ours.list())
    for ext in names:
        if ext.endswith(".col") and (compress == "zlib" or ext != "_stored.col"):  # stored, lengths, dates
            mine = files_ours.open_file(ours.make_filename("." + ext)).read()
            assert mine == files_theirs.open_file(theirs.make_filename("." + ext)).read(), ext
    assert ours._fieldlengths == theirs._fieldlengths
    reader_ours = SegmentReader(storage, build_schema(), ours)
    assert _postings(reader_ours) == postings_theirs
    stored_ours = [reader_ours.stored_fields(n) for n in range(reader_ours.doc_count_all())]
    assert stored_ours == stored_theirs
    assert stored_ours[0]["id"] == docs[0]["id"]


@pytest.mark.parametrize("renumber", [True, False])
def test_text_fields_are_indexed_as_whoosh_indexes_them(renumber):
    """Terms, frequencies, weights and positions of the cached, batched path equal field.index()'s."""
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
    from whoosh.formats import Positions

    from indexer.backends.whoosh.invert import _FieldPostings, _PositionsField

    analyzers = [
        TEXT_ANALYZER,
        RegexTokenizer() | LowercaseFilter() | StopFilter(renumber=renumber) | StemFilter(),
    ]
    rng = random.Random(3)
    words = (
        "The the a of Société NAÏVE acquisitions acquired merger-related 12.5 U.S. IMGN's x & an running "
        "SiriusXM InsurtechTips.com The.Company AT&T iPhone McDonald's"
    ).split()
    decode = Positions().decode_positions
    for analyzer in analyzers:
        schema_field = fields.TEXT(analyzer=analyzer, phrase=True, field_boost=1.5)
        postings = _FieldPostings()
        field = _PositionsField(schema_field, postings)
        expected, lengths = {}, {}
        for docnum in range(120):
            count = rng.choice([0, 1, 3, 30, 60, 150])
            pool = words if docnum % 3 else [w for w in words if w.isalpha() and w.lower() == w or w == "The"]
            text = " ".join(rng.choice(pool) for _ in range(count))
            expected[docnum] = {
                term: (freq, weight, decode(value)) for term, freq, weight, value in schema_field.index(text)
            }
            lengths[docnum] = field.add(text, docnum)
            if docnum == 70:
                field.flush()  # texts inverted in two batches
        field.flush()
        found: dict[int, dict] = {docnum: {} for docnum in expected}
        for i, value in enumerate(postings.values):
            positions = decode(value)
            term = postings.terms[postings.tids[i]]
            assert term not in found[postings.docs[i]]
            found[postings.docs[i]][term] = (len(positions), postings.weights[i], positions)
        for docnum, terms in expected.items():
            assert found[docnum] == terms, docnum
            assert lengths[docnum] == sum(freq for freq, _, _ in terms.values())


def test_positions_are_encoded_as_whoosh_encodes_them():
    """encode_positions writes the bytes of Positions().encode, for any gaps and counts."""
    from whoosh.formats import Positions

    from indexer.backends.whoosh.positions import encode_positions

    rng = random.Random(5)
    lists = [[0], [5], [4095], [4096], [70000], [3, 3, 3], list(range(0, 3000, 2))]
    for _ in range(300):
        start = rng.choice([0, 10, 300, 70_000, 2**31 - 10])
        gaps = [rng.choice([0, 1, 2, 255, 256, 65535, 65536]) for _ in range(rng.choice([1, 2, 5, 40]))]
        lists.append([min(start + sum(gaps[: k + 1]), 2**31 - 1) for k in range(len(gaps))])
    counts = np.array([len(p) for p in lists], dtype=np.int32)
    flat = np.array([pos for p in lists for pos in p], dtype=np.int32)
    firsts = np.cumsum(counts) - counts
    order = np.array(rng.sample(range(len(lists)), len(lists)))
    encoded = encode_positions(counts[order], firsts[order], flat)
    assert encoded == [Positions().encode(lists[n]) for n in order.tolist()]


def test_text_fields_take_the_fast_path():
    """Every text field with positions is analysed per cached word (else builds are several times slower)."""
    from indexer.backends.whoosh.invert import fast_field

    schema = build_schema()
    slow = [
        name
        for name, field in schema.items()
        if field.format.__class__.__name__ == "Positions" and fast_field(field) is None
    ]
    assert slow == [], "give custom analyzer filters a per_word(word) method, see whoosh_writer.word_pipeline"


def test_parallel_build_finds_what_an_in_process_build_finds(tmp_path, monkeypatch):
    # Workers start from 16 files and take 8 a batch: 64 releases are eight batches shared by both workers, as
    # hundreds are at the real sizes (INLINE_BELOW, BATCH_FILES), at a quarter of the parsing.
    monkeypatch.setattr(whoosh_build, "INLINE_BELOW", 16)
    monkeypatch.setattr(whoosh_build, "BATCH_FILES", 8)
    folder = tmp_path / "in"
    write_releases(folder, 64)
    serial = build_index([folder], tmp_path / "serial", procs=1)
    parallel = build_index([folder], tmp_path / "parallel", procs=2)
    assert parallel.workers == 2 and serial.workers == 1
    assert parallel.segments >= 2 and serial.segments == 1  # each worker wrote a segment of its own
    assert (parallel.added, parallel.total) == (serial.added, serial.total) == (64, 64)
    with open_index(tmp_path / "serial") as one, open_index(tmp_path / "parallel") as two:
        for query in ("dividend", "acquisition OR merger", '"conference call"', "ticker:NASDAQ", ""):
            assert search_summary(one, query, sort="newest") == search_summary(two, query, sort="newest")
        assert one.stats() | {"path": ""} == two.stats() | {"path": ""}


def test_incremental_run_reports_what_changed(tmp_path):
    folder = tmp_path / "in"
    paths = write_releases(folder, 6)
    index = tmp_path / "ix"
    build_index([folder], index)
    paths[0].write_text(paths[0].read_text() + "\nAn added closing line.\n")
    paths[1].unlink()
    write_releases(folder, 8, start=6)
    report = build_index([folder], index)
    assert (report.new_files, report.changed_files, report.gone_files, report.unchanged_files) == (2, 1, 1, 4)
    assert (report.added, report.removed, report.total, report.rebuilt) == (3, 2, 7, False)
    with open_index(index) as opened:
        assert opened.search("").total == 7
        assert str(paths[1]) not in {h.path for h in opened.search("", per_page=100, collapse=False).hits}
    again = build_index([folder], index, rebuild=True)
    assert (again.rebuilt, again.added, again.total) == (True, 7, 7)


def test_files_outside_the_sources_stay_indexed(tmp_path):
    """Indexing another folder adds to the index; it does not remove what came from elsewhere."""
    write_releases(tmp_path / "a", 3)
    write_releases(tmp_path / "b", 5, start=3)
    index = tmp_path / "ix"
    build_index([tmp_path / "a"], index)
    report = build_index([tmp_path / "b"], index)
    assert (report.added, report.removed, report.total) == (2, 0, 5)


@pytest.mark.parametrize("given", ["absolute path", "from another working folder", "through a linked folder"])
def test_the_same_files_given_another_way_are_the_same_releases(tmp_path, monkeypatch, given):
    """Files are known by their real absolute paths: nothing is indexed twice, release ids stay (bookmarks work)."""
    folder = tmp_path / "work" / "in"
    write_releases(folder, 4)
    index = tmp_path / "ix"
    monkeypatch.chdir(tmp_path / "work")
    first = build_index(["in"], index)
    with open_index(index) as opened:
        ids = {hit.id for hit in opened.search("", per_page=100, collapse=False).hits}
    if given == "absolute path":
        source = str(folder)
    elif given == "from another working folder":
        monkeypatch.chdir(tmp_path)
        source = "work/in"
    else:
        (tmp_path / "link").symlink_to(folder, target_is_directory=True)
        source = str(tmp_path / "link")
    report = build_index([source], index)
    assert (report.new_files, report.gone_files, report.unchanged_files) == (0, 0, 4)
    assert (report.added, report.removed, report.total) == (0, 0, first.total)
    with open_index(index) as opened:
        hits = opened.search("", per_page=100, collapse=False).hits
        assert {hit.id for hit in hits} == ids
        # Shown as the user knows them: inside the folder indexed, not where the server keeps it.
        assert {hit.path for hit in hits} == {path.name for path in sorted(folder.iterdir())}


def test_daily_updates_merge_small_segments(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_merge, "MAX_SMALL", 2)
    folder = tmp_path / "in"
    index = tmp_path / "ix"
    for day in range(5):
        write_releases(folder, 4 * (day + 1), start=4 * day)
        report = build_index([folder], index)
    assert report.total == 20
    assert report.segments <= 3  # five runs, five segments before merging
    # Replacing files leaves deleted documents behind; a merge drops them and keeps the rest findable.
    for path in sorted(folder.iterdir())[:12]:
        path.write_text(path.read_text() + "\nThe quokka programme continues.\n")
    report = build_index([folder], index)
    assert (report.removed, report.total) == (12, 20)
    store = WhooshStore(index)
    live = store.live()
    assert sum(s.deleted_count() for s in live.segments) < 12
    with open_index(index) as opened, open_index(index) as again:
        assert opened.search("").total == 20
        assert opened.search("quokka").total == 12
        assert search_summary(opened, "dividend", sort="newest") == search_summary(again, "dividend", sort="newest")


def test_merged_segment_matches_a_fresh_build(tmp_path, monkeypatch):
    """Merging segments (dropping deleted releases) gives the index a fresh build of the same files gives."""
    monkeypatch.setattr(whoosh_merge, "MAX_SMALL", 1)
    folder = tmp_path / "in"
    index = tmp_path / "ix"
    write_releases(folder, 10)
    build_index([folder], index)
    (folder / "r00003.txt").unlink()
    write_releases(folder, 14, start=10)
    build_index([folder], index)
    assert len(WhooshStore(index).live().segments) == 1
    build_index([folder], tmp_path / "fresh")
    with open_index(index) as merged, open_index(tmp_path / "fresh") as fresh:
        for query in ("", "dividend", "company", "ticker:NYSE"):
            assert search_summary(merged, query, sort="oldest") == search_summary(fresh, query, sort="oldest")


def test_facet_files_hold_what_the_index_holds(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 30)
    build_index([folder], tmp_path / "ix")
    live = WhooshStore(tmp_path / "ix").live()
    segment = live.segments[0]
    reader = SegmentReader(live.storage, live.schema, segment)
    from_file = FacetTable.load(live.storage, [segment])
    from_index = FacetTable.concatenate([SegmentFacets.from_reader(reader).to_data()])
    reader.close()
    for name, column in from_file.columns.items():
        other = from_index.columns[name]
        pairs = sorted(zip(column.docs.tolist(), [column.values[i] for i in column.value_ids], strict=True))
        assert pairs == sorted(zip(other.docs.tolist(), [other.values[i] for i in other.value_ids], strict=True))
    assert np.array_equal(from_file.dates, from_index.dates)
    assert np.array_equal(from_file.local, from_index.local)
    assert np.array_equal(from_file.dupkeys, from_index.dupkeys)


def test_schema_change_rebuilds_from_scratch(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_releases(folder, 3)
    index = tmp_path / "ix"
    build_index([folder], index)
    import indexer.build as build_module

    # The live index's schema first, then the code's: as if an analyzer had changed in between.
    fingerprints = iter(["live", "changed"])
    monkeypatch.setattr(build_module, "schema_fingerprint", lambda schema: next(fingerprints))
    report = build_index([folder], index)
    assert report.rebuilt and report.added == 3 and "schema" in report.reason


def test_cli_index_json_summary(runner, tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 3)
    (folder / "empty.txt").write_text("")
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"), "--json"])
    assert result.exit_code == 3, result.output
    data = json.loads(result.output)
    # A skipped file has no release in the index: it counts as new, and is tried again next time.
    assert (data["added"], data["new_files"], data["total"], data["rebuilt"]) == (3, 4, 3, True)
    assert data["skipped"] == [{"path": str(folder / "empty.txt"), "reason": "empty file"}]
    again = json.loads(runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"), "--json"]).output)
    assert (again["added"], again["new_files"], again["unchanged_files"], again["rebuilt"]) == (0, 1, 3, False)


def test_cli_index_text_summary_says_what_changed(runner, tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    (folder / "r00000.txt").unlink()
    result = runner.invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert "0 new, 0 changed, 1 unchanged, 1 gone; 1 release removed" in result.output


def test_progress_shows_a_bar_on_a_terminal_and_lines_elsewhere():
    import io
    import time as clock

    from indexer.build import BuildProgress
    from indexer.progress import ProgressPrinter

    started = clock.monotonic() - 20  # 20 s into a run
    event = BuildProgress(files_done=250, files_total=1000, releases=240, path="x", started=started)
    terminal = io.StringIO()
    bar = ProgressPrinter(terminal, terminal=True)
    bar(event)
    bar.close()
    assert terminal.getvalue().startswith("\r[#######") and " 25% 250/1,000 files, 240 releases" in terminal.getvalue()
    assert "12 releases/s" in terminal.getvalue() and "1m00s left" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")
    plain = io.StringIO()
    lines = ProgressPrinter(plain, terminal=False)
    lines(event)
    lines(BuildProgress(260, 1000, 250, "y", started))  # within 10 s of the last line: not printed
    assert plain.getvalue() == "indexing: 250/1,000 files, 240 releases, 12 releases/s, 1m00s left\n"
    quick = io.StringIO()
    ProgressPrinter(quick, terminal=False)(BuildProgress(1, 2, 1, "z", clock.monotonic()))
    assert quick.getvalue() == ""  # a run shorter than 10 s prints only its summary


def test_distinct_counts_copies_once(tmp_path):
    folder = tmp_path / "in"
    paths = write_releases(folder, 5)
    for n, path in enumerate(paths[:2]):  # the same release on two more wires
        (folder / f"copy{n}.txt").write_text(path.read_text())
    build_index([folder], tmp_path / "ix")
    with open_index(tmp_path / "ix") as opened:
        table = opened.backend.snapshot().table
        everything = np.ones(table.size, dtype=bool)
        groups = table.dupkeys[everything]
        expected = len(np.unique(groups[groups >= 0])) + int((groups < 0).sum())
        assert table.distinct(everything) == expected == 5
        assert opened.search("").total == 5 and opened.search("", collapse=False).total == 7
