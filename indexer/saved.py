"""Saved searches and their alerts: named searches kept in SQLite beside the index, with how many releases
each has gained since it was last looked at.

The database is `saved-searches.sqlite` inside a Whoosh index folder (an OpenSearch index: `<name>.saved-searches
.sqlite` in the working folder), or $RELEASES_SAVED_SEARCHES. It runs in WAL mode with a busy timeout and one short
transaction per operation, so several server workers and a build can use it at once.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .match_mode import check_mode
from .model import QueryError, ReleaseSearchError
from .search import SORTS, SearchRequest
from .settings import backend_name

SAVED_ENV = "RELEASES_SAVED_SEARCHES"
SAVED_FILE = "saved-searches.sqlite"
MAX_NAME_CHARS = 80
MAX_SAVED = 500
BUSY_S = 10  # how long a connection waits for another process's lock before giving up
_NAME_RE = re.compile(r"^[\w][\w .,'&()+-]*$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS saved_search (
    name TEXT PRIMARY KEY,
    search TEXT NOT NULL,          -- JSON: query, filters, from, to, sort
    created TEXT NOT NULL,
    total INTEGER NOT NULL,        -- matches at the last check (saving, opening, or an index run)
    seen_total INTEGER NOT NULL,   -- matches when it was last opened: new = total - seen_total
    checked TEXT NOT NULL
)
"""


class SavedSearchError(ReleaseSearchError):
    """A saved search cannot be saved or read."""

    status = 400


class SavedSearchNotFound(SavedSearchError):
    """No saved search has that name."""

    status = 404


@dataclass
class SavedSearch:
    """A search kept under a name, with its matches at the last check and how many are new since last opened."""

    name: str
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name -> values, as the web's parameters
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "newest"
    match: str = "all"  # "any": releases holding any of the words count, as the search it was saved from
    spelling: bool = True  # False: the words as typed (spell=0, --no-spell), not their likely spellings
    total: int = 0
    new: int = 0
    created: str = ""
    checked: str = ""

    def request(self, **options) -> SearchRequest:
        """The search as a request to run."""
        return SearchRequest(
            query=self.query,
            filters={k: list(v) for k, v in self.filters.items()},
            date_from=self.date_from,
            date_to=self.date_to,
            sort=self.sort,
            match=self.match,
            spelling=self.spelling,
            **options,
        )

    def params(self) -> list[tuple[str, str]]:
        """The search as URL parameters (q, from, to, sort, one per filter value)."""
        pairs = [("q", self.query)] if self.query else []
        pairs += [(name, value) for name, values in self.filters.items() for value in values]
        pairs += [(k, v) for k, v in (("from", self.date_from), ("to", self.date_to)) if v]
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.match != "all":
            pairs.append(("match", self.match))
        if not self.spelling:
            pairs.append(("spell", "0"))
        return pairs

    def to_json(self) -> dict:
        """The JSON form: `releases saved --json` and /api/saved."""
        return {
            "name": self.name,
            "query": self.query,
            "filters": self.filters,
            "from": self.date_from,
            "to": self.date_to,
            "sort": self.sort,
            "match": self.match,
            "spell": self.spelling,
            "total": self.total,
            "new": self.new,
            "created": self.created,
            "checked": self.checked,
        }


def saved_searches_path(index_path: str | os.PathLike, backend: str | None = None) -> str:
    """Where an index's saved searches live: $RELEASES_SAVED_SEARCHES, else beside the index."""
    configured = os.environ.get(SAVED_ENV, "").strip()
    if configured:
        return configured
    index_path = os.fspath(index_path)
    if backend_name(backend) == "opensearch":
        return f"{re.sub(r'[^A-Za-z0-9_.-]', '_', index_path)}.{SAVED_FILE}"
    return os.path.join(index_path, SAVED_FILE)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def check_name(name: str) -> str:
    """A saved search's name, trimmed, or a SavedSearchError saying what names work."""
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME_CHARS or not _NAME_RE.match(name):
        raise SavedSearchError(
            f"name a saved search with 1 to {MAX_NAME_CHARS} letters, digits, spaces or - _ . , ' & ( ) +, "
            f"e.g. 'acme deals'"
        )
    return name


class SavedSearches:
    """The saved searches of one index."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)

    def exists(self) -> bool:
        """Whether anything was ever saved."""
        return os.path.exists(self.path)

    def _connect(self) -> sqlite3.Connection:
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise SavedSearchError(f"cannot keep saved searches in {folder}: the folder does not exist")
        deadline = time.monotonic() + BUSY_S
        while True:
            db = None
            try:
                db = sqlite3.connect(self.path, timeout=BUSY_S, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer, nor it them
                db.execute(f"PRAGMA busy_timeout={int(BUSY_S * 1000)}")
                db.execute(_SCHEMA)
                return db
            except sqlite3.Error as exc:
                if db is not None:
                    db.close()
                # A connection's first statement meets the last other connection cleaning up the WAL as it closes:
                # SQLite answers "locked" at once, without waiting (sqlite.org/wal.html): try again.
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.005)
                    continue
                raise SavedSearchError(f"cannot open the saved searches at {self.path}: {exc}") from None

    def save(self, saved: SavedSearch, total: int) -> SavedSearch:
        """Keep a search under its name (replacing one of that name), seen now with total matches."""
        name = check_name(saved.name)
        if saved.sort not in SORTS:
            raise QueryError(f"unknown sort '{saved.sort}': use one of {', '.join(SORTS)}")
        search = {"query": saved.query, "filters": saved.filters, "from": saved.date_from, "to": saved.date_to}
        search["sort"] = saved.sort
        search["match"] = check_mode(saved.match)
        search["spell"] = bool(saved.spelling)
        now = _now()
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                count = db.execute("SELECT COUNT(*) FROM saved_search WHERE name != ?", (name,)).fetchone()[0]
                if count >= MAX_SAVED:
                    raise SavedSearchError(f"at most {MAX_SAVED} saved searches: forget some first")
                db.execute(
                    "INSERT INTO saved_search (name, search, created, total, seen_total, checked) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET search = excluded.search, "
                    "total = excluded.total, seen_total = excluded.seen_total, checked = excluded.checked",
                    (name, json.dumps(search), now, total, total, now),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return self.get(name)

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        if not self.exists():
            return []
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT name, search, created, total, seen_total, checked FROM saved_search ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [_from_row(row) for row in rows]

    def get(self, name: str) -> SavedSearch:
        """One saved search, or SavedSearchError naming the ones there are."""
        name = (name or "").strip()
        for saved in self.all():
            if saved.name == name:
                return saved
        names = ", ".join(s.name for s in self.all()[:10]) or "none yet"
        raise SavedSearchNotFound(f"no saved search named {name!r} (saved: {names})")

    def forget(self, name: str) -> None:
        """Delete a saved search."""
        self.get(name)
        with closing(self._connect()) as db:
            db.execute("DELETE FROM saved_search WHERE name = ?", (name.strip(),))

    def record(self, name: str, total: int, *, seen: bool = False) -> None:
        """Note a saved search's matches now; seen: it was opened, so nothing is new any more."""
        with closing(self._connect()) as db:
            if seen:
                db.execute(
                    "UPDATE saved_search SET total = ?, seen_total = ?, checked = ? WHERE name = ?",
                    (total, total, _now(), name),
                )
            else:
                db.execute("UPDATE saved_search SET total = ?, checked = ? WHERE name = ?", (total, _now(), name))

    def check(self, index) -> list[SavedSearch]:
        """Run every saved search on an open index and note its matches (after an index run): each with .new."""
        out = []
        for saved in self.all():
            try:
                total = index.search(request=saved.request(per_page=1, facets=(), snippets=False)).total
            except QueryError:
                continue  # a search the index can no longer run (an unknown facet): left as it was
            self.record(saved.name, total)
            out.append(self.get(saved.name))
        return out


def _from_row(row) -> SavedSearch:
    name, search, created, total, seen_total, checked = row
    data = json.loads(search)
    return SavedSearch(
        name=name,
        query=data.get("query") or "",
        filters={k: list(v) for k, v in (data.get("filters") or {}).items()},
        date_from=data.get("from"),
        date_to=data.get("to"),
        sort=data.get("sort") or "relevance",
        match=data.get("match") or "all",  # searches saved before the mode was kept counted every word
        spelling=data.get("spell", True) is not False,
        total=total,
        new=max(0, total - seen_total),
        created=created,
        checked=checked,
    )
