"""The parser of a git revision, imported beside the working tree's to compare output or speed on the same files."""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def parser_at(rev: str, folder: str) -> ModuleType:
    """indexer.parse as committed at rev, imported as package 'indexer_<rev>' from a copy written into folder."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "indexer"], capture_output=True, check=True)
    name = "indexer_" + "".join(c if c.isalnum() else "_" for c in rev)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    os.rename(os.path.join(folder, "indexer"), os.path.join(folder, name))
    sys.path.insert(0, folder)
    return importlib.import_module(f"{name}.parse")  # its modules import one another relatively
