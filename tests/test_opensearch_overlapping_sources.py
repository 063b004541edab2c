"""Sources given twice or one inside another, on OpenSearch: each file is read and counted once, as on Whoosh
(test_overlapping_sources.py). Needs the test cluster (see opensearch_cluster.py); skips without one."""

from __future__ import annotations

import json

import pytest
from opensearch_cluster import URL
from test_overlapping_sources import docs  # noqa: F401 (the folder of two releases, as a fixture)

from indexer.cli import main


@pytest.mark.parametrize("sources", [["docs", "./docs/"], ["docs", "docs/2021"]])
def test_each_file_is_indexed_once(runner, cluster, alias, docs, sources):  # noqa: F811
    args = ["index", *sources, "--index", alias, "--backend", "opensearch", "--url", URL, "--shards", "1"]
    result = runner.invoke(main, [*args, "--replicas", "0", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["files"], report["new_files"], report["added"], report["total"]) == (2, 2, 2, 2)
