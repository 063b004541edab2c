"""Parse worker processes, as both backends' builds start them."""

from __future__ import annotations

import multiprocessing
import sys
import threading

# With fewer files to parse than this, starting processes costs more than it saves.
INLINE_BELOW = 200


def process_context():
    """Fork where it is safe (Linux, one thread): workers start at once with everything imported."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
