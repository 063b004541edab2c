"""Parser steps give what their plain rules give, on tricky inputs too: language, dateline, reading a file,
dates, control bytes, subjects."""

from __future__ import annotations

import codecs
import dataclasses
import functools
import random
import re
from collections import Counter

import pytest
from build_helpers import synthetic_texts

import indexer.parse as parse_module
from indexer import duplicates
from indexer.model import ParseError, Release
from indexer.parse import (
    MAX_FILE_BYTES,
    Source,
    _binary_reason,
    _read_up_to,
    assemble,
    cleanup,
    dates,
    decode,
    language,
    names,
    parse_bytes,
    read_source,
)
from indexer.parse.text import parse_text


@functools.cache
def _synth_texts() -> tuple[str, ...]:
    """150 synthetic releases' texts, drawn when a test first asks (not while every worker collects), of the
    sequence most tests write (its generator started once a process)."""
    return tuple(synthetic_texts(150))


def _plain_detect_language(text: str) -> str | None:
    """The plain language rule: every word counted, languages ranked by score, ties in list order."""
    found = re.findall(r"[a-zà-ÿ]+", text[:4000].lower())
    if len(found) < 5:
        return None
    counts = Counter(found)
    scores = {lang: sum(counts[w] for w in vocab) for lang, vocab in language._COMMON_WORDS.items()}
    ranked = sorted(scores, key=scores.get, reverse=True)
    best, second = ranked[0], ranked[1]
    if scores[best] >= 2 and scores[best] > scores[second] and scores[best] >= 0.05 * len(found):
        return best
    return None


def _language_texts() -> list[str]:
    rng = random.Random(41)
    vocab = sorted({w for words in language._COMMON_WORDS.values() for w in words})
    fillers = ["acme", "widget", "growth", "über", "société", "año", "x", "Ⅻ", "İstanbul", "ΣΑΣ", "straße"]
    texts = list(_synth_texts())
    texts += [
        "",
        "the and of",  # too short
        "the the la la widget widget widget",  # a tie between English and Spanish-or-French
        "de de de de de",  # shared by six languages: a tie
        "Der Vorstand und die Aktionäre der Gesellschaft für Technik, die sich im Jahr freuen.",
        "La société et les actionnaires de la société pour une année sur le marché.",
        "El consejo de la empresa y los accionistas de la compañía para una nueva etapa.",
        "A empresa não divulgou os dados para o mercado e os acionistas da empresa.",
        "Il consiglio di amministrazione della società che per la prima volta con gli azionisti.",
        "Het bestuur van de onderneming en de aandeelhouders voor een nieuw jaar met ook meer.",
        "the " * 3000,  # many words of one language, near the 4,000-character cut
        "the " * 511 + "widget",
        "the " * 510 + "la",
        "ΣΑΣ ΐΐΐ " * 900 + " the and",  # lower() makes this longer than 4,000 characters
        "\ud800 the and of to in lone surrogate",
    ]
    for _ in range(3000):
        count = rng.choice([3, 6, 20, 120, 500, 510, 511, 512, 513, 900])
        words = [rng.choice(vocab) if rng.random() < 0.6 else rng.choice(fillers) for _ in range(count)]
        texts.append(rng.choice([" ", ", ", "\n", "-"]).join(words))
    return texts


def test_language_is_the_ranking_of_counted_words():
    """detect_language gives the language the plain count-and-rank rule gives."""
    seen = Counter()
    for text in _language_texts():
        expected = _plain_detect_language(text)
        assert language.detect_language(text) == expected, text[:80]
        seen[expected] += 1
    # Every language, and no language (short texts, ties), is among the answers.
    assert set(seen) == set(language._COMMON_WORDS) | {None}


@pytest.mark.parametrize("ascii_bytes", [False, True])
def test_every_common_word_has_its_languages(ascii_bytes):
    """Dropping a word, or a language of a word, from the word tables makes this fail."""
    table = language._ASCII_LANGUAGES_OF if ascii_bytes else language._LANGUAGES_OF
    for lang, vocab in language._COMMON_WORDS.items():
        for word in vocab:
            if ascii_bytes and not word.isascii():
                assert word.encode("utf-8") not in table
                continue
            key = word.encode("ascii") if ascii_bytes else word
            assert sorted(table[key]) == sorted(
                other for other, words in language._COMMON_WORDS.items() if word in words
            )
            assert lang in table[key]


def _plain_opening_words(release: Release, count: int = duplicates.OPENING_WORDS) -> list[str]:
    """opening_words the plain way: the dateline pattern tried on every text, all words found."""
    text = f"{release.lede or ''}\n\n{release.body or ''}".strip()
    text = duplicates._LEADING_DATELINE_RE.sub("", text[:2000], count=1)
    return re.findall(r"[a-z0-9]+", text.lower())[:count]


@functools.cache  # drawn once for the two tests that read them (1.6 million draws)
def _dateline_texts() -> tuple[str, ...]:
    rng = random.Random(43)
    texts = list(_synth_texts())
    for dash in duplicates._DATELINE_DASHES:
        texts += [
            f"DENVER, Jan. 8, 2025 {dash} Acme today announced results for the year.",
            f"Thursday Jan 9, 2025 @ 7:00 AM America/Denver {dash} The board met.",
            f"No digits here {dash} none at all, so nothing goes.",
            f"Line 1 has a digit\n{dash} then the dash on the next line",
            f"Digit 7 and a break\n\n{dash}\n\nafter it",
            "x" * 200 + "7" + "y" * 199 + f" {dash} the last place a match can end",  # the dash at 401
            "x" * 200 + "7" + "y" * 200 + f" {dash} one too far",  # the dash at 402
            "x" * 200 + "7" + "y" * 201 + f" {dash} beyond the pattern's reach",
            "x" * 201 + "7" + "y" * 10 + f" {dash} the digit too late",
            "7" * 2100 + f" {dash} only past the 2,000-character cut",
        ]
    # Digits, spaces, line breaks and dashes in random places near the 400th character.
    alphabet = ["a", "b", "7", " ", " ", "\n", "-", "--", "\u2014", "\u2013", "Q"]
    for _ in range(4000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.choice([20, 300, 390, 398, 402, 410, 700]))))
    return tuple(texts)


def test_opening_words_look_for_the_dateline_only_before_a_dash():
    """opening_words skips the dateline pattern only for texts it would not match."""
    matched = 0
    for text in _dateline_texts():
        for lede, body in ((text, ""), ("", text), (text[:50], text[50:])):
            release = Release(path="a", headline="h", lede=lede, body=body)
            assert duplicates.opening_words(release) == _plain_opening_words(release), text[:80]
        matched += bool(duplicates._LEADING_DATELINE_RE.match(text.strip()[:2000]))
    assert matched > 100


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 70_000, MAX_FILE_BYTES])
def test_read_source_reads_the_whole_file(tmp_path, size):
    """The descriptor read gives a file's bytes exactly, up to the size limit."""
    path = tmp_path / "release.txt"
    data = bytes(random.Random(size).randrange(256) for _ in range(min(size, 5000))) * (size // 5000 + 1)
    path.write_bytes(data[:size])
    assert read_source(str(path)) == Source(str(path), data[:size])


def test_read_source_says_why_it_cannot_read(tmp_path):
    with pytest.raises(ParseError, match="is a folder, not a file"):
        read_source(str(tmp_path))
    with pytest.raises(ParseError, match="no such file or folder"):
        read_source(str(tmp_path / "missing.txt"))


def test_read_up_to_stops_at_the_end_or_the_limit(tmp_path):
    path = tmp_path / "release.txt"
    path.write_bytes(b"x" * 100)
    with open(path, "rb", buffering=0) as handle:
        assert _read_up_to(handle, 30) == b"x" * 30
        assert _read_up_to(handle, 500) == b"x" * 70
        assert _read_up_to(handle, 5) == b""


def _spacing_texts() -> list[str]:
    rng = random.Random(47)
    texts = list(_synth_texts())
    pieces = ["a", "b.", "Word", " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\n- ", "\n* ", "\n## ", "\u00a0"]
    pieces += ["[email protected]", "[email", "&amp;", "[x](https://a.com)", "<https://b.com>", "*it*", "_it_", "\\#"]
    for _ in range(6000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))))
    return texts


def test_split_paragraphs_says_when_no_paragraph_has_two_spaces():
    """split_paragraphs_spaced gives split_paragraphs' paragraphs, and False only when none holds two spaces."""
    unspaced = 0
    for text in _spacing_texts():
        paragraphs, spaced = cleanup.split_paragraphs_spaced(text)
        assert paragraphs == cleanup.split_paragraphs(text)
        if not spaced:
            assert not any("  " in p for p in paragraphs), text
            unspaced += 1
        # Without the hint, the scans find what cleaning each paragraph alone finds.
        expected = [cleanup.clean_inline(p) for p in paragraphs]
        assert cleanup.clean_inline_all(paragraphs, spaced=spaced) == expected, text
        assert cleanup.clean_inline_all(paragraphs) == expected, text
    assert 500 < unspaced < 5000


@pytest.mark.parametrize("marker", cleanup._MARKUP_MARKERS)
def test_markers_are_found_by_their_first_character(marker):
    """A marker found after its first character is found in a paragraph beside plain ones (and only in it)."""
    paragraphs = ["plain", f"a {marker}x{marker} b", marker[1:] or "y"]
    assert cleanup.clean_inline_all(paragraphs) == [cleanup.clean_inline(p) for p in paragraphs]
    assert cleanup.clean_inline_all(paragraphs[::2]) == [p.strip() for p in paragraphs[::2]]


def test_words_are_the_word_pattern_runs():
    """duplicates._words gives what [a-z0-9]+ finds, in ASCII text (the byte split) and in other text (the regex)."""
    rng = random.Random(53)
    alphabet = [chr(code) for code in range(128)] + ["é", "\u212a", "İ", "ß", "\u00a0", "\u2028", "\x85"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    texts += [text.lower() for text in _synth_texts()]
    for text in texts:
        assert duplicates._words(text) == re.findall(r"[a-z0-9]+", text), text


def test_duplicate_keys_are_unchanged():
    """duplicate_key with the packed word and dateline scans gives the key of the plain steps."""
    import hashlib

    for text in _dateline_texts()[:3000]:
        release = Release(path="a", headline=text[:90], lede=text[:200], body=text[200:])
        headline = " ".join(re.findall(r"[a-z0-9]+", text[:90].lower()))
        opening = _plain_opening_words(release)
        expected = hashlib.sha1(f"{headline}|{' '.join(opening)}".encode()).hexdigest()[:16]
        assert duplicates.duplicate_key(release) == (expected if len(opening) >= duplicates.MIN_WORDS else "")


def _words_of(pattern: str) -> set[str]:
    """Every string a regex of literals, groups, alternatives and optional parts matches (a finite language)."""
    from re import _constants as c
    from re import _parser

    def expand(items) -> set[str]:
        out = {""}
        for op, arg in items:
            if op is c.LITERAL:
                options = {chr(arg)}
            elif op is c.SUBPATTERN:
                options = expand(arg[-1])
            elif op is c.BRANCH:
                options = set().union(*(expand(branch) for branch in arg[1]))
            elif op is c.MAX_REPEAT and arg[:2] == (0, 1):
                options = {""} | expand(arg[2])
            else:
                raise AssertionError(f"cannot list the words of {op}: extend _words_of")
            out = {a + b for a in out for b in options}
        return out

    return expand(_parser.parse(pattern))


def test_date_starts_hold_every_weekday_and_month():
    """Every weekday and month name DATE_RE knows is at least three letters long and starts as _WEEKDAY_STARTS say."""
    weekdays = _words_of(dates._WEEKDAY)
    assert {"Monday", "Tues.", "Wednesday", "Thurs", "Satur", "lundi", "miércoles", "sábado"} <= weekdays
    names = {w.lower() for w in weekdays} | set(dates.MONTHS)
    assert min(map(len, names)) >= 3
    assert {w.lower()[:3] for w in weekdays} == set(dates._WEEKDAY_STARTS)
    for name in names:
        if name[:3].isascii():
            assert dates._DATE_START_RE.match(name), name


def _plain_iter_dates(text: str) -> list[re.Match]:
    """iter_dates the plain way: DATE_RE tried at every position of the window around each year."""
    found: list[re.Match] = []
    end = 0
    for year in dates._YEAR_RE.finditer(text):
        if year.start() < end or not dates._may_be_date_year(text, year.start(), year.end()):
            continue
        window_start = max(end, year.start() - 48)
        for match in dates.DATE_RE.finditer(text, window_start, min(len(text), year.end() + 60)):
            if match.start() >= end and match.start() <= year.start() and match.end() >= year.end():
                found.append(match)
                end = match.end()
                break
    return found


def _date_texts() -> list[str]:
    rng = random.Random(59)
    weekdays = sorted(_words_of(dates._WEEKDAY))
    months = sorted(dates.MONTHS)
    texts = list(_synth_texts())
    for name in weekdays + months:
        for cased in (name, name.upper(), name.title()):
            texts += [f"{cased} 7, 2011", f"On {cased}, the 3 {cased} 2026 at 4:00 PM EST", f"x{cased} 12th, 2019 x"]
    pieces = ["Tuesday", "Sep", "Nov.", "mai", "de", "julio", "the", ",", " ", "  ", "\n", "7", "16", "3rd", "2025",
              "1999", "2024-03-08", "@ 4:00 AM", "Pacific", "(GLOBE NEWSWIRE)", "--", "é", "\u212a", "ſep", "İ", "a"]  # fmt: skip
    for _ in range(4000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
    return texts


def test_dates_tried_at_their_possible_starts_are_the_dates_tried_everywhere():
    """iter_dates, trying DATE_RE only where a date can start, finds the same matches as trying every position."""
    found = 0
    for text in _date_texts():
        expected = [(m.span(), m.groupdict()) for m in _plain_iter_dates(text)]
        assert [(m.span(), m.groupdict()) for m in dates.iter_dates(text)] == expected, text
        found += len(expected)
    assert found > 3000


def test_no_date_starts_where_the_start_pattern_finds_none():
    """At every position of ASCII text, DATE_RE matches only where _DATE_START_RE allows a date to start."""
    for text in _date_texts()[:1500]:
        if not text.isascii():
            continue
        possible = {m.start() for m in dates._DATE_START_RE.finditer(text.lower())}
        for start in range(len(text)):
            if dates.DATE_RE.match(text, start):
                assert start in possible, (text, start)


def _byte_texts() -> list[bytes]:
    rng = random.Random(61)
    samples = [text.encode("utf-8") for text in _synth_texts()[:60]]
    odd = [b"\x00", b"\x01", b"\x08", b"\x0b", b"\x1f", b"\x7f", b"\x09", b"\x0c", b"\r", b"\xed\xa0\x80", b"\xff",
           b"\x81", b"\x9d", b"\xc3\xa9", "\u2028".encode(), b"\xef\xbb\xbf"]  # fmt: skip
    texts = list(samples)
    for sample in samples:
        for _ in range(4):
            at = rng.randrange(len(sample))
            texts.append(sample[:at] + rng.choice(odd) + sample[at:])
        texts.append(b"\xef\xbb\xbf" + sample)
        texts.append(codecs.BOM_UTF16_LE + sample.decode("utf-8").encode("utf-16-le"))
    # Around the 8,192 bytes that are looked at: a control byte just inside and just past them.
    long = (b"Acme Opens a Plant\n\n" + b"word " * 2000)[:8190]
    texts += [long, long + b"\x01", long + b"ab\x01", long + b"abc", long + b"\x7f", long[:100] + b"\x7f" + long]
    return texts


def test_text_of_files_without_control_bytes_needs_no_second_look():
    """A file _binary_reason finds no control byte in decodes to text _valid_text leaves as it is, and parses the
    same whether build_release looks at its fields again or not."""
    checked = 0
    for data in _byte_texts():
        reason, clean = _binary_reason(data)
        assert reason == _plain_binary_reason(data)
        if reason is not None or not clean:
            continue
        checked += 1
        text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
        assert assemble._valid_text(text) == text
        for markdown in (False, True):
            fast = parse_text("a.txt", text, markdown=markdown, checked=True)
            plain = parse_text("a.txt", text, markdown=markdown)
            assert [dataclasses.asdict(r) for r in fast] == [dataclasses.asdict(r) for r in plain]
    assert checked > 60


def _plain_binary_reason(data: bytes) -> str | None:
    """_binary_reason's verdict the plain way."""
    for magic, what in parse_module._BINARY_MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({what}), not a release"
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if head.count(b"\x00") > len(head) // 100:  # a few NULs are PDF-extraction debris (issue 18)
        return "binary file, not a release"
    controls = len(head) - len(head.translate(None, parse_module._CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary file, not a release"
    return None


def test_control_characters_are_still_replaced():
    """A file with a control byte, or one past the bytes looked at, still has its control characters replaced."""
    long = "Acme Opens a Plant\n\n" + "word " * 2000
    for text in (
        "Acme\x01 Opens a Plant\n\nIt opened\x7f a plant.",
        long + "\x01 end",
        "Head\x7f\n\nbody of a release of a few words",
    ):
        (release,) = parse_bytes("a.txt", text.encode())
        assert "\x01" not in release.headline + release.body and "\x7f" not in release.headline + release.body


def _plain_subject_end(text: str, *, headline: bool = False) -> int:
    """names.subject_end the plain way: every token read in turn."""
    from itertools import chain, pairwise

    depth = 0
    in_apposition = False
    for i, (tok, following) in enumerate(pairwise(chain(names._TOKEN_RE.finditer(text[:400]), (None,)))):
        word = tok.group(0)
        if word == "(":
            depth += 1
            continue
        if word == ")":
            depth = max(0, depth - 1)
            if depth == 0 and following is not None and following.group(0).startswith(":"):
                return tok.end()
            continue
        if depth:
            continue
        if word in {",", ";"}:
            nxt = following.group(0) if following is not None else ""
            if in_apposition:
                in_apposition = False
                if nxt[:1].islower() or nxt.lower() in names.VERBS:
                    return tok.start()
                continue
            if names._LEGAL_WORD_RE.fullmatch(nxt):
                continue
            if nxt.lower().strip(".") in names._APPOSITION_STARTS or nxt.lower() in names._APPOSITION_STARTS:
                in_apposition = True
                continue
            if nxt[:1].isupper() or nxt[:1].isdigit():
                continue
            return tok.start()
        if word.endswith(":") and i > 0:
            return tok.end() - 1
        if in_apposition:
            continue
        bare = word.strip("\u201c\u201d\"'\u2019.")
        lowered = bare.lower()
        if i == 0:
            continue
        if headline and lowered in names.VERBS:
            return tok.start()
        if bare[:1].islower() and lowered not in names._NAME_JOINERS:
            return tok.start()
        if not headline and lowered in {"today", "announced", "announces", "reported", "reports"}:
            return tok.start()
    return min(len(text), 400)


def _subject_texts() -> list[str]:
    rng = random.Random(67)
    texts = []
    for text in _synth_texts():
        headline, _, rest = text.partition("\n\n")
        texts += [headline, rest[:600], rest.split("--", 1)[-1].strip()[:600]]
    pieces = ["Acme", "Corp.", "Inc.", "a", "an", "the", "which", "today", "announced", "reports", "Launches", "of",
              "(", ")", "((", "))", ",", ";", ":", "NYSE:", "ACME", "a:b", "Note::", "\u201cQuoted\u201d", "7", "x",
              "(NASDAQ: ACM):", "(ACM)", ", Inc.", ", a leader", ", LLC", "\u00e9t\u00e9", "Said:"]  # fmt: skip
    for _ in range(6000):
        texts.append(rng.choice([" ", ""]).join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))
    texts.append("Acme, a maker " + "of widgets " * 60 + ", today said")  # an apposition past the 400th character
    return texts


def test_subject_end_skipping_brackets_and_appositions_is_reading_every_token():
    """subject_end, passing over words inside brackets and appositions, ends the subject where reading every token
    in turn does."""
    ends = Counter()
    for text in _subject_texts():
        for headline in (False, True):
            expected = _plain_subject_end(text, headline=headline)
            assert names.subject_end.__wrapped__(text, headline=headline) == expected, (text, headline)
            ends[expected == min(len(text), 400)] += 1
    assert ends[True] > 200 and ends[False] > 2000
