"""File names carrying line breaks or terminal escape sequences are printed escaped in `releases index` and
`releases parse` reports: a name cannot forge a report line nor drive the terminal."""

from __future__ import annotations

import pytest

from indexer.cli import main
from indexer.terminal import printable

NAMES = ["new\nline.txt", "colour\x1b[31mred.txt", "title\x1b]0;owned\x07.txt", "carriage\rreturn.txt"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("new\nline.txt", "new\\nline.txt"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("c1\x9bd", "c1\\x9bd"),
        ("société/plain name.txt", "société/plain name.txt"),
    ],
)
def test_printable_escapes_control_characters_only(text, shown):
    assert printable(text) == shown


@pytest.mark.parametrize("name", NAMES)
def test_index_and_parse_reports_print_a_hostile_name_escaped(runner, tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text("")  # skipped: empty
    (folder / "release.txt").write_text(
        "Fabrikam Widgets Opens a Plant\n\nDENVER, March 3, 2020 (PRNewswire) -- Fabrikam Inc. opened a widget "
        "plant in Denver on Tuesday.\n"
    )
    for args in (["index", str(folder), "--index", str(tmp_path / "ix")], ["parse", str(folder)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 3, result.output
        assert "\x1b" not in result.output and "\r" not in result.output
        [line] = [line for line in result.output.splitlines() if "empty file" in line]
        assert printable(str(folder / name)) in line
