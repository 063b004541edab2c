"""Segment upkeep in a generation being built: what each file was indexed from, deletions by file,
and merging small segments so that daily updates do not pile up segments.

Merging copies posting lists block by block (renumbering documents, dropping deleted ones) and
stored fields document by document into one new segment written through Whoosh's codec, with its
facet and sources files; Whoosh's own merge pushes every posting through its sorting pool instead.
"""

from __future__ import annotations

import heapq
from array import array

import numpy as np
from whoosh.reading import SegmentReader

from . import adapter
from .blocks import write_field
from .columns import COLUMNS_EXT, merge_columns, write_columns
from .facets import (
    FacetTable,
    load_segment_sources,
    save_sidecars,
    segment_facets,
)
from .postings import whoosh_postings
from .store import INDEXNAME, Generation

# Segments with fewer live releases than this are "small"; more than MAX_SMALL of them get merged.
SMALL_DOCS = 10_000
MAX_SMALL = 4
# Beyond this many segments, the smallest are merged whatever their size.
MAX_SEGMENTS = 32
# A segment with more than this share of deleted releases is rewritten without them.
MAX_DELETED_SHARE = 0.5
# Releases one build may rewrite by merging.
MERGE_BUDGET = 60_000
# Share of the build's memory budget merging may hold, and what merging holds per byte of columnar postings.
MERGE_MEMORY_SHARE = 0.8
MERGE_BYTES_PER_COLUMN_BYTE = 5


# ---- Sources: which file each release came from -------------------------------------------------


def _segment_sources(gen: Generation, segment) -> tuple[list[str], list[str]]:
    data = load_segment_sources(gen.storage, segment)
    if data is not None:
        return data["paths"], data["hashes"]
    reader = SegmentReader(gen.storage, gen.schema, segment)
    try:
        paths, hashes = [""] * segment.doc_count_all(), [""] * segment.doc_count_all()
        for docnum, stored in reader.iter_docs():
            paths[docnum], hashes[docnum] = stored.get("path", ""), stored.get("source_hash", "")
        return paths, hashes
    finally:
        reader.close()


def source_hashes(gen: Generation) -> dict[str, str]:
    """Source path -> content hash of every file with releases in this generation."""
    known: dict[str, str] = {}
    for segment in gen.segments:
        paths, hashes = _segment_sources(gen, segment)
        deleted = set(segment.deleted_docs())
        for docnum, (path, digest) in enumerate(zip(paths, hashes, strict=True)):
            if docnum not in deleted:
                known[path] = digest
    return known


def delete_paths(gen: Generation, paths: set[str]) -> int:
    """Mark every release from these source files deleted; return how many were."""
    if not paths:
        return 0
    removed = 0
    for segment in gen.segments:
        seg_paths, _ = _segment_sources(gen, segment)
        for docnum, path in enumerate(seg_paths):
            if path in paths and not segment.is_deleted(docnum):
                segment.delete_document(docnum)
                removed += 1
    return removed


# ---- Merging ------------------------------------------------------------------------------------


def plan_merges(segments: list, merge_bytes: dict[int, int] | None = None, memory: int | None = None) -> list[list]:
    """Groups of segments worth merging: many small ones, mostly-deleted ones, or too many overall.

    One build rewrites at most MERGE_BUDGET releases this way, smallest segments first, and, given the
    build's memory budget, at most what merging fits in it (merge_bytes: segment id -> bytes its merge
    holds), so the merge cost of a build stays bounded; later builds carry on where it stopped.
    """
    live = sorted((s for s in segments if s.doc_count() > 0), key=lambda s: s.doc_count())
    heavy = [s for s in live if s.deleted_count() > MAX_DELETED_SHARE * s.doc_count_all()]
    small = [s for s in live if s.doc_count() < SMALL_DOCS or s in heavy]
    room = _Room(MERGE_BUDGET, merge_bytes or {}, memory)
    group: list = []
    if len(small) > MAX_SMALL or heavy:
        group = room.take(small)
    rest = [s for s in live if not any(s is t for t in group)]
    if len(rest) + (1 if group else 0) > MAX_SEGMENTS:
        group += room.take(rest)
    if len(group) < 2 and not any(s.deleted_count() for s in group):
        return []
    return [group]


class _Room:
    """What one build may still merge: releases (MERGE_BUDGET) and, with a memory budget, bytes."""

    def __init__(self, docs: int, merge_bytes: dict[int, int], memory: int | None):
        self.docs, self.merge_bytes = docs, merge_bytes
        self.bytes = None if memory is None else int(memory * MERGE_MEMORY_SHARE)

    def take(self, segments: list) -> list:
        """The smallest segments that fit (always at least one), the room they use taken off."""
        taken = []
        for segment in segments:  # smallest first
            size = self.merge_bytes.get(id(segment), 0)
            fits = segment.doc_count() <= self.docs and (self.bytes is None or size <= self.bytes)
            if taken and not fits:
                break
            taken.append(segment)
            self.docs -= segment.doc_count()
            if self.bytes is not None:
                self.bytes -= size
        return taken


def merge_small_segments(gen: Generation, memory: int | None = None) -> int:
    """Drop emptied segments and merge the groups plan_merges picks (within the build's memory budget,
    if given); return the number of merges."""
    gen.segments = [s for s in gen.segments if s.doc_count() > 0]
    merge_bytes = {id(s): _merge_bytes(gen, s) for s in gen.segments} if memory is not None else None
    merges = 0
    for group in plan_merges(gen.segments, merge_bytes, memory):
        merged = merge_segments(gen, group)
        ids = {id(s) for s in group}
        gen.segments = [s for s in gen.segments if id(s) not in ids] + [merged]
        merges += 1
    return merges


def _merge_bytes(gen: Generation, segment) -> int:
    """Memory merging the segment holds: its columnar postings are merged a field at a time in memory, with
    temporaries (measured: 3.3 GB peak for 690 MB of columnar files at 57,000 synthetic releases)."""
    name = segment.make_filename(COLUMNS_EXT)
    if not gen.storage.file_exists(name):
        return 0
    return MERGE_BYTES_PER_COLUMN_BYTE * gen.storage.file_length(name)


def merge_segments(gen: Generation, group: list):
    """Write the live releases of the segments in group as one new segment; return it."""
    codec = group[0].codec()
    storage, schema = gen.storage, gen.schema
    readers = [SegmentReader(storage, schema, segment) for segment in group]
    merged = codec.new_segment(storage, INDEXNAME)
    try:
        docmaps, lengths, facets, sources = _copy_documents(gen, group, readers, merged, codec)
        _copy_postings(storage, readers, docmaps, lengths, merged, codec, schema)
    finally:
        for reader in readers:
            reader.close()
    merged.set_doc_count(sum(int((m >= 0).sum()) for m in docmaps))
    if merged.should_assemble():
        merged.create_compound_file(storage)
    _save_merged_sidecars(storage, merged, facets, sources)
    if merged.doc_count_all() and not merge_columns(storage, group, docmaps, merged):
        write_columns(storage, schema, merged)  # a part written before columnar postings: read back
    return merged


def _copy_documents(gen, group, readers, merged, codec):
    """Stored fields, field lengths and columns of live documents, renumbered; facet data likewise."""
    schema = gen.schema
    perdoc = codec.per_document_writer(gen.storage, merged)
    docmaps: list[np.ndarray] = []
    lengths: dict[str, array] = {}
    facets: list[tuple[dict, np.ndarray]] = []
    sources: list[tuple[list, list]] = []
    names = schema.names()
    newdoc = 0
    for segment, reader in zip(group, readers, strict=True):
        size = segment.doc_count_all()
        keep = np.ones(size, dtype=bool)
        for docnum in segment.deleted_docs():
            keep[docnum] = False
        docmap = np.full(size, -1, dtype=np.int64)
        docmap[keep] = np.arange(newdoc, newdoc + int(keep.sum()))
        docmaps.append(docmap)
        columns = {}
        for name in names:
            field = schema[name]
            if field.column_type and reader.has_column(name):
                column = reader.column_reader(name, field.column_type, translate=False)
                columns[name] = column
        for docnum in np.flatnonzero(keep).tolist():
            stored = reader.stored_fields(docnum)
            perdoc.start_doc(newdoc)
            for name in names:
                field = schema[name]
                length = reader.doc_field_length(docnum, name) or 0
                perdoc.add_field(name, field, stored.get(name), length)
                if length:
                    lengths.setdefault(name, array("I")).extend([0] * (newdoc + 1 - len(lengths.get(name, ()))))
                    lengths[name][newdoc] = length
                if name in columns:
                    perdoc.add_column_value(name, field.column_type, columns[name][docnum])
            perdoc.finish_doc()
            newdoc += 1
        data = segment_facets(gen.storage, segment, reader)
        facets.append((data, keep))
        sources.append(_segment_sources(gen, segment))
    perdoc.close()
    for values in lengths.values():
        values.extend([0] * (newdoc - len(values)))
    return docmaps, lengths, facets, sources


def _read_postings(reader, fieldname, btext, info, field) -> tuple[list, list, list]:
    """Every posting of one term in one segment as (ids, weights, values) lists, deleted documents included: what
    Whoosh's matcher reads, from the term info that came with the term (no lookup in the segment's hash table)
    and one read of its list (postings.whoosh_postings; a matcher set up for each term took half a merge's CPU)."""
    terms = adapter.term_table(reader)
    if info.is_inlined():  # not written by this project's writer
        return adapter.term_postings(terms, fieldname, btext, field.format)
    return whoosh_postings(terms, info, field.format)


def _copy_postings(storage, readers, docmaps, lengths, merged, codec, schema) -> None:
    fieldwriter = codec.field_writer(storage, merged)
    fieldnames = sorted({name for reader in readers for name in adapter.term_table(reader).indexed_field_names()})
    for fieldname in fieldnames:
        field = schema[fieldname]
        streams = [
            _field_terms(reader, fieldname, n)
            for n, reader in enumerate(readers)
            if fieldname in adapter.term_table(reader).indexed_field_names()
        ]
        terms = _merged_terms(readers, docmaps, fieldname, field, streams)
        write_field(fieldwriter, codec, fieldname, field, terms, lengths.get(fieldname) if field.scorable else None)
    fieldwriter.close()


def _merged_terms(readers, docmaps, fieldname, field, streams):
    """(term, documents, weights, values) of a field across segments, renumbered, in term order."""
    current, docs, weights, values = None, [], [], []
    for btext, n, info in heapq.merge(*streams):  # a term is in a segment once: its info is never compared
        if btext != current:
            if docs:
                yield current, docs, weights, values
            current, docs, weights, values = btext, [], [], []
        ids, block_weights, block_values = _read_postings(readers[n], fieldname, btext, info, field)
        _append_renumbered(docs, weights, values, docmaps[n], ids, block_weights, block_values)
    if docs:
        yield current, docs, weights, values


def _append_renumbered(docs: list, weights: list, values: list, docmap: np.ndarray, ids, new_weights, new_values):
    """Add a segment's postings of a term, renumbered, leaving out deleted documents."""
    if len(ids) < 64:
        for docnum, weight, value in zip(ids, new_weights, new_values, strict=True):
            new = int(docmap[docnum])
            if new >= 0:
                docs.append(new)
                weights.append(weight)
                values.append(value or b"")
        return
    new = docmap[np.fromiter(ids, dtype=np.int64, count=len(ids))]
    keep = new >= 0
    if keep.all():
        docs.extend(new.tolist())
        weights.extend(new_weights)
        values.extend(v or b"" for v in new_values)
        return
    docs.extend(new[keep].tolist())
    flags = keep.tolist()
    weights.extend(w for w, k in zip(new_weights, flags, strict=True) if k)
    values.extend(v or b"" for v, k in zip(new_values, flags, strict=True) if k)


def _field_terms(reader, fieldname: str, n: int):
    """(term, n, term info) for each term of one field in reader n, in order."""
    for (name, btext), info in adapter.term_table(reader).items_from(fieldname, b""):
        if name != fieldname:
            return
        yield btext, n, info


def _save_merged_sidecars(storage, merged, facets, sources) -> None:
    parts = []
    for data, keep in facets:
        docmap = np.full(len(keep), -1, dtype=np.int64)
        docmap[keep] = np.arange(int(keep.sum()))
        columns = {}
        for name, (values, docs, ids) in data["columns"].items():
            alive = keep[docs] if len(docs) else np.zeros(0, dtype=bool)
            columns[name] = (values, docmap[docs[alive]], ids[alive])
        kept = {name: data[name][keep] for name in ("dates", "local", "groups")}
        parts.append({"size": int(keep.sum()), "columns": columns, **kept})
    paths, hashes = [], []
    for (_, keep), (seg_paths, seg_hashes) in zip(facets, sources, strict=True):
        paths.extend(p for p, k in zip(seg_paths, keep.tolist(), strict=True) if k)
        hashes.extend(h for h, k in zip(seg_hashes, keep.tolist(), strict=True) if k)
    save_sidecars(storage, merged, FacetTable.concatenate(parts).to_data(), paths, hashes)
