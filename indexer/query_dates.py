"""Dates in the query language: a year, month or day, relative offsets from now, ranges, and --from/--to bounds."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from .model import QueryError
from .query_tree import DateRange

_RELATIVE_RE = re.compile(r"^([+-]?)(\d+)\s*([dwmy])$", re.I)
DATE_HELP = (
    "write dates as 2011, 2011-10, 2011-10-20, date:[2011-10-01 TO 2011-11-30], date:>2011-10-01, "
    "date:>-30d (after 30 days ago) or date:-30d (the last 30 days)"
)
_MONTH_NAMES = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)


def _after(start: datetime, delta) -> datetime:
    """start + delta, clamped at the calendar's end: the day 9999-12-31 ends at datetime.max, not in an error."""
    try:
        return start + delta
    except (OverflowError, ValueError):
        return datetime.max


def _day(value: datetime) -> tuple[datetime, datetime]:
    day = datetime.combine(value.date(), datetime.min.time())
    return day, _after(day, timedelta(days=1))


def _relative(text: str, now: datetime) -> datetime | None:
    """The day a relative offset ('-30d', '2w', '-6m', '-1y') names, or None."""
    rel = _RELATIVE_RE.match(text)
    if not rel:
        return None
    sign, amount, unit = rel.groups()
    amount = int(amount) * (1 if sign == "+" else -1)
    if amount < -100000 or amount > 100000:
        raise QueryError(f"the offset {text!r} is too large: {DATE_HELP}")
    delta = {
        "d": relativedelta(days=amount),
        "w": relativedelta(weeks=amount),
        "m": relativedelta(months=amount),
        "y": relativedelta(years=amount),
    }[unit.lower()]
    try:
        return now + delta
    except (OverflowError, ValueError):
        raise QueryError(f"the offset {text!r} is too large: {DATE_HELP}") from None


def _period(text: str, now: datetime) -> tuple[datetime, datetime]:
    """The period a date value names: a year, a month, a day, or the day of a relative offset from now."""
    value = text.strip().strip('"').strip()
    moved = _relative(value, now)
    if moved is not None:
        return _day(moved)
    lowered = value.lower()
    if lowered in ("now", "today"):
        return _day(now)
    if lowered == "yesterday":
        return _day(now - timedelta(days=1) if now.date() > date.min else now)
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        if not 1900 <= year <= 2100:
            raise QueryError(f"the year {value} is out of range: {DATE_HELP}")
        return datetime(year, 1, 1), _after(datetime(year, 1, 1), relativedelta(years=1))
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", value)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or not 1900 <= year <= 2100:
            raise QueryError(f"bad month in {value!r}: {DATE_HELP}")
        start = datetime(year, month, 1)
        return start, _after(start, relativedelta(months=1))
    m = re.fullmatch(r"(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})", value)
    if m:
        try:
            return _day(datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            raise QueryError(f"there is no such day as {value!r}: {DATE_HELP}") from None
    # Other spellings ("Oct 2011", "October 20, 2011", "10/20/2011") need a four-digit year, so that a
    # stray number is not read as a day of some default year.
    if not re.search(r"(?<!\d)\d{4}(?!\d)", value):
        raise QueryError(f"cannot read the date {value!r}: {DATE_HELP}")
    from dateutil import parser as dateparser

    try:
        first = dateparser.parse(value, default=datetime(2000, 1, 1))
        second = dateparser.parse(value, default=datetime(2000, 2, 2))
    except (ValueError, OverflowError) as exc:
        raise QueryError(f"cannot read the date {value!r}: {DATE_HELP}") from exc
    if first.day != second.day and _MONTH_NAMES.search(value):
        # "Oct 2011": no day was given, so the whole month.
        start = datetime(first.year, first.month, 1)
        return start, _after(start, relativedelta(months=1))
    return _day(first)


def _range(lo: str, hi: str, now: datetime, exclusive_lo: bool, exclusive_hi: bool, shown: str) -> DateRange:
    start = None if lo in ("*", "") else _period(lo, now)[1 if exclusive_lo else 0]
    end = None if hi in ("*", "") else _period(hi, now)[0 if exclusive_hi else 1]
    if start and end and start >= end:
        raise QueryError(f"the date range {shown!r} is empty: put the earlier date first")
    return DateRange(start, end)


def date_value(value: str, now: datetime) -> DateRange:
    """The range a date: clause names: a period, a relative offset, a comparison or a range."""
    value = value.strip()
    if value.startswith(("[", "{")):
        inner = value[1:-1]
        parts = re.split(r"\s+TO\s+", inner.strip(), flags=re.I)
        if len(parts) != 2:
            raise QueryError(f"bad date range {value!r}: {DATE_HELP}")
        lo, hi = (p.strip() for p in parts)
        return _range(lo, hi, now, value.startswith("{"), value.endswith("}"), value)
    if ".." in value:
        lo, _, hi = value.partition("..")
        return _range(lo.strip(), hi.strip(), now, False, False, value)
    m = re.match(r"^(>=|<=|>|<)(.+)$", value)
    if m:
        op, rest = m.groups()
        lo, hi = _period(rest, now)
        return {
            ">": DateRange(hi, None),
            ">=": DateRange(lo, None),
            "<": DateRange(None, lo),
            "<=": DateRange(None, hi),
        }[op]
    if _RELATIVE_RE.match(value) and not value.startswith("+"):
        # "date:-30d", and "date:30d" as people write "the past 30d": the last 30 days, up to and including today.
        return DateRange(_period(value, now)[0], _day(now)[1])
    lo, hi = _period(value, now)
    return DateRange(lo, hi)


def date_filter(start: date | None, end: date | None) -> DateRange | None:
    """The range for --from/--to options: both days included."""
    if start is None and end is None:
        return None
    lo = datetime.combine(start, datetime.min.time()) if start else None
    hi = _after(datetime.combine(end, datetime.min.time()), timedelta(days=1)) if end else None
    if lo and hi and lo >= hi:
        raise QueryError("the 'from' date is after the 'to' date: swap them")
    return DateRange(lo, hi)
