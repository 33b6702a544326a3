"""ACLED's files, as ACLED has published them, in and out.

ACLED (the Armed Conflict Location & Event Data project) has published its events in three
column layouts, all read here:

* **pre-2019** (``gwno``, ``ally_actor_1``, often upper-case names): no ``sub_event_type``;
  combined event types such as ``Riots/Protests`` or ``Battle-No change of territory``;
* **2019-2023** (31 columns with ``data_id``, ``iso3``, ``assoc_actor_1``, ``sub_event_type``);
* **current** (31 columns with ``disorder_type``, ``civilian_targeting`` and ``tags``), which
  ACLED's export tool may also write *one row per actor* (the same ``event_id_cnty`` repeated).

Dates come as ACLED and spreadsheets write them: ``2020-05-09``, ``9 May 2020``,
``31 March 2020``, ``9-May-20``, Excel serial numbers (``43960``) and ``09/05/2020`` (day and
month told apart by the file's other dates). ``admin1`` (else ``admin2``) becomes the dataset's
region through its names and ``region_aliases`` (``Lima Province`` -> ``Lima``).

ACLED names publishers but never links to reports; ACLED itself is then the citable source:
``{"name": "ACLED", "event_id_cnty", "timestamp", "published", "publishers": [...]}`` with the
actors and ACLED's event and sub-event types (CONTRACT.md, the ``sources`` row).

:func:`acled_rows` writes events in the current layout; what ACLED has no column for (the
end date, road and km post, injured and detained, status, sources with links, the kind when the
types do not say it) goes into ``tags`` as ``key=value`` pairs, so the file imports back to the
same events (:func:`decode_tags`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from geo.core.i18n import N_, Message, message
from geo.core.model import Scope, is_dataset_citation, short_repr
from geo.core.text import fold

#: The current layout's columns, in ACLED's order (codebook 2023-): what ``export --format acled`` writes.
CURRENT_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
#: The name ACLED's citations carry in ``sources``.
ACLED = "ACLED"
LAYOUTS: tuple[str, ...] = ("pre-2019", "2019-2023", "current")

# ---------------------------------------------------------------- kinds

_BLOCKADE_TEXT = re.compile(
    r"bloque|blockad|roadblock|road block|piquete|"
    r"block(?:ed|ing|s)?\s+(?:\w+\s+){0,3}(?:road|roads|highway|highways|route|routes|bridge|bridges|access)",
    re.IGNORECASE)

#: (event type, sub-event type, kind, when) as ACLED defines its types; ``when`` qualifies the
#: rule. The README's table is this one (tests/docs checks it).
KIND_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("Protests", "Peaceful protest", "protest", "blockade when the notes describe a road blockade"),
    ("Protests", "Protest with intervention", "protest", "blockade when the notes describe a road blockade"),
    ("Protests", "Excessive force against protesters", "clash", ""),
    ("Riots", "Violent demonstration", "clash", ""),
    ("Riots", "Mob violence", "protest", "clash when anyone died"),
    ("Battles", "(any)", "clash", ""),
    ("Violence against civilians", "(any)", "clash", ""),
    ("Explosions/Remote violence", "(any)", "clash", ""),
    ("Strategic developments", "Arrests", "detention", ""),
    ("Strategic developments", "(any other)", "other", ""),
    ("Riots/Protests (pre-2019)", "", "protest", "blockade by the notes; clash when anyone died"),
    ("Battle-No change of territory (pre-2019)", "", "clash", ""),
    ("Battle-Government regains territory (pre-2019)", "", "clash", ""),
    ("Battle-Non-state actor overtakes territory (pre-2019)", "", "clash", ""),
    ("Remote violence (pre-2019)", "", "clash", ""),
    ("Strategic development (pre-2019)", "", "other", "detention when the notes report arrests"),
    ("Headquarters or base established (pre-2019)", "", "other", ""),
    ("Non-violent transfer of territory (pre-2019)", "", "other", ""),
)
_ARRESTS = re.compile(r"\barrest|\bdetain|\bdetention", re.IGNORECASE)
_VIOLENT = ("battles", "violence against civilians", "explosions/remote violence", "remote violence",
            "battle-no change of territory", "battle-government regains territory",
            "battle-non-state actor overtakes territory")
_OTHER = ("headquarters or base established", "non-violent transfer of territory")


def acled_kind(event_type: str, sub_event_type: str, fatalities: int, notes: str) -> str | None:
    """The contract kind of an ACLED event (see :data:`KIND_TABLE`), or None when the type has no
    counterpart (``Natural disasters``, say).

    >>> acled_kind("Protests", "Peaceful protest", 0, "Protesters blocked the highway.")
    'blockade'
    >>> acled_kind("Riots/Protests", "", 3, "")
    'clash'
    """
    et, sub = fold(event_type or ""), fold(sub_event_type or "")
    blockade = bool(_BLOCKADE_TEXT.search(notes or ""))
    if et == "protests":
        if sub == "excessive force against protesters":
            return "clash"
        if blockade and sub in ("peaceful protest", "protest with intervention", ""):
            return "blockade"
        return "protest"
    if et == "riots":
        if sub == "violent demonstration":
            return "clash"
        return "clash" if fatalities > 0 else "protest"
    if et == "riots/protests":
        if fatalities > 0:
            return "clash"
        return "blockade" if blockade else "protest"
    if et in _VIOLENT:
        return "clash"
    if et == "strategic developments":
        return "detention" if sub == "arrests" else "other"
    if et == "strategic development":
        return "detention" if _ARRESTS.search(notes or "") else "other"
    if et in _OTHER:
        return "other"
    return None


#: The ACLED types written for each kind: (disorder_type, event_type, sub_event_type, inter1 label).
KIND_TYPES: dict[str, tuple[str, str, str, str]] = {
    "blockade": ("Demonstrations", "Protests", "Peaceful protest", "Protesters"),
    "protest": ("Demonstrations", "Protests", "Peaceful protest", "Protesters"),
    "clash": ("Demonstrations", "Riots", "Violent demonstration", "Rioters"),
    "detention": ("Strategic developments", "Strategic developments", "Arrests", "State forces"),
    "closure": ("Strategic developments", "Strategic developments", "Other", "Protesters"),
    "other": ("Strategic developments", "Strategic developments", "Other", "Protesters"),
}
_DISORDER = {"protests": "Demonstrations", "riots": "Demonstrations", "battles": "Political violence",
             "violence against civilians": "Political violence", "explosions/remote violence": "Political violence",
             "strategic developments": "Strategic developments"}

# ---------------------------------------------------------------- layouts and dates


def acled_layout(header: Iterable[str]) -> str:
    """``pre-2019``, ``2019-2023`` or ``current`` from a header (names folded to lower case)."""
    names = {fold(h).replace(" ", "_") for h in header}
    if "disorder_type" in names or "civilian_targeting" in names or "tags" in names:
        return "current"
    if "sub_event_type" in names:
        return "2019-2023"
    return "pre-2019"


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_EXCEL_EPOCH = date(1899, 12, 30)
_WRITTEN = re.compile(r"(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{4}|\d{2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def _year(text: str) -> int:
    """A 4-digit year, or a 2-digit one as spreadsheets read it (69-99: 1900s, 00-68: 2000s)."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _month(name: str) -> int | None:
    name = name.lower()
    return next((i + 1 for i, full in enumerate(_MONTHS) if full == name or (len(name) >= 3 and full.startswith(name))),
                None)


def slash_order(values: Iterable[str]) -> str:
    """``dmy`` or ``mdy``: how a file writes ``01/02/2020``, told by any date whose day is over 12
    (day-first, ACLED's own habit, when none tells)."""
    day_first = month_first = False
    for value in values:
        m = _SLASHED.fullmatch(value.strip()) if isinstance(value, str) else None
        if m:
            day_first |= int(m.group(1)) > 12
            month_first |= int(m.group(2)) > 12
    return "mdy" if month_first and not day_first else "dmy"


def parse_acled_date(value: Any, order: str = "dmy") -> str | None:
    """A date as ACLED files write it, as ``YYYY-MM-DD``; None when it is not one.

    >>> [parse_acled_date(v) for v in ("2020-05-09", "9 May 2020", "31 March 2020", "9-May-20", "43960")]
    ['2020-05-09', '2020-05-09', '2020-03-31', '2020-05-09', '2020-05-09']
    >>> parse_acled_date("05/31/2020", "mdy"), parse_acled_date("31/05/2020")
    ('2020-05-31', '2020-05-31')
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        m = _ISO.fullmatch(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        m = _WRITTEN.fullmatch(text)
        if m:
            month = _month(m.group(2))
            return date(_year(m.group(3)), month, int(m.group(1))).isoformat() if month else None
        m = _SLASHED.fullmatch(text)
        if m:
            first, second = int(m.group(1)), int(m.group(2))
            day, month = (first, second) if order == "dmy" else (second, first)
            return date(_year(m.group(3)), month, day).isoformat()
        m = re.fullmatch(r"(\d{5})(?:\.0+)?", text)
        if m and 20000 <= int(m.group(1)) <= 80000:  # an Excel serial: 1954 to 2119
            return (_EXCEL_EPOCH + timedelta(days=int(m.group(1)))).isoformat()
    except ValueError:  # 31 February and the like
        return None
    return None


# ---------------------------------------------------------------- regions

_ADMIN_WORDS = re.compile(r"^(?:provincia|departamento|region|región|department|province|state|estado) (?:de |of )?"
                          r"|\s+(?:province|region|department|state|governorate|district|county)$", re.IGNORECASE)


def acled_region(admin1: str | None, admin2: str | None, scope: Scope) -> str | None:
    """The dataset's region for ACLED's ``admin1`` (else ``admin2``): its names and
    ``region_aliases`` first (case and accents ignored), then without a word such as
    ``Province`` or ``Region``; None when neither names one of its regions.

    >>> acled_region("Lima Province", "Lima", Scope(("Lima", "Puno")))
    'Lima'
    """
    for name in (admin1, admin2):
        if not isinstance(name, str) or not name.strip():
            continue
        for candidate in (name, _ADMIN_WORDS.sub("", name.strip())):
            found = scope.region(candidate)
            if found is not None:
                return found
    return None


# ---------------------------------------------------------------- tags


_TAG_KEYS: tuple[str, ...] = ("id", "kind", "end", "road", "km", "injured", "detained", "status", "actors",
                              "place_es", "place_en", "description_es", "description_en", "sources")


def _escape_tag(text: str) -> str:
    return text.replace("%", "%25").replace(";", "%3B").replace("\n", "%0A").replace("\r", "%0D")


def _unescape_tag(text: str) -> str:
    return re.sub(r"%(25|3B|0A|0D)", lambda m: {"25": "%", "3B": ";", "0A": "\n", "0D": "\r"}[m.group(1)], text)


def encode_tags(ours: Mapping[str, Any], theirs: str = "") -> str:
    """ACLED's ``tags`` cell: ACLED's own tags, then ``key=value`` pairs of our fields.

    >>> encode_tags({"end": "2023-01-12", "status": "confirmed"}, "crowd size=no report")
    'crowd size=no report; end=2023-01-12; status=confirmed'
    """
    parts = [theirs.strip()] if theirs and theirs.strip() else []
    for key in _TAG_KEYS:
        if key in ours and ours[key] is not None:
            value = ours[key]
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":")) if isinstance(value, (list, dict)) \
                else str(value)
            parts.append(f"{key}={_escape_tag(text)}")
    return "; ".join(parts)


def decode_tags(cell: str) -> tuple[dict[str, str], str]:
    """Our ``key=value`` pairs of a ``tags`` cell, and the rest (ACLED's own tags) as written."""
    ours: dict[str, str] = {}
    theirs = []
    for part in (cell or "").split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if sep and key.strip() in _TAG_KEYS:
            ours[key.strip()] = _unescape_tag(value)
        else:
            theirs.append(part)
    return ours, "; ".join(theirs)


# ---------------------------------------------------------------- reading rows


def split_list(cell: Any) -> list[str]:
    """The items of a ``; ``-separated cell (ACLED's publishers, associated actors, tags).

    >>> split_list("RPP; Andina ;")
    ['RPP', 'Andina']
    """
    return [p.strip() for p in str(cell or "").split(";") if p.strip()]


def parse_timestamp(value: Any) -> int | None:
    """ACLED's ``timestamp`` (seconds since 1970) as an int, or None when the cell holds none."""
    text = str(value or "").strip()
    if re.fullmatch(r"\d{9,11}(?:\.0+)?", text):
        return int(float(text))
    return None


def citation(event_id: str, timestamp: int | None, published: str | None, publishers: Sequence[str],
             actors: Sequence[str] = (), event_type: str = "", sub_event_type: str = "", tags: str = "") -> dict:
    """The ``sources`` entry that cites ACLED for one event (no link: ACLED gives none): its
    ``event_id_cnty`` and ``timestamp``, the publishers it names, and how ACLED coded it."""
    out: dict[str, Any] = {"name": ACLED, "published": published, "event_id_cnty": event_id}
    if timestamp is not None:
        out["timestamp"] = timestamp
    if publishers:
        out["publishers"] = list(publishers)
    if actors:
        out["actors"] = list(actors)
    if event_type:
        out["event_type"] = event_type
    if sub_event_type:
        out["sub_event_type"] = sub_event_type
    if tags:
        out["tags"] = tags
    return out


def actors_of(row: Mapping[str, str]) -> list[str]:
    """The named actors of a row: actor1, its associates, actor2, its associates (each once)."""
    names: list[str] = []
    for column in ("actor1", "assoc_actor_1", "ally_actor_1", "actor2", "assoc_actor_2", "ally_actor_2"):
        for name in split_list(row.get(column)):
            if name not in names:
                names.append(name)
    return names


def same_event_problem(first: Mapping[str, str], other: Mapping[str, str]) -> Message | None:
    """Why a row repeating an ``event_id_cnty`` cannot be the same event (another date or place)."""
    for column in ("event_date", "location", "latitude", "longitude"):
        a, b = (first.get(column) or "").strip(), (other.get(column) or "").strip()
        if a != b:
            return message(N_("repeats event {event} with another {column} ({value}, not {first})"),
                           event=first.get("event_id_cnty"), column=column, value=short_repr(b), first=short_repr(a))
    return None


# ---------------------------------------------------------------- writing rows


@cache
def _country(code: str | None) -> tuple[str, str]:
    """(English name, ISO 3166 numeric code) of an alpha-2 code, from Babel's CLDR data."""
    if not code:
        return "", ""
    from babel import Locale
    from babel.core import get_global

    name = Locale("en").territories.get(code, "")
    numeric = next((k for k, v in get_global("territory_aliases").items() if k.isdigit() and v == [code]), "")
    return name, str(int(numeric)) if numeric else ""


def _day_timestamp(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def acled_row(record: Mapping[str, Any], country: str | None = None) -> dict[str, Any]:
    """One event record (see :func:`geo.core.frames.event_record`) as a row of ACLED's current layout.

    ACLED's types come from the event's ACLED citation when it has one, else from its kind
    (:data:`KIND_TYPES`); our fields without an ACLED column go into ``tags``.
    """
    sources = list(record["sources"])
    cited = next((s for s in sources if is_dataset_citation(s)), None)
    disorder, event_type, sub_event_type, inter = KIND_TYPES[record["kind"]]
    if cited and cited.get("event_type"):
        event_type, sub_event_type = cited["event_type"], cited.get("sub_event_type", "")
        disorder = _DISORDER.get(fold(event_type), disorder)
    name, numeric = _country(country)
    actors = list(cited.get("actors") or []) if cited else []
    ours: dict[str, Any] = {}
    fid = str(record["id"])
    event_id = cited["event_id_cnty"] if cited else fid
    if fid != f"acled-{event_id}":
        ours["id"] = fid
    description = record.get("description") or ""
    if acled_kind(event_type, sub_event_type, int(record["fatalities"]), description) != record["kind"]:
        ours["kind"] = record["kind"]
    if record["end"] != record["start"]:
        ours["end"] = record["end"]
    if record.get("road"):
        ours["road"] = record["road"]
    if record.get("km") is not None:
        ours["km"] = _number(record["km"])
    for count in ("injured", "detained"):
        if int(record.get(count) or 0):
            ours[count] = int(record[count])
    if record.get("status") and record["status"] != "reported":
        ours["status"] = record["status"]
    for key in ("place_es", "place_en", "description_es", "description_en"):
        if record.get(key):
            ours[key] = record[key]
    publishers = list(cited.get("publishers") or []) if cited else [s.get("name", "") for s in sources]
    timestamp = cited.get("timestamp") if cited else None
    if timestamp is None:
        timestamp = _day_timestamp(max(str(s.get("published") or record["start"]) for s in sources))
    rebuilt = [citation(event_id, cited.get("timestamp"), cited.get("published"), publishers, actors,
                        cited.get("event_type", ""), cited.get("sub_event_type", ""), cited.get("tags", ""))] \
        if cited else []
    if sources != rebuilt:
        ours["sources"] = sources
    if not actors:
        ours["actors"] = []
        actors = [f"{inter} ({name})" if name else inter]
    theirs = cited.get("tags", "") if cited else ""
    return {
        "event_id_cnty": event_id, "event_date": record["start"], "year": int(record["start"][:4]),
        "time_precision": int(record["time_precision"]), "disorder_type": disorder, "event_type": event_type,
        "sub_event_type": sub_event_type, "actor1": actors[0], "assoc_actor_1": "; ".join(actors[1:]),
        "inter1": inter, "actor2": "", "assoc_actor_2": "", "inter2": "", "interaction": f"{inter} only",
        "civilian_targeting": "", "iso": numeric, "region": "", "country": name, "admin1": record["region"],
        "admin2": "", "admin3": "", "location": record["place"], "latitude": record["lat"],
        "longitude": record["lon"], "geo_precision": int(record["geo_precision"]),
        "source": "; ".join(p for p in publishers if p), "source_scale": "", "notes": description,
        "fatalities": int(record["fatalities"]), "tags": encode_tags(ours, theirs), "timestamp": int(timestamp),
    }


def acled_rows(records: Sequence[Mapping[str, Any]], country: str | None = None) -> list[dict[str, Any]]:
    """Rows of ACLED's current layout (:data:`CURRENT_COLUMNS`), one per event."""
    return [acled_row(r, country) for r in records]

