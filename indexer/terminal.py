"""A page of search results as `releases search` prints it on a terminal: a count line, then each hit."""

from __future__ import annotations

import html
import re

import click

from .model import Page, counted

# Control characters (C0, DEL, C1): in a file name or a reason they could end a report line early or drive the
# terminal (an escape sequence that recolours, retitles or rewrites what is on screen).
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """text for a line of the terminal: control characters written as escapes ('new\\nline.txt', '\\x1b[31m')."""
    return _CONTROL_RE.sub(lambda m: repr(m.group(0))[1:-1], text)


def page_text(page: Page, query: str, narrowed: list[str] | tuple = (), ways_out: list | tuple = ()) -> str:
    """The count line (as the site words it: never "1-10 of 0"), naming the filters the search is narrowed by
    (narrowed: "ticker IMGN", "year=2011", "from 2011-10-01"), then each hit with its metadata, snippet, other
    copies and the words it lacks; for a search that found nothing, what to leave out (relax.Relaxation)."""
    first = (page.page - 1) * page.per_page + 1
    whole, some = page.shown(first)
    hint = f" (did you mean: {page.suggestion}?)" if page.suggestion else ""
    if page.suggestion and page.corrected:
        # The hits are the suggestion's, as the site's "Showing results for": not a question.
        hint = f" (showing results for {page.suggestion!r}; --no-spell searches the words as typed)"
    within = f" ({', '.join(narrowed)})" if narrowed else ""
    subject = f" for {query!r}" if query or not narrowed else ""
    if page.total:
        shown = f"{whole[0]:,}-{whole[1]:,} of " if whole else ""
        lines = [f"{shown}{counted(page.total, 'result')}{subject}{within}{hint}"]
    elif page.partial_total:
        some = f"{page.partial_total:,} release{'s hold' if page.partial_total > 1 else ' holds'} some of them"
        lines = [f"No release holds all the words of {query!r}{within}{hint}; {some}:"]
    else:
        lines = [f"No releases match {query!r}{within}{hint}" if query else f"No releases{within or ' in the index'}"]
    lines += [f"  Without {_left_out(way)}: {counted(way.total, 'release')}" for way in ways_out]
    if page.total and page.partial_total:
        match = "matches" if page.partial_total == 1 else "match"
        shown = f"{some[0]:,}-{some[1]:,} of " if some else ""
        after = ", listed after these" if whole or not some else ""
        lines.append(f"and {shown}{counted(page.partial_total, 'release')} that {match} some of your words{after}")
    for n, hit in enumerate(page.hits, start=first):
        meta = (hit.date, ", ".join(hit.tickers), hit.company, hit.wire, hit.path, hit.source_url)
        lines += ["", click.style(f"{n}. {hit.headline}", bold=True), f"   {' | '.join(x for x in meta if x)}"]
        lines.append(f"   {snippet_text(hit.snippet)}")
        if hit.duplicates:
            lines.append(f"   also on: {', '.join(d['wire'] or d['path'] for d in hit.duplicates)}")
        if hit.missing:
            lines.append(f"   missing: {', '.join(hit.missing)}")
    return "\n".join(lines)


def _left_out(way) -> str:
    """What a way out of an empty result leaves out, as the CLI takes it: a word, --facet NAME=VALUE, a date."""
    if way.kind == "word":
        return repr(way.value)
    if way.kind in ("from", "to"):
        return f"--{way.kind} {way.value}"
    return f"{way.kind}={way.value}"


def snippet_text(snippet: str) -> str:
    """A hit's HTML snippet for a terminal: marked words in bold, entities as characters."""
    marked = re.sub(r"<mark[^>]*>(.*?)</mark>", lambda m: click.style(m.group(1), bold=True), snippet)
    return html.unescape(marked)
