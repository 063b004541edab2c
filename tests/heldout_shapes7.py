"""test7's new shapes: an EDGAR exhibit under the filer's letterhead, and a repost on a news portal.

Both are built mechanically from an archive file, like the shapes of ``heldout_shapes``; see that module.
"""

from __future__ import annotations

import html
import re
import zlib
from datetime import datetime

from heldout_shapes import _parts, edgar_exhibit

_ABOUT_RE = re.compile(r"^#*\s*\**About ([^*\n]{2,80}?)[*:\s]*$", re.M)
# An About heading that names no one ("About the Company:", "About Us"), or names the company after such words
# ("About the Company – Acme", "About the Company-Acme"): the name is what follows them.
_GENERIC_ABOUT_RE = re.compile(r"(?i:the\s+[\w-]+|company|us)(?:\s*[-\u2013\u2014:]\s*(?P<name>.+))?$")


# Lower-case words a name may hold between its capitalised ones ("Bank of America", "Society for the Blind").
_NAME_JOINERS = frozenset("of and for the de la du del y & in on at to".split())


def about_names(body: str) -> list[str]:
    """The names a release's About headings give, in order: the words after "About", without a generic opening or
    the lower-case words before the name ("About with Mothers Against ..."); a heading about a thing, not a name
    ("About the Merger to form ..."), gives none: a letterhead prints no such words."""
    names = []
    for match in _ABOUT_RE.finditer(body):
        name = match.group(1).strip()
        generic = _GENERIC_ABOUT_RE.match(name)
        if generic:
            name = (generic.group("name") or "").strip()
        name = _LEADING_LOWER_RE.sub("", name)
        if name and all(not word.islower() or word in _NAME_JOINERS for word in name.split()):
            names.append(name)
    return names


_LEADING_LOWER_RE = re.compile(r"^(?:[a-z]+\s+)+")


def edgar_letterhead(path: str, raw: str) -> str:
    """A filing agent's EX-99.1 whose text opens with the filer's letterhead: the name its About heading gives (when it
    has one), a street address, a telephone and a web address, centred lines above "NEWS RELEASE" and the headline."""
    text = edgar_exhibit(path, raw).replace("<TITLE>EX-99.1</TITLE>", "<TITLE>ex991.htm</TITLE>")
    about = about_names(_parts(path, raw)["body"])
    crc = zlib.crc32(path.encode())
    block = [html.escape(about[0]).encode("ascii", "xmlcharrefreplace").decode()] if about else []
    block += [f"{100 + crc % 9000} Corporate Drive, Suite {crc % 900 + 100}", "Springfield, IL 62701"]
    block += ["Tel: (555) 555-0100 &#183; Fax: (555) 555-0199", "www.example.com"]
    head = '<P ALIGN="center"><FONT SIZE="2">' + "<BR>".join(block) + "</FONT></P>\n"
    head += '<P ALIGN="center"><FONT SIZE="3"><B>NEWS RELEASE</B></FONT></P>\n'
    opening, banner, rest = text.partition("Exhibit 99.1</B></FONT></P>") if "<HTML>" in text else (text, "", "")
    if banner:
        return opening + banner + "\n" + head + rest.lstrip("\n")
    # Workiva's hand: the letterhead follows its banner <div>.
    first, _, rest = text.partition("</div>\n")
    return first + "</div>\n" + head + rest


# What a news portal prints around a release it reposts (saved as text): its menus above, other stories below.
_PORTAL_TOP = (
    "[Skip to content](#main)\n\n"
    "* [Home](/)\n* [Markets](/markets)\n* [Business](/business)\n* [Technology](/tech)\n"
    "* [Press Releases](/press-releases)\n* [Subscribe](/subscribe)\n\n"
    "Home > Press Releases > Business\n\n"
)
_PORTAL_RELATED = (
    "Northwind Traders (NASDAQ: NWTR) Reports Record Third Quarter Revenue",
    "Contoso Pharmaceuticals Announces Pricing of $150 Million Public Offering",
    "Fabrikam Energy Corp. (NYSE: FBK) to Acquire Tailspin Solar for $2.1 Billion",
    "Litware Inc. Names New Chief Financial Officer",
    "Adventure Works (TSX: AWX) Declares Quarterly Dividend",
    "Woodgrove Bank Opens Flagship Branch in Austin, Texas",
)


def portal_repost(path: str, raw: str) -> str:
    """A wire release reposted on a news portal, saved as Markdown: the portal's menu and breadcrumb, the headline,
    a "Published" line with the day, the body, then "Related news" with other companies' headlines and a footer."""
    parts = _parts(path, raw)
    when = parts["date"][:10]
    stamp = datetime.strptime(when, "%Y-%m-%d").strftime("%B %d, %Y").replace(" 0", " ") if when[:4].isdigit() else when
    crc = zlib.crc32(path.encode())
    related = [_PORTAL_RELATED[(crc + i) % len(_PORTAL_RELATED)] for i in range(3)]
    out = [_PORTAL_TOP + f"# {parts['title']}", "", f"Published {stamp} | Press Releases", ""]
    if parts["lead"]:
        out += [f"*{parts['lead']}*", ""]
    out += [parts["body"], "", "Share: [Facebook](#) [X](#) [LinkedIn](#) [Email](#)", "", "## Related news", ""]
    out += [f"* [{title}](/press-releases/{i})" for i, title in enumerate(related)]
    out += ["", "(c) 2026 Market Portal Media. All rights reserved. | [Privacy](/privacy) | [Terms](/terms)", ""]
    return "\n".join(out)


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in one of test7's shapes."""
    return edgar_letterhead(path, raw) if shape == "edgar-letterhead" else portal_repost(path, raw)
