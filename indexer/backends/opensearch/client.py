"""The OpenSearch client: its settings (nodes, TLS, basic auth, API key) and the cluster's errors as domain errors."""

from __future__ import annotations

import os
from contextlib import contextmanager

from ...model import BackendUnavailable, IndexNotFound, ReleaseSearchError
from ...settings import opensearch_url


def _client_library():
    try:
        import opensearchpy
    except ImportError:
        raise ReleaseSearchError(
            "the OpenSearch backend needs the opensearch-py client: pip install 'release-search[opensearch]'"
        ) from None
    return opensearchpy


# Connection settings read from the environment (secrets stay out of command lines and URLs).
ENV_USER = "RELEASES_OPENSEARCH_USER"
ENV_PASSWORD = "RELEASES_OPENSEARCH_PASSWORD"  # noqa: S105 (a variable's name, not a password)
ENV_API_KEY = "RELEASES_OPENSEARCH_API_KEY"
ENV_CA_CERTS = "RELEASES_OPENSEARCH_CA_CERTS"
ENV_CLIENT_CERT = "RELEASES_OPENSEARCH_CLIENT_CERT"
ENV_CLIENT_KEY = "RELEASES_OPENSEARCH_CLIENT_KEY"
ENV_VERIFY_CERTS = "RELEASES_OPENSEARCH_VERIFY_CERTS"
REQUEST_TIMEOUT_S = 60


def client_settings(url: str | None = None, environ=None) -> dict:
    """The official client's settings for url and the environment: nodes, TLS, basic auth or an API key.

    https:// URLs use TLS, verified against RELEASES_OPENSEARCH_CA_CERTS (else the system's CAs) unless
    RELEASES_OPENSEARCH_VERIFY_CERTS=0; a client certificate comes from ..._CLIENT_CERT and ..._CLIENT_KEY.
    RELEASES_OPENSEARCH_USER and ..._PASSWORD log in with basic auth; RELEASES_OPENSEARCH_API_KEY is sent as
    "Authorization: ApiKey <key>" (a gateway's or a managed service's key).
    """
    env = os.environ if environ is None else environ
    url = opensearch_url(url)
    hosts = [h.strip() for h in url.split(",") if h.strip()]
    settings: dict = {"hosts": hosts, "timeout": REQUEST_TIMEOUT_S, "max_retries": 2, "retry_on_timeout": True}
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user or password:
        if not (user and password):
            raise ReleaseSearchError(f"set both {ENV_USER} and {ENV_PASSWORD} to log in to OpenSearch")
        settings["http_auth"] = (user, password)
    if env.get(ENV_API_KEY):
        if "http_auth" in settings:
            raise ReleaseSearchError(f"set either {ENV_API_KEY} or {ENV_USER}/{ENV_PASSWORD}, not both")
        settings["headers"] = {"Authorization": f"ApiKey {env[ENV_API_KEY]}"}
    if any(h.lower().startswith("https://") for h in hosts):
        verify = env.get(ENV_VERIFY_CERTS, "1").strip().lower() not in ("0", "false", "no")
        settings["verify_certs"] = verify
        settings["ssl_show_warn"] = verify
        for key, name in (("ca_certs", ENV_CA_CERTS), ("client_cert", ENV_CLIENT_CERT), ("client_key", ENV_CLIENT_KEY)):
            if env.get(name):
                if not os.path.isfile(env[name]):
                    raise ReleaseSearchError(f"{name} names {env[name]!r}, which is not a file: fix the path")
                settings[key] = env[name]
    return settings


def connect(url: str | None = None, *, retry_on_timeout: bool = True):
    """An OpenSearch client for url (several nodes may be given, comma-separated), with client_settings.

    Searches pass retry_on_timeout=False: a search that ran out of time is not sent again (it has a limit).
    """
    OpenSearch = _client_library().OpenSearch  # noqa: N806

    return OpenSearch(**{**client_settings(url), "retry_on_timeout": retry_on_timeout})


@contextmanager
def translated_errors(url: str):
    """Turn client errors into domain errors with a next step."""
    ex = _client_library().exceptions

    try:
        yield
    except ex.ConnectionTimeout as exc:
        raise BackendUnavailable(
            f"OpenSearch at {url} did not answer in time: check the cluster's health and load, then try again"
        ) from exc
    except ex.ConnectionError as exc:
        raise BackendUnavailable(
            f"cannot reach OpenSearch at {url}: start the cluster (for the local test cluster: "
            "bash .ci/opensearch.sh start) or set --url / RELEASES_OPENSEARCH_URL"
        ) from exc
    except ex.NotFoundError as exc:
        if _error_type(exc) == "index_not_found_exception":
            raise IndexNotFound(
                f"no OpenSearch index {_error_index(exc)!r} at {url}: build one with "
                "'releases index SOURCE... --backend opensearch --index NAME'"
            ) from exc
        raise
    except ex.TransportError as exc:
        if isinstance(exc.status_code, int) and exc.status_code >= 500 or exc.status_code == "N/A":
            raise BackendUnavailable(f"OpenSearch at {url} failed: {reason(exc)}; check the cluster's health") from exc
        raise


def _error_type(exc) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    return ((info.get("error") or {}) if isinstance(info.get("error"), dict) else {}).get("type", "")


def _error_index(exc) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    error = info.get("error") if isinstance(info.get("error"), dict) else {}
    return error.get("index") or error.get("resource.id") or "?"


def reason(exc) -> str:
    """The cluster's own words for why a request failed."""
    info = exc.info if isinstance(exc.info, dict) else {}
    error = info.get("error") if isinstance(info.get("error"), dict) else {}
    causes = error.get("root_cause") or []
    if causes and isinstance(causes[0], dict) and causes[0].get("reason"):
        return str(causes[0]["reason"])
    return str(error.get("reason") or exc.error or exc)
