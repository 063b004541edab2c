"""Absolute links (Atom, CSV, JSON exports) from a configured public URL, never from the request's Host header.

A Host header is whatever the client says: trusted, `Host: evil.example` would put evil.example into feed links
that a feed reader follows and into exported URLs that people click. The public URL comes from BASE_URL
(`releases serve --base-url`, $RELEASES_BASE_URL); without one, from the address the server itself was started
on (the WSGI SERVER_NAME and SERVER_PORT, which a client cannot change). Redirects are made relative, and with
ALLOWED_HOSTS set a request for any other host is refused (400).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, request, url_for

from indexer.model import ReleaseSearchError

DEFAULT_PORTS = {"http": "80", "https": "443"}


def check_base_url(value: str) -> str:
    """A base URL as given, without a trailing slash; ReleaseSearchError when it is not an http(s) URL."""
    value = (value or "").strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ReleaseSearchError(
            f"the base URL {value!r} is not a site address: give one like https://search.example.com"
        )
    return value


def public_base() -> str:
    """The site's public address (scheme and host, no trailing slash), once per request."""
    base = g.get("public_base")
    if base is None:
        base = current_app.config.get("BASE_URL") or _server_address()
        g.public_base = base
    return base


def _server_address() -> str:
    environ = request.environ
    scheme = environ.get("wsgi.url_scheme", "http")
    name, port = environ.get("SERVER_NAME", "localhost"), str(environ.get("SERVER_PORT", ""))
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"
    return f"{scheme}://{name}" if port in ("", DEFAULT_PORTS.get(scheme)) else f"{scheme}://{name}:{port}"


def external_url(path: str) -> str:
    """An absolute URL for a path of this site (as url_for gives it, script root included)."""
    base = public_base()
    script_root = request.script_root
    # A base URL that names a path ("https://example.com/search") stands for the script root itself.
    if script_root and urlsplit(base).path and path.startswith(script_root):
        path = path[len(script_root) :]
    return base + path


def external_url_for(endpoint: str, **values) -> str:
    """url_for(endpoint, **values) as an absolute URL on the public address."""
    return external_url(url_for(endpoint, **values))


def relative_redirects(response: Response) -> Response:
    """Make a redirect's Location relative when it names this request's host (werkzeug builds it from Host)."""
    location = response.headers.get("Location")
    if location and response.status_code in (301, 302, 303, 307, 308):
        parts = urlsplit(location)
        if parts.netloc and parts.netloc == request.environ.get("HTTP_HOST", parts.netloc):
            response.headers["Location"] = parts.path + (f"?{parts.query}" if parts.query else "")
    return response


def host_name(host: str) -> str:
    """A host as DNS compares it: letters in lower case, without the dot that ends a fully qualified name
    ('Search.Example.COM.:8080' is 'search.example.com:8080')."""
    name, port = host.strip(), ""
    if name.rfind(":") > name.rfind("]"):  # a port after the name (an IPv6 address stands in brackets)
        name, port = name[: name.rfind(":")], name[name.rfind(":") :]
    return (name.lower().rstrip(".") or name) + port


def _compared_hosts(wsgi_app):
    """The app with each request's Host written as host_name gives it, before Flask checks it against
    ALLOWED_HOSTS: `Host: SEARCH.example.com` is the same site as search.example.com."""

    def app(environ, start_response):
        host = environ.get("HTTP_HOST")
        if host:
            environ["HTTP_HOST"] = host_name(host)
        return wsgi_app(environ, start_response)

    return app


def register_links(app: Flask) -> None:
    """Install the host checks and relative redirects."""
    app.config["BASE_URL"] = check_base_url(app.config.get("BASE_URL", ""))
    hosts = app.config.get("ALLOWED_HOSTS")
    if isinstance(hosts, str):
        hosts = [h.strip() for h in hosts.split(",") if h.strip()]
    if hosts:
        app.config["TRUSTED_HOSTS"] = [host_name(h) for h in hosts]  # Flask answers any other Host with 400
        app.wsgi_app = _compared_hosts(app.wsgi_app)
    app.after_request(relative_redirects)
