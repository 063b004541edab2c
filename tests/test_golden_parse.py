"""`releases parse --json` on the committed golden inputs prints the committed golden output, field for field.

The inputs are the parser fixtures, the seeds and synthetic releases (tests/data/golden/synth); after an intended
parser change, rewrite the output with `python benchmarks/golden_parse.py --small --write` and review its diff.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from build_helpers import ROOT

from indexer.cli import main

_spec = importlib.util.spec_from_file_location("golden_parse", ROOT / "benchmarks" / "golden_parse.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

EXPECTED = golden.by_path(golden.read_jsonl(golden.SMALL_EXPECTED))
REWRITE = "if the change is intended, run `python benchmarks/golden_parse.py --small --write` and review the diff"


@pytest.fixture(scope="module")
def printed() -> dict[str, list[dict]]:
    """What the CLI prints for the golden inputs, run from the checkout so paths are relative to it."""
    from click.testing import CliRunner

    with golden.working_folder(ROOT):
        # The parser's own answer: issuers resolved from a registry are tests/test_issuers.py's.
        result = CliRunner().invoke(main, ["parse", "--json", "--no-issuers", *golden.SMALL_INPUTS])
    assert result.exit_code == 0, result.output
    return golden.by_path(json.loads(line) for line in result.output.splitlines() if line.strip())


def test_golden_set_is_a_few_dozen_files_of_every_kind():
    """The set covers the fixtures' formats, the seeds and the synthetic releases."""
    suffixes = {path.rsplit(".", 1)[-1] for path in EXPECTED}
    assert {"txt", "xml", "html", "md", "json", "jsonl", "rss", "atom"} <= suffixes
    assert sum(path.startswith("tests/data/golden/synth/") for path in EXPECTED) == golden.SYNTH_COUNT
    assert any(path.startswith("seeds/") for path in EXPECTED)


def test_every_input_file_is_in_the_golden_output(printed):
    """No file is parsed that the golden output lacks, and none it names is gone."""
    assert sorted(printed) == sorted(EXPECTED), REWRITE


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_parse_output_is_the_golden_output(printed, path):
    """Every field of every release parsed from the file is the recorded one."""
    changed = "\n".join(golden.differences({path: EXPECTED[path]}, {path: printed.get(path, [])}))
    assert not changed, f"{changed}\n{REWRITE}"
