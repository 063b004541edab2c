"""What each process of test_saved_searches.py's concurrent test runs: a module of its own, so that a spawned process
(the test's process running threads: no fork) imports the saved-search store only, not the test file's imports."""

from __future__ import annotations

from indexer.saved import SavedSearch, SavedSearches


def save_many(args) -> None:
    """Save 15 searches into the store at path, reading the list back after each."""
    path, worker = args
    store = SavedSearches(path)
    for n in range(15):
        store.save(SavedSearch(name=f"w{worker} s{n}", query=f"word{n}"), total=n)
        store.all()
