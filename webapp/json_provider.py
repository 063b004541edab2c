"""The JSON answers' bytes: written by orjson, byte for byte what Flask's own provider writes, in a fifth of
the time (a search page of ~12 kB: 160 -> 30 us; docs/api-cpu.md). One difference of form, none of value: a
float under 1e-4 (not 0) is written 0.00001 instead of 1e-05; the API's floats are rounded to 4 places or
fewer, so its answers do not change at all."""

from __future__ import annotations

import codecs

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

# Dates, dataclasses and subclasses of str, int, dict and list go to the provider's default() as with the
# standard library's encoder (dates as HTTP dates, not orjson's ISO form).
_PASSED_ON = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS


def _escape(character: str) -> str:
    """A character as json.dumps escapes it: \\uXXXX in lower-case hex, a surrogate pair past the BMP."""
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape_unencodable(error: UnicodeEncodeError) -> tuple[str, int]:
    """The codec error handler that escapes what ASCII cannot hold, as json.dumps(ensure_ascii=True) does."""
    return "".join(map(_escape, error.object[error.start : error.end])), error.end


# Encoding to ASCII runs in C and calls this only at the few characters past ASCII (a snippet's "…"): a
# pattern substituting them scanned the whole page at ~10 ns a character.
_ESCAPE_ERRORS = "release_search.json_escape"
codecs.register_error(_ESCAPE_ERRORS, _escape_unencodable)


class QuickJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider whose responses orjson writes; anything orjson refuses (a lone surrogate, an
    integer past 64 bits, a key that is no string) and indented output are written by Flask's own way."""

    def response(self, *args, **kwargs) -> Response:
        if (self.compact is None and self._app.debug) or self.compact is False:
            return super().response(*args, **kwargs)
        options = _PASSED_ON | (orjson.OPT_SORT_KEYS if self.sort_keys else 0)
        try:
            data = orjson.dumps(self._prepare_response_obj(args, kwargs), default=self.default, option=options)
        except TypeError:  # orjson.JSONEncodeError
            return super().response(*args, **kwargs)
        if self.ensure_ascii and not data.isascii():
            data = data.decode().encode("ascii", _ESCAPE_ERRORS)
        if self.ensure_ascii and b"\x7f" in data:  # DEL, which orjson writes as it is and json.dumps escapes
            data = data.replace(b"\x7f", b"\\u007f")
        return self._app.response_class(data + b"\n", mimetype=self.mimetype)
