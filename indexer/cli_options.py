"""The command line's shared options and argument types (`releases` commands in indexer/cli.py)."""

from __future__ import annotations

import click

from .backends import BACKENDS
from .match_mode import MATCH_MODES

index_option = click.option(
    "--index",
    "index_path",
    envvar="RELEASES_INDEX",
    default="index",
    show_default="$RELEASES_INDEX or ./index",
    help="Index folder (with --backend opensearch: the index name on the cluster).",
)
backend_option = click.option(
    "--backend",
    envvar="RELEASES_BACKEND",
    type=click.Choice(BACKENDS, case_sensitive=False),
    default=None,
    show_default="$RELEASES_BACKEND or whoosh",
    help="Search engine: whoosh (embedded) or opensearch (a cluster).",
)
url_option = click.option(
    "--url",
    envvar="RELEASES_OPENSEARCH_URL",
    default=None,
    show_default="$RELEASES_OPENSEARCH_URL or http://127.0.0.1:9200",
    help="OpenSearch cluster for --backend opensearch (several nodes: comma-separated).",
)

follow_links_option = click.option(
    "--follow-links",
    is_flag=True,
    help="Follow links to files and folders anywhere (default: only links within the sources given; "
    "the rest are skipped with a reason).",
)


class PathArgument(click.Path):
    """click.Path that reports a name the OS cannot take (a NUL byte) as a usage error, not a ValueError."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except ValueError as exc:
            if isinstance(exc, click.BadParameter):
                raise
            self.fail(f"{value!r} is not a valid file name", param, ctx)


def filter_options(func):
    """The --ticker, --from and --to options that narrow a search (search and save)."""
    func = click.option("--to", "date_to", help="Only releases on or before this date.")(func)
    func = click.option("--from", "date_from", help="Only releases on or after this date (2011-10-20).")(func)
    return click.option("--ticker", "tickers", multiple=True, help="Only releases of this ticker (repeatable).")(func)


match_option = click.option(
    "--match",
    "match",
    type=click.Choice(MATCH_MODES),
    default="all",
    show_default=True,
    help="all: count releases holding every word (the others follow, marked); any: count any word's matches.",
)
no_spell_option = click.option(
    "--no-spell", is_flag=True, help="Search the words as typed, not the likely spellings of unknown words."
)
facet_option = click.option(
    "--facet", "facet_filters", multiple=True, metavar="NAME=VALUE", help="Filter on a facet value (repeatable)."
)


def issuer_options(func):
    """The --issuers and --sec-tickers options: the sources of the issuer registry."""
    func = click.option(
        "--sec-tickers",
        type=click.Path(),
        help="The SEC's company_tickers_exchange.json ($RELEASES_SEC_TICKERS; default: the shipped copy; 'none').",
    )(func)
    return click.option(
        "--issuers",
        "issuers_file",
        type=click.Path(),
        help="Your issuer file: JSON, JSON Lines or CSV ($RELEASES_ISSUERS).",
    )(func)
