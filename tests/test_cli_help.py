"""Every `releases` subcommand's --help explains each of its options, and the README's command table names the same
options as the command takes."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from indexer.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
# Options every subcommand shares, described once under the README's command table.
SHARED = {"--index", "--backend", "--url", "--help"}


def _readme_rows() -> dict[str, str]:
    """The README command table's rows by subcommand: `releases NAME ...` -> the row's text."""
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| `releases (\w+)", line)
        if found:
            rows[found.group(1)] = line
    return rows


COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help_text(name):
    command = main.commands[name]
    bare = [p.opts[0] for p in command.params if isinstance(p, click.Option) and not p.help]
    assert bare == [], f"releases {name}: options without help text: {bare}"
    shown = CliRunner().invoke(main, [name, "--help"])
    assert shown.exit_code == 0 and command.help.split(".")[0] in " ".join(shown.output.split())


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_names_the_options_the_command_takes(name):
    row = _readme_rows().get(name)
    assert row is not None, f"the README's command table has no row for releases {name}"
    taken = {opt for p in main.commands[name].params if isinstance(p, click.Option) for opt in p.opts}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", row))
    assert taken - SHARED - named == set(), f"releases {name}: options missing from the README"
    assert named - taken == set(), f"releases {name}: the README names options the command does not take"
