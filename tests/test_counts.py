"""Counts a reader can cite: every word counted (others listed after, marked), one unit (a release with its
copies folded) in the total, facets, timeline and stats, copies folded only within a week and only when the shorter
text is found in the longer, one calendar (day filters, facets and timeline by the printed day), typographic
quotes, NEAR/n, and queries of stop words alone. Checked on a small real index, partly as a property over random
queries and filters."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import QueryError, build_index, open_index
from indexer.cli import main
from indexer.duplicates import COPY_WINDOW_DAYS, contained, fold_groups, same_text, text_sketch
from indexer.model import Release
from indexer.query import Near, Phrase, normalise_quotes, parse_query
from webapp import create_app

WORDS = ("reverse", "stock", "split", "dividend", "merger", "approval", "trial", "revenue", "record", "quarter")
WIRES = (("GLOBE NEWSWIRE", "{city}, {day} (GLOBE NEWSWIRE) -- "), ("PR Newswire", "{city}, {day} /PRNewswire/ -- "))
CITIES = ("BOSTON", "DENVER", "AUSTIN", "CHICAGO")


def _day(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _release(headline: str, wire: int, city: str, when: date, lede: str, body: str) -> str:
    dateline = WIRES[wire][1].format(city=city, day=_day(when))
    return f"{headline}\n\n{dateline}{lede}\n\n{body}\n"


def corpus(seed: int = 11, count: int = 60) -> dict[str, str]:
    """Releases of random words; some copied to the other wire within days, some repeated months later."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    start = date(2023, 11, 20)
    for n in range(count):
        words = rng.sample(WORDS, rng.randint(1, 4))
        when = start + timedelta(days=rng.randint(0, 200))
        company = f"Company{n:02d} Holdings"
        headline = f"{company} announces {' and '.join(words)} news"
        lede = (
            f"{company} (NASDAQ: C{n:02d}) today said the {' '.join(words)} plan moves ahead with "
            f"board support, item {n}, as planned by the team and its advisers in several steps."
        )
        body = f"The company expects more {rng.choice(WORDS)} updates. Contact investors at number {n}."
        wire = rng.randint(0, 1)
        city = rng.choice(CITIES)
        files[f"r{n:03d}.txt"] = _release(headline, wire, city, when, lede, body)
        if n % 5 == 0:  # the same release on the other wire, a day or two later
            files[f"r{n:03d}_copy.txt"] = _release(headline, 1 - wire, city, when + timedelta(days=n % 3), lede, body)
        if n % 7 == 0:  # the same wording months later: a recurring announcement, not a copy
            files[f"r{n:03d}_again.txt"] = _release(headline, wire, city, when + timedelta(days=91), lede, body)
    return files


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """The random corpus above, indexed once for this module."""
    root = tmp_path_factory.mktemp("counts")
    folder = root / "releases"
    folder.mkdir()
    for name, text in corpus().items():
        (folder / name).write_text(text, encoding="utf-8")
    build_index([folder], root / "index")
    with open_index(root / "index") as opened:
        yield opened


def every(index, query: str, **options) -> list:
    """All hits of a search, page after page."""
    hits, page = [], 1
    while True:
        found = index.search(query, per_page=100, page=page, **options)
        hits += found.hits
        if page >= found.pages:
            return hits
        page += 1


# ---- Typographic quotes and NEAR -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("\u201cnet income\u201d", ("net", "income")),
        ("\u201enet income\u201c", ("net", "income")),
        ("\u00abnet income\u00bb", ("net", "income")),
        ("\u00bb net income \u00ab", ("net", "income")),
        ("\u2018net income\u2019", ("net", "income")),
        ("\u201anet income\u2019", ("net", "income")),
        ("\u2039net income\u203a", ("net", "income")),
        ("\uff02net income\uff02", ("net", "income")),
    ],
)
def test_typographic_quotes_make_a_phrase(typed, words):
    assert parse_query(typed).tree == Phrase(words)


@pytest.mark.parametrize("typed", ["Walgreens\u2019 dividend", "Macy\u2019s results", "rock \u2019n\u2019 roll"])
def test_apostrophes_inside_words_stay_words(typed):
    assert '"' not in normalise_quotes(typed)


def test_curly_quotes_count_like_straight_ones(counted):
    straight = counted.search('"reverse stock"')
    curly = counted.search("\u201creverse stock\u201d")
    assert curly.total == straight.total and [h.id for h in curly.hits] == [h.id for h in straight.hits]
    assert straight.total < counted.search("reverse stock", match="any").total


@pytest.mark.parametrize(
    ("typed", "distance", "count"),
    [('"net income" NEAR/5 decline', 5, 2), ("a NEAR b", 5, 2), ("a NEAR/3 b NEAR/7 c", 3, 3)],
)
def test_near_parses_words_and_phrases(typed, distance, count):
    tree = parse_query(typed).tree
    assert isinstance(tree, Near) and tree.distance == distance and len(tree.children) == count


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("NEAR/3 decline", "needs a word or phrase on both sides"),
        ("income NEAR/3", "needs a word or phrase on both sides"),
        ("income NEAR/0 decline", "between 1 and 50"),
        ("income NEAR/99 decline", "between 1 and 50"),
        ("income NEAR/3 ticker:ACME", "needs a word or phrase on both sides"),
    ],
)
def test_near_mistakes_say_how_to_write_it(typed, message):
    with pytest.raises(QueryError, match=message):
        parse_query(typed)


@pytest.fixture
def near_index(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    texts = {
        "close.txt": "net income for the quarter showed a small decline compared with last year",
        "far.txt": "net income rose strongly in most regions and stores, with trucks, plants and people; "
        "then a decline in one region",
        "apart.txt": "income was flat for the year across every region and store while staff numbers saw a decline",
    }
    for n, (name, text) in enumerate(texts.items()):
        (folder / name).write_text(
            _release(f"Acme{n} Reports Results", 0, "BOSTON", date(2024, 3, 3 + n), text + ".", "More text."),
            encoding="utf-8",
        )
    build_index([folder], tmp_path / "index")
    with open_index(tmp_path / "index") as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"net income" NEAR/5 decline', {"close.txt"}),
        ('decline NEAR/5 "net income"', {"close.txt"}),
        ('"net income" NEAR/30 decline', {"close.txt", "far.txt"}),
        ("income NEAR/2 decline", set()),
        ("income NEAR/6 decline", {"close.txt"}),
        ('"net income"~3', {"close.txt", "far.txt"}),
    ],
)
def test_near_finds_words_within_the_distance(near_index, query, expected):
    page = near_index.search(query)
    assert {h.path.rsplit("/", 1)[-1] for h in page.hits} == expected and page.total == len(expected)


# ---- Stop words alone ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["the", "of the", '"to be or"', "THE AND of"])
def test_stop_words_alone_say_so(counted, query):
    with pytest.raises(QueryError, match="only common words .* add a word that says what you look for"):
        counted.search(query)


@pytest.mark.parametrize("query", ["the merger", "ticker:C01 the", "the dividend date:2024"])
def test_stop_words_beside_other_words_are_left_out(counted, query):
    assert counted.search(query).total == counted.search(query.replace("the ", "").replace(" the", "")).total


def test_stop_words_alone_on_cli_and_api(counted, runner, app, tmp_path):
    out = runner.invoke(main, ["search", "the", "--index", str(counted.backend.store.path)])
    assert out.exit_code == 1 and "Error: 'the' holds only common words" in out.output
    response = app.test_client().get("/api/search?q=the")
    assert response.status_code == 400 and "holds only common words" in response.get_json()["error"]
    page = app.test_client().get("/?q=of+the")
    assert page.status_code == 400 and "holds only common words" in page.get_data(as_text=True)


# ---- All words, then some ----------------------------------------------------------------------------


@pytest.mark.parametrize("words", [("reverse", "stock", "split"), ("record", "revenue"), ("merger", "approval")])
def test_total_counts_releases_with_every_word(counted, words):
    plain = counted.search(" ".join(words))
    anded = counted.search(" AND ".join(words))
    assert plain.total == anded.total
    assert plain.total + plain.partial_total == counted.search(" ".join(words), match="any").total
    assert counted.search(" OR ".join(words)).total == counted.search(" ".join(words), match="any").total
    hits = every(counted, " ".join(words))
    full, partial = hits[: plain.total], hits[plain.total :]
    assert len(partial) == plain.partial_total and not any(h.missing for h in full)
    for hit in partial:
        release = counted.get(hit.id)
        text = (release.headline + " " + release.lede).lower()
        assert hit.missing and all(w not in text for w in hit.missing)
        assert set(hit.missing) < set(words)


@pytest.mark.parametrize("words", ["merger approval", "merger approval trial"])
def test_some_words_listed_after_all_on_cli_and_page(counted, runner, words):
    app = create_app({"RELEASES_INDEX": str(counted.backend.store.path), "TESTING": True})
    page = counted.search(words)
    assert page.partial_total
    out = runner.invoke(main, ["search", words, "--index", str(counted.backend.store.path), "--limit", "100"])
    if page.total:
        some = f"1-{page.partial_total:,} of {page.partial_total:,}"  # the page of 100 lists them all
        assert f"and {some} releases that match some of your words" in out.output
    else:
        assert f"; {page.partial_total:,} releases hold some of them:" in out.output.splitlines()[0]
    assert "missing: " in out.output
    data = app.test_client().get(f"/api/search?q={words}&per_page=100").get_json()
    assert (data["total"], data["partial_total"], data["match"]) == (page.total, page.partial_total, "all")
    assert data["hits"][-1]["missing"]
    anyword = app.test_client().get(f"/api/search?q={words}&match=any").get_json()
    assert anyword["total"] == page.total + page.partial_total and anyword["partial_total"] == 0
    html = app.test_client().get(f"/?q={words}&per_page=100").get_data(as_text=True)
    assert "missing: " in html and "match=any" in html
    if page.total:
        some = f"1–{page.partial_total:,} of {page.partial_total:,}"
        assert f"of {page.total:,} releases, and {some} releases that match some of your words" in html
    else:
        assert f"No release holds all of your words; {page.partial_total:,} releases match some of them" in html


def test_unknown_match_mode_says_which_exist(counted):
    with pytest.raises(QueryError, match="match=all .* match=any"):
        counted.search("merger", match="some")


# ---- One unit everywhere ---------------------------------------------------------------------------


def test_stats_count_releases_with_copies_folded(counted):
    stats = counted.stats()
    assert stats["documents"] == len(corpus())
    assert stats["releases"] == counted.search("").total < stats["documents"]


def test_copies_fold_only_within_a_week(counted):
    for hit in every(counted, ""):
        for copy in hit.duplicates:
            gap = abs(date.fromisoformat(copy["date"]) - date.fromisoformat(hit.date))
            assert gap <= timedelta(days=COPY_WINDOW_DAYS)
    again = [h for h in every(counted, "") if any(d["path"].endswith("_again.txt") for d in h.duplicates)]
    assert not again


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([0, 1, 2], [0, 0, 0]),
        ([0, 8, 16], [-1, -1, -1]),
        ([0, 3, 6, 9, 12], [0, 0, 0, 1, 1]),
        ([0, 90, 91], [-1, 0, 0]),
    ],
)
def test_fold_groups_by_week(dates, expected):
    keys = np.zeros(len(dates), dtype=np.int64)
    seconds = np.array(dates, dtype=np.int64) * 86400
    assert fold_groups(keys, seconds, -(2**63)).tolist() == expected


def _words_of(rng: random.Random, count: int) -> list[str]:
    return [f"w{rng.randint(0, 3000)}" for _ in range(count)]


def _sketched(words: list[str]) -> str:
    return text_sketch(Release(path="x", headline="Shared headline", lede=" ".join(words)))


def _exact_containment(a: list[str], b: list[str]) -> float:
    shingles = [{tuple(w[i : i + 5]) for i in range(len(w) - 4)} for w in (a, b)]
    small, large = sorted(shingles, key=len)
    return len(small & large) / len(small)


@pytest.mark.parametrize("seed", range(12))
def test_text_sketch_tells_a_cut_copy_from_a_release_sharing_its_opening(seed):
    rng = random.Random(seed)
    full = _words_of(rng, rng.randint(150, 1500))
    cut = full[: int(len(full) * rng.uniform(0.3, 0.95))]  # a news page's copy, cut short
    longer = full[:100] + _words_of(rng, rng.randint(20, 120)) + full[100:]  # a paragraph added
    advisory = full[:50] + _words_of(rng, rng.randint(80, 400))  # headline and opening shared, then its own text
    assert same_text(_sketched(full), _sketched(cut))
    assert same_text(_sketched(longer), _sketched(full))
    assert not same_text(_sketched(full), _sketched(advisory))
    for other in (cut, longer, advisory):
        estimate = contained(_sketched(full), _sketched(other))
        assert abs(estimate - _exact_containment(full, other)) < 0.2


def test_fold_groups_keep_texts_apart_that_only_share_a_key():
    rng = random.Random(5)
    release = _words_of(rng, 400)
    sketches = {0: _sketched(release[:60] + _words_of(rng, 200)), 1: _sketched(release), 2: _sketched(release[:300])}
    keys, seconds = np.zeros(3, dtype=np.int64), np.array([0, 1, 2], dtype=np.int64) * 86400
    # The advisory (first) stays alone; the release and its copy cut short fold.
    assert fold_groups(keys, seconds, -(2**63), sketches).tolist() == [-1, 0, 0]
    assert fold_groups(keys, seconds, -(2**63), {}).tolist() == [0, 0, 0]  # no sketches: by key and date


def test_an_advisory_and_its_release_are_two_releases(tmp_path):
    rng = random.Random(3)
    opening = " ".join(_words_of(rng, 60))
    texts = {
        "advisory.txt": (1, " ".join(_words_of(rng, 120))),
        "release.txt": (2, " ".join(_words_of(rng, 300))),
        "release_copy.txt": (3, " ".join(_words_of(rng, 300))),
    }
    texts["release_copy.txt"] = (3, texts["release.txt"][1][:900])  # the release cut short on another page
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, (day, rest) in texts.items():
        when = date(2024, 9, 25 + day)
        (folder / name).write_text(_release("Acme Unveils Balloon", day % 2, "CLOVIS", when, opening, rest), "utf-8")
    build_index([folder], tmp_path / "index")
    with open_index(tmp_path / "index") as index:
        hits = every(index, "")
        assert index.stats()["releases"] == len(hits) == 2
        copies = {h.path: [d["path"] for d in h.duplicates] for h in hits}
        assert copies == {"advisory.txt": [], "release.txt": ["release_copy.txt"]}


def _facet_sum(page, name: str) -> int:
    return sum(v.count for v in page.facets[name].values)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=3, unique=True),
    joiner=st.sampled_from([" ", " OR ", " AND "]),
    mode=st.sampled_from(["all", "any"]),
    wire=st.sampled_from([None, "GlobeNewswire", "PR Newswire"]),
    month=st.sampled_from([None, "2023-12", "2024-02", "2024-05"]),
)
def test_counts_add_up_and_clicks_find_what_they_showed(counted, words, joiner, mode, wire, month):
    filters = {k: [v] for k, v in (("wire", wire), ("month", month)) if v}
    query = joiner.join(words)
    page = counted.search(query, match=mode, filters=filters, facets=("wire", "year", "month"), facet_limit=100)
    # Single-valued facets and the timeline add up to the total.
    if not wire:
        assert _facet_sum(page, "wire") == page.total
    if not month:
        assert _facet_sum(page, "month") == page.total
    assert sum(t["count"] for t in page.timeline) == page.total - page.undated
    # Clicking a value finds exactly the count it showed.
    for value in page.facets["wire"].values[:2]:
        clicked = counted.search(query, match=mode, filters={**filters, "wire": [value.value]}, facets=())
        assert clicked.total == value.count
    for bar in page.timeline[:2]:
        name = "month" if len(bar["period"]) == 7 else "year"
        clicked = counted.search(query, match=mode, filters={**filters, name: [bar["period"]]}, facets=())
        assert clicked.total == bar["count"]
    # The total is what is listed before the partial matches; each listed once.
    if page.total <= 100:
        listed = counted.search(query, match=mode, filters=filters, per_page=100, facets=())
        full = [h for h in listed.hits if not h.missing]
        assert len(full) == page.total and len({h.id for h in full}) == page.total


# ---- Exact word forms ------------------------------------------------------------------------------

FORMS = {
    "earnedmedia.txt": ("EarnedMedia.io Launches Insight Hub", "EarnedMedia.io, a media company, launched its hub."),
    "trade.txt": ("HTX Rolls Out Trade to Earn", "HTX said users can trade to earn rewards this month."),
    "earnings.txt": ("Acme Reports Record Earnings", "Acme Robotics said its quarterly earnings rose sharply."),
    "earned.txt": ("Beta Earned Praise", "Beta Foods earned praise for its snacks and new stores."),
    "sirius.txt": ("SiriusXM Adds Channels", "SiriusXM added new channels for listeners across the country."),
    "tips.txt": ("InsurtechTips.com Opens", "InsurtechTips.com opened a new site for insurers."),
    "societe.txt": ("Société Générale Expands", "Société Générale expanded its Paris office."),
}


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    root = tmp_path_factory.mktemp("forms")
    folder = root / "releases"
    folder.mkdir()
    for n, (name, (headline, lede)) in enumerate(FORMS.items()):
        (folder / name).write_text(
            _release(headline, 0, "BOSTON", date(2024, 3, 1 + n), lede, "More words follow here."), encoding="utf-8"
        )
    build_index([folder], root / "index")
    with open_index(root / "index") as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "expected", "first"),
    [
        ('"earnings"', {"earnings.txt"}, "earnings.txt"),
        ('"EARNINGS"', {"earnings.txt"}, "earnings.txt"),
        ('"earned"', {"earned.txt", "earnedmedia.txt"}, None),
        ("earnings", {"earnings.txt", "earned.txt", "trade.txt"}, "earnings.txt"),
        ("earned", {"earnings.txt", "earned.txt", "trade.txt", "earnedmedia.txt"}, None),
        ("Sirius XM", {"sirius.txt"}, "sirius.txt"),
        ("insurtech tips", {"tips.txt"}, "tips.txt"),
        ('"societe"', {"societe.txt"}, "societe.txt"),
        ('"société"', {"societe.txt"}, "societe.txt"),
    ],
)
def test_a_quoted_word_is_that_form_and_a_word_its_family(forms, query, expected, first):
    page = forms.search(query, match="any")
    found = [h.path.rsplit("/", 1)[-1] for h in page.hits]
    assert set(found) == expected and page.total == len(expected)
    if first:
        assert found[0] == first  # the form typed ranks above its relatives


def test_compound_parts_match_their_own_form_only(forms):
    # "EarnedMedia.io" holds the part "Earned": a relative of "earnings", so no match for it.
    assert "earnedmedia.txt" not in {h.path.rsplit("/", 1)[-1] for h in forms.search("earnings").hits}
    assert forms.search('"media"').total == 1


# ---- One calendar: day filters, month and year facets and the timeline agree -----------------------

ZONES = (("EST", -5), ("PST", -8), ("JST", 9), ("CET", 1))


def midnight_corpus(seed: int = 23, count: int = 48) -> dict[str, dict]:
    """Releases printed within an hour of midnight at a month's end or start, in zones on both sides of UTC."""
    rng = random.Random(seed)
    files = {}
    for n in range(count):
        month_start = date(2024, rng.randint(1, 12), 1)
        day = month_start - timedelta(days=1) if rng.random() < 0.5 else month_start
        hour = rng.choice((23, 0))
        zone, _ = rng.choice(ZONES)
        clock = f"{12 if hour == 0 else 11}:{rng.randint(0, 59):02d}{'AM' if hour == 0 else 'PM'}"
        files[f"m{n:03d}.json"] = {
            "title": f"Midnight Company{n:02d} reports item {n}",
            "subtitle": "",
            "date": f"{day.strftime('%b')} {day.day}, {day.year} {clock} {zone}",
            "content": f"Midnight Company{n:02d} (NASDAQ: M{n:02d}) today reported item {n} of its plan to "
            f"shareholders, with words unique to release number {n} and its own figures.",
        }
    return files


def _midnight_folder(root) -> object:
    folder = root / "releases"
    folder.mkdir()
    for name, fields in midnight_corpus().items():
        (folder / name).write_text(json.dumps(fields), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def midnight(tmp_path_factory):
    """The releases near midnight above, indexed once."""
    root = tmp_path_factory.mktemp("midnight")
    build_index([_midnight_folder(root)], root / "index")
    with open_index(root / "index") as opened:
        yield opened


def _month_days(period: str) -> tuple[date, date]:
    first = date.fromisoformat(f"{period}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def test_releases_near_midnight_keep_their_printed_day(midnight):
    hits = every(midnight, "")
    offsets = {h.datetime[-6:] for h in hits if h.datetime}
    assert len(hits) == len(midnight_corpus()) and len(offsets) >= 3  # the zones were read: a real test
    for hit in hits:
        printed = date.fromisoformat(hit.date)
        found = midnight.search("", date_from=printed, date_to=printed, per_page=100)
        assert hit.id in {h.id for h in found.hits}, hit.datetime
        typed = midnight.search(f"date:{printed.isoformat()}", per_page=100, facets=())
        assert hit.id in {h.id for h in typed.hits}, hit.datetime
        later = midnight.search("", date_from=printed + timedelta(days=1), per_page=100, facets=())
        assert hit.id not in {h.id for h in later.hits}


@settings(max_examples=25, deadline=None)
@given(words=st.lists(st.sampled_from(["midnight", "reports", "item", "plan"]), max_size=2, unique=True))
def test_a_bar_or_month_clicked_by_dates_finds_its_count(midnight, words):
    query = " ".join(words)
    page = midnight.search(query, facets=("year", "month"), facet_limit=100)
    assert page.timeline and sum(t["count"] for t in page.timeline) == page.total - page.undated
    for bar in page.timeline:
        first, last = _month_days(bar["period"])
        by_dates = midnight.search(query, date_from=first, date_to=last, facets=())
        by_month = midnight.search(query, filters={"month": [bar["period"]]}, facets=())
        assert by_dates.total == by_month.total == bar["count"], bar
    for value in page.facets["year"].values:
        year = int(value.value)
        clicked = midnight.search(query, date_from=date(year, 1, 1), date_to=date(year, 12, 31), facets=())
        assert clicked.total == value.count


def test_day_filters_agree_on_opensearch(midnight, cluster, alias, tmp_path):
    from opensearch_cluster import REPLICAS, SHARDS, URL

    from indexer.backends.opensearch.build import build_index as build_opensearch

    build_opensearch([str(_midnight_folder(tmp_path))], alias, url=URL, shards=SHARDS, replicas=REPLICAS)
    with open_index(alias, backend="opensearch", url=URL) as opensearch:
        page = opensearch.search("", facets=("month",), facet_limit=100)
        assert page.timeline == midnight.search("", facets=("month",), facet_limit=100).timeline
        for bar in page.timeline:
            first, last = _month_days(bar["period"])
            assert opensearch.search("", date_from=first, date_to=last, facets=()).total == bar["count"]
            typed = f"date:[{first.isoformat()} TO {last.isoformat()}]"
            assert opensearch.search(typed, facets=()).total == bar["count"]
