"""`releases`: the command line. Reads arguments, calls the core once, prints text or JSON."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys

import click

from .backends import backend_name
from .build import DEFAULT_SOURCES, build_index
from .cli_options import (
    PathArgument,
    backend_option,
    facet_option,
    filter_options,
    follow_links_option,
    index_option,
    issuer_options,
    match_option,
    no_spell_option,
    url_option,
)
from .model import IndexNotFound, ParseError, ReleaseSearchError, counted, error_json
from .parse import parse_paths
from .release_paths import known_inside
from .search import MAX_PAGE, MAX_PER_PAGE, SORTS, SearchRequest, open_index
from .terminal import page_text, printable

# Exit statuses: 0 fine, 1 error, 2 usage error (click), 3 indexed but some files were skipped, 141 the reader of
# the output went away (`| head`), as for other Unix tools (128 + SIGPIPE).
EXIT_ERROR = 1
EXIT_SKIPPED = 3
EXIT_READER_GONE = 141


def _fail(message: str, as_json: bool, status: int = 400) -> None:
    if as_json:
        click.echo(json.dumps(error_json(message, status)))
    else:
        click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def reports_errors(func):
    """Turn domain errors into 'Error: ...' (or the JSON error shape) and a non-zero exit; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        as_json = kwargs.get("as_json", False)
        try:
            return func(*args, **kwargs)
        except ReleaseSearchError as exc:
            _fail(str(exc), as_json, exc.status)
        except BrokenPipeError:
            # The reader stopped early (`releases search ... | head`): what it wanted was written, no error. stdout
            # goes to /dev/null, so Python's flush at exit finds no closed pipe (a test runner's buffer has no fd).
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_READER_GONE)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            _fail(f"{exc.strerror or exc}{where}: check the path and its permissions", as_json, 500)
        except Exception as exc:
            # A bug, not a user's mistake: one line saying so; RELEASES_DEBUG=1 shows where it happened.
            if os.environ.get("RELEASES_DEBUG"):
                raise
            _fail(
                f"unexpected {type(exc).__name__}: {exc}; run again with RELEASES_DEBUG=1 to see where, and report it",
                as_json,
                500,
            )

    return wrapper


class _Commands(click.Group):
    """The `releases` commands: a usage error (a bad option value, a missing argument) of a command given --json is
    also printed on stdout in the JSON error shape, so a script reading JSON gets JSON; the exit status stays 2."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["as_json"] = "--json" in args[: args.index("--")] if "--" in args else "--json" in args
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if ctx.meta.get("as_json"):
                click.echo(json.dumps(error_json(exc.format_message(), 400)))
            raise


@click.group(cls=_Commands)
@click.version_option(package_name="release-search")
def main():
    """release search: index press releases and search them."""


def _facet_filters(items: tuple[str, ...], as_json: bool) -> dict[str, list[str]]:
    """The --facet NAME=VALUE options as facet name -> values."""
    filters: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            _fail(f"--facet takes NAME=VALUE, e.g. --facet wire='Business Wire', not {item!r}", as_json)
        filters.setdefault(name.strip(), []).append(value.strip())
    return filters


@main.command("index")
@click.argument("sources", nargs=-1, type=PathArgument())
@index_option
@backend_option
@url_option
@click.option("--rebuild", is_flag=True, help="Start from scratch instead of updating.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@click.option("--workers", type=click.IntRange(1, 64), help="Parse workers (default: one per core).")
@follow_links_option
@click.option(
    "--memory",
    envvar="RELEASES_BUILD_MEMORY",
    default=None,
    show_default="$RELEASES_BUILD_MEMORY or 2G",
    help="Memory budget of the build, its workers included (e.g. 1G, 512M); fewer workers start when needed.",
)
@issuer_options
@click.option(
    "--shards",
    type=click.IntRange(1, 1024),
    help="OpenSearch: primary shards of a new index (default 2, or the live index's; a change rebuilds).",
)
@click.option(
    "--replicas",
    type=click.IntRange(0, 16),
    help="OpenSearch: copies of each shard on other nodes (default 1, or the live index's; changed in place).",
)
@reports_errors
def index_command(
    sources,
    index_path,
    backend,
    url,
    rebuild,
    as_json,
    workers,
    follow_links,
    memory,
    issuers_file,
    sec_tickers,
    shards,
    replicas,
):
    """Parse files and folders (default: seeds/) and build or update the index."""
    from .progress import ProgressPrinter

    # A bar on a terminal, a line every 10 s otherwise; nothing but the summary with --json.
    printer = None if as_json else ProgressPrinter()
    try:
        report = build_index(
            sources or DEFAULT_SOURCES,
            index_path,
            rebuild=rebuild,
            progress=printer,
            procs=workers,
            backend=backend,
            url=url,
            follow_links=follow_links,
            memory=memory,
            issuers=issuers_file,
            sec_tickers=sec_tickers,
            shards=shards,
            replicas=replicas,
        )
    finally:
        if printer:
            printer.close()
    alerts = _check_saved_searches(report.index, backend, url)
    if as_json:
        data = report.to_json()
        if alerts is not None:
            data["saved_searches"] = [s.to_json() for s in alerts]
        click.echo(json.dumps(data))
    else:
        mode = "built" if report.created else "rebuilt" if report.rebuilt else "updated"
        click.echo(
            f"Index {mode} at {report.index}: {counted(report.added, 'release')} indexed from "
            f"{counted(report.files, 'file')} ({report.new_files:,} new, {report.changed_files:,} changed, "
            f"{report.unchanged_files:,} unchanged, {report.gone_files:,} gone; "
            f"{counted(report.removed, 'release')} removed) in {report.seconds:.2f} s; "
            f"{counted(report.total, 'release')} in the index."
        )
        if not report.files:
            named = ", ".join(map(str, sources or DEFAULT_SOURCES))
            click.echo(f"Warning: no files in {named}: give the folder holding the releases", err=True)
        if report.reason:
            click.echo(f"Rebuilt from scratch: {report.reason}.")
        if report.reresolved_files:
            click.echo(
                f"Issuers: {counted(report.reresolved_files, 'file')} indexed again, their issuer learned from other "
                "releases (a name printed with its listing) or from a changed issuer file."
            )
        for conflict in report.issuer_conflicts:
            click.echo(f"Warning: {conflict}", err=True)
        if report.skipped:
            click.echo(f"Skipped {counted(len(report.skipped), 'file')}:", err=True)
            for item in report.skipped:
                click.echo(f"  {printable(item['path'])}: {printable(item['reason'])}", err=True)
        if alerts:
            click.echo("Saved searches: " + "; ".join(f"{s.name}: {s.new:,} new ({s.total:,} in all)" for s in alerts))
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def _check_saved_searches(index_path, backend, url):
    """After an index run: each saved search's matches noted, with how many are new (None: none saved)."""
    saved = _saved_store(index_path, backend)
    if not saved.exists():
        return None
    try:
        with open_index(index_path, backend=backend, url=url) as index:
            return saved.check(index)
    except ReleaseSearchError as exc:  # the index is built: say why the alerts are missing, do not fail the run
        click.echo(f"Warning: saved searches not checked: {exc}", err=True)
        return None


def _saved_store(index_path, backend):
    """The saved searches kept beside an index."""
    from .saved import SavedSearches, saved_searches_path

    return SavedSearches(saved_searches_path(index_path, backend))


@main.command("save")
@click.argument("name")
@click.argument("query", required=False, default="")
@index_option
@backend_option
@url_option
@filter_options
@click.option("--sort", type=click.Choice(SORTS), default="newest", show_default=True, help="Order of its results.")
@match_option
@no_spell_option
@facet_option
@click.option("--json", "as_json", is_flag=True, help="Print the saved search as JSON.")
@reports_errors
def save_command(
    name, query, index_path, backend, url, tickers, date_from, date_to, sort, match, no_spell, facet_filters, as_json
):
    """Save a search under NAME; `releases index` then says how many new releases it gained."""
    from .saved import SavedSearch

    filters = _facet_filters(facet_filters, as_json)
    query = " ".join([query.strip(), *(f"ticker:{t.strip()}" for t in tickers if t.strip())]).strip()
    saved = SavedSearch(
        name=name,
        query=query,
        filters=filters,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        match=match,
        spelling=not no_spell,
    )
    with open_index(index_path, backend=backend, url=url) as index:
        total = index.search(request=saved.request(per_page=1, facets=(), snippets=False)).total
    store = _saved_store(index_path, backend)
    replaced = saved.name.strip() in {s.name for s in store.all()}  # a name saved again replaces its search
    kept = store.save(saved, total)
    if as_json:
        click.echo(json.dumps({"ok": True, "saved": kept.to_json(), "replaced": replaced}))
    else:
        click.echo(
            f"{'Replaced' if replaced else 'Saved'} {kept.name!r}: {counted(kept.total, 'release')} {'matches' if kept.total == 1 else 'match'} now; 'releases index' reports new ones."
        )


@main.command("saved")
@index_option
@backend_option
@click.option("--forget", metavar="NAME", help="Delete the saved search NAME.")
@click.option("--seen", metavar="NAME", help="Mark NAME's new releases as seen.")
@click.option("--json", "as_json", is_flag=True, help="The list as JSON, for scripts.")
@reports_errors
def saved_command(index_path, backend, forget, seen, as_json):
    """List saved searches with their matches and how many are new since last seen."""
    store = _saved_store(index_path, backend)
    if forget:
        store.forget(forget)
    if seen:
        store.record(store.get(seen).name, store.get(seen).total, seen=True)
    found = store.all()
    if not found and not store.exists() and backend_name(backend) == "whoosh":
        open_index(index_path).close()  # a mistyped --index says there is no index there, not "no saved searches"
    if as_json:
        click.echo(json.dumps({"ok": True, "saved_searches": [s.to_json() for s in found]}))
        return
    if not found:
        click.echo("No saved searches: save one with: releases save NAME QUERY")
    for s in found:
        new = f", {s.new:,} new" if s.new else ""
        filters = " ".join(f"{k}={v}" for k, vs in s.filters.items() for v in vs)
        dates = [f"{end} {day}" for end, day in (("from", s.date_from), ("to", s.date_to)) if day]  # as the site
        modes = ["match any"] * (s.match == "any") + ["as typed"] * (not s.spelling)  # as saved, besides the words
        what = " ".join(x for x in (repr(s.query) if s.query else "", filters, *dates, *modes) if x) or "(everything)"
        click.echo(f"{s.name}: {what} - {counted(s.total, 'release')}{new}")


@main.command("search")
@click.argument("query", required=False, default="")
@index_option
@backend_option
@url_option
@filter_options
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True, help="Order of results.")
# Ranges checked here, so a wrong value is reported under the option's own name (--limit, not per_page).
@click.option(
    "--limit", "per_page", type=click.IntRange(1, MAX_PER_PAGE), default=10, show_default=True, help="Results per page."
)
@click.option("--page", type=click.IntRange(1, MAX_PAGE), default=1, show_default=True, help="Page of --limit results.")
@click.option("--after", default="", help="A page's next cursor (--json): the results after that page, at any depth.")
@facet_option
@match_option
@no_spell_option
@click.option("--json", "as_json", is_flag=True, help="Print the JSON shape documented in the README.")
@reports_errors
def search_command(
    query,
    index_path,
    backend,
    url,
    tickers,
    date_from,
    date_to,
    sort,
    per_page,
    page,
    after,
    facet_filters,
    match,
    no_spell,
    as_json,
):
    """Search the index. QUERY uses the query syntax in the README."""
    filters = _facet_filters(facet_filters, as_json)
    options = dict(date_from=date_from, date_to=date_to, sort=sort, per_page=per_page, page=page, match=match)
    options["spelling"] = not no_spell
    asked = SearchRequest(query=query, tickers=list(tickers), filters=filters, after=after, **options)
    with open_index(index_path, backend=backend, url=url) as index:
        page_ = index.search(request=asked)
        # A search that found nothing lists, as the site does, what to leave out and what the search then finds.
        ways = [] if as_json or page_.total or page_.partial_total else index.relaxations(asked)
    if page_.total and not page_.hits:
        # As the web refuses a page past the end: an empty page that looks like "no results" misleads scripts too.
        _fail(
            f"--page {page_.page} is past the end: {counted(page_.total, 'result')} "
            f"{'makes' if page_.total == 1 else 'make'} {counted(page_.pages, 'page')} "
            f"of {page_.per_page} (--limit); use --page 1 to {page_.pages:,}",
            as_json,
        )
    if as_json:
        click.echo(json.dumps(page_.to_json()))
        return
    dates = [f"{end} {day}" for end, day in (("from", asked.date_from), ("to", asked.date_to)) if day]
    narrowed = [f"ticker {t}" for t in asked.tickers] + [f"{k}={v}" for k, vs in filters.items() for v in vs] + dates
    click.echo(page_text(page_, query, narrowed, ways))


def _json_line(data: dict) -> str:
    """One JSON line, readable UTF-8 where possible; escaped when a file name is not valid UTF-8."""
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data)
    return line


@main.command("parse")
@click.argument("files", nargs=-1, required=True, type=PathArgument())
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    help="The folder you index (releases index ROOT): sources and ids are given inside it. "
    "Default: each folder given, or a file's own folder.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per release, a line each.")
@follow_links_option
@issuer_options
@click.option("--no-issuers", is_flag=True, help="Print what the parser found, without resolving issuers.")
@reports_errors
def parse_command(files, root, as_json, follow_links, issuers_file, sec_tickers, no_issuers):
    """Parse release files and print what was found (each release's issuer resolved), without touching any index."""
    from .issuers.sources import cached_registry
    from .issuers.store import resolve_releases

    registry = None if no_issuers else cached_registry(issuers_file, sec_tickers)
    if root is not None:
        files, root = known_inside(list(files), root)
    failed = found = 0
    for item in parse_paths(files, root=root, follow_links=follow_links):
        found += 1
        if isinstance(item, ParseError):
            failed += 1
            if as_json:
                click.echo(json.dumps({"path": item.path, "ok": False, "error": item.reason}))
            else:
                # exit 3 as for index, not an error
                click.echo(f"Skipped {printable(item.path)}: {printable(item.reason)}", err=True)
            continue
        if registry is not None:
            resolve_releases([item], registry)
        data = item.to_json()
        if as_json:
            click.echo(_json_line(data))
        else:
            click.echo(f"{printable(data['path'])}: {data['headline']}")
            for key in (
                "id",
                "source",
                "source_url",
                "date",
                "tickers",
                "company",
                "wire",
                "location",
                "language",
                "types",
            ):
                click.echo(f"  {key}: {data[key]}")
    if not found:  # on stderr, with --json too: the lines on stdout stay JSON (none)
        named = ", ".join(printable(str(f)) for f in files)
        click.echo(f"Warning: no files in {named}: give the files or folders holding the releases", err=True)
    if failed:
        sys.exit(EXIT_SKIPPED)


@main.command("companies")
@click.argument("prefix", required=False, default="")
@index_option
@backend_option
@url_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per issuer, a line each.")
@reports_errors
def companies_command(prefix, index_path, backend, url, as_json):
    """List the issuers in the index with their number of releases, most first (PREFIX: name, listing or CIK)."""
    from .issuers.pages import list_companies

    with open_index(index_path, backend=backend, url=url) as index:
        entries = list_companies(index, prefix)
    for entry in entries:
        if as_json:
            click.echo(_json_line(entry.to_json()))
        else:
            listing = f" \u00b7 {entry.issuer.main_listing}" if entry.issuer.main_listing else ""
            cik = f"  CIK {entry.issuer.cik}" if entry.issuer.cik else ""
            click.echo(f"{entry.releases:>6}  {entry.issuer.name}{listing}{cik}  [{entry.issuer.id}]")
    if not entries and not as_json:
        click.echo(f"No issuer{' matching ' + repr(prefix) if prefix else ''} in this index.", err=True)


@main.command("serve")
@index_option
@backend_option
@url_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: all).")
@click.option("--port", default=5000, type=click.IntRange(0, 65535), show_default=True, help="0: any free port.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (default: one per core; Linux only, elsewhere one process serves).",
)
# A search holds its searcher's lock, so a worker's threads hardly run searches side by side; they are there so
# that what waits does not hold the worker (a costly search waiting on the worker's costly lane, a slow client's
# export). 8 threads cost no more CPU a request than 1 (docs/api-cpu.md).
@click.option("--threads", default=8, type=click.IntRange(1, 256), show_default=True, help="Threads per worker.")
@click.option(
    "--base-url",
    envvar="RELEASES_BASE_URL",
    default=None,
    help="The site's public address for absolute links in feeds and exports, e.g. https://search.example.com "
    "($RELEASES_BASE_URL; default: the address served on). The request's Host header is never used.",
)
@click.option(
    "--allowed-hosts",
    envvar="RELEASES_ALLOWED_HOSTS",
    default=None,
    help="Comma-separated host names to answer ($RELEASES_ALLOWED_HOSTS); requests for any other get 400.",
)
@reports_errors
def serve_command(index_path, backend, url, host, port, workers, threads, base_url, allowed_hosts):
    """Serve the search site: gunicorn worker processes (Linux) or waitress in one process (elsewhere)."""
    from webapp import create_app, server

    config = {"RELEASES_INDEX": index_path, "RELEASES_BACKEND": backend, "RELEASES_OPENSEARCH_URL": url}
    if base_url is not None:
        config["BASE_URL"] = base_url
    if allowed_hosts is not None:
        config["ALLOWED_HOSTS"] = allowed_hosts
    # Built here first so a bad setting is reported before anything listens; no I/O happens until a request.
    app = create_app(config)
    prefork = server.can_prefork()
    try:
        # Taken here, not by the server, so a busy port is one clear error (gunicorn retries for 5 s, and
        # waitress leaks its socket when binding fails) and --port 0 can report the port it got.
        listener = server.open_socket(host, port, prefork)
    except OSError as exc:
        _fail(server.listen_error(host, port, exc), False)
    address = server.served_address(host, listener.getsockname()[1])
    if base_url is None:  # feed and export links name the address served on (waitress knows no name for it)
        config["BASE_URL"] = app.config["BASE_URL"] = address
    workers = workers or server.default_workers()
    processes = f"{workers} worker process{'es' if workers > 1 else ''}" if prefork else "one process"
    click.echo(
        f"Serving release search on {address}/ (index: {index_path}; {processes} of {threads} threads); Ctrl-C stops."
    )
    if (backend or "whoosh").lower() == "whoosh":
        try:  # cheap: the folder is looked at, no segment is read before a search
            open_index(index_path, backend="whoosh").close()
        except IndexNotFound as exc:
            click.echo(f"Warning: {exc}; until then every page says there is no index.", err=True)
    if prefork:
        import multiprocessing

        # Costly searches (fuzzy words, wildcards) run in at most half the worker processes at once (see
        # webapp/limits.py): the semaphore is made here, before the workers fork, so that they all share it.
        config["COSTLY_SEMAPHORE"] = multiprocessing.get_context("fork").BoundedSemaphore(max(1, workers // 2))
        config["COSTLY_LANE"] = True  # each worker runs them in a process of its own, away from plain searches
        server.serve_preforked(lambda: create_app(config), listener, workers, threads)
    else:
        server.serve_single(app, listener, threads)


@main.command("stats")
@index_option
@backend_option
@url_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@reports_errors
def stats_command(index_path, backend, url, as_json):
    """Print the number of releases, the date range, and the top tickers, wires and years."""
    with open_index(index_path, backend=backend, url=url) as index:
        stats = index.stats()
    if as_json:
        click.echo(json.dumps({"ok": True, **stats}))
        return
    files = stats.get("documents", stats["releases"])
    copies = f" ({counted(files, 'document')}, copies included)" if files != stats["releases"] else ""
    # An empty index, or one of undated releases only, has no date range to print ("dated None to None").
    dated = f", dated {stats['first_date']} to {stats['last_date']}" if stats["first_date"] else ""
    empty = f": index releases into it with 'releases index SOURCE... --index {index_path}'" if not files else ""
    click.echo(f"{counted(stats['releases'], 'release')}{copies} in {stats['path']}{dated}{empty}")
    for name in ("ticker", "wire", "year"):
        values = ", ".join(f"{v['value']} ({v['count']:,})" for v in stats["top"][name])
        click.echo(f"Top {name}s: {values or '-'}")
    layout = stats.get("layout")
    if layout:  # OpenSearch: where the releases live
        cluster = stats["cluster"]
        click.echo(
            f"Index {layout['alias']} -> {layout['physical']}: {layout['shards']} shards, {layout['replicas']} "
            f"replicas; cluster {cluster['status']}, {cluster['nodes']} data nodes"
        )


if __name__ == "__main__":  # `python -m indexer.cli ...` runs as `releases ...`
    main(prog_name="releases")
