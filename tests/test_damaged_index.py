"""An index whose files were emptied or cut short (a full disk, a partial copy) is reported as such, with the
command that makes it anew, by searches, the site and incremental builds; `--rebuild` repairs it."""

from __future__ import annotations

import gc
import json

import pytest

from indexer.cli import main
from webapp import create_app

REBUILD = "rebuild it with 'releases index SOURCE... --rebuild --index {index}'"


def _damage(index, suffix: str, keep: int) -> None:
    generation = index / (index / "CURRENT").read_text(encoding="utf-8").strip()
    for path in generation.glob(f"*{suffix}"):
        path.write_bytes(path.read_bytes()[:keep])


@pytest.mark.parametrize(
    ("suffix", "keep", "searches", "builds"),
    [(".seg", 0, True, True), (".facets", 10, True, False), (".sources", 7, False, True)],
)
def test_a_damaged_index_says_to_rebuild_it(runner, seeds_index, seeds_dir, suffix, keep, searches, builds):
    _damage(seeds_index, suffix, keep)  # searches read segments and facet files, builds segments and sources
    if searches:
        searched = runner.invoke(main, ["search", "conference", "--index", str(seeds_index), "--json"])
        assert searched.exit_code == 1
        error = json.loads(searched.stdout)["error"]
        assert error.startswith(f"the index at {seeds_index} cannot be read (") and "unexpected" not in error
        assert error.endswith(REBUILD.format(index=seeds_index))
        web = create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True}).test_client()
        response = web.get("/api/search?q=conference")
        assert response.status_code == 503 and response.get_json()["ok"] is False
    if builds:
        built = runner.invoke(main, ["index", str(seeds_dir), "--index", str(seeds_index)])
        assert built.exit_code == 1 and REBUILD.format(index=seeds_index) in built.stderr
    gc.collect()  # a file left open by the failed reads would warn here (an error under the suite's filters)
    rebuilt = runner.invoke(main, ["index", str(seeds_dir), "--index", str(seeds_index), "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    again = runner.invoke(main, ["search", "conference", "--index", str(seeds_index), "--json"])
    assert json.loads(again.stdout)["total"] == 1
