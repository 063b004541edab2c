"""Opening the saved searches while another process's connection closes: SQLite's immediate "locked" is waited out,
other errors are not."""

from __future__ import annotations

import sqlite3

import pytest

import indexer.saved as saved
from indexer.saved import SavedSearch, SavedSearchError, SavedSearches

CONNECT = sqlite3.connect  # the module's own, kept before the tests replace it


class _RefusingFirst:
    """sqlite3.connect, its first `failures` connections' first statement refused with `message`."""

    def __init__(self, message: str, failures: int):
        self.message, self.failures, self.opened = message, failures, 0

    def __call__(self, *args, **kwargs):
        db = CONNECT(*args, **kwargs)
        self.opened += 1
        if self.opened > self.failures:
            return db
        message = self.message

        class Refusing:
            def execute(self, *_):
                raise sqlite3.OperationalError(message)

            def close(self):
                db.close()

        return Refusing()


@pytest.mark.parametrize(
    ("message", "failures", "saves"),
    [
        ("database is locked", 1, True),  # the WAL's clean-up by the last connection closing: try again
        ("database is locked", 5, True),
        ("attempt to write a readonly database", 1, False),  # not a wait: reported at once
        ("disk I/O error", 1, False),
    ],
)
def test_a_connection_refused_while_another_closes_tries_again(tmp_path, monkeypatch, message, failures, saves):
    connect = _RefusingFirst(message, failures)
    monkeypatch.setattr(saved.sqlite3, "connect", connect)
    store = SavedSearches(str(tmp_path / "saved.sqlite"))
    if saves:
        assert store.save(SavedSearch(name="Acme filings", query="acme"), total=3).name == "Acme filings"
        assert connect.opened == failures + 2  # the refused ones, the save's, then reading it back
    else:
        with pytest.raises(SavedSearchError, match=message):
            store.save(SavedSearch(name="Acme filings", query="acme"), total=3)
        assert connect.opened == 1


def test_a_lock_held_past_the_wait_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(saved, "BUSY_S", 0.05)
    monkeypatch.setattr(saved.sqlite3, "connect", _RefusingFirst("database is locked", 10**6))
    with pytest.raises(SavedSearchError, match="database is locked"):
        SavedSearches(str(tmp_path / "saved.sqlite")).save(SavedSearch(name="Acme filings", query="acme"), total=3)
