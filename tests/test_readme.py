"""The README's claims that code can check: its JSON example is the real shape, its options are the real ones."""

from __future__ import annotations

import json
import re

import click
import pytest
from build_helpers import ROOT

from indexer.cli import main
from indexer.model import release_id

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _json_example() -> dict:
    """The README's JSON example, with its `[...]` elisions made empty lists so that it reads as JSON."""
    block = re.search(r"## JSON shape.*?```json\n(.*?)```", README, re.S).group(1)
    return json.loads(block.replace("[...]", "[]"))


def test_json_example_has_the_keys_search_prints(runner, seeds_index):
    """Every key of `releases search --json` is in the example, and the example has no other."""
    result = runner.invoke(main, ["search", "conference call", "--index", str(seeds_index), "--json"])
    printed, example = json.loads(result.output), _json_example()
    assert list(example) == list(printed)
    assert list(example["hits"][0]) == list(printed["hits"][0])
    assert list(example["facets"]) == list(printed["facets"])
    assert list(example["timeline"][0]) == list(printed["timeline"][0])


def test_json_example_id_is_the_id_of_its_path():
    """The example's id is what an index of the example's path gives, not a stale one."""
    hit = _json_example()["hits"][0]
    assert hit["id"] == release_id(hit["path"])


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_lists_each_subcommand_and_which_take_index(name):
    """Each subcommand is in the README's table; the README names the one without --index; the others have it."""
    assert f"| `releases {name}" in README
    options = {opt for param in main.commands[name].params if isinstance(param, click.Option) for opt in param.opts}
    claim = re.search(r"Every subcommand except `(\w+)` takes `--index DIR`", README)
    assert claim, "the README no longer says which subcommands take --index"
    assert ("--index" in options) == (name != claim.group(1))


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_row_names_only_real_options(name):
    """Every option the README's table row of a subcommand names is one that subcommand takes."""
    row = re.search(rf"^\| `releases {name}\b.*$", README, re.M).group(0)
    options = {opt for param in main.commands[name].params if isinstance(param, click.Option) for opt in param.opts}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", row))
    assert named, f"the README's row for `releases {name}` names no option"
    assert named <= options, f"the README names {sorted(named - options)} for `releases {name}`"
