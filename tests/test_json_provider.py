"""The API's JSON is written by orjson (QuickJSONProvider) and must be, byte for byte, what Flask's own
provider writes: key order, escapes (everything past ASCII, DEL, control characters), dates, dataclasses,
and what orjson refuses (lone surrogates, huge integers, keys that are no strings) handed back to Flask."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import random
import uuid

import pytest
from flask import Flask
from flask.json.provider import DefaultJSONProvider

from webapp.json_provider import QuickJSONProvider

pytest.importorskip("orjson")

_CHARACTERS = "aZ09 \"\\/\b\f\n\r\t\x00\x1f\x7f\x80\xa0é…\u2028\u2029\ud7ff\ue000\uffff😀𝄞<>&'"


@dataclasses.dataclass
class _Point:
    x: int
    label: str


def _value(rng: random.Random, depth: int = 0):
    kinds = ["str", "int", "float", "bool", "none"] + (["list", "dict"] if depth < 3 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice(_CHARACTERS) for _ in range(rng.randint(0, 12)))
    if kind == "int":
        return rng.choice([0, -1, 7, 2**53, -(2**63), 2**64 - 1, rng.randint(-(10**6), 10**6)])
    if kind == "float":
        return rng.choice([0.0, -0.0, 0.5, 1.0 / 3, 12.3456, 1e16, 1.5e300, -2.25, 0.0001, rng.random() * 100])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "list":
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {_value_key(rng): _value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _value_key(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARACTERS) for _ in range(rng.randint(0, 6)))


def _apps():
    quick, plain = Flask("quick"), Flask("plain")
    quick.json = QuickJSONProvider(quick)
    assert isinstance(plain.json, DefaultJSONProvider) and not isinstance(plain.json, QuickJSONProvider)
    return quick, plain


def _bodies(value):
    quick, plain = _apps()
    with quick.app_context():
        ours = quick.json.response(value)
    with plain.app_context():
        flasks = plain.json.response(value)
    assert ours.mimetype == flasks.mimetype == "application/json"
    return ours.get_data(), flasks.get_data()


@pytest.mark.parametrize("seed", range(60))
def test_json_bytes_are_flasks(seed):
    ours, flasks = _bodies(_value(random.Random(seed)))
    assert ours == flasks


@pytest.mark.parametrize(
    "value",
    [
        {"when": datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC), "day": datetime.date(2024, 5, 1)},
        {"point": _Point(3, "é…"), "points": [_Point(1, "a")]},
        {"id": uuid.UUID(int=12345), "amount": decimal.Decimal("1.10")},
        {"lone": "a\ud800b"},  # a lone surrogate: orjson refuses it
        {"huge": 2**70, "small": -(2**70)},
        {2: "int keys", 1: [1, 2]},
        [{"b": 1, "a": {"d": 2, "c": 3}}, "…"],
    ],
    ids=["dates", "dataclasses", "uuid-decimal", "lone-surrogate", "huge-int", "int-key", "nested-order"],
)
def test_json_of_special_values_is_flasks(value):
    ours, flasks = _bodies(value)
    assert ours == flasks


@pytest.mark.parametrize("tiny", [1e-05, -2.5e-07, 1.5e-300])
def test_a_tiny_float_is_the_same_number(tiny):
    """Floats under 1e-4 are the one difference of form (0.00001 for 1e-05): the same value read back."""
    quick, plain = _apps()
    ours, flasks = _bodies({"score": tiny})
    assert quick.json.loads(ours) == plain.json.loads(flasks) == {"score": tiny}


def test_api_answers_are_written_by_the_quick_provider(client):
    response = client.get("/api/search?q=")
    assert response.status_code == 200 and response.get_data().endswith(b"\n")
    assert isinstance(client.application.json, QuickJSONProvider)
    assert response.get_data().isascii() and response.get_json()["ok"] is True
