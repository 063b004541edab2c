"""Where issuer records come from: a user's own file, the SEC's company list, and (see learn.py) the corpus.

The SEC's list is read, in this order, from a `company_tickers_exchange.json` the user downloaded from the SEC
(`--sec-tickers FILE` or $RELEASES_SEC_TICKERS), from the `edgartools` package when it is installed with pyarrow
(its `edgar/reference/data/company_tickers.parquet`), else from the snapshot shipped in `data/` (taken from
edgartools 5.62.1's parquet: 10,365 tickers of 7,992 issuers). Nothing is fetched from the network.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.util
import io
import json
import os
from pathlib import Path

from ..model import IssuerFileError
from .names import display_name, name_key
from .registry import Issuer, Registry, normalise_cik, normalise_listing, slug

SNAPSHOT = Path(__file__).parent / "data" / "sec_company_tickers.json.gz"
USER_FIELDS = ("id", "name", "aliases", "listings", "former_listings", "cik")
# Several values in one CSV cell: "NASDAQ:FB; NASDAQ:META".
_CELL_SEPARATORS = (";", "|")


def load_registry(
    issuers_file: str | os.PathLike | None = None, sec_tickers: str | os.PathLike | None = None
) -> Registry:
    """The registry from a user's file (default $RELEASES_ISSUERS) over the SEC's list (default: see module doc).

    sec_tickers "none" leaves the SEC's list out. Raises IssuerFileError naming the line of a malformed record.
    """
    issuers_file = issuers_file or os.environ.get("RELEASES_ISSUERS") or None
    sec_tickers = sec_tickers or os.environ.get("RELEASES_SEC_TICKERS") or None
    parts: list[str] = []
    issuers: list[Issuer] = []
    if issuers_file:
        data = _read_bytes(issuers_file, "issuer file")
        issuers += read_user_file(issuers_file, data)
        parts.append("user:" + hashlib.sha256(data).hexdigest())
    if sec_tickers is None or str(sec_tickers).lower() != "none":
        sec, identity = _sec_issuers(sec_tickers)
        issuers += sec
        parts.append("sec:" + identity)
    return Registry(issuers, parts)


def cached_registry(issuers_file=None, sec_tickers=None) -> Registry:
    """load_registry, kept while its files are unchanged (a server or a test suite builds many times); shared,
    so not to be changed (a build learns on a copy)."""
    issuers_file = issuers_file or os.environ.get("RELEASES_ISSUERS") or None
    sec_tickers = sec_tickers or os.environ.get("RELEASES_SEC_TICKERS") or None
    key = tuple((str(p), _stamp(p)) for p in (issuers_file, sec_tickers))
    found = _CACHE.pop(key, None)
    if found is None:
        found = load_registry(issuers_file, sec_tickers)
        while len(_CACHE) >= CACHED_REGISTRIES:
            del _CACHE[next(iter(_CACHE))]  # the least recently used
    _CACHE[key] = found
    return found


# Registries kept: the SEC list's (1.4 s to read) stays while builds with a small file of their own come between.
CACHED_REGISTRIES = 3
_CACHE: dict[tuple, Registry] = {}


def _stamp(path) -> tuple | None:
    if path is None or str(path).lower() == "none":
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def _read_bytes(path, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise IssuerFileError(str(path), 0, f"cannot read the {what} ({exc.strerror}): check the path") from exc


# ---- The user's file ---------------------------------------------------------------------------


def read_user_file(path: str | os.PathLike, data: bytes | None = None) -> list[Issuer]:
    """Issuers from a user's file: JSON Lines (.jsonl), a JSON list or {"issuers": [...]} (.json), or CSV (.csv)."""
    path = str(path)
    data = _read_bytes(path, "issuer file") if data is None else data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IssuerFileError(path, line, "is not UTF-8 text: save the file as UTF-8") from exc
    if path.lower().endswith(".csv"):
        rows = _csv_rows(path, text)
    elif path.lower().endswith(".jsonl"):
        rows = _jsonl_rows(path, text)
    else:
        rows = _json_rows(path, text)
    issuers: list[Issuer] = []
    seen_ids: dict[str, int] = {}
    claimed: dict[str, tuple[str, int]] = {}
    for line, row in rows:
        issuer = _user_issuer(path, line, row)
        if issuer.id in seen_ids:
            raise IssuerFileError(
                path, line, f"the id {issuer.id!r} is used on line {seen_ids[issuer.id]} too: ids must be unique"
            )
        seen_ids[issuer.id] = line
        for listing in issuer.all_listings:
            if listing in claimed:
                other, other_line = claimed[listing]
                raise IssuerFileError(
                    path, line, f"{listing} is claimed by {other!r} on line {other_line} too: give it to one issuer"
                )
            claimed[listing] = (issuer.id, line)
        issuers.append(issuer)
    return issuers


def _user_issuer(path: str, line: int, row: dict) -> Issuer:
    if not isinstance(row, dict):
        raise IssuerFileError(path, line, "an issuer must be an object with at least a name")
    unknown = sorted(set(row) - set(USER_FIELDS))
    if unknown:
        raise IssuerFileError(path, line, f"unknown field {unknown[0]!r}: use {', '.join(USER_FIELDS)}")
    name = row.get("name")
    if not isinstance(name, str) or not name_key(name):
        raise IssuerFileError(path, line, 'the issuer has no name: give each issuer a "name"')
    listings, former = (_listings(path, line, row.get(key), key) for key in ("listings", "former_listings"))
    cik = row.get("cik")
    if cik not in (None, "") and normalise_cik(cik) is None:
        raise IssuerFileError(path, line, f"the cik {cik!r} is not a number: write it as digits, e.g. 320193")
    issuer_id = row.get("id") or slug(name)
    if not isinstance(issuer_id, str) or slug(issuer_id) != issuer_id.lower():
        raise IssuerFileError(path, line, f"the id {issuer_id!r} may hold only letters, digits and '-'")
    return Issuer(
        id=issuer_id.lower(),
        name=name.strip(),
        aliases=_strings(path, line, row.get("aliases"), "aliases"),
        listings=listings,
        former_listings=former,
        cik=normalise_cik(cik),
        source="user",
    )


def _strings(path: str, line: int, value, key: str) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        for separator in _CELL_SEPARATORS:
            if separator in value:
                return [v.strip() for v in value.split(separator) if v.strip()]
        return [value.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise IssuerFileError(path, line, f"{key} must be a list of strings")


def _listings(path: str, line: int, value, key: str) -> list[str]:
    found = []
    for text in _strings(path, line, value, key):
        listing = normalise_listing(text)
        if listing is None:
            raise IssuerFileError(path, line, f"the listing {text!r} is not EXCHANGE:SYMBOL: write it like NASDAQ:AAPL")
        found.append(listing)
    return list(dict.fromkeys(found))


def _csv_rows(path: str, text: str):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip() for f in reader.fieldnames]:
        raise IssuerFileError(path, 1, f"the CSV header must name the columns: {','.join(USER_FIELDS)}")
    for row in reader:
        if None in row:
            raise IssuerFileError(
                path, reader.line_num, "the row has more cells than the header: quote cells holding commas"
            )
        yield reader.line_num, {k.strip(): v for k, v in row.items() if v not in (None, "")}


def _jsonl_rows(path: str, text: str):
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            yield line, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise IssuerFileError(path, line, f"is not JSON ({exc.msg}): write one issuer object per line") from exc


def _json_rows(path: str, text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IssuerFileError(path, exc.lineno, f"is not JSON ({exc.msg})") from exc
    items = data.get("issuers") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise IssuerFileError(path, 1, 'expected a list of issuers or {"issuers": [...]}')
    # Each item's line: decode the list's items one by one where they start.
    starts = _item_lines(text)
    for i, item in enumerate(items):
        yield (starts[i] if i < len(starts) else 1), item


def _item_lines(text: str) -> list[int]:
    """The line on which each object of the issuer list starts."""
    decoder = json.JSONDecoder()
    at = text.find("[")
    lines: list[int] = []
    if at < 0:
        return lines
    at += 1
    while True:
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        if at >= len(text) or text[at] == "]":
            return lines
        lines.append(text.count("\n", 0, at) + 1)
        try:
            _, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError:
            return lines


# ---- The SEC's list ----------------------------------------------------------------------------


def _sec_issuers(sec_tickers) -> tuple[list[Issuer], str]:
    if sec_tickers:
        data = _read_bytes(sec_tickers, "SEC ticker file")
        return read_sec_json(str(sec_tickers), data), "file:" + hashlib.sha256(data).hexdigest()
    parquet = _edgartools_parquet()
    if parquet is not None:
        return parquet
    return read_sec_json(str(SNAPSHOT), gzip.decompress(SNAPSHOT.read_bytes())), "snapshot:" + _snapshot_digest()


def _snapshot_digest() -> str:
    return hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()


def read_sec_json(path: str, data: bytes) -> list[Issuer]:
    """Issuers from the SEC's company_tickers_exchange.json ({"fields": [...], "data": [[cik, name, ticker,
    exchange], ...]}) or company_tickers.json ({"0": {"cik_str", "ticker", "title"}, ...})."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise IssuerFileError(
            path, line, "is not the SEC's JSON: download company_tickers_exchange.json again"
        ) from exc
    rows: list[tuple] = []
    if isinstance(doc, dict) and isinstance(doc.get("fields"), list) and isinstance(doc.get("data"), list):
        index = {name: i for i, name in enumerate(doc["fields"])}
        if not {"cik", "name", "ticker"} <= set(index):
            raise IssuerFileError(path, 1, "the SEC file's fields must include cik, name and ticker")
        for item in doc["data"]:
            exchange = item[index["exchange"]] if "exchange" in index else None
            rows.append((item[index["cik"]], item[index["name"]], item[index["ticker"]], exchange))
    elif isinstance(doc, dict) and all(isinstance(v, dict) for v in doc.values()):
        rows = [(v.get("cik_str"), v.get("title"), v.get("ticker"), None) for v in doc.values()]
    else:
        raise IssuerFileError(path, 1, "is not the SEC's company_tickers_exchange.json or company_tickers.json")
    return sec_rows_to_issuers(rows)


def sec_rows_to_issuers(rows) -> list[Issuer]:
    """Issuers from (cik, name, ticker, exchange) rows, one per CIK with all its tickers."""
    by_cik: dict[str, Issuer] = {}
    for cik, name, ticker, exchange in rows:
        cik = normalise_cik(cik)
        if cik is None or not name:
            continue
        issuer = by_cik.get(cik)
        if issuer is None:
            issuer = by_cik[cik] = Issuer(id=f"cik{cik}", name=display_name(str(name)), cik=cik, source="sec")
        # The SEC lists no exchange for some (delisted, funds): their symbols still name them, as OTC.
        listing = normalise_listing(f"{exchange or 'OTC'}:{ticker}") if ticker else None
        if listing and listing not in issuer.listings:
            issuer.listings.append(listing)
    return list(by_cik.values())


def _edgartools_parquet() -> tuple[list[Issuer], str] | None:
    """The SEC's list as the installed edgartools package ships it, when pyarrow can read it."""
    spec = importlib.util.find_spec("edgar")
    if spec is None or not spec.submodule_search_locations or importlib.util.find_spec("pyarrow") is None:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "reference" / "data" / "company_tickers.parquet"
    if not path.is_file():
        return None
    import pyarrow.parquet as pq  # optional: only with `pip install release-search[sec]`

    table = pq.read_table(path, columns=["cik", "name", "ticker", "exchange"]).to_pylist()
    rows = [(r["cik"], r["name"], r["ticker"], r["exchange"]) for r in table]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return sec_rows_to_issuers(rows), "edgartools:" + digest
