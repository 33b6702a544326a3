"""Calendar days, the one way the project writes and compares them.

A day is a ``YYYY-MM-DD`` string in the dataset's time zone. Such strings sort as the days
they name, so masks over day columns are plain comparisons; :func:`day_number` turns a day
into an integer for array work.

Examples
--------
>>> check_day("2023-01-09")
'2023-01-09'
>>> shift_day("2023-01-01", -1)
'2022-12-31'
>>> day_range("2022-12-31", "2023-01-02")
['2022-12-31', '2023-01-01', '2023-01-02']
>>> overlaps("2023-01-08", "2023-01-10", "2023-01-09", "2023-01-09")
True
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from geo.core.i18n import N_, Message, message

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The first and last day any date in the data may name (an event, a hotspot, a source's
#: publication, a reported figure): wide for any dataset about recent events, narrow enough that
#: one mistyped year (0001, 9999) cannot make millions of day rows.
EARLIEST_DAY = "1900-01-01"
LATEST_DAY = "2100-12-31"
#: The longest an event or a hotspot may last, in days (about ten years).
MAX_SPAN_DAYS = 3_653
_EPOCH = np.datetime64("1970-01-01", "D")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")


def parse_date(value: Any) -> date | None:
    """The :class:`datetime.date` of a ``YYYY-MM-DD`` string, or None when it is not one."""
    if not isinstance(value, str) or not _DAY_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def day_bounds_problem(day: str) -> Message | None:
    """Why ``day`` (a valid ``YYYY-MM-DD``) lies outside :data:`EARLIEST_DAY` .. :data:`LATEST_DAY`, or None.

    >>> str(day_bounds_problem("0001-01-01"))
    '0001-01-01 is outside the days accepted (1900-01-01 to 2100-12-31)'
    """
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return message(N_("{day} is outside the days accepted ({first} to {last})"), day=day, first=EARLIEST_DAY,
                   last=LATEST_DAY)


def check_day(value: Any, name: str | None = None) -> str:
    """``value`` (a ``YYYY-MM-DD`` string, a date or a datetime) as a ``YYYY-MM-DD`` string.

    Raises
    ------
    ValueError
        When ``value`` is not a day (naming ``name`` when given).
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if parse_date(value) is None:
        raise ValueError(f"{name + ' ' if name else ''}{value!r} is not a date (YYYY-MM-DD)")
    return value


def check_range(first: Any, last: Any) -> tuple[str, str]:
    """``(first, last)`` as day strings; ValueError when the range ends before it starts."""
    first, last = check_day(first), check_day(last)
    if last < first:
        raise ValueError(f"range ends ({last}) before it starts ({first})")
    return first, last


def shift_day(day: Any, days: int) -> str:
    """The day ``days`` after ``day`` (before it when negative)."""
    return (date.fromisoformat(check_day(day)) + timedelta(days=days)).isoformat()


def day_range(first: Any, last: Any) -> list[str]:
    """Every day from ``first`` to ``last`` inclusive."""
    first, last = check_range(first, last)
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return [(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def day_number(day: Any) -> int:
    """Days since 1970-01-01 of a day."""
    return int((np.datetime64(check_day(day), "D") - _EPOCH).astype(np.int64))


def day_numbers(values: pd.Series | np.ndarray | list) -> np.ndarray:
    """:func:`day_number` of every day in ``values`` (``YYYY-MM-DD`` strings), vectorised."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    days = pd.to_datetime(pd.Series(values), format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    return (days - _EPOCH).astype(np.int64)


def overlaps(start: Any, end: Any, first: Any, last: Any) -> Any:
    """Whether ``[start, end]`` shares a day with ``[first, last]``: ``start <= last and end >= first``.

    The one definition of "active": an event is active on day D when ``overlaps(start, end, D, D)``.
    Works element-wise on day strings, day numbers, pandas Series and numpy arrays alike.
    """
    return (start <= last) & (end >= first)


def parse_written_date(text: str) -> str | None:
    """``YYYY-MM-DD``, ``12 December 2022`` or ``12-Dec-2022`` (as spreadsheets write them) as a
    ``YYYY-MM-DD`` string; None otherwise.

    >>> parse_written_date("9 Jan 2023")
    '2023-01-09'
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if _DAY_RE.match(text):
        parsed = parse_date(text)
        return parsed.isoformat() if parsed else None
    m = re.fullmatch(r"(\d{1,2})[\s\-/]+([A-Za-z]+)[\s\-/,]+(\d{4})", text)
    if not m:
        return None
    name = m.group(2).lower()
    month = next((i + 1 for i, full in enumerate(_MONTHS)
                  if full == name or (len(name) >= 3 and full.startswith(name))), None)
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None
