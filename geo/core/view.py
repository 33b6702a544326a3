"""What a map shows: a day, a mode and filters."""
from __future__ import annotations

from dataclasses import dataclass

from geo.core.dates import check_day
from geo.core.i18n import Translator, translator
from geo.core.model import KINDS
from geo.core.words import kind_name

MODES: tuple[str, ...] = ("day", "cumulative")


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

    def on(self, day: str) -> "View":
        """The same view on another day."""
        return View(day, self.mode, self.kinds, self.regions)

    def summary(self, lang: str | Translator | None = None) -> str:
        """One line naming the filters, e.g. 'blockade, clash · all regions · this day only'."""
        t = translator(lang)
        kinds = ", ".join(kind_name(k, t) for k in self.kinds) if self.kinds else t.gettext("all kinds")
        regions = ", ".join(self.regions) if self.regions else t.gettext("all regions")
        mode = t.gettext("everything up to this day") if self.mode == "cumulative" else t.gettext("this day only")
        return f"{kinds} · {regions} · {mode}"
