"""schemathesis against the OpenAPI document the app serves at /api/openapi.json, in process (WSGI): for
generated requests to every documented operation, no 5xx response and every response matches the schema.

Deterministic and quick: derandomised, no example database, a few dozen examples per operation.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer import build_index
from webapp import create_app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OPENAPI = "/api/openapi.json"


@pytest.fixture(scope="module")
def schema_app(tmp_path_factory):
    """The app over a tiny real index: the seeds plus releases whose fields carry markup and odd characters."""
    root = tmp_path_factory.mktemp("schema")
    shutil.copytree(SEEDS, root / "src" / "seeds")
    (root / "src" / "odd.json").write_text(
        json.dumps(
            [
                {
                    "headline": '<script>alert(1)</script> Acme "Announces" Merger',
                    "date": "2021-03-04",
                    "company": "Acme & Sons <b>",
                    "tickers": ["NYSE:ACME"],
                    "wire": "Business Wire",
                    "body": "Acme Corp. today announced a merger. Caf\u00e9 \u2014 \U0001f600 =cmd|' /C calc'!A0",
                },
                {"headline": "Initech Opens Office", "date": "2020-07-15", "company": "Initech", "body": "Austin."},
            ]
        ),
        encoding="utf-8",
    )
    build_index([root / "src"], root / "index")
    return create_app({"RELEASES_INDEX": str(root / "index"), "TESTING": True})


def _documented_operations() -> list:
    """(method, path) of every operation the document lists, read at collection from an app with no index."""
    response = create_app({"RELEASES_INDEX": "/nonexistent", "TESTING": True}).test_client().get(OPENAPI)
    if response.status_code == 404:
        reason = f"the app serves no OpenAPI document at {OPENAPI} yet (webapp/openapi.py): nothing to test"
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=reason))]
    paths = response.get_json()["paths"]
    return [
        pytest.param(method.upper(), path, id=f"{method.upper()} {path}")
        for path, item in paths.items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]


@pytest.fixture(scope="module")
def api_schema(schema_app):
    """The OpenAPI document as schemathesis reads it, calling the app in process."""
    import schemathesis  # here, not at import: every pytest-xdist worker imports this file, one runs its tests

    return schemathesis.openapi.from_wsgi(OPENAPI, schema_app)


# schemathesis's own pytest loader does not run under pytest 9.2 yet, so each operation gets a plain
# hypothesis test over the strategy schemathesis derives from the document.
@pytest.mark.parametrize(("method", "path"), _documented_operations())
def test_api_never_fails_and_matches_its_schema(api_schema, method, path):
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    operation = api_schema[path][method]

    @settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(
            checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
        )

    check()
