"""Turn a headline and body text into a structured Release: dateline, tickers, company, sections, type."""

from __future__ import annotations

import html
import re
from datetime import datetime

from ..model import Release
from .classify import classify
from .dateline import canonical_wire, find_dateline
from .sections import split_sections
from .tickers import issuer_tickers

_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_ANGLE_LINK_RE = re.compile(r"<(https?://[^>\s]+)>")
_URL_RE = re.compile(r"https?://[^\s<>\")\]]+")
_EMPHASIS_RE = re.compile(r"(?<!\w)(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
# "worldwide.The acquisition": a sentence end glued to the next sentence's capital.
_GLUED_RE = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z][a-z])")
_COMPANY_SUFFIX = (
    r"(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.P|LP|plc|PLC|N\.V|S\.A|AG|SE|Group|Holdings|Trust)\.?"
)
_COMPANY_BEFORE_RE = re.compile(
    rf"((?:[A-Z0-9&][\w&'\u2019.\-]*\s+){{0,6}}?(?:[A-Z0-9&][\w&'\u2019.\-]*)(?:,?\s+{_COMPANY_SUFFIX})?)[\s,]*\(?\s*(?:\"[^\"]*\"\s*)?(?:or\s+(?:the\s+)?\"?[^\"]*\"?\s*)?$"
)
_LANG_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "for", "with", "that", "today"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "por", "para", "con"},
    "fr": {"le", "la", "les", "de", "des", "et", "en", "du", "pour", "une", "est"},
    "de": {"der", "die", "und", "das", "mit", "von", "den", "ist", "für", "auf"},
    "pt": {"o", "a", "de", "que", "e", "do", "da", "em", "para", "com", "os"},
    "it": {"il", "di", "che", "e", "la", "per", "con", "del", "della", "sono"},
    "nl": {"de", "het", "een", "van", "en", "voor", "met", "op", "zijn"},
}


def clean_inline(text: str) -> str:
    """Reduce Markdown links and emphasis to their text, decode entities, collapse spaces."""
    text = html.unescape(text)
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    text = _ANGLE_LINK_RE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS_RE.sub(lambda m: m.group(2), text)
    text = text.replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def repair_glued(text: str) -> str:
    """Put back the space lost between sentences ('worldwide.The acquisition')."""
    return _GLUED_RE.sub(" ", text)


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines; single newlines inside a paragraph become spaces."""
    paras = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [re.sub(r"\s*\n\s*", " ", p).strip() for p in paras if p.strip()]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language by common-word counts; None when unsure."""
    words = re.findall(r"[a-zà-ÿ]+", text[:3000].lower())
    if len(words) < 5:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANG_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else None


def company_before(text: str) -> str | None:
    """The organisation name standing just before a ticker parenthesis."""
    m = _COMPANY_BEFORE_RE.search(text[-160:])
    if not m:
        return None
    name = m.group(1).strip(" ,")
    # Drop leading words of the sentence that are not part of the name.
    name = re.sub(r"^(?:(?:Today|Today,|The|Leading|Global|Announced|And|--)\s+)+", "", name)
    return name if len(name) >= 2 and not name.islower() else None


def build_release(
    path: str,
    headline: str,
    body_text: str,
    *,
    subheadline: str | None = None,
    published: datetime | None = None,
    wire: str | None = None,
    company: str | None = None,
    tickers: list[str] | None = None,
    location: str | None = None,
    links: list[str] | None = None,
    item: int = 0,
) -> Release:
    """Assemble a Release from a headline and body; metadata given by the source wins over guesses."""
    paragraphs = [repair_glued(clean_inline(p)) for p in split_paragraphs(body_text)]
    paragraphs = [p for p in paragraphs if p]
    found_links = list(links or [])
    found_links += [u.rstrip(".,;") for u in _URL_RE.findall(body_text)]
    dateline = None
    # The dateline may follow bullet points or a "NOT FOR DISSEMINATION" notice: look a few paragraphs in.
    for i, para in enumerate(paragraphs[:6]):
        found = find_dateline(para)
        if found and (found.published or found.wire or found.place):
            dateline = found
            lead_in, paragraphs = paragraphs[:i], paragraphs[i:]
            paragraphs[0] = found.rest
            paragraphs = paragraphs[:1] + lead_in + paragraphs[1:] if lead_in else paragraphs
            break
    sections = split_sections(paragraphs)
    lede_tickers, ticker_at = issuer_tickers(sections.lede)
    if company is None and ticker_at is not None:
        company = company_before(sections.lede[:ticker_at])
    if company is None and sections.about_name:
        company = sections.about_name
    release = Release(
        path=path,
        headline=clean_inline(headline),
        subheadline=clean_inline(subheadline) if subheadline else None,
        published=_pick_published(dateline.published if dateline else None, published),
        tickers=tickers if tickers is not None else lede_tickers,
        company=company,
        wire=wire or (dateline.wire if dateline else None) or canonical_wire(sections.contacts[-200:]),
        location=location or (dateline.place if dateline else None),
        language=detect_language(" ".join(paragraphs[:3])),
        dateline=dateline.text if dateline else None,
        lede=sections.lede,
        body=sections.body,
        about=sections.about,
        forward_looking=sections.forward_looking,
        contacts=sections.contacts,
        emails=sections.emails,
        phones=sections.phones,
        links=list(dict.fromkeys(found_links)),
        item=item,
    )
    release.types = classify(release.headline, release.lede)
    return release


def _pick_published(from_dateline: datetime | None, from_metadata: datetime | None) -> datetime | None:
    """The dateline's date wins; metadata of the same day wins when it adds a time and zone."""
    if from_dateline is None:
        return from_metadata
    if from_metadata is not None and from_metadata.date() == from_dateline.date():
        return from_metadata
    return from_dateline
