"""The parser's text scans find what their regexes find, one text at a time: cleanup, headings, phones, editorial
words."""

from __future__ import annotations

import functools
import json
import random
import re
from pathlib import Path

import pytest
from build_helpers import synth

from indexer.parse import assemble, classify, cleanup, names, sections

DATA = Path(__file__).parent / "data" / "parser_labels.jsonl"


@functools.cache
def _paragraph_lists() -> list[list[str]]:
    """Paragraphs as the parser cleans them: synthetic releases, real headlines and texts written to hit each rule."""
    lists = [cleanup.split_paragraphs(text) for _, text in synth().generate(120, seed=11)]
    lists.append([json.loads(line)["headline"] for line in DATA.read_text(encoding="utf-8").splitlines() if line])
    lists.append(
        [
            "resultsAbout Acme Corp.",
            "worldwide.The acquisition closes in May.",
            'He said "yes."The deal closed.',
            "It rose 5%.\u201cWe are pleased,\u201d he said.",
            "Forward-looking statements hereSafe Harbor Statement",
            "in 2024Media Contacts: Jane Doe",
            "Altria Group, Inc. (MO)Lifshitz & Miller announces an investigation",
            "About the AcmeAcme is a maker of widgets.",
            "About Ulta BeautyAt Ulta Beauty (NASDAQ: ULTA), we ...",
            "Acme (ACM)Press Contact: a@b.com",
            "U.S. sales grew; Q&A with the CEO. Investors:Contact us",
            "Caf\u00e9 news.The end\u2019s near. Press release\u00a0text  with  gaps",
            "**Bold** and _italic_ text, &amp; an entity, [a link](https://x.com) and <https://y.com>",
            "email: [email\u00a0protected] or [email protected] \\#tag\tand a tab",
            "\u200bhidden [\u200bemail protected] zero-width",
            "",
        ]
    )
    return lists


def test_paragraphs_repaired_together_are_repaired_as_one_at_a_time():
    """repair_glued_all's scans of all paragraphs at once rule out only paragraphs repair_glued leaves alone."""
    repaired = 0
    for paragraphs in _paragraph_lists():
        expected = [cleanup.repair_glued(text) for text in paragraphs]
        assert cleanup.repair_glued_all(paragraphs) == expected
        repaired += sum(a != b for a, b in zip(paragraphs, expected, strict=True))
    assert repaired >= 8  # the crafted paragraphs exercise every repair


def test_glued_heading_starts_are_where_the_heading_pattern_finds_them():
    """The byte scan finds every place _HEADING_WORDS_RE finds a glued heading (one heading word after another)."""
    found = 0
    for paragraphs in _paragraph_lists():
        joined = "\x00".join(paragraphs)
        # Every word after a character _HEADING_WORDS_RE wants before it, each looked for on its own.
        expected = [m.start() for w in cleanup._HEADING_WORDS for m in re.finditer(rf"(?<=[a-z0-9.)]){w}", joined)]
        assert bool(expected) == bool(cleanup._HEADING_WORDS_RE.search(joined))
        assert cleanup._glued_heading_starts(joined) == sorted(set(expected))
        found += len(expected)
    assert found >= 4


@pytest.mark.parametrize("word", cleanup._HEADING_WORDS)
def test_every_heading_word_is_looked_for(word):
    """Each heading word, glued, is found: dropping one from the list makes this fail."""
    assert cleanup._glued_heading_starts(f"the end{word} here") == [7]


def test_paragraphs_cleaned_together_are_cleaned_as_one_at_a_time():
    """clean_inline_all skips a step only for paragraphs where clean_inline's own check would skip it."""
    for paragraphs in _paragraph_lists():
        assert cleanup.clean_inline_all(paragraphs) == [cleanup.clean_inline(text) for text in paragraphs]
    # Each marker alone in a paragraph, beside plain ones: dropping a marker from the list makes this fail.
    samples = {"&": "fish &amp; chips", "](": "see [the site](x)", "<http": "at <https://acme.com>", "*": "a *big* day",
               "_": "an _odd_ one", "\\#": "tag \\#one"}  # fmt: skip
    assert set(samples) == set(cleanup._MARKUP_MARKERS)
    for sample in samples.values():
        paragraphs = [" plain  text ", sample, "x"]
        cleaned = cleanup.clean_inline_all(paragraphs)
        assert cleaned == [cleanup.clean_inline(text) for text in paragraphs]
        assert cleaned[1] != sample


def test_one_line_is_the_whitespace_pattern():
    """str.split() and the \\s pattern agree on every character of whitespace."""
    spaces = "".join(chr(code) for code in range(0x3100) if chr(code).isspace() or re.match(r"\s", chr(code)))
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(spaces + "ab.") for _ in range(rng.randint(0, 12)))
        assert cleanup.one_line(text) == cleanup._WHITESPACE_RE.sub(" ", text).strip()


def test_word_characters_are_what_the_pattern_keeps():
    """The byte deletion for ASCII text keeps what \\W does not match, in lower case, as the pattern does."""
    texts = [chr(code) for code in range(0x250)] + [p for ps in _paragraph_lists() for p in ps]
    for text in texts:
        assert assemble._word_characters(text) == assemble._NON_WORD_RE.sub("", text).lower()


def test_fold_of_ascii_text_is_its_case_fold():
    import unicodedata

    for code in range(128):
        char = chr(code)
        slow = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).casefold()
        assert names.fold(char) == slow


def test_phone_scan_finds_what_the_phone_pattern_finds():
    """_PHONE_SCAN_RE, written to start with a fixed set of characters, finds what PHONE_RE finds."""
    texts = ["\n\n".join(paragraphs) for paragraphs in _paragraph_lists()]
    texts += [
        "+1 212 555 1234", "(212) 555-1234", "x+1 212 555 1234", "a(212) 555-1234", "Tel: +44 (0)20 7946 0958",
        "1-877-870-7165 (domestic)", "+(12) 345 678", "\u0661\u0662 345 6789", "9+12 345 678", "_12 345 678",
        "+12345 678 910", "(1)(2) 345 678", "Call 1.800.555.0199 or +33 1 23 45 67 89.",
    ]  # fmt: skip
    rng = random.Random(5)
    texts += [
        "".join(rng.choice("0123456789+()-. \n\ta_\u0661x") for _ in range(rng.randint(1, 40))) for _ in range(20000)
    ]
    found = 0
    for text in texts:
        expected = sections.PHONE_RE.findall(text)
        assert sections._PHONE_SCAN_RE.findall(text) == expected, text
        found += len(expected)
    assert found > 100


EDITORIAL_HEADLINES = [
    "InvestorNewsBreaks \u2013 Acme Corp. Expands",
    "Editorial Coverage: Acme Shapes the Future",
    "A Q&A with the Founder of Acme",
    "Interview with Jane Doe of Acme",
    "Today Jane Doe Interviews the Acme CEO",
]


@pytest.mark.parametrize("headline", EDITORIAL_HEADLINES)
def test_editorial_headlines_pass_the_word_check(headline):
    """Each alternative of _EDITORIAL_RE is found: dropping its word from the list makes one of these fail."""
    assert classify._EDITORIAL_RE.search(headline)
    assert classify._editorial_headline(headline)


def test_editorial_word_check_rules_out_only_what_the_pattern_does():
    headlines = EDITORIAL_HEADLINES + [p for ps in _paragraph_lists() for p in ps]
    for headline in headlines:
        assert classify._editorial_headline(headline) == bool(classify._EDITORIAL_RE.search(headline))


def test_trailing_source_lines_hold_the_word():
    """The SOURCE pre-check: the pattern is case-sensitive and every match holds 'SOURCE'."""
    assert "SOURCE" in sections._TRAILING_SOURCE_RE.pattern
    assert sections._TRAILING_SOURCE_RE.flags & re.IGNORECASE == 0
    result = sections.split_sections(["Acme announced it.", "All rights reserved. SOURCE Acme Corp."])
    assert result.source_name == "Acme Corp."
