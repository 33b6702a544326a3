"""Place names the gazetteer does not know, read from how a sentence uses them.

A report names districts, hamlets, road sectors and bridges that no gazetteer holds
("frente a la comisaría Ciudad Municipal de Cerro Colorado", "at Huipoca, San Alejandro and
Previsto"). :func:`unknown_names` finds such names in one sentence by the language alone: a
capitalised phrase (lowercase joiners "de", "del", "de la", ... allowed inside it) is a place
when the sentence puts it where places go:

- after a locative ("en", "frente a", "cerca de", "a la altura de", "hacia"; "in", "at", "near",
  "outside") or a place noun ("comisaría de", "distrito de", "sector", "the village of"), or
  before one ("Padre Abad province", "Cunyac bridge");
- as the name after "de" in a phrase headed by a place noun ("Comisaría Ciudad Municipal de
  Cerro Colorado" -> "Cerro Colorado"), or as a site named whole ("Puente Cunyac");
- as a member of a coordinated list whose other members are known places ("Huipoca, San
  Alejandro and Previsto"), which is also what "entre A y B" / "between A and B" needs;
- right before parentheses that place it ("Awajún (Rioja, San Martín)").

What is not a place is left out whatever its position: a name that overlaps a known place or a
road, weekdays and months, bodies, offices, buildings, streets and titles (Policía, Defensoría,
Gobierno, Congreso, Presidente, Plaza ...), outlets (a name after "según", "reported by", before
"informó", "reported", or in the outlet list), a person's name (followed by an age), countries,
natural regions, languages, feasts and platforms. The tables are in
:mod:`geo.intake.extract.lexicon`; folding is :func:`geo.core.text.fold`.

Example
-------
>>> from geo.intake.extract.text import Sentence
>>> s = Sentence("Por la tarde, frente a la comisaría Ciudad Municipal de Cerro Colorado, un hombre murió.", 0, 0)
>>> [(n.text, n.cue) for n in unknown_names(s, "es", [], [])]
[('Cerro Colorado', 'site')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.core.text import fold
from geo.intake.extract.dataset_lexicon import Lexicon, default_lexicon
from geo.intake.extract.lexicon import (
    DEMONYM,
    NAME_AFTER_PLACE_NOUN,
    NAME_BETWEEN,
    NAME_LOCATIVE,
    NOT_PLACE_NAMES,
    NOT_PLACE_WORDS,
    OUTLET_AFTER,
    OUTLET_BEFORE,
    OUTLETS,
    PERSON_AFTER,
    PLACE_HEADS,
    PLACE_NOUN_BEFORE,
    PROVINCE_NOUN,
    ROAD_AFTER,
    ROAD_NOUN,
    SITE_HEADS,
    SITE_NOUN,
    STOP_CAPITALS,
    STREET_NOUN,
    TITLE_WORDS,
)
from geo.intake.extract.text import CALENDAR_WORDS, Sentence

__all__ = ["NAME_PHRASE", "UnknownName", "unknown_names"]

_CAP_WORD = r"[A-ZÁÉÍÓÚÑÜ][\wÁÉÍÓÚÑÜáéíóúñü'’.]*"
#: A capitalised name phrase: capitalised words, with lowercase joiners between them.
NAME_PHRASE = re.compile(rf"{_CAP_WORD}(?:(?:\s+(?:de|del|de la|de los|de las|la|las|los|el)\s+|\s+){_CAP_WORD})*")
_JOINERS = {"de", "del", "la", "las", "los", "el"}
_ARTICLES = {"el", "la", "los", "las"}
_LIST_GAP = re.compile(r"^\s*(?:,(?:\s+(?:en|in|at))?|,?\s+(?:y|e|and|o|u|or)(?:\s+(?:en|in|at))?)\s*$")
_COORDINATOR = re.compile(r"\b(?:y|e|and|o|u|or)\b")
#: Nouns of a site or of a part of a town: a name they introduce is more precise than a town beside it.
_SITE_WORD = re.compile(r"comisaria|municipalidad|plaza de armas|sector|cruce|desvio|puente|peaje|garita|tunel|"
                        r"aeropuerto|terminal|bridge|toll(?: booth)?|checkpoint|junction|crossing|police station|"
                        r"airport")


@dataclass(frozen=True)
class UnknownName:
    """A name the sentence uses as a place (offsets are the sentence's).

    ``level`` is ``province`` when the sentence says so ("provincia de X", "X province"), else
    ``unknown``; ``cue`` says what made it a place: ``site`` (a site's or a part of a town's noun:
    "comisaría de X", "Puente X", "sector X", "X bridge"), ``place`` (an area's or a settlement's
    noun: "distrito de X", "X province", "the village of X"), ``locative`` ("en X", "near X"),
    ``list`` (a list with known places) or ``paren`` ("X (Rioja, San Martín)").
    """

    text: str
    start: int
    end: int
    level: str
    cue: str


@dataclass
class _Candidate:
    start: int
    end: int
    level: str
    cue: str | None            # None: a place only as a member of a list with a known place
    between: bool = False      # after "entre" / "between": needs a known place at the other end


def unknown_names(sentence: Sentence, lang: str, known: list[tuple[int, int, bool | None]],
                  roads: list[tuple[int, int]], lexicon: Lexicon | None = None) -> list[UnknownName]:
    """The names of ``sentence`` that are used as places but are not among ``known``.

    ``known`` holds ``(start, end, licensed)`` for every gazetteer place found in the sentence:
    ``licensed`` is True when the sentence uses it as a place, False when it might be one (a
    small town with no locative: a list can make it one), None when it is not one here (a
    street's name, a town inside a road's name); ``roads`` holds the ranges of the roads found
    in it. A name that overlaps either is not returned. ``lexicon`` is the dataset's (its bodies,
    outlets and names that are never places; default: the bundled data folder's).
    """
    lexicon = lexicon if lexicon is not None else default_lexicon()
    text, low = sentence.text, sentence.low
    taken = [(a, b) for a, b, _ in known] + list(roads)
    candidates: list[_Candidate] = []
    for m in NAME_PHRASE.finditer(text):
        a, b = m.span()
        if sentence.is_masked(a, b) or any(a < tb and ta < b for ta, tb in taken):
            continue
        found = _candidate(sentence, lang, a, b, lexicon)
        if found is not None:
            candidates.append(found)
    listed = _listed(low, candidates, known)
    out = []
    for c in candidates:
        own = None if c.between else c.cue
        cue = own or ("list" if id(c) in listed else None)
        if cue == "paren":
            # "Awajún (Rioja, San Martín)": only parentheses that name a known place place a name.
            paren = re.match(r"\s*\(([^()]*)\)", low[c.end:])
            inside = (c.end + paren.start(1), c.end + paren.end(1)) if paren else (0, 0)
            if not any(inside[0] <= ka and kb <= inside[1] for ka, kb, _ in known):
                cue = None
        if cue is None:
            continue
        raw = text[c.start:c.end]
        out.append(UnknownName(raw, c.start, c.end, c.level, cue))
    return out


def _words(text: str, a: int, b: int) -> list[tuple[str, int]]:
    return [(w.group(0), a + w.start()) for w in re.finditer(r"\S+", text[a:b])]


def _candidate(sentence: Sentence, lang: str, a: int, b: int, lexicon: Lexicon) -> _Candidate | None:
    """The name inside the capitalised phrase ``a``-``b`` and the cue before or after it, or
    None when the phrase is not a place's name."""
    text, low = sentence.text, sentence.low
    words = _words(text, a, b)
    # Leading sentence words ("En", "Por", "The") are not part of a name; Spanish articles are ("La Joya").
    while words and fold(words[0][0]) in STOP_CAPITALS and not (lang == "es" and fold(words[0][0]) in _ARTICLES
                                                                 and len(words) > 1):
        words = words[1:]
    # "Bloquearon el Puente Cunyac": a sentence's first word joined to a name by an article is a verb.
    if len(words) > 2 and fold(words[1][0]) in _ARTICLES and words[1][0][0].islower() \
            and not re.sub(r"[\s\"'“«¿¡(—–-]", "", low[:words[0][1]]):
        words = words[2:]
    if not words:
        return None
    folded = [fold(w).strip(".'’") for w, _ in words]
    if len(words) > 1 and folded[0] in _ARTICLES and (_head(folded[1:]) or folded[1] in SITE_HEADS):
        words, folded = words[1:], folded[1:]    # "la Municipalidad de X", "El Puente Cunyac"
    if " ".join(folded) in PLACE_HEADS or folded[0] in SITE_HEADS and len(folded) == 1:
        return None    # "la Comisaría", "el Puente": a noun, no name
    cue = None
    head = _head(folded)
    outside: list[str] = []    # words of the phrase before the name, other than its head noun
    if head:
        # "Comisaría Ciudad Municipal de Cerro Colorado": the place is the name after the last "de".
        joins = [i for i in range(head, len(folded)) if folded[i] in ("de", "del")
                 and not words[i][0][0].isupper()]
        rule = PLACE_HEADS[" ".join(folded[:head])]
        # "comisaría Ciudad Municipal de X": a site noun before the phrase makes it a site too.
        sited = _SITE_WORD.fullmatch(" ".join(folded[:head])) or _sited(low[max(0, words[0][1] - 60):words[0][1]])
        kind = "site" if sited else "place"
        if joins:
            rest = words[joins[-1] + 1:]
            if rest and fold(rest[0][0]) in _ARTICLES and rest[0][0][0].islower():
                rest = rest[1:]
            cue = kind
        elif rule == "strip":
            rest, cue = words[head:], kind
        elif rule == "whole":
            rest = words
        else:
            return None
        if not rest:
            return None
        outside = [w for w in folded[head:len(folded) - len(rest)] if w not in _JOINERS]
        words, folded = rest, [fold(w).strip(".'’") for w, _ in rest]
    elif folded[0] in SITE_HEADS and len(words) > 1:
        cue = "site"   # "Puente Cunyac", "Peaje de Tomasire": the site as written
        outside = [folded[0]]
        folded = folded[1:]
    start = words[0][1]
    last = re.sub(r"['’]s$", "", words[-1][0].rstrip(".,")).rstrip(".,’'")   # "Castillo's": the name is Castillo
    end = words[-1][1] + len(last)
    name = fold(text[start:end])
    content = [w for w in folded if w not in _JOINERS]
    if not content:
        return None
    if any(w in NOT_PLACE_WORDS or w in lexicon.bodies or w in CALENDAR_WORDS for w in content + outside):
        return None    # "Superintendencia de Transporte Terrestre", "Frente de Defensa de X", "Enero"
    bare = re.sub(r"^(?:el|la|los|las|the) ", "", name)
    if name in NOT_PLACE_NAMES or name in lexicon.not_places or name in OUTLETS or bare in OUTLETS \
            or name in lexicon.outlets or bare in lexicon.outlets:
        return None
    if any(re.search(r"\d", w) for w in content):
        return None
    raw_words = [w for w, _ in words if fold(w) not in _JOINERS]
    if len(raw_words) == 1 and raw_words[0].isupper() and len(raw_words[0]) <= 6:
        return None    # an acronym: a body, a party, an outlet ("PNP", "CGTP", "RPP")
    if lang == "en" and len(content) == 1 and DEMONYM.match(content[0]):
        return None    # "Peruvian", "Andean"
    if any(p.search(name) for p, _ in lexicon.reporters):
        return None
    before = low[max(0, start - 60):start]
    after = low[end:end + 40]
    if OUTLET_BEFORE.search(before) or OUTLET_AFTER.match(after) or PERSON_AFTER.match(after):
        return None
    if STREET_NOUN.search(before) or ROAD_NOUN.search(before) or ROAD_AFTER.match(after):
        return None
    place_noun_before = bool(PROVINCE_NOUN.search(before) or PLACE_NOUN_BEFORE.search(before)
                             or SITE_NOUN[lang].search(before))
    noun_after = NAME_AFTER_PLACE_NOUN.match(after)
    if content[0] in TITLE_WORDS and not place_noun_before and not noun_after:
        return None    # "Presidente Castillo"; but "provincia de Coronel Portillo" is a place
    possessive = re.match(r"^['’]s\b", low[end:end + 3])
    if possessive and not re.match(r"^['’]s\s+(?:\w+\s+)?(?:airport|bridge|square|main square|police station|"
                                   r"streets|outskirts|centre|center|district|market)\b", low[end:end + 40]):
        return None    # "Castillo's ouster"; but "Previsto's bridge" is a place
    level = "unknown"
    if PROVINCE_NOUN.search(before) and re.search(r"(?:provincia|province)\s+(?:de |del |of )?$", before) \
            or (noun_after and noun_after.group("noun") in ("province", "provincia")):
        level = "province"
    between = False
    if cue is None:
        if place_noun_before or noun_after:
            # "comisaría de X", "sector X", "X bridge": a site; "distrito de X", "X province": an area.
            sited = _sited(before) or bool(noun_after and _SITE_WORD.fullmatch(noun_after.group("noun")))
            cue = "site" if sited else "place"
        elif NAME_LOCATIVE[lang].search(before):
            cue = "locative"
        elif NAME_BETWEEN[lang].search(before):
            cue, between = "locative", True
        elif re.match(r"^\s*\(", after) and not re.match(r"^\s*\(\s*\d", after):
            cue = "paren"
    if noun_after and noun_after.group("noun") not in ("province", "provincia", "district", "distrito"):
        end += noun_after.end()   # "Cunyac bridge": the site as written
    return _Candidate(start, end, level, cue, between)


def _sited(before: str) -> bool:
    """Whether folded text ends with a site's noun ("la comisaría de ", "the sector of ")."""
    return bool(re.search(rf"(?:{_SITE_WORD.pattern})(?:e?s)?\s+(?:(?:de|del|of|in)\s+)?(?:(?:la|el|los|las|the)\s+)?$",
                          before))


def _head(folded: list[str]) -> int:
    """How many words of a phrase are a place-noun head ("Centro Poblado", "Comisaría"), else 0."""
    for n in (3, 2, 1):
        if len(folded) > n and " ".join(folded[:n]) in PLACE_HEADS:
            return n
    return 0


def _listed(low: str, candidates: list[_Candidate], known: list[tuple[int, int, bool | None]]) -> set[int]:
    """ids of the candidates that are members of a coordinated list ("A, B y C", "A and B")
    holding a known place, up to the member after the last coordinator ("A, B y C, Puno" stops
    at C: what follows a comma there is apposition, not the list). The list must be used as a
    place somewhere: a known member the sentence licenses, or a member with a cue of its own
    ("at the Cunyac bridge, Curahuasi, Pampatama and Cotaruse")."""
    items: list[tuple[int, int, _Candidate | None, bool]] = sorted(
        [(c.start, c.end, c, c.cue is not None and not c.between) for c in candidates]
        + [(a, b, None, bool(licensed)) for a, b, licensed in known if licensed is not None],
        key=lambda t: t[0])
    out: set[int] = set()
    chain: list[tuple[int, int, _Candidate | None, bool]] = []
    gaps: list[str] = []

    def close() -> None:
        if len(chain) > 1:
            coordinated = [i for i, g in enumerate(gaps) if _COORDINATOR.search(g)]
            if coordinated:
                last = coordinated[-1] + 1   # the member after the last coordinator
                members = chain[:last + 1]
                if any(c is None for _, _, c, _ in members) and any(ok for _, _, _, ok in members):
                    out.update(id(c) for _, _, c, _ in members if c is not None)

    for item in items:
        if chain:
            gap = low[chain[-1][1]:item[0]]
            if _LIST_GAP.match(gap):
                chain.append(item)
                gaps.append(gap)
                continue
            close()
        chain, gaps = [item], []
    close()
    return out
