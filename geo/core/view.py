"""What a map shows: a day, a mode and filters."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from geo.core.dates import check_day, parse_date
from geo.core.i18n import ENGLISH, Translator
from geo.core.model import KINDS, Scope, short_repr
from geo.core.text import fold
from geo.core.words import kind_from_name, kind_name, kind_slug

MODES: tuple[str, ...] = ("day", "cumulative")
#: The query parameter naming the reader's language in a link.
LANG_PARAM = "lang"


@dataclass(frozen=True)
class View:
    """A day, a mode (``day``: active that day; ``cumulative``: started by then) and filters
    (an empty filter keeps everything).

    >>> View("2023-01-09", kinds=("clash",)).summary()
    'clash · all regions · this day only'
    """

    day: str
    mode: str = "day"
    kinds: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", check_day(self.day))
        if self.mode not in MODES:
            raise ValueError(f"mode {self.mode!r} is not one of {', '.join(MODES)}")
        if isinstance(self.kinds, str) or isinstance(self.regions, str):
            raise TypeError("kinds and regions must be sequences of names, not one string")
        object.__setattr__(self, "kinds", tuple(self.kinds))
        object.__setattr__(self, "regions", tuple(self.regions))
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")

    def to_params(self, lang: str | None = None, t: Translator = ENGLISH) -> dict[str, str]:
        """The view as a link's query parameters (the one place a view becomes a URL; read back
        by :func:`parse_view_params`): ``date`` and ``mode`` always, ``kinds`` (in ``t``'s words,
        :func:`~geo.core.words.kind_slug`), ``regions`` and ``lang`` when given.

        >>> View("2023-01-09", kinds=("clash", "blockade"), regions=("Puno",)).to_params("es")
        {'date': '2023-01-09', 'mode': 'day', 'kinds': 'clash,blockade', 'regions': 'Puno', 'lang': 'es'}
        """
        params = {"date": self.day, "mode": self.mode}
        if self.kinds:
            params["kinds"] = ",".join(kind_slug(k, t) for k in self.kinds)
        if self.regions:
            params["regions"] = ",".join(self.regions)
        if lang:
            params[LANG_PARAM] = lang
        return params

    def on(self, day: str) -> View:
        """The same view on another day."""
        return View(day, self.mode, self.kinds, self.regions)

    def summary(self, t: Translator = ENGLISH) -> str:
        """One line naming the filters, e.g. 'blockade, clash · all regions · this day only'."""
        kinds = ", ".join(kind_name(k, t) for k in self.kinds) if self.kinds else t.gettext("all kinds")
        regions = ", ".join(self.regions) if self.regions else t.gettext("all regions")
        mode = t.gettext("everything up to this day") if self.mode == "cumulative" else t.gettext("this day only")
        return f"{kinds} · {regions} · {mode}"


#: Longest parameter value of a link that is read (a longer one is cut before parsing).
MAX_PARAM = 2_000
#: Most names read from one list parameter (``kinds``, ``regions``).
MAX_NAMES = 50


def _param(params: Mapping[str, Any], key: str) -> str | None:
    """One query parameter as text: the last value of a repeated key, cut to :data:`MAX_PARAM`."""
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return None if value is None else str(value)[:MAX_PARAM]


def _names(text: str | None) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in (text or "").split(",") if n.strip()))[:MAX_NAMES]


def _listed(names: Sequence[str], t: Translator) -> str:
    shown = ", ".join(short_repr(n, 100) for n in names[:5])
    return shown if len(names) <= 5 else t.gettext("{names} and {n} more").format(names=shown, n=len(names) - 5)


def parse_view_params(params: Mapping[str, Any], first: date, last: date, default: date,
                      regions: Scope | Sequence[str], t: Translator = ENGLISH) -> tuple[View, list[str]]:
    """The view a link asks for (``?date=&mode=&kinds=&regions=``), and a warning per part of it
    that could not be used (the view then falls back to a valid value).

    Parameters
    ----------
    params : mapping
        The query parameters (a repeated key may hold a list: its last value counts).
    first, last : date
        The days the data covers; a date outside them moves to the nearest one.
    default : date
        The day shown when the link gives none, or a bad one.
    regions : Scope or sequence of str
        The dataset's regions, with their aliases when a :class:`~geo.core.model.Scope`
        (``Dataset.region_scope``); case and accents are ignored when matching.
    t : Translator, optional
        The reader's language (default English), made once at the edge (:func:`~geo.core.i18n.translator`).

    Returns
    -------
    (View, list of str)
        The warnings are plain text that may hold the link's own words: escape them for markdown.
    """
    warnings = []
    day = default
    raw_day = _param(params, "date")
    if raw_day is not None:
        parsed = parse_date(raw_day)
        if parsed is None:
            warnings.append(t.gettext("The link's date {value} is not a date (YYYY-MM-DD); showing {day}.").format(
                value=short_repr(raw_day, 100), day=t.date(day, "span")))
        elif not first <= parsed <= last:
            warnings.append(t.gettext("The data covers {first} to {last}; {day} is outside it, showing the nearest "
                                      "day.").format(first=t.date(first, "span"), last=t.date(last, "span"),
                                                  day=t.date(parsed, "span")))
            day = min(max(parsed, first), last)
        else:
            day = parsed
    mode = _param(params, "mode") or "day"
    if mode not in MODES:
        warnings.append(t.gettext("Unknown mode {mode}; showing mode 'day'.").format(mode=short_repr(mode, 100)))
        mode = "day"
    asked = _names(_param(params, "kinds"))  # codes, or kinds in any language (?kinds=bloqueo)
    kinds = [kind_from_name(k) or k for k in asked]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        warnings.append(t.gettext("Unknown kind(s) {bad} ignored; kinds are {kinds}.").format(
            bad=_listed(bad, t), kinds=", ".join(kind_slug(k, t) for k in KINDS)))
    scope = regions if isinstance(regions, Scope) else Scope(tuple(regions))
    wanted = _names(_param(params, "regions"))
    unknown = [r for r in wanted if scope.match(r) is None]
    if unknown:
        known = sorted(scope.regions, key=fold)
        warnings.append(t.gettext("Unknown region(s) {unknown} ignored; the data's regions are {regions}.").format(
            unknown=_listed(unknown, t), regions=", ".join(known) if known else t.gettext("none")))
    view = View(day.isoformat(), mode, tuple(dict.fromkeys(k for k in kinds if k in KINDS)),
                tuple(dict.fromkeys(m for m in map(scope.match, wanted) if m is not None)))
    return view, warnings
