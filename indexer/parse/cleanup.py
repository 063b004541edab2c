"""Repairs for text as real corpora deliver it: entities, Markdown links, glued paragraphs, odd spaces."""

from __future__ import annotations

import html
import re

_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(((?:[^()\s]|\([^()]*\))*)(?:\s+\"[^\"]*\")?\)")
_ANGLE_LINK_RE = re.compile(r"<(https?://[^>\s]+)>")
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"')\]]*)?", re.I)
_EMPHASIS_RE = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
# Spaces that are not ASCII spaces: no-break, thin, zero-width, and the like.
_ODD_SPACE_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# "worldwide.The acquisition": a paragraph break lost between a sentence end and the next capital.
_GLUED_RE = re.compile(
    r"(?<=[a-z0-9%)\u201d\u2019\"])([.!?])(?=[A-Z\u201c\"][a-z\u2019' ]|\u201c)"
    r"|(?<=[a-z%])([.!?][\u201d\"])(?=[A-Z\u201c][a-z ])"
)
_SPACES_RE = re.compile(r"[ \t]{2,}|\t")
# Heading glued to its text: "About Applied MaterialsApplied Materials, Inc. (Nasdaq: AMAT) is ...".
_GLUED_ABOUT_RE = re.compile(r"\bAbout (?:the )?(?P<name>[A-Z][\w.&'\u2019\- ]{1,60}?)(?=(?P=name)[\s,(])")
# "About Ulta BeautyAt Ulta Beauty (NASDAQ: ULTA), ...": a heading glued to the sentence that opens the section.
_GLUED_ABOUT_OPENER_RE = re.compile(
    r"\bAbout (?P<name>[A-Z][\w.&'\u2019\- ]{1,60}?[a-z0-9.)])(?=(?:At|The|Founded|Headquartered|Since|With|As|For|"
    r"Established|Based|Our|We|In|Today|Located|Celebrating|Serving)\s)"
)
# "Altria Group, Inc. (MO)Lifshitz & Miller announces ...": a symbol in brackets glued to the next sentence.
_GLUED_SYMBOL_RE = re.compile(r"(\([A-Z]{1,6}\))(?=[A-Z][a-z])")
_GLUED_HEADINGS_RE = re.compile(
    r"(?<=[a-z0-9.)])(?=(?:Forward[- ]Looking Statements?|Safe Harbor Statement|Cautionary (?:Note|Statement)[\w ]{0,40}"
    r"|Media Contacts?:?|Investor Contacts?:?|Press Contacts?:?|Contacts?:|Contact Details|About (?:the )?[A-Z][\w&.\- ]{1,50}?"
    r"(?=[A-Z][a-z])|SOURCE\s)(?=\S))"
)


_HEADING_WORDS_RE = re.compile(r"[a-z0-9.)](?:Forward|Safe|Cautionary|Media|Investor|Press|Contact|About|SOURCE)")


def clean_inline(text: str) -> str:
    """Decode entities, reduce Markdown links and emphasis to their text, make every space a plain space."""
    text = html.unescape(text)
    if "&" in text:
        text = html.unescape(text)  # double-escaped "&amp;amp;"
    if "](" in text:
        text = _MD_IMAGE_RE.sub("", text)
        text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    if "<http" in text:
        text = _ANGLE_LINK_RE.sub(lambda m: m.group(1), text)
    if "*" in text or "_" in text:
        text = _EMPHASIS_RE.sub(lambda m: m.group(2), text)
        text = text.replace("\\*", "*").replace("\\_", "_")
    text = text.replace("\\#", "#")
    if not text.isascii():
        text = _ZERO_WIDTH_RE.sub("", _ODD_SPACE_RE.sub(" ", text))
    if "[email" in text:
        text = text.replace("[email protected]", "").replace("[email\u00a0protected]", "")
    return _SPACES_RE.sub(" ", text).strip()


def links_in(text: str) -> list[str]:
    """Every link target in text, Markdown links included, in order and without repeats."""
    if "http" not in text and "www." not in text:
        return []
    found = [m.group(2) for m in _MD_LINK_RE.finditer(text) if m.group(2).startswith(("http://", "https://"))]
    found += [m.group(0).rstrip(".,;:") for m in _URL_RE.finditer(_MD_LINK_RE.sub(" ", text) if "](" in text else text)]
    return list(dict.fromkeys(u for u in found if u))


def repair_glued(text: str) -> str:
    """Split paragraphs that lost their break: 'worldwide.The acquisition' becomes two paragraphs."""
    if "About " in text:
        text = _GLUED_ABOUT_RE.sub(lambda m: f"\n\nAbout {m.group('name')}\n\n", text)
        text = _GLUED_ABOUT_OPENER_RE.sub(lambda m: f"\n\nAbout {m.group('name')}\n\n", text)
    if ")" in text:
        text = _GLUED_SYMBOL_RE.sub("\\1\n\n", text)
    if _HEADING_WORDS_RE.search(text):
        text = _GLUED_HEADINGS_RE.sub("\n\n", text)
    return _GLUED_RE.sub(lambda m: (m.group(1) or m.group(2)) + "\n\n", text)


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs on blank lines, bullets and wide gaps; lines inside a paragraph are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Bullet lines and headings start a paragraph of their own even without a blank line before them.
    text = re.sub(r"\n[ \t]*(?=(?:[*\u2022\u25cf\u25aa]|-(?!-)|#{1,6})\s+\S)", "\n\n", text)
    # Some exports mark paragraph breaks with runs of spaces inside one line ("...greater.  With ...").
    text = re.sub(r"(?<=[.!?:\u201d\"])[ \t]{2,}(?=[A-Z\u201c\"])", "\n\n", text)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        # Hard-wrapped lines run to about the same width and are joined; a short line or a finished sentence
        # ends a paragraph (contact blocks, headings and paragraphs without blank lines between them).
        width = max(len(line) for line in lines)
        current = [lines[0]]
        for prev, line in zip(lines, lines[1:], strict=False):
            wrapped = width >= 50 and len(prev) >= 0.7 * width and not re.search(r"[.!?:;\u201d\"]$", prev)
            if wrapped:
                current.append(line)
            else:
                paragraphs.append(" ".join(current))
                current = [line]
        paragraphs.append(" ".join(current))
    return paragraphs


def strip_bullet(paragraph: str) -> str:
    """A paragraph without its leading bullet mark or Markdown heading hashes."""
    return re.sub(r"^(?:[*\u2022\u25cf\u25aa\-]|#{1,6})\s+", "", paragraph).strip()


_ABBREVIATION_END_RE = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Intl|St|Mass|Calif|Conn|Fla|Ill|Wash)|\b[A-Z]\.[A-Z])\.$", re.I
)


def trim_period(name: str) -> str:
    """A name without a sentence's full stop, keeping an abbreviation's ('Acme Corp.' stays, 'Acme Labs.' loses it)."""
    name = name.rstrip(" ,;")
    if name.endswith(".") and not _ABBREVIATION_END_RE.search(name):
        name = name[:-1].rstrip()
    return name
