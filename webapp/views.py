"""HTML pages: the search page, the company page and the release page. Views read the request, call the core once, render."""

from __future__ import annotations

import functools

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from indexer import SearchRequest
from indexer.highlight import query_words
from indexer.model import QueryError, counted
from indexer.schema import FACETS_BY_NAME

from .limits import parsed_query
from .params import (
    active_filters,
    get_index,
    is_past_the_end,
    is_search,
    last_page,
    pages_held,
    release_link,
    results_url,
    search_state,
    search_url,
    searched_page,
    toggle_url,
)
from .present import release_json
from .timeline import build_chart

bp = Blueprint("views", __name__)

EXAMPLES = (
    ("acquisition biotech", "words, ranked"),
    ('"conference call"', "a phrase"),
    ("ticker:IMGN", "one issuer"),
    ("merger OR acquisition -lawsuit", "boolean logic"),
    ("date:2011 award", "a year"),
    ("immuno*", "a prefix"),
)
# Facets with many values get a filter-as-you-type box.
FILTERABLE_FACETS = ("ticker", "company", "location")
SORT_LABELS = (("relevance", "Relevance"), ("newest", "Newest"), ("oldest", "Oldest"))
PARAM_LABELS = {spec.name: spec.label for spec in FACETS_BY_NAME.values()} | {"from": "From", "to": "To"}


def pager(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page numbers to link: the first, the last, and a few around the current one (None marks a gap)."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out


@bp.get("/")
def search():
    """The search page; with no query and no filters, an empty state with examples and the query syntax."""
    args = request.args
    state = search_state(args)
    context = dict(
        args=state,
        page=None,
        error=None,
        chart=None,
        stats=None,
        examples=EXAMPLES,
        sort_labels=SORT_LABELS,
        param_labels=PARAM_LABELS,
        facet_specs=FACETS_BY_NAME,
        chips=active_filters(state),
        dates={},
        search_url=search_url,
        toggle_url=toggle_url,
        release_link=functools.partial(release_link, after=args.get("after", "")),
        filterable_facets=FILTERABLE_FACETS,
        facet_limit=SearchRequest.facet_limit,
        export_limit=current_app.config["EXPORT_LIMIT"],
    )
    status = 200
    index = get_index()
    names = _issuer_names(index, state.getlist("issuer"))
    context["chips"] = [(n, names.get(v, v) if n == "issuer" else v, href) for n, v, href in context["chips"]]
    if is_search(args):
        try:
            asked, found = searched_page(index, args, parsed_query)
        except QueryError as exc:
            context["error"] = str(exc)
            context["examples"] = _examples(index)
            status = 400
        else:
            if not found.total:
                context["ways_out"] = ways_out(index.relaxations(asked), state, names)
            context["page"] = found
            # The date fields show the days searched ("2019" as 2019-01-01 to 2019-12-31): a date field cannot
            # show "2019", and submitting it blank would drop the filter.
            context["dates"] = {k: d.isoformat() for k, d in (("from", asked.date_from), ("to", asked.date_to)) if d}
            context["last_page"] = min(found.pages, last_page(found.per_page))
            context["pages"] = pager(found.page, context["last_page"])
            context["first"] = asked.start + 1
            context["past_the_end"] = is_past_the_end(found)
            context["pages_held"] = pages_held(found)
            context["chart"] = build_chart(
                found.timeline,
                lambda start, end: search_url(state, **_period_filter(start, end)),
            )
    else:
        context["stats"] = index.stats()
        context["examples"] = _examples(index)
    return render_template("search.html", **context), status


def _issuer_names(index, ids: list[str]) -> dict[str, str]:
    """Issuer ids to names, so a filter on an issuer reads as the company (not its id, `nasdaq-acme`)."""
    registry = index.issuers() if ids else None
    return {key: found.name for key in ids if (found := registry.get(key)) is not None}


def _period_filter(start, end) -> dict[str, str]:
    """A timeline bar's link narrows by the month or year facet it was counted by (the release's own
    calendar date), so it finds exactly the releases the bar counts."""
    if start.month == 1 and end.month == 12:
        return {"year": f"{start.year:04d}"}
    return {"month": f"{start.year:04d}-{start.month:02d}"}


def _examples(index) -> list[tuple[str, str]]:
    """(query, what it shows) for the home page: searches built from the open index, else the generic ones."""
    found = [(e.query, f"{e.what}: {counted(e.total, 'release')}") for e in index.examples()]
    return found or list(EXAMPLES)


def ways_out(relaxations, state, names: dict[str, str] | None = None) -> list[tuple[str, str, int]]:
    """(what to leave out, the URL without it, releases then) for a search that found nothing."""
    out = []
    for r in relaxations:
        if r.kind == "word":
            out.append((f"the word {r.value}", search_url(state, q=r.query or None), r.total))
        elif r.kind in ("from", "to"):
            out.append((f"the '{r.kind}' date {r.value}", search_url(state, **{r.kind: None}), r.total))
        else:
            label = PARAM_LABELS.get(r.kind, r.kind).lower()
            shown = (names or {}).get(r.value, r.value) if r.kind == "issuer" else r.value
            out.append((f"the {label} filter {shown}", toggle_url(state, r.kind, r.value), r.total))
    return out


@bp.get("/companies")
def companies():
    """Every issuer in the index with its number of releases, most first; a box narrows them by name or symbol."""
    from .companies import companies_page

    found = companies_page(request.args)
    return render_template("companies.html", found=found, search_url=search_url, blank=MultiDict())


@bp.get("/companies/<path:issuer>")
def company(issuer: str):
    """An issuer's page, like EDGAR's company page: name, listings, CIK, releases over time, types, newest."""
    from indexer.issuers.pages import company_page

    tidy = issuer.strip().rstrip("/").strip()  # copied with a trailing slash or space: the issuer's own address
    if tidy and tidy != issuer:
        return redirect(url_for("views.company", issuer=tidy), code=308)
    found = company_page(get_index(), issuer)
    none = MultiDict()
    chart = build_chart(
        found.timeline,
        lambda start, end: search_url(none, issuer=found.issuer.id, **_period_filter(start, end)),
    )
    return render_template("company.html", company=found, chart=chart, search_url=search_url, blank=none)


@bp.get("/releases/<release_id:release_id>")
def release(release_id: str):
    """One release laid out by sections, with its metadata, copies and related releases; arriving from a search
    (its parameters passed along), the search's words marked and a link back to its results."""
    index = get_index()
    found = index.get(release_id)
    args = request.args
    back_url = results_url(args, args.get("page") or None) if is_search(args) else None
    if found is None:
        return render_template(
            "error.html",
            title="Release not found",
            message="There is no release with that id in the index (it may have been removed). Search for it instead.",
        ), 404
    return render_template(
        "release.html",
        release=release_json(found),
        related=index.related(release_id),
        words=query_words(args.get("q")),
        query=args.get("q", "").strip(),
        back_url=back_url,
    )
