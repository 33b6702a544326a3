"""The words people read for the contract's codes: kinds, statuses, modes, precision, metrics.

The codes themselves (``blockade``, ``confirmed``, ``blockade_points``) stay as they are in
files and JSON; these are their names on screen, in the reader's language (:mod:`geo.core.i18n`).
In English a kind's short name is its code, so English text reads as it always did.
"""
from __future__ import annotations

from geo.core.i18n import ENGLISH, N_, N_plural, Translator, available_languages, translator
from geo.core.text import fold

#: A kind's short name (filters, tables, tooltips).
KIND_NAMES: dict[str, str] = {
    "blockade": N_("blockade"),
    "protest": N_("protest"),
    "clash": N_("clash"),
    "closure": N_("closure"),
    "detention": N_("detention"),
    "other": N_("other"),
}
#: A kind's name in the legend.
KIND_LABELS: dict[str, str] = {
    "blockade": N_("Blockade (road, bridge, border)"),
    "protest": N_("Protest or rally"),
    "clash": N_("Clash with dead or injured"),
    "closure": N_("Closure (airport, border post, rail)"),
    "detention": N_("Detentions"),
    "other": N_("Other (arson, curfew site, ...)"),
}
STATUS_NAMES: dict[str, str] = {"confirmed": N_("confirmed"), "reported": N_("reported")}
#: How well a place (``geo``) and a day (``time``) are known, by precision code.
PRECISION_WORDS: dict[str, dict[int, str]] = {
    "geo": {1: N_("the site or town itself"), 2: N_("near the place, or part of a region"),
            3: N_("only the region is known (point at its capital)")},
    "time": {1: N_("day known"), 2: N_("only the week is known"), 3: N_("only the month is known")},
}
#: A reported metric's name (tables, charts).
METRIC_NAMES: dict[str, str] = {
    "blockade_points": N_("blockade points"),
    "roads_blocked": N_("roads blocked"),
    "regions_affected": N_("regions affected"),
    "deaths_total": N_("dead in all"),
    "detained": N_("detained"),
    "deaths_in_clashes": N_("dead in clashes (not all deaths)"),
    "injured_total": N_("injured in all"),
    "provinces_with_protests": N_("provinces with protests"),
}
#: "45 blockade points reported nationwide (SUTRAN)", per metric, singular and plural.
#: The publisher the SUTRAN importer names as the first source of the events it makes.
FEED_PUBLISHER = "SUTRAN"
#: The reporter of the counts of distinct protest points SUTRAN's archived alert feed listed each day.
FEED_REPORTER = "SUTRAN (alert feed)"
#: The sentence for such a count, and what is mapped of it.
FEED_LISTED = N_plural("{n} protest point listed in SUTRAN's alert feed", "{n} protest points listed in SUTRAN's alert feed")
FEED_MAPPED = N_plural("; {n} of them mapped", "; {n} of them mapped")


def from_feed(sources) -> bool:
    """Whether an event was made from SUTRAN's feed by the importer (its first source is SUTRAN itself)."""
    first = sources[0] if isinstance(sources, (list, tuple)) and sources else None
    return isinstance(first, dict) and first.get("name") == FEED_PUBLISHER


METRIC_REPORTED: dict[str, tuple[str, str]] = {
    "blockade_points": N_plural("{n} blockade point reported nationwide ({reporter})",
                                "{n} blockade points reported nationwide ({reporter})"),
    "roads_blocked": N_plural("{n} road blocked reported nationwide ({reporter})",
                              "{n} roads blocked reported nationwide ({reporter})"),
    "regions_affected": N_plural("{n} region affected reported nationwide ({reporter})",
                                 "{n} regions affected reported nationwide ({reporter})"),
    "deaths_total": N_plural("{n} dead in all reported nationwide ({reporter})",
                             "{n} dead in all reported nationwide ({reporter})"),
    "detained": N_plural("{n} detained reported nationwide ({reporter})",
                         "{n} detained reported nationwide ({reporter})"),
    "deaths_in_clashes": N_plural("{n} dead in clashes (not all deaths) reported nationwide ({reporter})",
                                  "{n} dead in clashes (not all deaths) reported nationwide ({reporter})"),
    "injured_total": N_plural("{n} injured in all reported nationwide ({reporter})",
                              "{n} injured in all reported nationwide ({reporter})"),
    "provinces_with_protests": N_plural("{n} province with protests reported nationwide ({reporter})",
                                        "{n} provinces with protests reported nationwide ({reporter})"),
}
#: The dead, injured and detained of an event ("17 dead").
COUNT_FORMS: dict[str, tuple[str, str]] = {
    "fatalities": N_plural("{n} dead", "{n} dead"),
    "injured": N_plural("{n} injured", "{n} injured"),
    "detained": N_plural("{n} detained", "{n} detained"),
}


def kind_name(kind: str, t: Translator = ENGLISH) -> str:
    """A kind's short name (its code in English; ``bloqueo de vía`` in Spanish)."""
    return t.gettext(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def kind_slug(kind: str, t: Translator = ENGLISH) -> str:
    """A kind as a link writes it in the reader's language: the first word of its short name, folded
    (``bloqueo`` in Spanish, ``blockade`` in English); :func:`kind_from_name` reads it back."""
    return fold(kind_name(kind, t)).split(" ")[0] if kind in KIND_NAMES else kind


def kind_from_name(name: str) -> str | None:
    """The kind code a link or a reader names, in any language with a catalogue: its code
    (``blockade``), its slug (``bloqueo``) or its short name (``bloqueo de vía``), case and accents
    ignored; None when it names no kind."""
    key = fold(str(name)).strip()
    if key in KIND_NAMES:
        return key
    for lang in available_languages():
        t = translator(lang)
        for kind in KIND_NAMES:
            if key in (kind_slug(kind, t), fold(kind_name(kind, t))):
                return kind
    return None


def kind_label(kind: str, t: Translator = ENGLISH) -> str:
    """A kind's legend label."""
    return t.gettext(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def status_name(status: str, t: Translator = ENGLISH) -> str:
    """``confirmed`` / ``reported`` in the reader's words."""
    return t.gettext(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def metric_name(metric: str, t: Translator = ENGLISH) -> str:
    """A reported metric's name (its code when it has none)."""
    return t.gettext(METRIC_NAMES[metric]) if metric in METRIC_NAMES else metric


def precision_words(scale: str, code: int, t: Translator = ENGLISH) -> str:
    """What precision ``code`` means on the ``geo`` or ``time`` scale ('' for an unknown code)."""
    words = PRECISION_WORDS[scale].get(int(code))
    return t.gettext(words) if words else ""


def counts_text(record: dict, t: Translator = ENGLISH) -> str:
    """``17 dead, 3 injured`` from an event's counts (only those above zero)."""
    return ", ".join(t.pair(COUNT_FORMS[k], int(record[k])) for k in COUNT_FORMS if int(record.get(k) or 0))


#: An event's place label in another language: ``place_es``, ``place_en`` (CONTRACT.md).
PLACE_PREFIX = "place_"


def place_for(record: dict, t: Translator = ENGLISH) -> str:
    """An event's place label in the reader's language (``place_es`` for a Spanish reader, CONTRACT.md),
    else ``place`` as reported.

    >>> from geo.core.i18n import translator
    >>> place_for({"place": "Puno city access roads", "place_es": "Accesos a la ciudad de Puno"}, translator("es"))
    'Accesos a la ciudad de Puno'
    >>> place_for({"place": "Juliaca"}, translator("es"))
    'Juliaca'
    """
    own = record.get(PLACE_PREFIX + t.lang)
    return str(own or record.get("place") or "")
