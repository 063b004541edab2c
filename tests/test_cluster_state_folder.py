"""Where .ci/opensearch.sh keeps the test cluster's node data, logs and temp files: in RAM (a tmpfs) for the test
profile when the folder named for it is there, in the cluster's cache folder otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "opensearch.sh"
ROOM = 2 * 1024**3  # what the script asks of the RAM folder


def _script(command: str, cache: Path, profile: str, ram: str, **more: str) -> str:
    env = {**os.environ, "OPENSEARCH_CACHE_DIR": str(cache), "OPENSEARCH_PROFILE": profile, "OPENSEARCH_RAM_DIR": ram}
    answer = subprocess.run(
        ["bash", str(SCRIPT), command], env={**env, **more}, capture_output=True, text=True, check=True
    )
    return answer.stdout.strip()


def _state_dir(cache: Path, profile: str, ram: str) -> Path:
    return Path(_script("state-dir", cache, profile, ram))


@pytest.fixture
def memory(tmp_path) -> Path:
    """A folder standing for the RAM folder (on a file system with the room the script asks)."""
    if shutil.disk_usage(tmp_path).free < ROOM:
        pytest.skip("the temp folder's file system has less room than the script asks of a RAM folder")
    folder = tmp_path / "shm"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("profile", "ram", "in_ram"),
    [
        ("test", "{ram}", True),  # the test profile with a RAM folder: the nodes' files there
        ("full", "{ram}", False),  # benchmarks' nodes keep their files on the disk
        ("test", "", False),  # an empty OPENSEARCH_RAM_DIR asks for the disk
        ("test", "{ram}/missing", False),  # no such folder: the disk
    ],
)
def test_nodes_files_in_ram_only_for_the_test_profile_with_a_ram_folder(tmp_path, memory, profile, ram, in_ram):
    cache = tmp_path / "Cluster Cache"
    found = _state_dir(cache, profile, ram.format(ram=memory))
    if in_ram:
        assert found.parent == memory and found.name.startswith("release-search-opensearch-")
    else:
        assert found == cache / "nodes"


def test_each_cluster_has_its_own_ram_folder_and_keeps_it(tmp_path, memory):
    first, second = (_state_dir(tmp_path / name, "test", str(memory)) for name in ("one", "two"))
    assert first != second
    assert _state_dir(tmp_path / "one", "test", str(memory)) == first  # a restarted node finds its data


@pytest.mark.parametrize(("keep", "kept"), [("0", False), ("1", True)])
def test_stopping_gives_the_ram_data_back_unless_kept(tmp_path, memory, keep, kept):
    node = _state_dir(tmp_path / "cache", "test", str(memory)) / "node-1"
    (node / "data" / "nodes").mkdir(parents=True)
    (node / "logs").mkdir()
    _script("stop", tmp_path / "cache", "test", str(memory), OPENSEARCH_KEEP_DATA=keep)  # no node runs: none to stop
    assert (node / "data").exists() == kept
    assert (node / "logs").exists()  # logs stay to be read
