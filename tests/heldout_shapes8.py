"""test8's new shape: an EDGAR exhibit as Workiva exports it, its text cut into styled spans and paginated by divs.

Also a shape no label set holds, for label-free checks: a release distributed by e-mail and saved as text. Both are
built mechanically from an archive file, like the shapes of ``heldout_shapes``; see that module.
"""

from __future__ import annotations

import html
import re
import zlib
from datetime import datetime
from email.utils import format_datetime

from heldout_shapes import _parts

_STYLE = "color:#000000;font-family:'Arial',sans-serif;font-size:{size};font-weight:{weight};line-height:120%"
_SPAN = '<span style="' + _STYLE + '">{text}</span>'
_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"(])")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A dateline's place and date, set in bold by many filers, end at its dash or at the wire's slashes.
_DATELINE_RE = re.compile(r"^(.{8,140}?\d{4})(\s*(?:/[^/]{2,40}/|--|\u2013|\u2014|-)\s*)")
# Characters of text a page holds before Workiva's pagination closes it with a page number and a page break.
PAGE_CHARS = 3200
_PAGE_BREAK = (
    '<div style="height:42.75pt;position:relative;width:100%"><div style="bottom:0;position:absolute;width:100%">'
    '<div style="text-align:center">{number}</div></div></div>'
    '<div id="i{anchor}_{page}"></div><hr style="page-break-after:always"/><div style="min-height:42.75pt;width:100%">'
    "<div><span style=\"color:#000000;font-family:'Arial',sans-serif;font-size:10pt;line-height:120%\"><br/></span>"
    "</div></div>"
)


def _ascii(text: str) -> str:
    return html.escape(text, quote=False).encode("ascii", "xmlcharrefreplace").decode("ascii").replace("  ", " &#160;")


def _spans(text: str, size: str = "10pt", weight: int = 400) -> str:
    """A paragraph as Workiva writes it: a span a sentence (each edit starts one), bold runs their own spans."""
    text = _LINK_RE.sub(r"\1", text)
    out = []
    for sentence in _SENTENCE_RE.split(text):
        for i, piece in enumerate(_BOLD_RE.split(sentence + " ")):
            if piece:
                out.append(_SPAN.format(size=size, weight=700 if i % 2 else weight, text=_ascii(piece)))
    return "".join(out)


def _opening(text: str) -> str:
    """The lede's dateline in its own bold span, the rest as sentences."""
    match = _DATELINE_RE.match(text)
    if not match:
        return _spans(text)
    return _SPAN.format(size="10pt", weight=700, text=_ascii(match.group(1))) + _spans(text[match.end(1) :])


def edgar_workiva(path: str, raw: str) -> str:
    """An EX-99.1 as Workiva exports it: an XHTML document titled "Document", a right-set banner and a logo, the
    headline in bold spans broken at its middle, every paragraph a ``<div>`` of inline-styled ``<span>``s, empty
    ``&#160;`` paragraphs between them, and pages closed by a centred page number and a page-break ``<hr>``."""
    parts = _parts(path, raw)
    anchor = f"{zlib.crc32(path.encode()):08x}"
    out = [
        "<?xml version='1.0' encoding='ASCII'?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
        '<meta http-equiv="Content-Type" content="text/html"/><title>Document</title></head><body>'
        '<div style="min-height:42.75pt;width:100%"><div style="text-align:right">'
        + _SPAN.format(size="10pt", weight=700, text="Exhibit 99.1")
        + "</div></div>",
        '<div style="text-align:center"><img alt="logo.jpg" src="logo.jpg" style="height:58px;width:200px"/></div>',
        '<div style="text-align:center">' + _SPAN.format(size="10pt", weight=400, text="&#160;") + "</div>",
    ]
    words = parts["title"].split()
    half = (len(words) + 1) // 2 if len(parts["title"]) > 70 else len(words)
    title = [" ".join(words[:half]) + " ", " ".join(words[half:])]
    out.append(
        '<div style="text-align:center">'
        + "".join(_SPAN.format(size="14pt", weight=700, text=_ascii(t)) for t in title if t.strip())
        + "</div>"
    )
    if parts["lead"]:
        out.append(
            '<div style="text-align:center"><span style="font-style:italic">' + _ascii(parts["lead"]) + "</span></div>"
        )
    empty = '<div style="text-align:justify">' + _SPAN.format(size="10pt", weight=400, text="&#160;") + "</div>"
    filled, page, first = 0, 1, True
    for line in parts["body"].split("\n"):
        line = line.strip()
        if not line or set(line) <= set("|-: "):
            continue
        if line.startswith("|"):  # a table row: cells in one div, as Workiva flattens a simple table's row
            cells = [c.strip() for c in line.strip("|").split("|")]
            body = '<table style="width:100%"><tr>' + "".join(f"<td>{_spans(c)}</td>" for c in cells) + "</tr></table>"
        elif line.startswith("#"):
            body = '<div style="text-align:justify">' + _spans(line.lstrip("#").strip(), weight=700) + "</div>"
        else:
            text = _opening(line) if first else _spans(line)
            first = False
            body = '<div style="text-align:justify;text-indent:36pt">' + text + "</div>"
        out += [body, empty]
        filled += len(line)
        if filled >= PAGE_CHARS:
            out.append(
                _PAGE_BREAK.format(number=_SPAN.format(size="10pt", weight=400, text=page), anchor=anchor, page=page)
            )
            filled, page = 0, page + 1
    out.append("</body></html>\n")
    return "".join(out)


def email_text(path: str, raw: str) -> str:
    """The release as a subscriber's mail client saves it: message headers (the headline as the subject, the
    release's time as the date), "FOR IMMEDIATE RELEASE", the body as plain text, a list's unsubscribe footer."""
    parts = _parts(path, raw)
    try:
        when = format_datetime(datetime.fromisoformat(parts["date"]))
    except ValueError:
        when = parts["date"]
    head = [
        "From: Newsroom <news@example.com>",
        "To: subscribers@lists.example.com",
        f"Subject: {parts['title']}",
        f"Date: {when}",
        "MIME-Version: 1.0",
        "",
        "FOR IMMEDIATE RELEASE",
        "",
    ]
    body = _LINK_RE.sub(r"\1", _BOLD_RE.sub(r"\1", parts["body"]))
    body = re.sub(r"^#+\s*", "", body, flags=re.M)
    lead = [parts["lead"], ""] if parts["lead"] else []
    foot = ["", "--", "You are receiving this message because you subscribed to news alerts. Unsubscribe: "
            "https://lists.example.com/unsubscribe"]  # fmt: skip
    return "\n".join([*head, *lead, body, *foot]) + "\n"


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in test8's new shape, or as an e-mailed release."""
    if shape == "email-text":
        return email_text(path, raw)
    assert shape == "edgar-workiva", shape
    return edgar_workiva(path, raw)
