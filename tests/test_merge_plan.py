"""Which segments one build merges: bounded by releases and by the build's memory budget."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from indexer.backends.whoosh.merge import MAX_SMALL, MERGE_MEMORY_SHARE, plan_merges


@dataclass(eq=False)
class Segment:
    """The counts plan_merges reads of a segment."""

    docs: int
    deleted: int = 0

    def doc_count(self) -> int:
        return self.docs

    def doc_count_all(self) -> int:
        return self.docs + self.deleted

    def deleted_count(self) -> int:
        return self.deleted


def test_small_segments_are_merged_without_a_memory_budget():
    segments = [Segment(1000) for _ in range(MAX_SMALL + 2)]
    assert plan_merges(segments) == [segments]


@pytest.mark.parametrize("fit", [2, 3, 5])
def test_a_merge_holds_no_more_than_the_memory_budget_allows(fit):
    """Each segment's merge holds 100 MB; with room for `fit` of them, `fit` are merged and the rest wait."""
    segments = [Segment(1000) for _ in range(MAX_SMALL + 4)]
    memory = int(fit * 100e6 / MERGE_MEMORY_SHARE) + 1
    (group,) = plan_merges(segments, {id(s): 100_000_000 for s in segments}, memory)
    assert len(group) == fit


def test_no_merge_when_only_one_segment_fits():
    segments = [Segment(1000) for _ in range(MAX_SMALL + 2)]
    assert plan_merges(segments, {id(s): 10**12 for s in segments}, 2 * 10**9) == []
