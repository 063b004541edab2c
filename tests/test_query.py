"""The query language: every form parses to the tree it means, and malformed queries say how to fix them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from indexer.model import QueryError
from indexer.query import (
    MAX_CLAUSES,
    MAX_QUERY_LENGTH,
    And,
    DateRange,
    Deadline,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    Prefix,
    Ranked,
    Term,
    Wildcard,
    date_filter,
    parse_query,
    positive_leaves,
)

NOW = datetime(2026, 3, 15, 14, 30)


def tree(text: str, now: datetime = NOW):
    return parse_query(text, now=now).tree


# ---- Words, phrases and boolean logic -------------------------------------------------------------


def test_empty_query_matches_everything():
    assert tree("") == MatchAll()
    assert tree("   ") == MatchAll()


def test_plain_words_are_ranked_not_required():
    assert tree("conference call") == Ranked((Term("conference"), Term("call")))


def test_single_word():
    assert tree("acquisition") == Term("acquisition")


def test_phrase():
    assert tree('"top places"') == Phrase(("top", "places"))


def test_phrase_with_slop():
    assert tree('"top places"~3') == Phrase(("top", "places"), slop=3)


@pytest.mark.parametrize("slop", [0, 1, 20])
def test_a_phrase_distance_is_kept_inside_groups_and_fields(slop):
    assert tree(f'"brass fittings"~{slop}') == Phrase(("brass", "fittings"), slop=slop)
    assert tree(f'(headline:"brass fittings"~{slop})') == Phrase(("brass", "fittings"), "headline", slop)


def test_single_word_phrase_is_a_term():
    # A quoted word is that word form only, not its stem family.
    assert tree('"merger"') == Term("merger", exact=True)
    assert tree("merger") == Term("merger")


def test_and_makes_both_sides_required():
    assert tree("merger AND biotech") == And((Term("merger"), Term("biotech")))


def test_or():
    assert tree("merger OR acquisition") == Or((Term("merger"), Term("acquisition")))


def test_not_and_minus_exclude():
    assert tree("NOT lawsuit") == Not(Term("lawsuit"))
    assert tree("-lawsuit") == Not(Term("lawsuit"))
    assert tree("merger -lawsuit") == And((Not(Term("lawsuit")), Ranked((Term("merger"),))))


def test_minus_before_a_phrase_a_field_or_a_group():
    assert tree('-"class action" merger') == And((Not(Phrase(("class", "action"))), Ranked((Term("merger"),))))
    assert tree("-ticker:IMGN merger") == And((Not(Term("IMGN", "ticker")), Ranked((Term("merger"),))))
    assert tree("-(a OR b) merger") == And((Not(Or((Term("a"), Term("b")))), Ranked((Term("merger"),))))


def test_hyphen_inside_a_word_is_not_an_operator():
    assert tree("T-Mobile") == Term("T-Mobile")
    assert tree("Kimberly-Clark results") == Ranked((Term("Kimberly-Clark"), Term("results")))


def test_plus_makes_a_word_required():
    assert tree("+merger biotech") == And((Term("merger"), Ranked((Term("biotech"),))))


def test_groups():
    assert tree("(merger OR acquisition) biotech") == Ranked(
        (Or((Term("merger"), Term("acquisition"))), Term("biotech"))
    )
    assert tree("(merger OR acquisition) AND biotech") == And(
        (Or((Term("merger"), Term("acquisition"))), Term("biotech"))
    )


def test_lowercase_operators_are_words():
    assert tree("merger and acquisition") == Ranked((Term("merger"), Term("and"), Term("acquisition")))


def test_trailing_punctuation_is_dropped_from_words():
    assert tree("results, outlook.") == Ranked((Term("results"), Term("outlook")))


def test_words_are_kept_for_suggestions():
    parsed = parse_query('immunogen "conference call" -lawsuit ticker:IMGN')
    assert parsed.words == ["immunogen", "conference", "call", "lawsuit"]


def test_positive_leaves_skip_negated_parts():
    leaves = positive_leaves(tree('merger "top places" -lawsuit NOT fraud date:2011'))
    assert leaves == [Term("merger"), Phrase(("top", "places"))]


# ---- Fields --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("headline:merger", Term("merger", "headline")),
        ("title:merger", Term("merger", "headline")),
        ("body:merger", Term("merger", "body")),
        ("company:ImmunoGen", Term("ImmunoGen", "company")),
        ("wire:globe", Term("globe", "wire")),
        ("location:Waltham", Term("Waltham", "location")),
        ("type:earnings", Term("earnings", "type")),
        ("exchange:NASDAQ", Term("NASDAQ", "exchange")),
        ("ticker:IMGN", Term("IMGN", "ticker")),
        ("symbol:IMGN", Term("IMGN", "ticker")),
        ("HEADLINE:merger", Term("merger", "headline")),
    ],
)
def test_field_values(text, expected):
    assert tree(text) == expected


def test_ticker_with_exchange_keeps_its_colon():
    assert tree("ticker:NASDAQ:IMGN") == Term("NASDAQ:IMGN", "ticker")
    assert tree('ticker:"NASDAQ:IMGN"') == Term("NASDAQ:IMGN", "ticker")


def test_field_phrase():
    assert tree('company:"Willis Towers Watson"') == Phrase(("Willis", "Towers", "Watson"), "company")
    assert tree('wire:"Business Wire"') == Phrase(("Business", "Wire"), "wire")


def test_field_prefix():
    assert tree("ticker:IMG*") == Prefix("IMG", "ticker")
    assert tree("headline:immuno*") == Prefix("immuno", "headline")


def test_a_pasted_address_is_words_not_a_field():
    assert tree("https://example.com/news") == Term("https://example.com/news")


def test_a_field_clause_beside_words_is_required():
    assert tree("ticker:IMGN conference call") == And(
        (Term("IMGN", "ticker"), Ranked((Term("conference"), Term("call"))))
    )
    assert tree("headline:merger biotech") == And((Term("merger", "headline"), Ranked((Term("biotech"),))))


def test_field_clauses_joined_by_or_stay_alternatives():
    assert tree("ticker:IMGN OR ticker:AAPL") == Or((Term("IMGN", "ticker"), Term("AAPL", "ticker")))


# ---- Dates --------------------------------------------------------------------------------------


def day(y, m, d):
    return datetime(y, m, d)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("date:2011", day(2011, 1, 1), day(2012, 1, 1)),
        ("year:2011", day(2011, 1, 1), day(2012, 1, 1)),
        ("date:2011-10", day(2011, 10, 1), day(2011, 11, 1)),
        ("date:2011/10", day(2011, 10, 1), day(2011, 11, 1)),
        ("date:2011-12", day(2011, 12, 1), day(2012, 1, 1)),
        ("date:2011-10-20", day(2011, 10, 20), day(2011, 10, 21)),
        ("date:20111020", day(2011, 10, 20), day(2011, 10, 21)),
        ('date:"Oct 2011"', day(2011, 10, 1), day(2011, 11, 1)),
        ("date:Oct-2011", day(2011, 10, 1), day(2011, 11, 1)),
        ('date:"October 20, 2011"', day(2011, 10, 20), day(2011, 10, 21)),
        ("date:[2011-10-01 TO 2011-11-30]", day(2011, 10, 1), day(2011, 12, 1)),
        ("date:[2011-10 TO 2011-11]", day(2011, 10, 1), day(2011, 12, 1)),
        ("date:{2011-10-01 TO 2011-11-30}", day(2011, 10, 2), day(2011, 11, 30)),
        ("date:2011-10-20..2011-11-01", day(2011, 10, 20), day(2011, 11, 2)),
        ("date:>2011-10-01", day(2011, 10, 2), None),
        ("date:>=2011-10-01", day(2011, 10, 1), None),
        ("date:<2012", None, day(2012, 1, 1)),
        ("date:<=2012", None, day(2013, 1, 1)),
    ],
)
def test_absolute_dates(text, start, end):
    assert tree(text) == DateRange(start, end)


def test_open_ranges():
    assert tree("date:[2011-10-01 TO *]") == DateRange(day(2011, 10, 1), None)
    assert tree("date:[* TO 2011]") == DateRange(None, day(2012, 1, 1))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("date:today", day(2026, 3, 15), day(2026, 3, 16)),
        ("date:now", day(2026, 3, 15), day(2026, 3, 16)),
        ("date:yesterday", day(2026, 3, 14), day(2026, 3, 15)),
        ("date:>-30d", day(2026, 2, 14), None),
        ("date:>=-2w", day(2026, 3, 1), None),
        ("date:>-6m", day(2025, 9, 16), None),
        ("date:>-1y", day(2025, 3, 16), None),
        ("date:-7d", day(2026, 3, 8), day(2026, 3, 16)),
        ("date:7d", day(2026, 3, 8), day(2026, 3, 16)),  # no sign: the past 7 days too, not the one day 7 days ago
        ("date:2w", day(2026, 3, 1), day(2026, 3, 16)),
        ("date:+7d", day(2026, 3, 22), day(2026, 3, 23)),  # ahead: that one day
        ("date:[-7d TO today]", day(2026, 3, 8), day(2026, 3, 16)),
    ],
)
def test_relative_dates_count_from_now(text, start, end):
    assert tree(text) == DateRange(start, end)


def test_now_is_read_at_each_query_not_frozen():
    assert tree("date:today", now=day(2030, 1, 2)) == DateRange(day(2030, 1, 2), day(2030, 1, 3))
    assert tree("date:today", now=day(2031, 5, 6)) == DateRange(day(2031, 5, 6), day(2031, 5, 7))
    # Without an explicit now, the clock is read for each query.
    before = datetime.now()
    found = parse_query("date:>-1d").tree
    after = datetime.now()
    assert (before - timedelta(days=1)).date() <= (found.start - timedelta(days=1)).date() <= after.date()


def test_a_query_asked_again_the_same_day_parses_the_same_with_words_of_its_own():
    first = parse_query("merger date:>-30d")
    first.words.append("changed")
    second = parse_query("merger date:>-30d")
    assert second.tree == first.tree and "changed" not in second.words


@pytest.mark.parametrize("text", ["date:today", "date:>-1d", "merger date:-7d"])
def test_a_query_asked_again_the_next_day_counts_its_dates_from_that_day(text, monkeypatch):
    import indexer.query

    class Clock(datetime):
        current = day(2030, 1, 2) + timedelta(hours=23, minutes=59)

        @classmethod
        def now(cls, tz=None):
            return cls.current

    monkeypatch.setattr(indexer.query, "datetime", Clock)
    assert parse_query(text).tree == tree(text, now=Clock.current)
    Clock.current = day(2030, 1, 3) + timedelta(minutes=1)
    assert parse_query(text).tree == tree(text, now=Clock.current) != tree(text, now=day(2030, 1, 2))


def test_date_combines_with_words():
    assert tree("merger date:2011") == And((DateRange(day(2011, 1, 1), day(2012, 1, 1)), Ranked((Term("merger"),))))


def test_date_filter_includes_both_days():
    assert date_filter(day(2011, 10, 1).date(), day(2011, 10, 31).date()) == DateRange(
        day(2011, 10, 1), day(2011, 11, 1)
    )
    assert date_filter(None, None) is None
    with pytest.raises(QueryError, match="after the 'to' date: swap them"):
        date_filter(day(2011, 11, 1).date(), day(2011, 10, 1).date())


# ---- Wildcards and fuzzy ----------------------------------------------------------------------------


def test_prefix_and_wildcards():
    assert tree("immuno*") == Prefix("immuno")
    assert tree("immu?ogen") == Wildcard("immu?ogen")
    assert tree("im*gen") == Wildcard("im*gen")


def test_fuzzy():
    assert tree("immunogen~") == Fuzzy("immunogen", distance=1)
    assert tree("immunogen~2") == Fuzzy("immunogen", distance=2)
    assert tree("headline:immunogen~") == Fuzzy("immunogen", "headline", 1)


# ---- Errors: what is wrong and how to write it ------------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        ('"conference call', r"unbalanced quote at position 1: close the phrase"),
        ("(merger OR acquisition", r"unbalanced '\(' at position 1: add a matching '\)'"),
        ("merger)", r"unbalanced '\)' at position 7: remove it"),
        ("()", r"empty group: put words inside the parentheses"),
        ("date:[2011-10-01 TO 2011-11-30", r"unclosed bracket: write a range as date:\[2011-10-01 TO 2011-11-30\]"),
        ("date:2011-10-01 TO 2011-11-30]", r"unexpected '\]' at position 30"),
        ("foo:bar", r"unknown field 'foo': use one of .*headline.*ticker.*, e\.g\. ticker:IMGN"),
        ("date:2011-13", r"bad month in '2011-13': write dates as 2011, 2011-10"),
        ("date:2011-02-30", r"no such day as '2011-02-30'"),
        ("date:garbage", r"cannot read the date 'garbage': write dates as"),
        ("date:20", r"cannot read the date '20'"),
        ("date:October", r"cannot read the date 'October'"),
        ("date:1800", r"the year 1800 is out of range"),
        ("date:[2012 TO 2011]", r"the date range '\[2012 TO 2011\]' is empty: put the earlier date first"),
        ("date:[2011]", r"bad date range '\[2011\]'"),
        ("merger AND", r"AND needs a word on both sides"),
        ("AND merger", r"AND needs a word on both sides"),
        ("merger OR", r"OR needs a word on both sides"),
        ("OR merger", r"OR needs a word on both sides"),
        ("NOT", r"NOT needs a word after it"),
        ("merger NOT", r"NOT needs a word after it"),
        ("headline:", "'headline:' needs a value right after it, e.g. headline:merger"),
        ("merger ticker:", "'ticker:' needs a value right after it, e.g. ticker:IMGN"),
        ("date: ", "'date:' needs a value right after it, e.g. date:2011-10"),
        ("(company:)", "'company:' needs a value after it, e.g. company:immunogen"),
        ("(", r"unbalanced '\(' at position 1: add words and a matching '\)'"),
        ("merger (", r"unbalanced '\(' at position 8"),
        ("cik:abc", r"a CIK is a number \(leading zeros optional\), e\.g\. cik:320193, not 'abc'"),
        ("cik:12a", r"a CIK is a number"),
        ("ticker:(a OR b)", r"write one value after 'ticker:'.*ticker:a OR ticker:b"),
        ("headline:[a TO b]", r"ranges work on dates only"),
        ("[2011 TO 2012]", r"a range needs a field: write date:\[2011 TO 2012\]"),
        ("*", r"the wildcard '\*' is too broad: give at least two letters"),
        ("a*", r"the wildcard 'a\*' is too broad"),
        ("immunogen~3", r"fuzzy distance must be 1 or 2"),
        ("quillfeather~-1", r"fuzzy distance must be 1 or 2, e\.g\. immunogen~ or immunogen~2, not 'quillfeather~-1'"),
        ("quillfeather~1.5", r"fuzzy distance must be 1 or 2.*not 'quillfeather~1\.5'"),
        ("brass quillfeather~+2", r"fuzzy distance must be 1 or 2"),
        (
            '"brass fittings"~-1',
            r'the distance after a phrase is a whole number of words, e\.g\. "top places"~3, not ~-1',
        ),
        ('"brass fittings"~', r"the distance after a phrase is a whole number of words.*, not ~$"),
        ('"brass fittings"~two widgets', r"the distance after a phrase is a whole number of words.*not ~two"),
        ('headline:"brass fittings"~1.5', r"the distance after a phrase is a whole number of words"),
        (
            "issuer:nasdaq-qf*",
            r"issuer: takes a whole value, e\.g\. issuer:cik320193, not 'nasdaq-qf\*': .*company:acme\*",
        ),
        ("issuer:cik12?4", r"issuer: takes a whole value.*not 'cik12\?4'"),
        ("brass issuer:nasdaq-qfwx~", r"issuer: takes a whole value.*not 'nasdaq-qfwx~'"),
        ("exchange:NAS*", r"exchange: takes a whole value, e\.g\. exchange:NASDAQ, not 'NAS\*': the exchange facet"),
        ("exchange:nyse~", r"exchange: takes a whole value"),
        ('"brass fittings"~21', r"a phrase's distance is at most 20 words \(got ~21\): .* NEAR/50"),
        ('""', r"empty phrase: put words between the quotes"),
    ],
)
def test_malformed_queries_say_how_to_fix_them(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query(text, now=NOW)


@pytest.mark.parametrize(
    ("typed", "as_written"),
    [
        ("ticker: QLFR", "ticker:QLFR"),
        ("ticker: NYSE:QLFR", "ticker:NYSE:QLFR"),
        ("merger  company:  quillon", "merger company:quillon"),
        ('headline: "ferry route"', 'headline:"ferry route"'),
        ("date: 2019", "date:2019"),
        ("cik: 0000123456", "cik:0000123456"),
    ],
)
def test_a_space_after_a_field_names_colon_is_forgiven(typed, as_written):
    assert tree(typed) == tree(as_written)


@pytest.mark.parametrize("typed", ["Company: Quillon", "Acme Type: Results", "update: merger"])
def test_a_capitalised_or_unknown_name_before_a_colon_and_space_stays_words(typed):
    assert not any(getattr(node, "field", None) for node in _nodes(tree(typed)))


@pytest.mark.parametrize("digits", ["320193", "0000320193", "32*"])
def test_cik_takes_digits_and_patterns(digits):
    assert getattr(tree(f"cik:{digits}"), "field", None) == "cik"


def test_query_length_limit():
    parse_query("a" * MAX_QUERY_LENGTH)
    with pytest.raises(QueryError, match=rf"the query is too long \({MAX_QUERY_LENGTH + 1} characters; at most"):
        parse_query("a" * (MAX_QUERY_LENGTH + 1))


def test_clause_limit():
    parse_query(" ".join(f"w{i}" for i in range(MAX_CLAUSES)))
    with pytest.raises(QueryError, match=rf"too many terms \(at most {MAX_CLAUSES}\): shorten it"):
        parse_query(" ".join(f"w{i}" for i in range(MAX_CLAUSES + 1)))


def test_deadline_stops_with_a_message():
    Deadline(60).check()
    with pytest.raises(QueryError, match=r"took longer than 0 s and was stopped: use more specific words"):
        Deadline(0).check()


def test_hostile_input_never_raises_anything_but_query_error():
    samples = [
        '"',
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "::",
        "a:",
        ":a",
        "~",
        "~~",
        "-",
        "+",
        "--x",
        "((((a",
        "a))))",
        "date:",
        "date:[",
        "date:]",
        "ticker::",
        'headline:"',
        "\x00",
        "\u202e",
        "日本語",
        "a" * 50 + "~",
    ]
    for text in samples:
        try:
            parse_query(text, now=NOW)
        except QueryError:
            pass


def _nodes(node):
    """Every node of a query tree."""
    yield node
    for child in getattr(node, "children", ()) or ():
        yield from _nodes(child)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("\U0001f642", "holds no letters or digits to search for"),
        ("% \\\\", "holds no letters or digits to search for"),
        ("the", "holds only common words"),
        ("of the", "holds only common words"),
    ],
)
def test_a_query_with_nothing_to_search_says_why(typed, message):
    from indexer.match_mode import check_not_stop_words

    with pytest.raises(QueryError, match=message):
        check_not_stop_words(tree(typed))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("$QFWX", Term("QFWX")),
        ("$qfwx", Term("QFWX")),
        ("ticker:$QFWX", Term("QFWX", "ticker")),
        ("$5", Term("$5")),  # money, not a cashtag
        ("company:$QFWX", Term("$QFWX", "company")),
    ],
)
def test_a_cashtag_is_the_symbol(typed, expected):
    assert tree(typed) == expected
