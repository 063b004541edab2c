"""`releases index` says why files were indexed twice in one run: their issuer was learned from other releases."""

from __future__ import annotations

from indexer.cli import main

OPENING = "{name} today announced a new ferry route across the bay, with support from its board and partners."


def test_a_first_build_says_where_a_learned_issuer_came_from(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, (name, day) in enumerate((("Zenith Ferries, Inc. (NASDAQ: ZNFY)", 2), ("Zenith Ferries, Inc.", 9))):
        text = f"Zenith Ferries Route {n}\n\nDENVER, May {day}, 2024 /PRNewswire/ -- {OPENING.format(name=name)}\n"
        (folder / f"r{n}.txt").write_text(text, encoding="utf-8")
    args = ["index", str(folder), "--index", str(tmp_path / "ix"), "--sec-tickers", "none"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (
        "Issuers: 1 file indexed again, their issuer learned from other releases (a name printed with its listing) "
        "or from a changed issuer file." in result.output
    )
    assert "as their issuer changed" not in result.output
    found = runner.invoke(main, ["search", "ticker:ZNFY", "--index", str(tmp_path / "ix")])
    assert found.output.startswith("1-2 of 2 results"), found.output
