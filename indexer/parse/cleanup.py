"""Repairs for text as real corpora deliver it: entities, Markdown links, glued paragraphs, odd spaces."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

# HTML elements that make a block of their own (the standard's sectioning, grouping, heading, list, table and form
# blocks): read as text, each is set apart from its neighbours, so a link's last word never runs into the next
# block's first ("...release.html" + "SOURCE Acme").
HTML_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
     "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
     "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
     "tbody", "tfoot", "thead", "tr", "ul"}
)  # fmt: skip

_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(((?:[^()\s]|\([^()]*\))*)(?:\s+\"[^\"]*\")?\)")
_ANGLE_LINK_RE = re.compile(r"<(https?://[^>\s]+)>")
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"')\]]*)?", re.I)
# A closing run after a mark may touch the next word: "**BOSTON--(BUSINESS WIRE)--**Acme" (a repost's bold dateline).
# Only a bold run ('**') and only before a capital: "window.__xss" is no emphasis.
_EMPHASIS_RE = re.compile(
    r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?:(?<=\S)\1(?![\w*])|(?<=[^\w\s*])\1(?<=\*\*)(?=[A-Z]))"
)
# Spaces that are not ASCII spaces: no-break, thin, zero-width, and the like.
_ODD_SPACE_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# "worldwide.The acquisition": a paragraph break lost between a sentence end and the next capital: a full stop
# after a lower-case letter, digit, '%', ')' or quote, or a full stop and a closing quote after a letter or '%'.
# The match starts with the full stop and looks back from there (rather than starting with the look-behind), so
# the regex engine skips straight to full stops instead of trying every position; it matches the same spans.
_GLUED_RE = re.compile(
    r"[.!?](?:(?<=[a-z0-9%)\u201d\u2019\"][.!?])(?=[A-Z\u201c\"][a-z\u2019' ]|\u201c)"
    r"|(?<=[a-z%][.!?])[\u201d\"](?=[A-Z\u201c][a-z ]))"
)
_SPACES_RE = re.compile(r"[ \t]{2,}|\t")
# Heading glued to its text: "About Applied MaterialsApplied Materials, Inc. (Nasdaq: AMAT) is ...".
# (Both start with the literal 'About ' and check the word boundary before it afterwards: the engine then skips
# straight to 'About ' instead of trying every position.)
_GLUED_ABOUT_RE = re.compile(r"About (?<=\bAbout )(?:the )?(?P<name>[A-Z][\w.&'\u2019\- ]{1,60}?)(?=(?P=name)[\s,(])")
# "About Ulta BeautyAt Ulta Beauty (NASDAQ: ULTA), ...": a heading glued to the sentence that opens the section.
_GLUED_ABOUT_OPENER_RE = re.compile(
    r"About (?<=\bAbout )(?P<name>[A-Z][\w.&'\u2019\- ]{1,60}?[a-z0-9.)])(?=(?:At|The|Founded|Headquartered|Since|With|As|For|"
    r"Established|Based|Our|We|In|Today|Located|Celebrating|Serving)\s)"
)
# "Altria Group, Inc. (MO)Lifshitz & Miller announces ...": a symbol in brackets glued to the next sentence.
_GLUED_SYMBOL_RE = re.compile(r"(\([A-Z]{1,6}\))(?=[A-Z][a-z])")
_GLUED_HEADINGS_RE = re.compile(
    r"(?<=[a-z0-9.)])(?=(?:Forward[- ]Looking Statements?|Safe Harbor Statement|Cautionary (?:Note|Statement)[\w ]{0,40}"
    r"|Media Contacts?:?|Investor Contacts?:?|Press Contacts?:?|Contacts?:|Contact Details|About (?:the )?[A-Z][\w&.\- ]{1,50}?"
    r"(?=[A-Z][a-z])|SOURCE\s)(?=\S))"
)


_HEADING_WORDS = ("Forward", "Safe", "Cautionary", "Media", "Investor", "Press", "Contact", "About", "SOURCE")
_HEADING_WORDS_RE = re.compile(rf"[a-z0-9.)](?:{'|'.join(_HEADING_WORDS)})")
# The words alone: every alternative starts with a fixed capital, so the engine skips to those capitals quickly.
_ANY_HEADING_WORD_RE = re.compile("|".join(_HEADING_WORDS))
# What every _GLUED_RE match has: a sentence end, perhaps a closing quote, then a capital or an opening quote.
_GLUED_HINT_RE = re.compile(r"[.!?][\u201d\"]?[A-Z\u201c\"]")
# A sentence end before what _GLUED_HINT_RE needs after it, one pattern for each of the three characters: each
# starts with a fixed character, which the regex engine finds several times faster than one of a set.
_SENTENCE_END_HINT = r"(?=[\u201d\"]?[A-Z\u201c\"])"
_SENTENCE_END_HINT_RES = tuple((end, re.compile(re.escape(end) + _SENTENCE_END_HINT)) for end in ".!?")
# The characters _HEADING_WORDS_RE wants before a heading word.
_BEFORE_GLUED_HEADING = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.)")
_HEADING_WORDS_BYTES = tuple(word.encode("ascii") for word in _HEADING_WORDS)
# A byte's class for finding glued headings: 'a' for a character _HEADING_WORDS_RE wants before a heading word, 'B'
# for the first letter of a heading word, ' ' for any other. Glued headings start where 'aB' is.
_GLUE_CLASSES = bytes(
    ord("a") if chr(byte) in _BEFORE_GLUED_HEADING else ord("B") if byte in {w[0] for w in _HEADING_WORDS_BYTES} else 32
    for byte in range(256)
)
_GLUE_POINT_RE = re.compile(rb"B(?<=aB)")
# What every _GLUED_SYMBOL_RE match has: a ')' before a capital and a lower-case letter.
_GLUED_SYMBOL_HINT_RE = re.compile(r"\)(?=[A-Z][a-z])")


_WHITESPACE_RE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Text with every run of whitespace, line breaks included, made one space, and trimmed."""
    # What _WHITESPACE_RE.sub(" ", text).strip() gives: \s, str.split() and str.strip() share one idea of whitespace.
    return " ".join(text.split())


def clean_inline(text: str) -> str:
    """Decode entities, reduce Markdown links and emphasis to their text, make every space a plain space."""
    if "&" in text:  # html.unescape returns text without one unchanged
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
    if "\\#" in text:
        text = text.replace("\\#", "#")
    return _clean_spacing(text)


def _clean_spacing(text: str) -> str:
    """The steps of clean_inline after the markup ones: odd spaces, hidden e-mail addresses, runs of spaces."""
    if not text.isascii():
        text = _ZERO_WIDTH_RE.sub("", _ODD_SPACE_RE.sub(" ", text))
    if "[email" in text:
        text = text.replace("[email protected]", "").replace("[email\u00a0protected]", "")
    if "  " in text or "\t" in text:  # what _SPACES_RE needs to match
        text = _SPACES_RE.sub(" ", text)
    return text.strip()


# What each markup step of clean_inline looks for before it runs.
_MARKUP_MARKERS = ("&", "](", "<http", "*", "_", "\\#")


def clean_inline_all(texts: list[str], *, spaced: bool = True) -> list[str]:
    """clean_inline of each text, with one scan of them all for what its steps look for instead of ten per text.

    The texts are joined by a character none of the markers holds, so a marker is in the joined text exactly when
    it is in one of the texts. A text with no markup marker goes through none of the markup steps, so only the
    spacing ones. ASCII text is left so by those steps too: then "[email", two spaces or a tab not in the joined
    text is in none of the texts, and only strip() is left to do. spaced=False: the caller knows that no text holds
    two spaces in a row (split_paragraphs_spaced says so), which saves the slowest of these scans.
    """
    joined = "\x00".join(texts)
    # A marker's first character is rare in text ('&', ']', '<', '*', '_', '\\', '['): looking for one character
    # (memchr) is many times faster than for a string, so the string is looked for only where that one is found.
    markup = [marker for marker in _MARKUP_MARKERS if marker[0] in joined and marker in joined]
    spacing = (
        not joined.isascii() or "\t" in joined or ("[" in joined and "[email" in joined) or (spaced and "  " in joined)
    )
    cleaned = []
    for text in texts:
        if markup and any(map(text.__contains__, markup)):
            cleaned.append(clean_inline(text))
        elif spacing:
            cleaned.append(_clean_spacing(text))
        else:
            cleaned.append(text.strip())
    return cleaned


def links_in(text: str) -> list[str]:
    """Every link target in text, Markdown links included, in order and without repeats."""
    if "http" not in text and "www." not in text:
        return []
    found = []
    if "]" in text and "](" in text:  # every Markdown link has it (the one character is much the faster scan)
        found = [m.group(2) for m in _MD_LINK_RE.finditer(text) if m.group(2).startswith(("http://", "https://"))]
        text = _MD_LINK_RE.sub(" ", text)
    found += [m.group(0).rstrip(".,;:") for m in _find_urls(text)]
    return list(dict.fromkeys(u for u in found if u))


def _find_urls(text: str) -> list[re.Match]:
    """What _URL_RE.finditer(text) finds, tried only where a match can start: at 'http' or 'www.' in any case.

    _URL_RE is an alternation under re.I, which the regex engine tries at every position of a long text. No
    character outside ASCII matches 'h', 't', 'p', 'w' or '.' under re.I, so the text as ASCII bytes (one '?' for
    each other character, which keeps every position where it is) with its letters lower-cased finds every start.
    """
    lowered = text.encode("ascii", "replace").lower()
    found = []
    pos = 0
    # The next 'http' and 'www.' at or after pos (-1: none left), each looked for again only once pos has passed it.
    next_http, next_www = lowered.find(b"http"), lowered.find(b"www.")
    while True:
        if 0 <= next_http < pos:
            next_http = lowered.find(b"http", pos)
        if 0 <= next_www < pos:
            next_www = lowered.find(b"www.", pos)
        starts = [i for i in (next_http, next_www) if i >= 0]
        if not starts:
            return found
        start = min(starts)
        match = _URL_RE.match(text, start)  # \b still sees the character before start
        if match:
            found.append(match)
            pos = match.end()
        else:
            pos = start + 1


def _is_address_char(char: str) -> bool:
    return char.isalnum() or char in "_.+-"  # [\w.+-]: \w is a letter, a digit or '_'


def address_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    r"""What pattern.finditer(text) finds, for a pattern that starts (?<![\w.+-])[\w.+-]+@ (an e-mail address).

    The regex engine tries such a pattern at every position. A match's local part is the whole run of [\w.+-]
    characters that ends at an '@' ('@' is not one of them, so the run cannot reach past it), so trying the pattern
    only where such a run starts, found from each '@', gives the same matches. A run that starts inside the last
    match is skipped: finditer resumes inside it, where the look-behind sees a [\w.+-] character and fails.
    """
    found: list[re.Match] = []
    resume = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > 0 and _is_address_char(text[start - 1]):
            start -= 1
        if resume <= start < at:
            match = pattern.match(text, start)
            if match:
                found.append(match)
                resume = match.end()
        at = text.find("@", at + 1)
    return found


def repair_glued(text: str) -> str:
    """Split paragraphs that lost their break: 'worldwide.The acquisition' becomes two paragraphs."""
    # Every glued heading starts with one of these words: a quick scan for them rules most paragraphs out.
    glued_heading = bool(_ANY_HEADING_WORD_RE.search(text) and _HEADING_WORDS_RE.search(text))
    # _GLUED_RE begins with a look-behind, so the regex engine tries it at every position; a glue point always
    # has a sentence end straight before a capital or an opening quote, which this plain character scan finds.
    return _repair(text, glued_heading, bool(_GLUED_HINT_RE.search(text)))


def repair_glued_all(paragraphs: list[str]) -> list[str]:
    """repair_glued of each paragraph, with scans of them all for what it looks for instead of several per paragraph.

    The scans run over the paragraphs joined by a character that no hint can match across (control characters
    are gone from cleaned text); only the paragraphs they find are repaired, the rest come back as they are. The
    repairs only insert breaks and drop an 'About' heading's 'the ', so they never make a heading glued, a sentence
    end glued or a symbol glued that was not before: what the scans rule out before them stays ruled out after them.
    """
    if len(paragraphs) < 2:
        return [repair_glued(text) for text in paragraphs]
    joined = "\x00".join(paragraphs)
    starts = []
    offset = 0
    for text in paragraphs:
        starts.append(offset)
        offset += len(text) + 1

    def indexes(positions: Iterable[int]) -> set[int]:
        return {bisect_right(starts, at) - 1 for at in positions}

    glued_heading = indexes(_glued_heading_starts(joined))
    sentence_end = set()
    for end, pattern in _SENTENCE_END_HINT_RES:
        if end in joined:  # a one-character scan, faster than the pattern's
            sentence_end |= indexes(hint.start() for hint in pattern.finditer(joined))
    # The repairs tried without a hint need "About " (both 'About' ones) or a ')' before a capital and a lower-case
    # letter (a glued symbol): paragraphs with neither are left as they are.
    glued_other = indexes(_find_all(joined, "About ")) | indexes(
        m.start() for m in _GLUED_SYMBOL_HINT_RE.finditer(joined)
    )
    repaired = list(paragraphs)
    for i in glued_heading | sentence_end | glued_other:
        repaired[i] = _repair(paragraphs[i], i in glued_heading, i in sentence_end)
    return repaired


def _find_all(text: str, part: str) -> Iterator[int]:
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _glued_heading_starts(joined: str) -> list[int]:
    """Where _HEADING_WORDS_RE would find a heading word in joined: after a lower-case letter, digit, '.' or ')'.

    The text as ASCII bytes (one '?' for each other character, which keeps every position where it is) mapped to
    _GLUE_CLASSES has 'aB' where such a character stands before a heading word's first letter, which
    _GLUE_POINT_RE finds as fast as a fixed character.
    """
    raw = joined.encode("ascii", "replace")
    classes = raw.translate(_GLUE_CLASSES)
    return [m.start() for m in _GLUE_POINT_RE.finditer(classes) if raw.startswith(_HEADING_WORDS_BYTES, m.start())]


def _repair(text: str, glued_heading: bool, sentence_end: bool) -> str:
    if "About " in text:
        text = _GLUED_ABOUT_RE.sub(lambda m: f"\n\nAbout {m.group('name')}\n\n", text)
        text = _GLUED_ABOUT_OPENER_RE.sub(lambda m: f"\n\nAbout {m.group('name')}\n\n", text)
    if ")" in text:
        text = _GLUED_SYMBOL_RE.sub("\\1\n\n", text)
    # Both checks were made before the repairs above, which cannot create what they look for (see repair_glued_all);
    # they are made again on the repaired text, as before.
    if glued_heading and _ANY_HEADING_WORD_RE.search(text) and _HEADING_WORDS_RE.search(text):
        text = _break_before_headings(text)
    if sentence_end and _GLUED_HINT_RE.search(text):
        text = _GLUED_RE.sub("\\g<0>\n\n", text)
    return text


def _break_before_headings(text: str) -> str:
    """What _GLUED_HEADINGS_RE.sub("\\n\\n", text) gives: a paragraph break where a glued heading starts.

    That pattern matches an empty string and opens with a look-behind, so the engine tries it at every position;
    each of its headings starts with one of _HEADING_WORDS (which cannot overlap one another), so trying it only
    where such a word starts finds the same places. (match(text, pos) looks behind pos as search does.)
    """
    cuts = [m.start() for m in _ANY_HEADING_WORD_RE.finditer(text) if _GLUED_HEADINGS_RE.match(text, m.start())]
    if not cuts:
        return text
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "\n\n".join(pieces)


# Bullet lines and headings start a paragraph of their own even without a blank line before them.
_BULLET_LINE_RE = re.compile(r"\n[ \t]*(?=(?:[*\u2022\u25cf\u25aa]|-(?!-)|#{1,6})\s+\S)")
# Some exports mark paragraph breaks with runs of spaces inside one line ("...greater.  With ...").
# (The look-behind comes after the first space or tab, (?<=[.!?:\u201d\"][ \t]), so that the regex engine only tries
# positions holding one, rather than every position. In text without tabs the same gap starts with two spaces, a
# fixed string the engine finds faster still.)
_SPACED_BREAK_RE = re.compile(r"[ \t](?<=[.!?:\u201d\"][ \t])[ \t]+(?=[A-Z\u201c\"])")
_SPACED_BREAK_NO_TABS_RE = re.compile(r"  (?<=[.!?:\u201d\"]  ) *(?=[A-Z\u201c\"])")
# Such an export's "About" heading has no full stop to break at: "About Acme Dental  Acme Dental is ..." (its name,
# capitalised words, then the run of spaces); "About Us" is no name.
_SPACED_ABOUT_RE = re.compile(
    r"^([ \t]*(?:About|ABOUT)\s+(?!Us\b|US\b)[A-Z\u00c0-\u00de][\w&'\u2019.\-]*(?: [A-Z\u00c0-\u00de&][\w&'\u2019.\-]*){0,5})"
    r"[ \t]{2,}(?=[A-Z\u00c0-\u00de\u201c\"])",
    re.M,
)
_BLANK_LINE_RE = re.compile(r"\n\s*\n")
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "\u201d", '"')
# A word all in lower case, as a sentence's rest starts ("and", "the"; not "eBay", "iPhone", "www.").
_LOWER_WORD_RE = re.compile(r"[a-z]+(?:[\s,;)]|$)")
_MONTH_END_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$")
# A day that goes on with its year or the dateline's dash: "4, 2021 --", "7 --".
_DAY_START_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4}|\s*(?:--|[\-\u2013\u2014/(]))")


_COLUMN_GAP_RE = re.compile(r"\S {3,}\S")


def join_centred(lines: list[str], limit: int = 40) -> list[str]:
    """A headline centred over several lines of fixed-width text (an EDGAR text exhibit, a PDF's layout text) as one
    line: a long line and the next one, with no blank line between, indented around the same centre."""
    out: list[str] = []
    centre_before, indent_before = None, 0
    for at, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        centre = None
        if at < limit and indent and stripped and not _COLUMN_GAP_RE.search(stripped):
            centre = indent + len(stripped) / 2
        if (
            centre is not None
            and centre_before is not None
            and abs(centre - centre_before) <= 2
            and max(indent, indent_before) >= 4  # a line nearly as wide as the page stands out by little
            and len(out[-1].strip()) >= 40
        ):
            before = out[-1].rstrip()
            # "... its AI-" | "Powered Platform": a compound broken at its hyphen keeps it, with no space
            out[-1] = f"{before}{stripped}" if re.search(r"[A-Za-z]-$", before) else f"{before} {stripped}"
            continue
        out.append(line)
        centre_before, indent_before = centre, indent
    return out


def _wrapping_length(line: str) -> int:
    """A line's length less its words of over 30 characters (links): what a wrapped line's width shows."""
    return len(line) - sum(len(word) for word in line.split() if len(word) > 30)


_CLOSING_SOON_RE = re.compile(r"^[^()\n]{1,40}\)")


def closes_bracket(prev: str, line: str) -> bool:
    """Whether a line closes soon a bracket the line before left open: "Acme Inc. (NYSE:" / "ACME) today said"."""
    return "(" in prev and prev.count("(") > prev.count(")") and bool(_CLOSING_SOON_RE.match(line))


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs on blank lines, bullets and wide gaps; lines inside a paragraph are joined."""
    return split_paragraphs_spaced(text)[0]


def _split_spaced_abouts(text: str) -> str:
    """The text with a paragraph break after each "About <Name>" heading a run of spaces sets off (_SPACED_ABOUT_RE),
    tried only at the lines that open with the word: the same as the pattern's sub at a third of its time."""
    hits = []
    for word in ("About", "ABOUT"):
        at = text.find(word)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            if not text[start:at].strip(" \t"):
                hits += filter(None, [_SPACED_ABOUT_RE.match(text, start)])
            at = text.find(word, at + len(word))
    out, last = [], 0
    for m in sorted(hits, key=lambda m: m.start()):
        if m.start() >= last:
            out += [text[last : m.end(1)], "\n\n"]
            last = m.end()
    return "".join(out) + text[last:] if out else text


def split_paragraphs_spaced(text: str) -> tuple[list[str], bool]:
    """split_paragraphs(text), and False when no paragraph holds two spaces in a row (True: some may).

    Paragraphs are stripped lines joined by one space, so two spaces in a row in one of them were in the text
    already: the text is looked at for them here anyway, and a caller need not look at the paragraphs again.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:  # the bullet rule needs a line break
        text = _BULLET_LINE_RE.sub("\n\n", text)
    spaced = True
    if "\t" in text:  # the wide-gap rule needs two spaces or a tab
        text = _SPACED_BREAK_RE.sub("\n\n", text)
    elif "  " in text:
        text = _SPACED_BREAK_NO_TABS_RE.sub("\n\n", text)
    else:
        spaced = False
    if spaced and ("About" in text or "ABOUT" in text):
        text = _split_spaced_abouts(text)
    if "\n" not in text:
        # One line (most cleaned paragraphs): one paragraph, as the general loop below would give.
        line = text.strip()
        return ([line] if line else []), spaced
    paragraphs = []
    for block in _BLANK_LINE_RE.split(text):
        if "\n" not in block:  # one line: the loop below would give it stripped, if anything is left
            line = block.strip()
            if line:
                paragraphs.append(line)
            continue
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        # Hard-wrapped lines run to about the same width and are joined; a short line or a finished sentence
        # ends a paragraph (contact blocks, headings and paragraphs without blank lines between them).
        # The width the lines were wrapped at: a word too long to wrap (a link) stands past it and does not set it.
        width = max(_wrapping_length(line) for line in lines)
        current = [lines[0]]
        for prev, line in zip(lines, lines[1:], strict=False):
            # prev is stripped, so ending with one of these is what the former r"[.!?:;\u201d\"]$" search tested.
            wrapped = width >= 50 and len(prev) >= 0.7 * width and not prev.endswith(_SENTENCE_ENDS)
            if not wrapped:
                # A ragged wrap: a date cut after its month ("SPRINGFIELD, Ill., March" / "4, 2021 --"), or a line
                # that goes on with a lower-case word ("... a plant that" / "and lowers the cost").
                wrapped = (
                    (line[:1].isdigit() and bool(_DAY_START_RE.match(line) and _MONTH_END_RE.search(prev)))
                    or (
                        # (both lines of prose: "or" alone between two contacts stays apart)
                        not prev.endswith(_SENTENCE_ENDS)
                        and len(prev) >= 25
                        and len(line) >= 15
                        and bool(_LOWER_WORD_RE.match(line))
                    )
                    or closes_bracket(prev, line)
                )
            if wrapped:
                current.append(line)
            else:
                paragraphs.append(" ".join(current))
                current = [line]
        paragraphs.append(" ".join(current))
    return paragraphs, spaced


_BULLET_MARK_RE = re.compile(r"^(?:[*\u2022\u25cf\u25aa\-]|#{1,6})\s+")


def strip_bullet(paragraph: str) -> str:
    """A paragraph without its leading bullet mark or Markdown heading hashes."""
    return _BULLET_MARK_RE.sub("", paragraph, count=1).strip()


_ABBREVIATION_END_RE = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Intl|St|Mass|Calif|Conn|Fla|Ill|Wash)|\b[A-Z]\.[A-Z])\.$", re.I
)


def trim_period(name: str) -> str:
    """A name without a sentence's full stop, keeping an abbreviation's ('Acme Corp.' stays, 'Acme Labs.' loses it)."""
    name = name.rstrip(" ,;")
    if name.endswith(".") and not _ABBREVIATION_END_RE.search(name):
        name = name[:-1].rstrip()
    return name
