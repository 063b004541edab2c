"""Sources given twice, or one inside another (`releases index docs ./docs`, `docs docs/2021`): each file is indexed
once, with the id it gets alone, never listed as a copy of itself."""

from __future__ import annotations

import json

import pytest

from indexer.cli import main

RELEASE = """Quillfeather Widgets {event}

PORTLAND, Ore., March {day}, 2021 /PRNewswire/ -- Quillfeather Widgets Inc. (NASDAQ: QFWX), a maker of industrial
widgets, today announced that it {event_lower}, a step in its plan to supply shipyards across the Pacific Northwest
with brass fittings and valves for the next decade.
"""
EVENTS = {"top.txt": ("Opens a Foundry", 3), "2021/deep.txt": ("Names a Chief Executive", 9)}


@pytest.fixture
def docs(tmp_path, monkeypatch):
    for name, (event, day) in EVENTS.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(RELEASE.format(event=event, event_lower=event.lower(), day=day), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _index(runner, sources, index):
    result = runner.invoke(main, ["index", *sources, "--index", str(index), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "sources",
    [
        ["docs", "docs"],
        ["docs", "./docs/"],
        ["docs", "{tmp}/docs"],
        ["docs", "docs/2021"],
        ["docs/2021", "docs"],
        ["docs", "docs/top.txt"],
        ["docs", "docs/2021/deep.txt", "docs/2021"],
    ],
)
def test_each_file_is_indexed_once(runner, docs, sources):
    given = [s.format(tmp=docs) for s in sources]
    _index(runner, ["docs"], docs / "alone")
    alone = {h["path"]: h["id"] for h in _search(runner, docs / "alone")}
    report = _index(runner, given, docs / "ix")
    assert (report["files"], report["new_files"], report["added"], report["total"]) == (2, 2, 2, 2)
    hits = _search(runner, docs / "ix")
    assert all(hit["duplicates"] == [] for hit in hits)
    stats = json.loads(runner.invoke(main, ["stats", "--index", str(docs / "ix"), "--json"]).stdout)
    assert stats["documents"] == stats["releases"] == 2
    if "docs/2021" not in given:  # a folder given is a root: its files are known inside it
        assert {h["path"]: h["id"] for h in hits} == alone
    again = _index(runner, given, docs / "ix")
    assert (again["files"], again["unchanged_files"], again["added"], again["removed"]) == (2, 2, 0, 0)


def _search(runner, index) -> list[dict]:
    result = runner.invoke(main, ["search", "", "--index", str(index), "--json"])
    return json.loads(result.stdout)["hits"]


@pytest.mark.parametrize(
    "sources",
    [["docs", "docs"], ["docs", "./docs/"], ["docs", "{tmp}/docs"], ["docs", "docs/2021"], ["docs", "docs/top.txt"]],
)
def test_each_file_is_parsed_once(runner, docs, sources):
    result = runner.invoke(main, ["parse", *[s.format(tmp=docs) for s in sources], "--json", "--no-issuers"])
    assert result.exit_code == 0, result.output
    headlines = sorted(json.loads(line)["headline"] for line in result.stdout.splitlines())
    assert headlines == sorted(f"Quillfeather Widgets {event}" for event, _ in EVENTS.values())
