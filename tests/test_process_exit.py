"""A test process ending without its interpreter's teardown (tests/process_exit.py): exit functions run, output is
written, objects are not freed one by one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

SCRIPT = """
import atexit, sys
sys.path.insert(0, {tests!r})
from pathlib import Path

folder = Path({folder!r})
atexit.register(lambda: (folder / "exit function").write_text("ran"))
if {skip}:
    import process_exit
    process_exit.skip_teardown()


class Freed:
    def __del__(self):
        (folder / "freed").write_text("freed")


kept = Freed()
sys.stdout.write("written without a newline")
"""


@pytest.mark.parametrize(("skip", "freed"), [(True, False), (False, True)], ids=["at once", "torn down"])
def test_a_process_ending_at_once_runs_its_exit_functions_and_frees_nothing(tmp_path, skip, freed):
    script = SCRIPT.format(tests=str(TESTS), folder=str(tmp_path), skip=skip)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "written without a newline"
    assert (tmp_path / "exit function").read_text() == "ran"
    assert (tmp_path / "freed").exists() is freed  # a module's objects are freed only in the teardown skipped
