"""The Whoosh backend: searcher lifecycle and query execution (exact totals, facets, a page of hits).

Storage and the atomic switch between index generations live in store.py; query translation,
snippets and suggestions in match.py; ranking in rank.py.
"""

from __future__ import annotations

import bisect
import os
import re
import threading
import time
from datetime import datetime, timedelta

import numpy as np
from whoosh import query as wq
from whoosh.index import EmptyIndexError

from ... import query as q
from ...facets import STATS_FACETS, STATS_TOP, completions, index_stats
from ...match_mode import label, optional_words, require_all, without_stop_words
from ...model import Export, ExportRow, Facet, Hit, IndexNotFound, Page, QueryError, Release
from ...relevance import replaces_unknown
from ...schema import FACETS_BY_NAME, QUERY_ANALYZER
from ...snippets import highlight_terms, make_snippet
from ..hits import copy_info, plain_snippet, stored_to_hit, stored_to_release
from ..lru import LRU
from . import deflate
from .facets import NO_DATE, FacetTable, outside_of
from .match import expansions_for, suggest_correction, translate
from .rank import plan_query, rank, related_plan, score, stats_for
from .result_cache import ResultCache, copy_hits, request_key, result_cache_size
from .store import DAMAGE, WhooshStore, damaged, open_generation

# Highlighted passages kept per snapshot (a few hundred bytes each).
SNIPPET_CACHE = 4096
# Retired searchers are closed after this long, so requests still using them can finish.
RETIRE_AFTER_S = 30.0
# Dates are stored as naive UTC seconds since this moment (datetime.utcfromtimestamp is deprecated in 3.12).
EPOCH = datetime(1970, 1, 1)


# ---- Searching --------------------------------------------------------------------------------


class _Snapshot:
    """One opened generation: index, searcher and facet table, used together.

    A generation never changes once live, so a snapshot stays valid until CURRENT names another one;
    its files stay readable after a build deletes them (they are read through handles opened here).
    """

    def __init__(self, gen: str, result_cache: int = 0):
        try:
            self.index = open_generation(gen)
            self.searcher = self.index.searcher()
            # Read once: FileIndex.schema rereads the table of contents, which a rebuild may have deleted.
            self.schema = self.searcher.schema
        except EmptyIndexError as exc:
            raise IndexNotFound(
                f"the index at {gen} is incomplete: rebuild it with 'releases index --rebuild'"
            ) from exc
        self.gen = gen
        try:
            reader = self.searcher.reader()
            deflate.read_stored_with_isal(reader)
            leaves = [leaf for leaf, _ in reader.leaf_readers()] if reader.doc_count_all() else []
            segments = [leaf.segment() for leaf in leaves]
            self.live = np.ones(reader.doc_count_all(), dtype=bool)
            offset = 0
            for segment in segments:
                deleted = np.fromiter(segment.deleted_docs(), dtype=np.int64)
                self.live[deleted + offset] = False
                offset += segment.doc_count_all()
            self.table = FacetTable.load(self.index.storage, segments, leaves)
            grouped = np.flatnonzero(self.table.groups >= 0)
            if len(grouped):
                # Copies are few (1 document in 150): paths and ids read once order ties of date, as on OpenSearch.
                fields_ = [self.searcher.stored_fields(int(d)) for d in grouped]
                # Copies by key and date are folded only if their whole texts agree (duplicates.same_text).
                self.table.refold({int(d): f.get("dupsketch") or "" for d, f in zip(grouped, fields_, strict=True)})
                self.table.order_copies_by(grouped, [f"{f.get('path', '')}\0{f['id']}" for f in fields_])
        except BaseException:
            self.searcher.close()  # a damaged segment: its files are not left open
            raise
        self.lock = threading.Lock()  # a Whoosh searcher is not safe for concurrent use
        self.retired_at: float | None = None
        self.results = ResultCache(result_cache)  # finished pages of this generation only
        self.related = ResultCache(result_cache, copy=copy_hits)  # release id, limit -> related hits
        self._completions: tuple | None = None
        self._snippets = LRU(SNIPPET_CACHE)  # (document, words) -> highlighted passage

    def close(self) -> None:
        self.searcher.close()

    def completions(self) -> tuple[list[str], list[dict]]:
        """Sorted (word, entry) keys for autocomplete and their entries, built once per snapshot: a
        prefix is then two binary searches instead of a pass over every ticker and company."""
        if self._completions is None:
            pairs = []
            units = self.table.representatives(self.live)  # releases, copies folded: what a search counts
            for name in ("ticker", "company"):
                column = self.table.columns[name]
                counts = column.count(units)
                for i, value in enumerate(column.values):
                    if not counts[i]:
                        continue  # only deleted releases carry it
                    entry = {"kind": name, "value": value, "count": int(counts[i])}
                    words = {value.casefold()} | {w.casefold() for w in re.split(r"[\s:]+", value) if w}
                    pairs.extend((word, len(pairs) + n, entry) for n, word in enumerate(sorted(words)))
            pairs.sort(key=lambda p: (p[0], p[1]))
            self._completions = ([p[0] for p in pairs], [p[2] for p in pairs])
        return self._completions

    def snippet(self, docnum: int, stored: dict, terms: set[str]) -> str:
        """A hit's highlighted passage, kept for the same words: the same query with another filter,
        sort or page shows many of the same releases again."""
        key = (docnum, frozenset(terms))
        found = self._snippets.get(key)
        if found is None:
            found = make_snippet(stored, terms)
            self._snippets.put(key, found)
        return found

    def matches(self, query, deadline: q.Deadline | None = None, memo: dict | None = None) -> np.ndarray:
        """The documents a Whoosh query matches, as a mask, computed with whole posting lists.

        Boolean structure, terms and date ranges are evaluated with numpy over cached posting lists,
        phrases by position (phrase.py, shared with ranking); patterns go through Whoosh. Deleted
        documents may be set: mask with live. memo (one search's): the masks of parts already matched,
        by the part's identity (a word's expansion stands in both the all-words and the any-word query);
        a mask found there is shared, so callers must not change the mask they get.
        """
        if memo is not None:
            found = memo.get(id(query))
            if found is not None:
                return found[1]
            mask = self._matches(query, deadline, memo)
            memo[id(query)] = (query, mask)  # the query kept: its id stays its own
            return mask
        return self._matches(query, deadline, None)

    def _matches(self, query, deadline, memo) -> np.ndarray:
        size = len(self.live)
        if isinstance(query, wq.Every):
            return np.ones(size, dtype=bool)
        if query is wq.NullQuery:
            return np.zeros(size, dtype=bool)
        if isinstance(query, wq.Term):
            mask = np.zeros(size, dtype=bool)
            mask[self.term_docs(query.fieldname, query.text)] = True
            return mask
        if isinstance(query, (wq.Or, wq.DisjunctionMax)):
            mask = np.zeros(size, dtype=bool)
            self._mark_any(mask, query, deadline, memo)
            return mask
        if isinstance(query, wq.And):
            mask = np.ones(size, dtype=bool)
            for sub in query.subqueries:
                mask &= self.matches(sub, deadline, memo)
            return mask
        if isinstance(query, wq.Not):
            return ~self.matches(query.query, deadline, memo)
        if isinstance(query, wq.AndNot):
            return self.matches(query.a, deadline, memo) & ~self.matches(query.b, deadline, memo)
        if isinstance(query, wq.AndMaybe):
            return self.matches(query.a, deadline, memo)
        if isinstance(query, wq.Require):
            return self.matches(query.a, deadline, memo) & self.matches(query.b, deadline, memo)
        if isinstance(query, wq.DateRange) and query.fieldname == "date" and not (query.startexcl or query.endexcl):
            return self._date_mask(query.startdate, query.enddate)
        if type(query) is wq.Phrase and query.boost == 1.0 and self._has_positions(query.fieldname):
            # The same matcher (and cache) as ranking: a phrase is read once per search, not twice.
            mask = np.zeros(size, dtype=bool)
            mask[stats_for(self.searcher).phrase_docs(query.fieldname, query.words, query.slop, deadline)] = True
            return mask
        mask = np.zeros(size, dtype=bool)
        mask[np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)] = True
        return mask

    def _mark_any(self, mask: np.ndarray, query, deadline, memo) -> None:
        """Set in mask the documents of any part of an Or: terms (a word in each of eight fields, for each of
        its forms) straight from their postings, nested Ors flattened, without a mask per part."""
        for sub in query.subqueries:
            if isinstance(sub, wq.Term):
                mask[self.term_docs(sub.fieldname, sub.text)] = True
            elif isinstance(sub, (wq.Or, wq.DisjunctionMax)) and (memo is None or id(sub) not in memo):
                self._mark_any(mask, sub, deadline, memo)
            else:
                mask |= self.matches(sub, deadline, memo)

    def _has_positions(self, fieldname: str) -> bool:
        schema = self.schema
        return fieldname in schema and bool(schema[fieldname].format) and schema[fieldname].format.supports("positions")

    def term_docs(self, fieldname: str, text) -> np.ndarray:
        """Document numbers of one term (rank.py keeps recently used posting lists)."""
        return stats_for(self.searcher).documents(fieldname, text)

    def _date_mask(self, start, end) -> np.ndarray:
        # A release's day is its printed (local) date, as in the year and month facets and the timeline: one
        # dated 23:30 -05:00 on 31 January is in January for --from/--to too, not on 1 February (UTC).
        dates = self.table.local
        mask = dates != NO_DATE
        if start is not None:
            mask &= dates >= -(-_epoch_exact(start) // 1)
        if end is not None:
            mask &= dates <= _epoch_exact(end) // 1
        return mask


def _epoch_exact(value: datetime) -> float:
    return (value - datetime(1970, 1, 1)).total_seconds()


class WhooshBackend:
    """Searches one index directory, reusing a searcher until the index changes."""

    name = "whoosh"

    def __init__(self, path: str | os.PathLike, result_cache: int | None = None):
        self.store = WhooshStore(path)
        # Pages kept per snapshot for repeated searches (None: $RELEASES_RESULT_CACHE, else 1024; 0: none).
        self.result_cache = result_cache_size(result_cache)
        if not self.store.exists():
            raise IndexNotFound(
                f"no index at {self.store.path}: build one with 'releases index SOURCE... --index {self.store.path}'"
            )
        self._guard = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._retired: list[_Snapshot] = []

    # -- lifecycle --

    def snapshot(self) -> _Snapshot:
        """The current snapshot, reopened when a build switched generations."""
        with self._guard:
            for attempt in range(3):
                gen = self.store.current()
                if gen is None:
                    raise IndexNotFound(f"the index at {self.store.path} was removed: rebuild it with 'releases index'")
                snap = self._snapshot
                if snap is not None and snap.gen == gen:
                    break
                try:
                    fresh = _Snapshot(gen, self.result_cache)
                except (FileNotFoundError, IndexNotFound):
                    # A build switched again and removed gen while it was being opened: read CURRENT anew.
                    if attempt == 2:
                        raise
                    continue
                except DAMAGE as exc:
                    raise damaged(self.store.path, exc) from exc
                if snap is not None:
                    snap.retired_at = time.monotonic()
                    self._retired.append(snap)
                self._snapshot = snap = fresh
                break
            self._close_retired()
            return snap

    def _close_retired(self) -> None:
        now = time.monotonic()
        keep = []
        for old in self._retired:
            if now - old.retired_at > RETIRE_AFTER_S:
                old.close()
            else:
                keep.append(old)
        self._retired = keep

    def close(self) -> None:
        """Close every searcher this backend opened."""
        with self._guard:
            for snap in self._retired + ([self._snapshot] if self._snapshot else []):
                snap.close()
            self._retired, self._snapshot = [], None

    # -- queries --

    def search(self, request, parsed: q.ParsedQuery) -> Page:
        """Run a search request: exact total, facets over the whole result set, one page of hits."""
        snap = self.snapshot()
        key = request_key(request, parsed) if snap.results.size else None
        cached = snap.results.get(key)
        if cached is not None:
            return cached
        with snap.lock, stats_for(snap.searcher).holding():
            page = self._search(snap, request, parsed)
        snap.results.put(key, page)
        return page

    def _search(self, snap: _Snapshot, request, parsed: q.ParsedQuery) -> Page:
        table = snap.table
        tree = parsed.tree
        deadline = q.Deadline()
        # Spellings, abbreviations and wildcard expansions widen the match set as they widen the ranking.
        plan = plan_query(snap.searcher, tree, deadline, spelling=request.spelling)
        expansions = expansions_for(plan.clauses)
        any_tree = without_stop_words(tree)
        counted_tree = require_all(tree) if request.match == "all" else any_tree
        memo: dict = {}  # the masks of the query's parts, shared by the two match sets
        matched = self._match_mask(snap, translate(counted_tree, expansions), tree, deadline, memo)
        some = None
        if counted_tree != any_tree:
            # Releases holding some of the words: listed after the full matches, not counted.
            some = self._match_mask(snap, translate(any_tree, expansions), tree, deadline, memo) & ~matched
        deadline.check()
        # The unit counted: a release with its copies folded (its earliest copy stands for it).
        unit = table.representatives if request.collapse else np.copy
        base = unit(matched)
        filters = self._filter_masks(snap, request)
        final = base.copy()
        for mask in filters.values():
            final &= mask
        final_docs = np.flatnonzero(final)
        # A facet counts the releases every other facet's selection allows: with one selection or none, most
        # facets count the same set, whose document numbers (and, when most documents match, those of the
        # documents outside it) are found once.
        counted = {tuple(filters): (final, final_docs, outside_of(final, final_docs))}
        facets: dict[str, Facet] = {}
        for name in request.facets:
            others = tuple(other for other in filters if other != name)
            if others not in counted:
                mask = base.copy()
                for other in others:
                    mask &= filters[other]
                docs = np.flatnonzero(mask)
                counted[others] = (mask, docs, outside_of(mask, docs))
            mask, docs, outside = counted[others]
            facets[name] = table.count(
                name, mask, request.filters.get(name, ()), limit=request.limit_of(name), docs=docs, outside=outside
            )
        partial = None
        if some is not None and some.any():
            partial = unit(some & ~table.covered(matched)) if request.collapse else some
            for mask in filters.values():
                partial &= mask
        hits = self._page_hits(snap, tree, request, final, partial, plan, expansions, memo)
        # On every page: a later page of a corrected search holds the suggestion's results too, and says so.
        suggestion = suggest_correction(snap.searcher, parsed.words)
        # Results found only through the spellings of a word the index does not know are the corrected
        # search's: "Showing results for", not "Did you mean".
        corrected = (
            bool(suggestion)
            and request.spelling
            and replaces_unknown(stats_for(snap.searcher), parsed.words, suggestion, _query_terms)
        )
        return Page(
            query=request.query,
            total=len(final_docs),
            page=request.page,
            per_page=request.per_page,
            hits=hits,
            facets=facets,
            sort=request.sort,
            suggestion=suggestion,
            corrected=corrected,
            timeline=table.timeline(final, final_docs, counted[tuple(filters)][2]),
            match=request.match,
            partial_total=int(np.count_nonzero(partial)) if partial is not None else 0,
            undated=int(np.count_nonzero(table.dates[final_docs] == NO_DATE)),
        )

    def _match_mask(
        self, snap: _Snapshot, wquery, tree, deadline: q.Deadline | None = None, memo: dict | None = None
    ) -> np.ndarray:
        if isinstance(tree, q.MatchAll):
            return snap.live.copy()
        return snap.matches(wquery, deadline, memo) & snap.live

    def _filter_masks(self, snap: _Snapshot, request) -> dict[str, np.ndarray]:
        table = snap.table
        masks: dict[str, np.ndarray] = {}
        for name, values in request.filters.items():
            if values:
                if name not in table.columns:
                    raise QueryError(f"unknown facet '{name}': use one of {', '.join(FACETS_BY_NAME)}")
                masks[name] = table.columns[name].select(values, table.size)
        if request.tickers:
            tickers = table.columns["ticker"].select(request.tickers, table.size)
            masks["ticker"] = masks["ticker"] & tickers if "ticker" in masks else tickers
        if request.date_range is not None:
            lo, hi = request.date_range.start, request.date_range.end
            dates = table.local  # the printed day, as the month and year facets and the timeline count it
            mask = dates != NO_DATE
            if lo is not None:
                mask &= dates >= _epoch(lo)
            if hi is not None:
                mask &= dates < _epoch(hi)
            masks["date"] = mask
        return masks

    def _order(self, snap, request, mask, count: int, plan, scored=None) -> tuple[list[int], dict[int, float]]:
        """The first count documents of mask in the request's order, and their scores."""
        if request.sort == "relevance":
            # Ranked by whoosh_rank over the exact match set; equal scores (or no words) newest first.
            if scored is not None:
                return rank(scored, mask, count, tiebreak=snap.table.dates)
            return plan.rank(mask, count, tiebreak=snap.table.dates)
        docs = np.flatnonzero(mask)
        dates = snap.table.dates[docs]
        if request.sort == "oldest":
            keys = np.where(dates == NO_DATE, np.iinfo(np.int64).max, dates)
            idx = np.argsort(keys, kind="stable")[:count]
        else:
            idx = np.argsort(-dates, kind="stable")[:count]
        return docs[idx].tolist(), {}

    def export(self, request, parsed: q.ParsedQuery, text: bool = False, batch: int = 500) -> Export:
        """The releases a search counts, in the request's order, read a batch of stored documents at a time
        (pages and their limits do not apply): the order is computed once, the rows as they are consumed."""
        snap = self.snapshot()
        with snap.lock:
            tree = parsed.tree
            deadline = q.Deadline()
            plan = plan_query(snap.searcher, tree, deadline, spelling=request.spelling)
            expansions = expansions_for(plan.clauses)
            counted_tree = require_all(tree) if request.match == "all" else without_stop_words(tree)
            final = self._match_mask(snap, translate(counted_tree, expansions), tree, deadline)
            if request.collapse:
                final = snap.table.representatives(final)
            for mask in self._filter_masks(snap, request).values():
                final &= mask
            order, scores = self._order(snap, request, final, int(final.sum()), plan)

        def rows():
            for at in range(0, len(order), batch):
                with snap.lock:  # taken per batch, so searches are served between them
                    out = []
                    for docnum in order[at : at + batch]:
                        stored = snap.searcher.stored_fields(docnum)
                        hit = stored_to_hit(stored, scores.get(docnum), plain_snippet(stored))
                        if request.collapse:
                            copies = [
                                copy_info(snap.searcher.stored_fields(o)) for o in snap.table.copies(docnum, snap.live)
                            ]
                            hit.duplicates = sorted(copies, key=lambda c: c["id"])
                        body = "\n\n".join(x for x in (stored.get("lede"), stored.get("body")) if x) if text else None
                        out.append(ExportRow(hit, body))
                yield from out

        return Export(total=len(order), rows=rows())

    def _page_hits(self, snap, tree, request, final, partial, plan, expansions, memo=None) -> list[Hit]:
        searcher = snap.searcher
        start = request.start  # a cursor's offset, else the page number's
        want = start + request.per_page
        # The mask holds one document per release already (copies folded by the caller).
        scored = None
        if partial is not None and request.sort == "relevance" and plan.clauses:
            # Scored over every release holding any of the words, as when any word counted: a word's weight
            # (its best score) stays what it was; the full matches are then ranked first. Only they are
            # scored when they fill the page.
            fills = np.count_nonzero(final) >= want
            scored = score(plan.stats, plan.clauses, final | partial, plan.deadline, within=final if fills else None)
        order, scores = self._order(snap, request, final, want, plan, scored)
        partial_docs: list[int] = []
        if len(order) < want and partial is not None:
            partial_docs, more = self._order(snap, request, partial, want - len(order), plan, scored)
            order = order + partial_docs
            scores.update(more)
        page_docs = order[start : start + request.per_page]
        missing = self._missing(snap, tree, set(partial_docs) & set(page_docs), expansions, memo)
        terms = highlight_terms(tree, plan.clauses if plan else ())
        hits = []
        for docnum in page_docs:
            stored = searcher.stored_fields(docnum)
            snippet = snap.snippet(docnum, stored, terms) if request.snippets else plain_snippet(stored)
            hit = stored_to_hit(stored, scores.get(docnum), snippet)
            if request.collapse:
                copies = [copy_info(searcher.stored_fields(o)) for o in snap.table.copies(docnum, snap.live)]
                hit.duplicates = sorted(copies, key=lambda c: c["id"])
            hit.missing = missing.get(docnum, [])
            hits.append(hit)
        return hits

    def _missing(self, snap, tree, docs: set[int], expansions, memo=None) -> dict[int, list[str]]:
        """For each of docs (some-words matches), the words of the query it lacks, as typed."""
        if not docs:
            return {}
        found: dict[int, list[str]] = {d: [] for d in docs}
        for word in optional_words(tree):
            mask = snap.matches(translate(word, expansions), memo=memo)
            for d in docs:
                if not mask[d]:
                    found[d].append(label(word))
        return found

    def get(self, release_id: str) -> Release | None:
        """One release with all its sections and where else it appeared, or None."""
        snap = self.snapshot()
        with snap.lock:
            docnum = snap.searcher.document_number(id=release_id)
            if docnum is None:
                return None
            stored = snap.searcher.stored_fields(docnum)
            others = snap.table.copies(docnum, snap.live)
            copies = [copy_info(snap.searcher.stored_fields(o)) for o in others]
            return stored_to_release(stored, sorted(copies, key=lambda c: c["id"]))

    def related(self, release_id: str, limit: int = 5) -> list[Hit]:
        """Releases most like this one, excluding its own copies."""
        snap = self.snapshot()
        found = snap.related.get((release_id, limit))
        if found is None:
            found = self._related(snap, release_id, limit)
            snap.related.put((release_id, limit), found)
        return found

    def _related(self, snap: _Snapshot, release_id: str, limit: int) -> list[Hit]:
        with snap.lock:
            searcher = snap.searcher
            docnum = searcher.document_number(id=release_id)
            if docnum is None:
                return []
            key = snap.table.groups[docnum]
            stored = searcher.stored_fields(docnum)
            # Ranked like a search for the release's most distinctive words; its own copies left out.
            candidates = snap.live.copy()
            candidates[docnum] = False
            if key >= 0:
                candidates &= snap.table.groups != key
            plan = related_plan(stats_for(searcher), stored)
            order, scores = plan.rank(candidates, limit * 3 + 5) if plan.clauses else ([], {})
            hits, seen = [], set()
            for found in order:
                k = snap.table.groups[found]
                if not scores.get(found) or (k >= 0 and k in seen):
                    continue
                if k >= 0:
                    seen.add(k)
                fields_ = searcher.stored_fields(found)
                hits.append(stored_to_hit(fields_, scores[found], plain_snippet(fields_)))
                if len(hits) >= limit:
                    break
            return hits

    def issuer_registry(self):
        """The issuer registry of the live generation (its issuers.json), read once per generation."""
        from ...issuers.store import IssuerFile

        snap = self.snapshot()
        if getattr(snap, "issuers", None) is None:
            snap.issuers = IssuerFile.load(snap.gen, records=False).registry
        return snap.issuers

    def complete(self, prefix: str, limit: int = 8) -> list[dict]:
        """Tickers and company names starting with prefix, most frequent first."""
        snap = self.snapshot()
        key = prefix.strip().casefold()
        if not key:
            return []
        words, entries = snap.completions()
        start = bisect.bisect_left(words, key)
        end = bisect.bisect_left(words, key + "\U0010ffff", start)
        found, seen = [], set()
        for entry in entries[start:end]:
            if id(entry) not in seen:  # a value with several words starting with key is listed once
                seen.add(id(entry))
                found.append(dict(entry))
        return completions(found, limit)

    def stats(self) -> dict:
        """Number of releases, date range, top tickers, wires and years."""
        snap = self.snapshot()
        table = snap.table
        dates = table.dates[snap.live]
        dates = dates[dates != NO_DATE]
        first = EPOCH + timedelta(seconds=int(dates.min())) if len(dates) else None
        last = EPOCH + timedelta(seconds=int(dates.max())) if len(dates) else None
        units = table.representatives(snap.live)  # releases, copies folded: the unit every search counts
        top = {name: table.count(name, units, limit=STATS_TOP) for name in STATS_FACETS}
        return index_stats(
            self.name,
            self.store.path,
            int(units.sum()),
            first.date() if first else None,
            last.date() if last else None,
            top,
            documents=int(snap.live.sum()),  # copies included
        )

    def source_hashes(self) -> dict[str, str]:
        """Source path -> content hash of every indexed file (for incremental builds)."""
        snap = self.snapshot()
        with snap.lock:
            return {fields_["path"]: fields_.get("source_hash", "") for fields_ in snap.searcher.all_stored_fields()}


def _query_terms(word: str) -> list[str]:
    return [tok.text for tok in QUERY_ANALYZER(word)]


def _epoch(value: datetime) -> int:
    return int((value - datetime(1970, 1, 1)).total_seconds())
