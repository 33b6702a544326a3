"""Lists of the dead, item by item: "the people who died in clashes:" then dates and numbered
names with an age and a place ("11/12/2022 1. NAME, 18 años, Andahuaylas (Andahuaylas, Apurímac)").

A reader turns such a list into one clash per date and place, with as many dead as the list
names there: the date written before a run of items is theirs (a date inside an item, such as
"internado desde el 10/12/22", is not), the place is the one after the age, and the last part
of its parenthesis is its region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.core.text import fold
from geo.intake.extract.lexicon import IN_CLASHES, STATUS

__all__ = ["ListedDeath", "listed_deaths"]

#: A heading that announces a list of the dead: ends with a colon, names the dead and a list.
_HEADING_LIST = {"es": re.compile(r"(?:^|\W)(?:lista|relacion|nombres)\b"),
                 "en": re.compile(r"(?:^|\W)(?:list|names)\b")}
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")
_ITEM = re.compile(r"(?<![\w.])(\d{1,3})\.\s+(?P<name>[^,\n]{2,80}?),\s*(?P<age>\d{1,3})\s*(?:anos|ano|years?(?: old)?)?"
                   r"\s*,\s*(?P<place>[^,()\d\n]{2,60}?)\s*\((?P<paren>[^()\n]{2,80})\)")


@dataclass
class ListedDeath:
    """One item of a list of the dead: its day, place, the region its parenthesis names, and where it is."""

    day: date
    place: str
    region_text: str
    start: int
    end: int


def _day(m: re.Match, lang: str) -> date | None:
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year = year + 2000 if year < 100 else year
    day, month = (a, b) if lang == "es" else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def listed_deaths(text: str, lang: str) -> tuple[list[ListedDeath], list[tuple[int, int]]]:
    """The items of every list of the dead in clashes in a report, and the character ranges the
    lists fill (the reader reads no further event there). A list is the text after a line that ends
    with a colon and announces a list of the dead in clashes, up to the next blank line."""
    folded = fold_keep(text)
    low = folded.lower()
    out: list[ListedDeath] = []
    spans: list[tuple[int, int]] = []
    for head in re.finditer(r"[^\n]{0,300}:[ \t]*\n", low):
        line = head.group(0)
        if not (STATUS["dead"][lang].search(line) and IN_CLASHES[lang].search(line) and _HEADING_LIST[lang].search(line)):
            continue
        start = head.end()
        blank = re.compile(r"\n[ \t]*\n").search(low, start)
        end = blank.start() if blank else len(low)
        current: date | None = None
        pos = start
        for item in _ITEM.finditer(folded, start, end):
            for d in _DATE.finditer(folded, pos, item.start()):
                if not re.search(r"(?:desde|since|hasta|until)(?: el| the)?\s*$", low[max(0, d.start() - 12):d.start()]):
                    current = _day(d, lang) or current
            pos = item.end()
            if current is None:
                continue
            paren = [p.strip() for p in item.group("paren").split(",") if p.strip()]
            out.append(ListedDeath(current, text[item.start("place"):item.end("place")].strip(),
                                   paren[-1] if paren else "", item.start(), item.end()))
        if out:
            spans.append((start, end))
    return out, spans


def fold_keep(text: str) -> str:
    """Accents off, case and length kept, so offsets still point into the text."""
    return "".join(ch if len(fold(ch)) != 1 else (fold(ch).upper() if ch.isupper() else fold(ch)) for ch in text)
