"""From a news report to candidate events and counts (``blockade-map extract``).

:func:`extract` reads a plain-text report in Spanish or English and proposes what an editor
would type into the Add form: events (kind, place, region, dates, counts, road and km, a point
with its precision) and national or regional counts (the metrics of ``reported_counts.csv``
plus ``deaths_in_clashes`` and ``injured_total``), each with the sentence it was read from.

It works by rules, the gazetteer and two registry packages (``dateparser`` for dates relative
to the publication date, ``text2num`` for numbers in words); nothing is downloaded. It knows
the traps editors know: a dateline's date is the publication date, not the event's; a figure
given first and corrected later in the same report keeps only the correction; a subtotal
("39 en enfrentamientos") is not a total; casualties recalled from an earlier event ("los
fallecidos en Juliaca") are not new ones.

Example
-------
>>> out = extract("Cusco, 12 de enero de 2023. En Tacna, unas cinco mil personas marcharon ayer.",
...               "2023-01-12")
>>> [(e["kind"], e["place"], e["start"]) for e in out["events"]]
[('protest', 'Tacna', '2023-01-11')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geo.core.geodesy import distance_m
from geo.core.model import KINDS, METRICS
from geo.core.text import fold
from geo.intake.extract.dataset_lexicon import Lexicon, default_lexicon
from geo.intake.extract.lexicon import (
    ACCIDENT,
    ATTEMPT,
    BLOCKADE_MEANS,
    CAUSE,
    CAUSE_VERB,
    CLOSURE_OBJECT,
    CLOSURE_VERB,
    CONTINUATION,
    DECIDED,
    DEFINITE,
    DOUBT,
    FRAMING,
    IN_CLASHES,
    INTERIM,
    KIND_PATTERNS,
    METRIC_NOUNS,
    NATIONAL,
    NEGATED,
    NOT_HEADCOUNT,
    OCCUPY,
    PERSON,
    PLAN,
    REFERENCE,
    REGION_NOUN,
    RELEASED,
    REPORTING,
    SAME_AGAIN,
    STATUS,
    STRONG_NATIONAL,
    SUBSET,
    SUPERLATIVE,
    UPDATE,
)
from geo.intake.extract.lists import listed_deaths
from geo.intake.extract.places import PlaceMention, RoadMention, at_capital, find_places, find_roads, load_capitals
from geo.intake.extract.text import (
    DateMention,
    Number,
    Sentence,
    check_report,
    dates_in,
    detect_language,
    numbers_in,
    resolve_date_phrase,
    split_sentences,
)
from geo.places.gazetteer import Gazetteer, Place, default_gazetteer
from geo.places.geocode import geocode

__all__ = ["extract", "COUNT_METRICS", "EXTRA_METRICS"]

#: Count metrics a report can give beyond the contract's ``reported_counts.csv`` ones.
EXTRA_METRICS: tuple[str, ...] = ("deaths_in_clashes", "injured_total")
COUNT_METRICS: tuple[str, ...] = METRICS + EXTRA_METRICS
#: Two mentions of the same kind on the same day closer than this are one event.
MERGE_RADIUS_KM = 15.0
_EVENT_FIELDS = ("kind", "place", "region", "start", "end", "time_precision", "fatalities", "injured", "detained",
                 "road", "km", "lon", "lat", "geo_precision", "site", "reporter", "evidence", "evidence_spans", "notes")
_STATUS_FIELD = {"dead": "fatalities", "injured": "injured", "detained": "detained"}


# ---------------------------------------------------------------- figures

@dataclass
class Figure:
    """A number in a sentence and what it counts."""

    number: Number
    status: str | None = None          # dead, injured, detained
    metric: str | None = None          # blockade_points, roads_blocked, regions_affected
    person: bool = False
    in_clashes: bool = False
    interim: bool = False
    update: bool = False
    reference: bool = False
    subset: bool = False
    group: int = -1
    noun_end: int = 0                  # where the words saying what it counts end
    partitive: bool = False            # "23 de los 44": a part given for a region
    after_end: int = 0                 # end of the words that qualify it ("en enfrentamientos con la policía")
    whole: bool = False                # a toll whose part is told apart ("seven have died, including a teenager ...")

    @property
    def value(self) -> int:
        """The number's value."""
        return self.number.value


def _figures(s: Sentence, lang: str, numbers: list[Number], skip: list[tuple[int, int]],
             lexicon: Lexicon | None = None) -> list[Figure]:
    low = s.low
    figures: list[Figure] = []
    usable = [n for n in numbers if not s.is_masked(n.start, n.end)
              and not any(n.start < b and a < n.end for a, b in skip)
              and not NOT_HEADCOUNT.match(low[n.end:n.end + 20])]
    for i, n in enumerate(usable):
        nxt = usable[i + 1].start if i + 1 < len(usable) else len(low)
        stop = re.search(r"[;:()]|\.\s|\.$", low[n.end:nxt])
        after = low[n.end:n.end + stop.start()] if stop else low[n.end:nxt]
        if NOT_HEADCOUNT.match(after) or (1900 <= n.value <= 2100 and not after.strip()):
            continue
        f = Figure(n)
        f.after_end = n.end + len(after)
        head = re.match(r"\s*(?:\S+\s+){0,3}", after)
        window = after[:max(len(head.group(0)) if head else 0, 0) + 25]
        f.noun_end = n.end
        bare = re.sub(r",?\s*(?:de \d+ anos|\d+ years? old|aged \d+),?", " ", window)
        for status, pats in STATUS.items():
            m = pats[lang].search(bare)
            # "killed two people and injured at least five": a status after "and" is the next figure's.
            if m and not re.search(r"\d", bare[:m.start()]) and len(bare[:m.start()].split()) <= 3 \
                    and not _NEXT_PHRASE.search(bare[:m.start()]):
                f.status = status
                f.noun_end = n.end + min(len(window), m.end() + (len(window) - len(bare)))
                break
        # "son seis los puntos bloqueados": an inverted copula names the figure's noun after an article.
        if f.status is None and re.search(r"(?:^|\W)(?:son|eran|fueron|suman|quedan|ya son)\s+(?:\w+\s+)?$",
                                          low[max(0, n.start - 20):n.start]):
            after = re.sub(r"^\s*(?:los|las)\s+", " ", after)
        if f.status is None:
            for metric, pats in METRIC_NOUNS.items():
                if pats[lang].match(_named_after(after, low[:n.start], lang)) or (metric == "regions_affected" and
                                                        pats[lang].match(re.sub(r"^\s*(?:de las|of the)\s+", "", after).lstrip())):  # noqa: E501
                    f.metric = metric
                    break
        f.person = bool(PERSON[lang].match(after.lstrip())) or bool(
            lexicon is not None and lexicon.people is not None and lexicon.people.match(after.lstrip()))
        prev_end = usable[i - 1].end if i else 0
        clause_start = max(prev_end, low.rfind(";", 0, n.start) + 1)
        before = low[clause_start:n.start]
        if _KILLED_NOW[lang].search(before):
            f.status = "dead"   # "clashes killed two people and injured five": the verb before says what two counts
        partitive = re.match(r"\s+(?:de|of)\s+(?:los|las|the)\s+(\d[\d.,]*)", after if not after.strip() else
                             low[n.end:n.end + 20])
        if _OF_THE_HURT[lang].match(low, n.end):
            f.subset = True   # "los cuerpos de cinco de los fallecidos", "five of the dead": part of a toll told
        if f.status is None and f.metric is None and partitive:
            f.subset = True   # "23 de los 44 muertos": a part, counted with the whole's status below
            f.person = True
        # "llega a 7 la cifra de víctimas mortales": the figure is the toll named after it, as it stands now.
        named_after = _TOLL_AFTER[lang].match(after)
        if named_after and f.metric is None and any(p[lang].match(after[named_after.end():]) for p in STATUS.values()):
            f.update = True
        if f.status is None and f.metric is None:
            tail = " ".join(before.split(",")[-1].split()[-4:])
            # "la cifra de fallecidos en el país asciende a 65", "bringing the death toll to 56"
            rises = re.search(r"(?:asciende|ascendio|llega|llego|sube|subio|eleva|elevo|es de|rose|risen|climbed|"
                              r"reached|stands|stood|brings?|bringing)\s+(?:a|to|at)?\s*$", before)
            if rises:
                tail = " ".join(before.split(",")[-1].split()[-10:])
            for status, pats in STATUS.items():
                hits = list(pats[lang].finditer(tail))
                if hits and not re.search(r"\d", tail[hits[-1].end():]):
                    f.status = status
                    break
        if f.status is None and f.metric is None and not f.person and not re.search(
                r"(?:otros|otras|others|another|other|y|and|mas|plus)\s+$", before) and not _FROM_TO.search(low[:n.start]):
            continue
        f.in_clashes = bool(IN_CLASHES[lang].search(after))
        sentence_before = low[low.rfind(";", 0, n.start) + 1:n.start]
        f.interim = bool(INTERIM[lang].search(sentence_before)) or bool(
            re.search(r"(?:^|\W)(?:de|from)\s+$", low[max(0, n.start - 6):n.start])
            and re.match(r"\s+(?:a|to)\s+\d", low[n.end:n.end + 6]))
        f.update = f.update or bool(UPDATE[lang].search(sentence_before))
        definite = DEFINITE[lang].search(low[max(0, n.start - 12):n.start]) and not re.search(
            r"\d[\d.,]*\s+(?:de|of)\s+(?:los|las|the)\s+$", low[max(0, n.start - 20):n.start])
        f.reference = bool(REFERENCE[lang].search(sentence_before)) or bool(definite and f.status in ("dead", "injured"))
        f.subset = f.subset or bool(SUBSET[lang].search(" ".join(before.split()[-3:])) or SUBSET[lang].match(after.lstrip())
                        or (re.search(r"\(\s*(?:\S+\s+){0,2}$", low[max(0, n.start - 20):n.start]) and figures
                            and figures[-1].status is not None))
        figures.append(f)
    _propagate(figures, low, lang)
    _parts_of_a_whole(figures, low)
    return [f for f in figures if f.status or f.metric]


#: A whole given first: "del total de 72 heridos", "of the total of 72 injured", "out of 72".
_WHOLE_BEFORE = re.compile(r"(?:^|\W)(?:del total de|de un total de|de los|de las|of the total of|of a total of|"
                           r"out of(?: a total of)?|of the)\s+$")
#: The people just counted, named one by one: "identificadas como A, B y C, además de dos menores".
_NAMED_AS = re.compile(r"(?:^|\W)(?:identificad[oa]s? como|identified as|named as|cuyos nombres son|whose names are)\W")


def _parts_of_a_whole(figures: list[Figure], low: str) -> None:
    """Figures that break down one said before are parts of it, not more of it: after a whole
    ("del total de 72 heridos, diez murieron y ocho siguen hospitalizados") and after the people
    counted are named ("seis personas, identificadas como A y B, además de dos menores")."""
    for i, whole in enumerate(figures):
        if not whole.status:
            continue
        opens = bool(_WHOLE_BEFORE.search(low[max(0, whole.number.start - 24):whole.number.start])) and i == 0
        for part in figures[i + 1:]:
            gap = low[whole.number.end:part.number.start]
            if "." in gap or ";" in gap:
                break
            if opens or _NAMED_AS.search(gap):
                part.subset = True


#: A verb of killing right before a figure: "killed two people", "mataron a tres comuneros".
_KILLED_NOW = {"es": re.compile(r"(?:^|\W)(?:mat(?:o|aron|ando)|asesin(?:o|aron|ando))\s+(?:a\s+)?"
                                r"(?:al menos|por lo menos|mas de|unos|unas)?\s*$"),
               "en": re.compile(r"(?:^|\W)(?:killed|killing|kills|shot dead)\s+(?:at least|more than|nearly|some)?\s*$")}


#: A coordinated phrase between a figure and a status word: the word is the next phrase's.
_NEXT_PHRASE = re.compile(r"\s(?:and|y|e)\s+$")
#: One person told with the indefinite article and what befell them: "a protester was killed",
#: "an officer has been injured" (Spanish "un manifestante" is read as a number already).
_ONE_PERSON_HURT = {"en": re.compile(r"(?<![\w-])an?\s+(?:[a-z]+\s+)?(?:person|civilian|police officer|policeman|officer|"
                                     r"soldier|protester|demonstrator|resident|student|miner|farmer|man|woman|teenager|"
                                     r"boy|girl|child|minor)\s+(?:was|has been|had been)\s+(?:killed|shot dead|injured|"
                                     r"wounded|hurt|arrested|detained)(?![\w])")}


#: One named person with their age, and what befell them: "Juan Pérez, de 30 años, falleció",
#: "Juan Perez, 30, died" (the name's case is read on the text itself).
_NAMED_HURT = {"es": re.compile(r"(?<![\w])[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){1,3},\s+de\s+\d{1,3}\s+años,\s+"
                                r"(?:falleci[oó]|muri[oó]|perdi[oó] la vida|result[oó] herid[oa]|fue (?:detenid|herid)[oa])"),
               "en": re.compile(r"(?<![\w])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3},\s+\d{1,3},\s+(?:died|was killed|was shot dead|"
                                r"was injured|was wounded|was arrested|was detained)(?![\w])")}


_NAME = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){1,3}"
#: People named in a list right after what befell them: "arrestaron a Ana Quispe y Luis Mamani",
#: "police arrested Ana Quispe and Luis Mamani".
_NAMED_LIST = {"es": re.compile(rf"(?<![\w])(?:arrest(?:aron|o|ó)|detuv(?:ieron|o)|captur(?:aron|o|ó)|aprehendi(?:eron|o|ó)|"
                                rf"hiri(?:eron|o|ó)|mat(?:aron|o|ó))\s+a\s+"
                                rf"(?P<names>{_NAME}(?:,\s+{_NAME})*\s+y\s+{_NAME})"),
               "en": re.compile(rf"(?<![\w])(?:arrested|detained|wounded|injured|killed)\s+"
                                rf"(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})")}
_NAMED_STATUS = {"arrest": "detained", "detuv": "detained", "detain": "detained", "captur": "detained",
                 "aprehend": "detained", "hirier": "injured", "wound": "injured", "injur": "injured", "matar": "dead",
                 "kill": "dead"}


def _named_people(s: Sentence, lang: str, figures: list[Figure]) -> list[Figure]:
    """A figure for people named in a list after what befell them ("arrestaron a Ana Quispe y Luis
    Mamani": two detained), with the status its verb says, in a group of its own."""
    out: list[Figure] = []
    for m in _NAMED_LIST[lang].finditer(s.text):
        n = len(re.split(r",\s+|\s+(?:y|and)\s+", m.group("names")))
        verb = s.low[m.start():m.start("names")]
        status = next((v for k, v in _NAMED_STATUS.items() if k in verb), None)
        if status is None or any(m.start() <= f.number.start < m.end() for f in figures):
            continue
        f = Figure(Number(n, m.start("names"), m.end("names"), m.group("names")), status=status, person=True)
        f.noun_end = f.after_end = m.end("names")
        f.group = max((g.group for g in figures + out), default=0) + 1
        out.append(f)
    return out


def _one_person(s: Sentence, lang: str) -> list[Number]:
    """A "number" 1 for each person told with an indefinite article ("A demonstrator was killed
    and nine others were wounded") or by name and age ("Juan Pérez, de 30 años, falleció") as
    killed, hurt or arrested: at the article, or at the name's last word."""
    out = []
    pattern = _ONE_PERSON_HURT.get(lang)
    for m in pattern.finditer(s.low) if pattern is not None else ():
        end = m.start() + len(m.group(0).split()[0])
        out.append(Number(1, m.start(), end, s.text[m.start():end]))
    for m in _NAMED_HURT[lang].finditer(s.text):
        name = m.group(0).split(",")[0]
        start = m.start() + name.rfind(name.split()[-1])
        end = m.start() + m.group(0).rfind(",")   # through the age: what befell them is read after it
        out.append(Number(1, start, end, s.text[start:end]))
    return out


#: One person set apart from a toll: "..., including a teenager who", "..., entre ellos un menor que".
_INCLUDING = {"es": re.compile(r",\s+(?:entre (?:ellos|ellas|los cuales|las cuales)|incluid[oa]|incluyendo)\s+(?:un|una)\s"),
              "en": re.compile(r",\s+(?:including|among them|among whom)\s+(?:a|an|one)\s")}


def _included_part(s: Sentence, lang: str, figures: list[Figure], mentions: list[PlaceMention]) -> list[Figure]:
    """A toll told with one person set apart where the part, not the toll, has a place ("At least
    seven people have died, including a teenager who succumbed on Wednesday to injuries sustained
    in Andahuaylas"): the toll is a running total (``whole``) and the person a figure of one for
    the event at that place."""
    out: list[Figure] = []
    for f in figures:
        if f.status not in ("dead", "injured", "detained") or f.reference or f.subset:
            continue
        m = _INCLUDING[lang].search(s.low, f.number.end, min(len(s.low), f.noun_end + 40))
        if m is None or re.search(r"[;:]", s.low[f.number.end:m.start()]):
            continue
        before = [x for x in mentions if x.role == "event" and x.start < m.start()]
        after = [x for x in mentions if x.role == "event" and x.start >= m.end()]
        if before or not after:
            continue
        f.whole = True
        f.in_clashes = bool(IN_CLASHES[lang].search(s.low[f.number.end:m.start()]))   # the part's words are its own
        one = m.end() - 1 - len(s.low[:m.end() - 1].split()[-1])
        part = Figure(Number(1, one, m.end() - 1, s.text[one:m.end() - 1]), status=f.status, person=True)
        part.noun_end = part.after_end = m.end()
        part.group = max((g.group for g in figures + out), default=0) + 1   # a group of its own
        out.append(part)
    return out


#: A figure that counts part of a toll already told: "cinco de los fallecidos", "five of the dead".
_OF_THE_HURT = {"es": re.compile(r"\s+de\s+(?:los|las|sus)\s+(?:\w+\s+)?(?:muert[oa]s|fallecid[oa]s|herid[oa]s|detenid[oa]s|"
                                 r"victimas)(?![\w])"),
                "en": re.compile(r"\s+of\s+(?:the|those|their)\s+(?:\w+\s+)?(?:dead|killed|injured|wounded|detained|"
                                 r"arrested|victims)(?![\w])")}
#: A copula before a figure whose noun follows with an article: "en total son seis los puntos bloqueados".
_COPULA_BEFORE = {"es": re.compile(r"(?:^|\W)(?:son|eran|fueron|serian|suman|sumaban|llegan a|ascienden a)\s+$"),
                  "en": re.compile(r"(?!x)x")}


def _named_after(after: str, before: str, lang: str) -> str:
    """The words after a figure where its noun starts: past the article of "son seis los puntos
    bloqueados" (a copula before the figure, the noun after it with its article)."""
    bare = after.lstrip()
    if _COPULA_BEFORE[lang].search(before):
        bare = re.sub(r"^(?:los|las)\s+", "", bare)
    return bare


#: A toll named after its figure: "llega a 7 la cifra de víctimas", "a 20 el número de heridos".
_TOLL_AFTER = {"es": re.compile(r"\s+(?:la cifra|el numero|el total|el saldo|el balance) de\s+"),
               "en": re.compile(r"\s+(?:the|its) (?:number|total|tally|toll) of\s+")}
#: A figure that went from one value to another: "subió de 16 a 23", "rose from 16 to 23".
_FROM_TO = re.compile(r"(?:^|\W)(?:de|from)\s+\d[\d.,]*\s+(?:a|to)\s+$")


def _propagate(figures: list[Figure], low: str, lang: str) -> None:
    """Give "37 civiles y 6 policías resultaron heridos" and "39 ..., otros siete ... y un policía" one status."""
    group = 0
    for i, f in enumerate(figures[:-1]):
        nxt = figures[i + 1]
        if f.subset and f.status is None and re.fullmatch(r"\s+(?:de|of)\s+(?:los|las|the)\s+",
                                                          low[f.number.end:nxt.number.start]):
            f.status, f.in_clashes = nxt.status, nxt.in_clashes
            f.partitive = True
    for i, f in enumerate(figures):
        if f.status or f.metric:
            continue
        if i and figures[i - 1].status and (change := _FROM_TO.search(low[:f.number.start])) \
                and change.start() <= figures[i - 1].number.start:
            # "la cifra de heridos subió de 16 a 23": the second is the figure now, the first the one before
            f.status, f.update = figures[i - 1].status, True
            figures[i - 1].interim = True
            continue
        if i + 1 < len(figures) and figures[i + 1].status and figures[i + 1].person:
            gap = low[f.number.end:figures[i + 1].number.start]
            if re.fullmatch(r"\s*(?:\S+\s+){0,2}?(?:,|y|e|and|\s)\s*(?:\S+\s+)?", gap) and not re.search(r"[;.]", gap):
                f.status = figures[i + 1].status
                continue
        if i and figures[i - 1].status and not figures[i - 1].subset:
            gap = low[figures[i - 1].number.end:f.number.start]
            if CONTINUATION[lang].search(gap) and not re.search(r"[;.]", gap):
                f.status = figures[i - 1].status
    for i, f in enumerate(figures):
        if not f.status:
            continue
        if f.partitive:
            group += 1
            f.group = group
            continue
        if i and figures[i - 1].status == f.status and not f.subset and not figures[i - 1].subset:
            gap = low[figures[i - 1].number.end:f.number.start]
            # "La Libertad, un fallecido, y Arequipa, dos": a new subject between them, two parallel figures
            joined = CONTINUATION[lang].search(gap) and not re.search(r"[;.]", gap) \
                and not re.search(r",\s+(?:y|e|and)\s+[^,]+,\s*$", gap)
            if joined and not (figures[i - 1].interim != f.interim):
                f.group = figures[i - 1].group
                continue
        group += 1
        f.group = group


def _groups(figures: list[Figure]) -> list[list[Figure]]:
    out: dict[int, list[Figure]] = {}
    for f in figures:
        if f.status:
            out.setdefault(f.group, []).append(f)
    return list(out.values())


# ---------------------------------------------------------------- kinds

def _kinds(s: Sentence, lang: str, a: int, b: int, consumed: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """(kind, position) of every trigger word between ``a`` and ``b`` of a sentence."""
    low = s.low[a:b]
    found: list[tuple[str, int]] = []
    # Burning tyres is how a road is blocked: a blockade's trigger, and no arson ("other") inside it.
    means = [(a + m.start(), a + m.end()) for m in BLOCKADE_MEANS[lang].finditer(low)]
    found += [("blockade", x) for x, _ in means if not any(c <= x < d for c, d in consumed)]
    for kind, pats in KIND_PATTERNS.items():
        for m in pats[lang].finditer(low):
            pos = a + m.start()
            if any(x <= pos < y for x, y in consumed) or (kind == "other" and any(x <= pos < y for x, y in means)):
                continue
            found.append((kind, pos))
    verb = CLOSURE_VERB[lang].search(low)
    obj = CLOSURE_OBJECT[lang].search(low)
    if (verb and obj) or OCCUPY[lang].search(low):
        found.append(("closure", a + (obj.start() if obj else 0)))
        found = [(k, p) for k, p in found if not (k == "other" and OCCUPY[lang].search(low))]
    return sorted(found, key=lambda kp: kp[1])


#: Right before a detention word: one named person's or a possessive, not protesters detained.
#: Right after a detention noun: a named person's ("la detención de Rosa Mamani", "the arrest of Ana").
_OF_A_PERSON = re.compile(r"\s+(?:de|del|of)\s+(?!(?:la|el|los|las|the)\s)[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b(?!\s*\()")
_ONE_PERSON = re.compile(r"(?:\b(?:his|her|su)\s+|\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+(?:was|had been|has been|fue|había sido|ha sido)\s+)$")  # noqa: E501


#: A casualty figure told as a running total: "have died", "han perdido la vida".
_SO_FAR = {"es": re.compile(r"(?:^|\W)han (?:muerto|fallecido|perdido la vida|resultado herid\w+|sido (?:detenid|herid)\w+)"),
           "en": re.compile(r"(?:^|\W)(?:have|has) (?:been )?(?:died|killed|injured|wounded|detained|arrested|lost their lives)")}
#: A region referred back to: "ese departamento", "esa región", "the region".
_THAT_REGION = {"es": re.compile(r"(?:^|\W)(?:ese|este|dicho) departamento|(?:esa|esta|dicha) region|"
                                 r"(?:^|\W)la region(?! de| del|\w)"),
                "en": re.compile(r"(?:^|\W)(?:the|that|this) (?:region|department)(?! of)")}
#: A sentence that sums up the movement since it began, not one event.
_SUMMARY = {"es": re.compile(r"(?:^|\W)desde que (?:\w+ )?(?:se )?(?:comenz|empez|inici|reanud|retom|reactiv)\w+"),
            "en": re.compile(r"(?:^|\W)since (?:the (?:protests|unrest) |they )?(?:began|started|broke out|resumed)")}


#: Words that turn what follows into a past event recalled, not news: an anniversary ("cuando se
#: cumple un mes de la jornada en la que...", "a month after the clashes in which...") or the
#: protests before these ("over the crackdown on earlier demonstrations").
_RECALL = {"es": re.compile(r"(?:^|\W)(?:cuando se cumplen?|al cumplirse|a (?:un|una|dos|tres|\w+) (?:dias?|semanas?|mes|meses|anos?) de"  # noqa: E501
                            r"|en el aniversario de)\b"),
           "en": re.compile(r"(?:^|\W)(?:(?:a|one|two|three|\w+) (?:days?|weeks?|months?|years?) (?:after|since) the"
                            r"|(?:on|marking) the anniversary of|marking (?:a|one) (?:week|month|year) since)\b")}
#: A verb that adds up a toll: "la región ya suma diez fallecidos", "ya son 21 los muertos".
_SUMS = {"es": re.compile(r"(?:^|\W)(?:suma|suman|sumaron|acumula|acumulan|ya son)\b"),
         "en": re.compile(r"(?:^|\W)(?:now )?(?:totals|totalled|totaled|adds up to)\b")}
#: One of the injured who later died: a death from a clash already told, no new clash.
_ONE_OF_HURT = {"es": re.compile(r"\s+de (?:los|las) (?:herid[oa]s|lesionad[oa]s|hospitalizad[oa]s)\b"),
                "en": re.compile(r"\s+of the (?:injured|wounded|hospitali[sz]ed)\b")}
#: The protests before the ones reported: "earlier demonstrations", "las protestas anteriores".
_EARLIER = {"es": re.compile(r"(?:^|\W)(?:protestas|movilizaciones|manifestaciones|enfrentamientos|marchas) "
                             r"(?:anteriores|previas|pasadas|de (?:diciembre|enero|febrero) pasado)\b"),
            "en": re.compile(r"(?:^|\W)(?:earlier|previous|prior|past) (?:demonstrations|protests|clashes|unrest)\b")}
#: Where a recalled grievance begins: "resign over the crackdown ...", "por la represión ...".
_GRIEVANCE = re.compile(r"(?:^|\W)(?:over|for|por|ante)\s")


def _recalled(low: str, lang: str, tolls: bool = True) -> list[tuple[int, int]]:
    """Stretches of a sentence that recall past events rather than tell news: from an anniversary's
    words, or from the start of a grievance about earlier protests, to the end of the clause (a
    comma, a semicolon or the sentence's end; a grievance runs to a semicolon). Their actions make
    no event; an anniversary's figures are
    that day's toll, no count (``tolls``: only those), while a toll of the earlier protests
    ("which left 28 dead in total") stays a running total."""
    out = []
    for m in _RECALL[lang].finditer(low):
        # "A una semana de los choques, uno de los heridos falleció": the news resumes after the comma.
        stop = re.compile(r"[;,]").search(low, m.end())
        out.append((m.start(), stop.start() if stop else len(low)))
    if tolls:
        return out
    for m in _EARLIER[lang].finditer(low):
        start = m.start()
        head = [g for g in _GRIEVANCE.finditer(low, max(0, m.start() - 60), m.start())]
        if head and not re.search(r"[;,.]", low[head[-1].end():m.start()]):
            start = head[-1].start()
        end = low.find(";", m.end())
        out.append((start, end if end >= 0 else len(low)))
    return out


def _told_apart(s: Sentence, lang: str, a: int, triggers: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Plans and attempts told from events: an action right after a plan's words ("amenazan con
    bloquear", "plan to march") is no event; one right after an attempt's words ("intentaron
    tomar el aeropuerto", "tried to block") is a protest, not the act; the detention of one named
    person ("Castillo was arrested", "his detention") is no protest event."""
    out = []
    for kind, pos in triggers:
        before = s.low[max(a, pos - 60):pos]
        if PLAN[lang].search(before):
            continue
        if NEGATED[lang].search(s.low[max(a, pos - 30):pos]) or _superlative(s.low, pos, lang):
            continue   # "no hubo choques", "the deadliest clashes": nothing happened, or a run summed up
        if _a_cause(s.low, pos, lang):
            continue   # "las muertes ... habrían motivado una nueva agresión": the cause is background
        if DECIDED[lang].search(s.low[max(a, pos - 90):pos]) or DOUBT[lang].search(s.low[max(a, pos - 80):pos]):
            continue   # a decision's object is a plan; what the report doubts did not certainly happen
        if kind in ("clash", "protest", "blockade") and FRAMING[lang].search(s.low[max(a, pos - 50):pos]) \
                and re.match(r"\w*(?:s|es)\b", s.low[pos:pos + 20]) and not re.match(r"\w+(?:aron|ieron|ed)\b", s.low[pos:]):
            continue   # "tras los enfrentamientos", "after deadly clashes": an event already told frames the news
        word = re.match(r"\w+", s.low[pos:])
        word_end = pos + (word.end() if word else 0)
        if kind == "detention" and (_ONE_PERSON.search(s.text[max(a, pos - 40):pos]) or _OF_A_PERSON.match(s.text, word_end)):
            continue   # "Castillo was arrested", "against his detention": one person's, no protest event
        if ATTEMPT[lang].search(before):
            kind = "protest"
        if CAUSE[lang].search(before):
            continue   # "endurecieron su protesta a raíz de la detención de dos vecinos": the grievance, told before
        if kind == "detention" and RELEASED[lang].search(s.low[max(a, pos - 80):pos]):
            continue   # "que recuperaron la libertad tras diez horas bajo arresto": a detention told before, now over
        out.append((kind, pos))
    return out


def _a_cause(low: str, pos: int, lang: str) -> bool:
    """Whether the trigger at ``pos`` is in the subject of a verb of causing, in its clause: what
    caused the news is told as background ("the deaths sparked", "la detención ... habría motivado")."""
    end = re.compile(r"[;.]").search(low, pos)
    verb = CAUSE_VERB[lang].search(low, pos, end.start() if end else len(low))
    return verb is not None and not re.match(r"\s+(?:by|por)\b", low[verb.end():verb.end() + 5])


def _superlative(low: str, pos: int, lang: str) -> bool:
    """Whether the trigger at ``pos`` is named as the superlative of a run of events."""
    word = re.match(r"\w+", low[pos:])
    after = low[pos + (word.end() if word else 0):pos + 60]
    return bool(SUPERLATIVE[lang].match(after) if lang == "es" else SUPERLATIVE[lang].search(low[max(0, pos - 30):pos]))



# ---------------------------------------------------------------- reporters

def _reporter(s: Sentence, lang: str, lexicon: Lexicon) -> str | None:
    """The body the sentence's figures come from: one of the dataset's reporters near a reporting
    verb (the police only when no other body speaks), else the name after "según"."""
    found = []
    for pattern, name in lexicon.reporters:
        for m in pattern.finditer(s.low):
            found.append((m.start(), m.end(), name))
    if not found:
        said = re.search(r"(?i:segun|according to|reported by|published by|citado por|cited by)\s+"
                         r"(?i:el |la |los |the )?((?:[A-ZÁÉÍÓÚÑ][\w'’&.-]*)"
                         r"(?:\s+(?:de(?:l| la)?|of(?: the)?)?\s*[A-ZÁÉÍÓÚÑ][\w'’&.-]*){0,4})",
                         _fold_keep_case(s.text))
        return said.group(1).strip() if said else None
    found.sort()
    reporting = list(REPORTING[lang].finditer(s.low))

    def near(item) -> bool:
        a, b, _ = item
        return any(abs(r.start() - b) <= 40 or abs(a - r.end()) <= 15 for r in reporting)

    speaking = [f for f in found if near(f)]
    pool = speaking or [f for f in found if f[2] not in lexicon.police]
    return pool[0][2] if pool else None


def _fold_keep_case(text: str) -> str:
    """Accents off "Según", case kept, so a pattern can read the capitalised name after it."""
    return re.sub(r"[Ss]egún", lambda m: m.group(0)[0] + "egun", text)


# ---------------------------------------------------------------- events

@dataclass
class _Event:
    kind: str
    mention: PlaceMention | None
    place: str
    region: str | None
    start: date
    end: date | None
    time_precision: int
    lon: float | None
    lat: float | None
    geo_precision: int | None
    road: str | None = None
    km: float | None = None
    counts: dict[str, tuple[int, bool, bool]] = field(default_factory=dict)   # field -> (value, interim, update)
    reporter: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: str = ""
    paragraph: int = 0
    notes: list[dict[str, str]] = field(default_factory=list)   # {"code", "text"} for the editor
    unsure: set[str] = field(default_factory=set)   # what of its counts the editor must check: scope, date, interim

    @property
    def unplaced(self) -> bool:
        """Whether the place is a name the gazetteer lacks (its point is only its region's capital)."""
        return self.mention is not None and not self.mention.known

    def key_place(self) -> str:
        return (self.mention.place.source if self.mention is not None and self.mention.place is not None
                else self.place.casefold())


def _event_date(s: Sentence, dates: list[DateMention], a: int, b: int, context: tuple[date, int],
                published: date) -> tuple[date, date | None, int]:
    """(start, end, time precision) of an event read between ``a`` and ``b`` of a sentence.

    A date inside a relative clause that follows the event (", que permanece cerrado desde el
    4 de enero") dates that clause, not the event.
    """
    def own(d: DateMention) -> bool:
        between = s.low[a:d.start]
        return not re.search(r",\s*(?:que|donde|cuando|which|where|who|that)\b[^,;]*$", between)

    inside = [d for d in dates if a <= d.start < b and d.day is not None and own(d)]
    if not inside:
        inside = [d for d in dates if d.day is not None and not (a <= d.start < b)]
    since = next((d for d in inside if d.role == "since"), None)
    until = next((d for d in inside if d.role == "until"), None)
    ranged = next((d for d in inside if d.role.startswith("range:")), None)
    point = next((d for d in inside if d.role == "point"), None)
    if ranged is not None and ranged.day is not None:
        till = ranged.role.split(":", 1)[1]
        return ranged.day, date.fromisoformat(till) if till else None, ranged.precision
    if since is not None and since.day is not None:
        if point is not None and point.day is not None and point.day > since.day:
            last = point.day
        else:
            last = max(context[0], published)
        return since.day, last if last > since.day else None, since.precision
    if point is not None and point.day is not None:
        end = until.day if until is not None and until.day is not None and until.day > point.day else None
        return point.day, end, point.precision
    if until is not None and until.day is not None:
        return context[0], until.day if until.day > context[0] else None, context[1]
    return context[0], None, context[1]


def _dateline(sentences: list[Sentence], lang: str, published: date) -> str | None:
    """Mask a dateline ("Cusco, 12 de enero de 2023." / "LIMA, Dec 16, 2022 (Reuters) -" / "Lima, Mar 6
    (EFE).-") and return the place it names ("Cusco", "LIMA"), or None when the report has none.
    The dateline opens the body: it is looked for in the first sentence that is not a heading
    (a section label, a headline), among the report's first six."""
    for s in sentences[:6]:
        m = re.match(r"^\s*([A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ .'’-]{1,40}?)\s*(?:\([^)]*\))?\s*,\s*([^.—–()]{3,40}?)"
                     r"\s*(?:\([^)]*\))?\s*(?:\.\s*[-—–]+|\.(?=\s|$)|[—–]|\s-{1,2}\s|$)", s.text)
        if m and resolve_date_phrase(m.group(2).strip(), lang, published) is not None:
            s.mask(0, m.end())
            return m.group(1).strip()
        m = re.match(r"^\s*([A-ZÁÉÍÓÚÑ]{3,})(?:[ ,]+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?\s*(?:\([^)]*\))?\s*(?:[—–]|\s-{1,2}\s)",
                     s.text)
        if m:
            s.mask(0, m.end())
            return m.group(1)
        if not _is_heading(s):
            return None
    return None


def _is_heading(s: Sentence) -> bool:
    """Whether a sentence is a heading: a short line that ends without a full stop."""
    return len(s.text) <= 140 and not re.search(r"[.!?:;,\"'”»)]\s*$", s.text)


def _place_line(sentences: list[Sentence], gaz: Gazetteer) -> str | None:
    """A report that opens with a place's name alone and a full stop ("Tacna. Con el apoyo ...")
    is datelined there: the name, masked, when the gazetteer knows it."""
    if not sentences:
        return None
    s = sentences[0]
    m = re.fullmatch(r"\s*([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,2})\s*[.—–-]\s*", s.text)
    if m and _dateline_region(m.group(1), gaz) is not None:
        s.mask(0, len(s.text))
        return m.group(1)
    return None


def _dateline_region(name: str | None, gaz: Gazetteer) -> str | None:
    """The region of a dateline's place: a region's own name, else its largest namesake's."""
    if not name:
        return None
    region = gaz.region(name)
    if region is not None:
        return region
    towns = [p for p in gaz.matches(name) if not p.is_site]
    return max(towns, key=lambda p: p.population).region if towns else None


def _segments(s: Sentence, roads: list[RoadMention],
              mentions: list[PlaceMention]) -> list[tuple[int, int, RoadMention | None]]:
    """The parts of a sentence that can each hold an event: one per kilometre post when the
    sentence lists posts, else its clauses (split at semicolons and colons, and at ", y" /
    ", and" / "mientras" when both sides name a place)."""
    posts = [r for r in roads if r.km is not None]
    out: list[tuple[int, int, RoadMention | None]]
    if posts:
        out = []
        for i, p in enumerate(posts):
            a = 0 if i == 0 else p.start
            b = posts[i + 1].start if i + 1 < len(posts) else len(s.text)
            out.append((a, b, p))
        return out
    cuts = [m for m in re.finditer(r"[;:]|,\s+(?:y|e|and|while|whereas|but|pero|mientras(?: que)?)\s+|"
                                   r"\s+(?:mientras que|while|whereas)\s+", s.low)]
    out, a = [], 0
    for m in cuts:
        left = [x for x in mentions if a <= x.start < m.start() and x.role == "event"]
        right = [x for x in mentions if m.end() <= x.start and x.role == "event"]
        if m.group(0) in (";", ":") or (left and right):
            out.append((a, m.start(), None))
            a = m.end()
    out.append((a, len(s.text), None))
    return out


def _event_places(mentions: list[PlaceMention], a: int, b: int) -> list[PlaceMention]:
    """Where the events of a segment happened: its most specific place, or every member of
    the list it belongs to ("the airports of A, B and C")."""
    inside = [x for x in mentions if a <= x.start < b and x.role == "event"]
    if not inside:
        return []
    # "en Angostura, en el límite entre Saylla y San Jerónimo": beside a name the gazetteer lacks, the
    # known places given as a reference point say where it is, not where it happened.
    if any(not x.known and not x.near for x in inside):
        inside = [x for x in inside if not (x.known and x.near)]
    best = min(inside, key=lambda x: (x.rank, x.start))
    if best.list_id is not None:
        members = [x for x in inside if x.list_id == best.list_id and x.rank <= 4]
        if len(members) > 1:
            return members
    return [best]


def _on_road(roads: list[RoadMention], a: int, b: int) -> PlaceMention | None:
    """The road between two towns of one region a segment names ("la vía Puno–Juliaca", "the road
    linking A to B") as an event's place: its point halfway between them, location precision 2."""
    for r in roads:
        if r.km is not None or not r.road or not a <= r.start < b or len(r.towns) < 2:
            continue
        first, last = r.towns[0], r.towns[-1]
        if first.region != last.region or first.source == last.source:
            continue
        name = r.road.rstrip(".,")
        lon, lat = round((first.lon + last.lon) / 2, 5), round((first.lat + last.lat) / 2, 5)
        place = Place(name=name, region=first.region, province=None, lon=lon, lat=lat, kind="road",
                      source=f"road:{fold(name)}", population=0, approximate=True)
        return PlaceMention(name, r.start, r.end, "site", first.region, place, lon=lon, lat=lat, geo_precision=2)
    return None


def _km_point(post: RoadMention, corridors, gazetteer: Gazetteer,
              lexicon: Lexicon) -> tuple[float, float, str] | None:
    if not lexicon.is_road_code(post.road):
        return None
    try:
        found = geocode(f"{post.road} km {post.km:g}", limit=1, gazetteer=gazetteer, corridors=corridors)
    except (ValueError, LookupError):
        return None
    return (found[0].lon, found[0].lat, found[0].region) if found else None


def extract(text: str, published: str | date, gazetteer: Gazetteer | None = None, corridors=None,
            language: str | None = None, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """Candidate events and counts read from a news report.

    Parameters
    ----------
    text : str
        The report, plain text (Spanish or English), at most
        :data:`~geo.intake.extract.text.MAX_REPORT_CHARS` characters: a longer one, or one
        holding a run of more than 100 digits, raises
        :class:`~geo.intake.extract.text.ReportRefused` (a ValueError) with a one-line message.
    published : str or datetime.date
        The day it was published (``YYYY-MM-DD``): relative dates ("ayer", "el viernes",
        "this Thursday") count from it.
    gazetteer : geo.places.gazetteer.Gazetteer, optional
        Defaults to the bundled one.
    corridors : GeoDataFrame, optional
        Corridors with kilometre references, to place "PE-3S km 1410" on its road.
    language : {"es", "en"}, optional
        Detected from the text when not given.
    lexicon : geo.intake.extract.dataset_lexicon.Lexicon, optional
        The dataset's words (bodies, outlets, road names, the police); defaults to the bundled
        data folder's ``lexicon.json`` (see :func:`~geo.intake.extract.dataset_lexicon.lexicon_for`).

    Returns
    -------
    dict
        ``{"language", "published", "events": [...], "counts": [...]}`` as the contract's
        ``extract`` output: events carry ``kind, place, region, start, end, time_precision``,
        the counts the text gives, ``road``/``km``, a point (``lon``, ``lat``,
        ``geo_precision``) where the place was found, and ``evidence`` (the sentence) with
        ``evidence_spans`` (character ranges in ``text``); counts carry ``date, metric,
        value, reporter, region, evidence``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise ValueError(f"published {published!r} is not a date (YYYY-MM-DD)") from None
    if not isinstance(published, date):
        raise TypeError(f"published must be a date or YYYY-MM-DD, got {type(published).__name__}")
    check_report(text)
    lang = language or detect_language(text)
    if lang not in ("es", "en"):
        raise ValueError(f"language {lang!r} is not supported (es, en)")
    reader = _Reader(lang, published, gazetteer if gazetteer is not None else default_gazetteer(), corridors,
                     lexicon if lexicon is not None else default_lexicon())
    sentences = split_sentences(text)
    reader.dateline_region = _dateline_region(_dateline(sentences, lang, published) or
                                              _place_line(sentences, reader.gaz), reader.gaz)
    # Namesakes are first looked for in the dateline's region ("La Joya" in a report from Arequipa).
    reader.region_hint = reader.dateline_region
    listed, list_spans = listed_deaths(text, lang)
    kept = _told_once(_without_teasers(sentences))
    captions = _captions(kept)
    for s in kept:
        if any(s.start < b and a < s.end for a, b in list_spans):
            continue   # a list of the dead is read item by item below
        reader.caption = id(s) in captions
        reader.read(s)
    reader.events += _listed_events(listed, text, reader)
    return {"language": lang, "published": published.isoformat(),
            "events": [_event_json(e) for e in _turned_to_clashes(_headline_summaries(_merge(reader.events),
                                                                                      sentences))],
            "counts": _dedupe_counts(reader.counts)}


#: A label that introduces a link to another story (its headline is not this report's news).
_TEASER = re.compile(r"^\s*(?:lee|lea|leer|mira|mire|ver|vea) tambien\b|^\s*(?:tambien )?te puede interesar\b|"
                     r"^\s*te recomendamos\b|^\s*recomendad[oa]s?\b|^\s*lo mas (?:visto|leido)\b|^\s*most read\b|"
                     r"^\s*mas informacion\b|"
                     r"^\s*(?:read|see) (?:more|also)\b|^\s*related(?: articles?| stories| news)?\b|^\s*recommended\b|"
                     r"^\s*(?:noticias|notas) relacionadas\b|^\s*relacionad[oa]s?\b")


def _without_teasers(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences without "LEE TAMBIÉN: ..." / "Read more: ..." teasers: a line that starts with
    such a label is another story's headline, and so is a headline (a line without a full stop)
    right after a label that stands alone."""
    out, skip_next = [], False
    for s in sentences:
        if skip_next:
            skip_next = False
            if _is_heading(s):   # the teased headline; a full sentence after the label is the report's
                continue
        m = _TEASER.match(s.low)
        if m:
            skip_next = not re.search(r"\w", s.low[m.end():].strip(" :.-–—|"))
            continue
        out.append(s)
    return out


#: A photo credit: "Foto: Liz Ferrer", "Foto Red de Salud", "Credit: AP", "(AP Photo/...)".
_CREDIT = re.compile(r"(?:^|\W)(?:fotos?|photos?|photograph|credit|cr[eé]dito|imagen|image)\s*(?::|/|\b(?=\s+[A-ZÁÉÍÓÚÑ]))",
                     re.IGNORECASE)


def _captions(sentences: list[Sentence]) -> set[int]:
    """The ids of the sentences that are photo captions: one holding a photo credit ("... Foto:
    Liz Ferrer"), or followed in its paragraph by a credit standing alone ("Foto Red de Salud X").
    A caption repeats the report or shows another day: its figures are no counts and its date is
    not carried on to the sentences after it."""
    out: set[int] = set()
    for i, s in enumerate(sentences):
        credit = _CREDIT.search(s.text)
        if credit is None:
            continue
        out.add(id(s))
        if credit.start() <= 1 and i and sentences[i - 1].paragraph == s.paragraph:
            out.add(id(sentences[i - 1]))   # the credit stands alone: the sentence before is its caption
    return out


def _told_once(sentences: list[Sentence]) -> list[Sentence]:
    """Each sentence once: a caption or a lead repeated word for word tells nothing new."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = " ".join(s.low.split())
        if len(key) > 20 and key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out


def _listed_events(listed: list, text: str, reader: _Reader) -> list[_Event]:
    """One clash per date and place of a list of the dead, with as many dead as it names there."""
    groups: dict[tuple, list] = {}
    for item in listed:
        groups.setdefault((item.day, fold(item.place), fold(item.region_text)), []).append(item)
    out = []
    for (day, _, _), items in groups.items():
        first = items[0]
        region = reader.gaz.region(first.region_text)
        lon = lat = None
        precision = 3
        notes: list[dict[str, str]] = []
        try:
            place = reader.gaz.lookup(first.place, region=region)
            if region is None or place.region == region:
                lon, lat, precision, region = place.lon, place.lat, 1, place.region
        except LookupError:
            place = None
        if region is None:
            continue
        if lon is None:
            capital = reader.capitals.of(region)
            lon, lat = (capital[1], capital[2]) if capital else (None, None)
            notes.append(_unplaced_note(first.place, region, "context", precision, []))
        ev = _Event("clash", None, first.place, region, day, None, 1, lon, lat, precision)
        ev.counts["fatalities"] = (len(items), False, False)
        ev.spans = [(i.start, i.end) for i in items]
        ev.evidence = " ".join(text[i.start:i.end] for i in items)
        ev.paragraph = -1
        ev.notes = notes
        out.append(ev)
    return out


class _Reader:
    """Reads a report sentence by sentence, keeping what the next sentence may lean on: the
    date last said, the road last named, the events of the paragraph, who was speaking."""

    def __init__(self, lang: str, published: date, gaz: Gazetteer, corridors, lexicon: Lexicon) -> None:
        self.lang, self.published, self.gaz, self.corridors = lang, published, gaz, corridors
        self.lexicon = lexicon
        self.capitals = load_capitals()
        self.events: list[_Event] = []
        self.counts: list[dict[str, Any]] = []
        self.context: tuple[date, int] = (published, 2)   # nothing said yet: the publication day, week precision
        self.context_paragraph = -1   # the paragraph whose sentence said that day
        self.previous_road: str | None = None
        self.region_hint: str | None = None
        self.reporter: tuple[int, str | None] = (-1, None)
        self.carried = False
        self.dateline_region: str | None = None
        self.section_region: str | None = None
        self.last_place: tuple[int, PlaceMention] | None = None   # (paragraph, the last sentence's one place)
        self.caption = False   # the sentence being read is a photo caption (see _captions)
        self.section_start = 0   # events before this index belong to an earlier section (a heading since)
        self.paragraph_read = -1
        self.first_of_paragraph: tuple[int, int] | None = None   # (start, end) of the paragraph's first sentence read

    def carried_region(self, paragraph: int) -> str | None:
        """The region a reader has in mind: the paragraph's last event's, else the section
        heading's, else the dateline's."""
        last = self.last_event(paragraph)
        return (last.region if last is not None and last.region else None) or self.section_region \
            or self.dateline_region

    def last_event(self, paragraph: int) -> _Event | None:
        """The paragraph's last event, not reaching back past a heading (a new section)."""
        return next((e for e in reversed(self.events[self.section_start:]) if e.paragraph == paragraph), None)

    def read(self, s: Sentence) -> None:
        lang = self.lang
        if s.paragraph != self.paragraph_read:
            self.paragraph_read, self.first_of_paragraph = s.paragraph, (s.start, s.end)
        dates = dates_in(s, lang, self.published)
        roads = find_roads(s, self.gaz, self.previous_road, self.lexicon)
        for r in roads:
            if r.road:
                self.previous_road = r.road
        mentions = find_places(s, lang, self.gaz, self.capitals, roads, self.region_hint, self.lexicon)
        if _is_heading(s):
            # A heading opens a section: the place and event last told are no longer the reader's.
            self.section_start, self.last_place = len(self.events), None
            regions = {x.region for x in mentions if x.region and x.role in ("event", "context")}
            if len(regions) == 1:   # a heading naming no place ("DATOS", "LEE TAMBIÉN") keeps the section's
                self.section_region = regions.pop()
        self._unknown_regions(s, mentions)
        reporter = _reporter(s, lang, self.lexicon)
        self.carried = False
        if reporter is None and self.reporter[0] == s.paragraph and self.reporter[1]:
            reporter, self.carried = self.reporter[1], True   # "It said ...", "La entidad añadió ..."
        self.reporter = (s.paragraph, reporter)
        skip = [(d.start, d.end) for d in dates] + [(r.start, r.end) for r in roads]
        people = _one_person(s, lang)   # their ages, inside them, are no figure
        numbers = [n for n in numbers_in(s, lang) if not any(p.start <= n.start < p.end for p in people)]
        figures = _figures(s, lang, sorted(numbers + people, key=lambda n: n.start), skip, self.lexicon)
        figures += _included_part(s, lang, figures, mentions)
        figures += _named_people(s, lang, figures)
        ignored = _reference_dates(s, figures, dates)
        recalled = _recalled(s.low, lang, tolls=False)
        for f in figures:
            if f.status == "dead" and _ONE_OF_HURT[lang].match(s.low, f.number.end):
                f.reference = True   # "uno de los heridos falleció": a later death of a clash told before
        for f in figures:
            if any(x <= f.number.start < y for x, y in _recalled(s.low, lang)):
                f.reference = True   # a toll of the event recalled, not news
        dates = [d for d in dates if d not in ignored and not any(x <= d.start < y for x, y in recalled)]
        # A place named in a recalled stretch ("a un mes de los bloqueos en Ilave") is no event's place.
        mentions = [x for x in mentions if x.role != "event" or not any(p <= x.start < q for p, q in recalled)]
        consumed = [(f.number.start, f.number.end + 40) for f in figures if f.metric]
        consumed += [(f.number.start, f.noun_end) for f in figures if f.reference]
        consumed += recalled
        # A cumulative figure's words ("44 muertos en enfrentamientos registrados en el país") tell no event.
        consumed += [(f.number.start, f.after_end) for f in figures if f.status and
                     (NATIONAL[lang].search(_clause(s.low, f.number.start)) or f.partitive)]
        found: list[_Event] = []
        used: set[int] = set()
        counted = len(self.counts)
        for a, b, post in _segments(s, roads, mentions):
            found += self._segment(s, a, b, post, roads, dates, mentions, figures, consumed, reporter, used)
        self._leftover_figures(s, dates, mentions, figures, used, reporter, found)
        for f in figures:
            if f.metric and not f.reference and f.value > 0 and not _cumulative_since(dates, s.low, f.number.start,
                                                                                       self.published):
                self.counts.append(_count(f.metric, f.value, s, dates, self, reporter, mentions, f))
        if self.caption:
            del self.counts[counted:]   # a caption's figures repeat the report's
        # "murió un joven": one person said with an article is someone's death, not a country's toll.
        self.counts[counted:] = [c for c in self.counts[counted:] if not (c["_article"] and c["region"] is None)]
        for ev in found:
            ev.paragraph = s.paragraph
            if ev.region:
                self.region_hint = ev.region
        self.events += found
        # A date after the publication day belongs to a plan ("elections in December 2023"): the
        # reader does not carry it on to the next sentences.
        points = [(d.day, d.precision) for d in dates if d.role == "point" and d.day is not None
                  and d.day <= self.published and not _BACKGROUND_BEFORE[lang].search(s.low[max(0, d.start - 80):d.start])]
        if points and not self.caption:
            self.context = points[-1]
            self.context_paragraph = s.paragraph
        named = [x for x in mentions if x.role == "event" and x.known and x.region and x.level in ("town", "site")]
        if len({x.text for x in named}) == 1:
            self.last_place = (s.paragraph, named[0])

    def _unknown_regions(self, s: Sentence, mentions: list[PlaceMention]) -> None:
        """A name the gazetteer lacks whose sentence names no region takes the region of the
        paragraph's last event, else the dateline's; without either it keeps none (and makes no event)."""
        last = self.last_event(s.paragraph)
        for x in mentions:
            if x.known or x.region is not None or x.region_from == "ambiguous":
                continue
            if _of_the_place(x, s, last):
                continue
            if last is not None and last.region:
                x.region, x.region_from = last.region, "paragraph"
            elif self.dateline_region:
                x.region, x.region_from = self.dateline_region, "dateline"
            else:
                continue
            at_capital(x, self.capitals)

    def _segment(self, s: Sentence, a: int, b: int, post: RoadMention | None, roads, dates, mentions, figures,
                 consumed, reporter, used: set[int]) -> list[_Event]:
        lang = self.lang
        seg = s.low[a:b]
        places = [x for x in _event_places(mentions, a, b) if x.region is not None]
        if post is not None:
            places = places[:1]   # one kilometre post, one event: "entre La Joya y Arequipa" says near where
        if post is None and all(x.level in ("province", "region") for x in places):
            on_road = _on_road(roads, a, b)
            if on_road is not None:
                places = [on_road]   # "en la vía que une A con B, provincia de C": on that road, not all over C
        triggers = _told_apart(s, lang, a, _kinds(s, lang, a, b, consumed))
        kinds = {k for k, _ in triggers}
        if not kinds and SAME_AGAIN[lang].search(s.low) and self.events:
            kinds = {self.events[-1].kind}   # "Lo mismo ocurre en Ilave": the action just told, at another place
        strong = bool(STRONG_NATIONAL[lang].search(seg))
        seg_figs = [f for f in figures if a <= f.number.start < b and f.status and not f.reference and not strong
                    and not f.whole]
        if seg_figs and _is_tally(s, lang, seg) and (all(x.level == "region" for x in _event_places(mentions, a, b))
                                                     or _elided(s, a, seg_figs)):
            # "Apurímac suma seis fallecidos; Ayacucho, nueve; ...": a region's tally, a count, not an event.
            seg_figs = []
            if not kinds:
                return []
        if seg_figs and not kinds and _SUMS[lang].search(seg):
            return []   # "con lo que la región ya suma diez fallecidos": a running tally, no new clash
        if seg_figs and _THAT_REGION[lang].search(seg):
            seg_figs = []   # "en esta región han muerto cuatro personas": the region's toll, a count
            if not kinds:
                return []
        borrowed = None
        if not places and post is None and kinds:
            # "Tras las muertes, los manifestantes incendiaron la comisaría": the paragraph's last place,
            # only when the sentence names no place at all (not even one the gazetteer lacks).
            last = self.last_event(s.paragraph)
            if last is not None and last.mention is not None and not _names_unplaced(mentions, a, b):
                borrowed = last
                places = [last.mention]
            elif last is None and self.last_place is not None and self.last_place[0] == s.paragraph \
                    and not _names_unplaced(mentions, a, b) and not any(x.role == "event" for x in mentions):
                # "Por el puente X entraron los manifestantes. Luego prendieron fuego a llantas": the
                # place the paragraph's previous sentence named, when no event has been placed yet.
                places = [self.last_place[1]]
        if not places and post is None:
            if _names_unplaced(mentions, a, b):
                # A place the gazetteer lacks and no region to put it in: no event, and its figures
                # are not given to the paragraph's last event either.
                used.update(id(f) for f in seg_figs)
            return []
        # A clause with no action of its own takes its sentence's only when it elaborates it: a
        # kilometre post of a list, or what follows a colon ("bloquearon tres accesos: A, B y C").
        # After a semicolon or "y" a clause tells its own thing ("...; el aeropuerto de Lima refuerza").
        before = s.low[:a]
        elaborates = post is not None or (not seg_figs and ":" in before[before.rfind(";") + 1:])
        if not kinds and elaborates:
            kinds = {k for k, _ in _told_apart(s, lang, 0, _kinds(s, lang, 0, len(s.text), consumed))}
        if _blockades_placed(s.low, figures, places, a, b):
            # "mantienen 9 bloqueos repartidos por las provincias de A, B y C": blockades at each (the
            # strikers holding them make no protest of their own).
            kinds = (kinds - {"protest"}) | {"blockade"}
        hurt = [f for f in seg_figs if f.status in ("dead", "injured")]
        accident = bool(ACCIDENT[lang].search(seg)) and bool(kinds - {"clash"})
        if hurt and not accident:
            kinds.add("clash")
        if any(f.status == "detained" for f in seg_figs):
            kinds.add("detention")
        if {"clash", "protest"} <= kinds:
            kinds.discard("protest")   # "as they tried to storm the airport, clashes killed two": one event, the clash
        if not kinds:
            return []
        if borrowed is not None and not any(a <= d.start < b for d in dates):
            start, end, precision = borrowed.start, None, borrowed.time_precision
        else:
            start, end, precision = _event_date(s, _not_said_on(s.low, dates, lang), a, b, self.context,
                                                self.published)
            if borrowed is not None and precision > borrowed.time_precision:
                # "the latest of the blockades staged in January": a summary, not the scene continued.
                return []
        if start > self.published:
            return []   # dated after the report was published: a plan or a call, not an event
        if any(d.role == "since" and d.precision == 3 and d.day == start for d in dates if a <= d.start < b) \
                or (precision == 3 and _SUMMARY[lang].search(s.low[a:b])):
            return []   # "desde diciembre, los manifestantes han tratado de...": a summary, not one event
        road = None
        if post is None:
            named = [r for r in roads if r.km is None and r.road and a <= r.start < b]
            road = named[0].road if named and len(places) <= 1 else None
        out: list[_Event] = []
        candidates: list[PlaceMention | None] = list(places) or [None]
        for mention in candidates:
            for kind in sorted(kinds, key=KINDS.index):
                ev = _make_event(kind, mention, post, start, end, precision, s, self.corridors, self.gaz,
                                 self.lexicon, self.carried_region(s.paragraph))
                if ev is None:
                    continue
                if borrowed is not None:
                    # A borrowed place claims no more than the event it comes from: its name, region and point.
                    ev.place, ev.region = borrowed.place, borrowed.region
                    ev.lon, ev.lat, ev.geo_precision = borrowed.lon, borrowed.lat, borrowed.geo_precision
                    ev.notes = [dict(n) for n in borrowed.notes]
                if road and kind == "blockade":
                    ev.road = road
                ev.reporter = reporter
                if len(places) <= 1:
                    for f in seg_figs:
                        # "seven have died, including a teenager ... in Andahuaylas": seven is the whole's, not the place's
                        cut = _SUBSET_TAIL.search(s.low, f.number.end, _own_clause(s.low, f.number.start)[1])
                        f.whole = f.whole or bool(mention is not None and cut is not None and mention.start > cut.start()
                                                  and _SO_FAR[lang].search(s.low[f.number.end:cut.start()]))
                    if kind == "clash":
                        mine = [f for f in seg_figs if f.status in ("dead", "injured") and not f.whole]
                    elif kind == "detention":
                        mine = [f for f in seg_figs if f.status == "detained"]
                    elif accident and kind == min(kinds - {"clash"}, key=KINDS.index):
                        mine = [f for f in seg_figs if f.status == "dead"]
                    else:
                        mine = []
                    _attach(ev, mine)
                    ev.unsure |= _counts_unsure(s, mine, mention, _not_said_on(s.low, dates, lang), a, b,
                                                self.context_paragraph == s.paragraph)
                    used.update(id(f) for f in mine)
                out.append(ev)
        return out

    def _previous_paragraphs_event(self, s: Sentence, mentions: list[PlaceMention]) -> _Event | None:
        """The event the previous paragraph ended on, for the figures of a paragraph that opens
        naming no place ("...torched a police tank at the airport.¶ Local outlets reported 15
        people injured."): a paragraph break alone does not end the scene a reader is in."""
        if any(x.role in ("event", "context") for x in mentions) or self.first_of_paragraph != (s.start, s.end):
            return None
        return self.last_event(s.paragraph - 1)

    def _tally_goes_on(self, s: Sentence, mentions: list[PlaceMention], found: list[_Event]) -> bool:
        """Whether a figure goes on with the national tally its paragraph has been giving ("suman 18
        fallecidos. Además, 187 personas resultaron heridas."): the paragraph gave a national count
        and told no event, and the sentence names no place."""
        return any(c.get("_paragraph") == s.paragraph and c["region"] is None for c in self.counts) \
            and not found and self.last_event(s.paragraph) is None \
            and not any(x.role in ("event", "context") for x in mentions)

    def _leftover_figures(self, s: Sentence, dates, mentions, figures, used: set[int], reporter, found) -> None:
        """Figures no event of this sentence took: the paragraph's last event's, or counts."""
        lang = self.lang
        for group in _groups([f for f in figures if f.status and not f.reference and id(f) not in used]):
            clause = _clause(s.low, group[0].number.start)
            national = bool(NATIONAL[lang].search(clause)) or bool(STRONG_NATIONAL[lang].search(clause)) \
                or _is_tally(s, lang, clause)
            # "At least seven people have died", "siete personas han perdido la vida", in a sentence
            # that names no place: a running total, not the paragraph's last event's toll.
            national = national or (bool(_SO_FAR[lang].search(clause)) and not found
                                    and not any(x.role == "event" for x in mentions))
            national = national or self._tally_goes_on(s, mentions, found)
            national = national or any(f.whole for f in group)
            national = national or bool(_THAT_REGION[lang].search(clause))   # a region's toll: a count
            last = found[-1] if found else self.last_event(s.paragraph) or (
                None if all(f.subset for f in group) else self._previous_paragraphs_event(s, mentions))
            if len({e.key_place() for e in found}) > 1:
                last = None   # "in A, B and C six died": the figure is the list's, no one place's
            if not national and last is not None:
                kind = "detention" if group[0].status == "detained" else "clash"
                other_day = _other_day(dates, last, group[0].number.start)
                target = None if other_day is not None else last if last.kind == kind else next(
                    (e for e in reversed(self.events + found) if e.kind == kind and e.paragraph == s.paragraph
                     and e.key_place() == last.key_place()), None)
                if target is None:
                    target = _copy_as(last, kind, s)
                    _on_street(target, s)
                    if other_day is not None and other_day.day is not None:   # "el 15 de diciembre, en la misma
                        # ciudad, murieron cuatro": that day's event at the place told before
                        target.start, target.end, target.time_precision = other_day.day, None, other_day.precision
                    found.append(target)
                _attach(target, group)
                target.unsure.add("scope")   # a figure of a sentence that names no place: the reader's guess
                if not any(d.day is not None for d in dates) and self.context_paragraph != s.paragraph:
                    target.unsure.add("date")
                if (s.start, s.end) not in target.spans:
                    target.spans.append((s.start, s.end))
                continue
            if national or reporter:
                self.counts += _casualty_counts(group, s, dates, self, reporter, mentions)


def _elided(s: Sentence, a: int, figures: list[Figure]) -> bool:
    """Whether a clause is one of parallel ones that leave out the first's verb: a name, a comma,
    then its figure ("...; Ayacucho, nueve víctimas mortales; ...", "y Arequipa, dos muertos")."""
    head = re.match(r"\s*(?:(?:y|e|and)\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*){0,2}\s*,\s*",
                    s.text[a:])
    return head is not None and figures[0].number.start == a + head.end()


#: Between a count of blockades and the places it is spread over: "repartidos por las provincias
#: de", "en los distritos de", "across the provinces of", "in".
_PLACED_COUNT = re.compile(r"(?:^|\s)(?:en|por|in|across|throughout|at)\s+(?:(?:las|los|la|el|the)\s+)?"
                           r"(?:(?:provincias|distritos|regiones|zonas|provinces|districts|regions|areas)\s+"
                           r"(?:de|del|of)\s+)?$")


def _blockades_placed(low: str, figures: list[Figure], places: list[PlaceMention], a: int, b: int) -> bool:
    """Whether a segment counts blockades at the places named right after the count, in its clause
    ("mantienen 9 bloqueos repartidos por las provincias de A, B y C", "12 roadblocks across A and
    B"): each place then holds blockades (the count stays a count)."""
    first = min((x.start for x in places if a <= x.start < b), default=None)
    if first is None:
        return False
    for f in figures:
        if f.metric != "blockade_points" or f.reference or not a <= f.number.start < first:
            continue
        gap = low[f.number.end:first]
        if len(gap.split()) <= 8 and not re.search(r"[;:.()]", gap) and _PLACED_COUNT.search(gap):
            return True
    return False


#: After a site's name, words that put it in the town just spoken of: "la Villa Militar del lugar".
_OF_THE_PLACE = re.compile(r"\s+(?:del lugar|de la localidad|de esa localidad|de esa ciudad|de la zona|"
                           r"of the town|in the town|of the city|in that town)(?![\w])")


def _of_the_place(x: PlaceMention, s: Sentence, last: _Event | None) -> bool:
    """A site the gazetteer lacks named as the one "of the place" ("en la Villa Militar del lugar")
    is in the town of the paragraph's last event: it takes that town (its name after the site's,
    its point, location precision 2). False when the paragraph has told no event at a town."""
    town = last.mention.place if last is not None and last.mention is not None else None
    if town is None or town.is_site or not _OF_THE_PLACE.match(s.low, x.end):
        return False
    x.text, x.place, x.level, x.region, x.region_from = f"{x.text}, {town.name}", town, "site", town.region, "paragraph"
    x.lon, x.lat, x.geo_precision = town.lon, town.lat, 2
    return True


def _is_tally(s: Sentence, lang: str, clause: str) -> bool:
    """Whether a clause gives a running tally: a cumulative word in it ("suma", "ya son"), or in the
    first of parallel clauses it continues ("Apurímac suma seis; Ayacucho, nueve; Junín, tres")."""
    if NATIONAL[lang].search(clause):
        return True
    return s.low.count(";") >= 2 and bool(NATIONAL[lang].search(s.low.split(";")[0]))


def _names_unplaced(mentions: list[PlaceMention], a: int, b: int) -> bool:
    """Whether a segment names, where an event would be, a place the gazetteer lacks and the text
    gives no region for (its events are dropped: never put at a guessed point)."""
    return any(x.role == "event" and not x.known and x.region is None for x in _event_places(mentions, a, b))


def _clause(low: str, pos: int) -> str:
    """The clause of a sentence around a position (between semicolons or colons)."""
    a = max(low.rfind(";", 0, pos), low.rfind(":", 0, pos)) + 1
    ends = [i for i in (low.find(";", pos), low.find(":", pos)) if i != -1]
    return low[a:min(ends) if ends else len(low)]


def _reference_dates(s: Sentence, figures: list[Figure], dates: list[DateMention]) -> list[DateMention]:
    """Dates that belong to casualties recalled ("los 18 fallecidos del 9 de enero")."""
    out = []
    for f in figures:
        if not f.reference:
            continue
        for d in dates:
            if 0 <= d.start - f.noun_end <= 6:
                out.append(d)
    return out


def _make_event(kind: str, mention: PlaceMention | None, post: RoadMention | None, start: date, end: date | None,
                precision: int, s: Sentence, corridors, gaz: Gazetteer, lexicon: Lexicon,
                carried: str | None = None) -> _Event | None:
    """A candidate event at a place (or a kilometre post); None when no region can be given.

    A kilometre post whose sentence names no place and whose road gives no point is where the
    reader already is: ``carried`` is that region (the paragraph's, the section heading's or the
    dateline's); its point is then the region's capital, location precision 3, with a note."""
    lon = lat = geo_precision = region = place = None
    if mention is not None:
        place = mention.text[0].upper() + mention.text[1:]
        region, lon, lat, geo_precision = mention.region, mention.lon, mention.lat, mention.geo_precision
    road = post.road if post is not None else None
    km = post.km if post is not None else None
    if post is not None:
        point = _km_point(post, corridors, gaz, lexicon)
        if point is not None:
            lon, lat, geo_precision = point[0], point[1], 2
            region = region or point[2]
        elif mention is not None:
            geo_precision = max(geo_precision or 1, 2)   # near the town the text names
        elif post.towns:
            town = post.towns[0]
            lon, lat, region, geo_precision = town.lon, town.lat, town.region, 2
        elif carried is not None:
            capital = load_capitals().of(carried)
            region, geo_precision = carried, 3
            lon, lat = (capital[1], capital[2]) if capital else (None, None)
        if place is None:
            place = f"{road} km {km:g}" if road else f"km {km:g}"
    if place is None or region is None:
        return None
    ev = _Event(kind, mention, place, region, start, end if end and end > start else None, precision, lon, lat,
                geo_precision, road, km)
    if mention is None and post is not None and region == carried and geo_precision == 3:
        ev.notes.append({"code": "km_post_in_carried_region",
                         "text": f"{place}: the report gives no town for this kilometre post; its region, "
                                 f"{region}, is the one the report was speaking of, and the point is the "
                                 f"region's capital (geo precision 3). Place it on the road before accepting."})
    ev.spans = [(s.start, s.end)]
    ev.evidence = s.text
    ev.paragraph = s.paragraph
    if mention is not None and not mention.known:
        ev.notes.append(_unplaced_note(place, region, mention.region_from, geo_precision, mention.beside))
    return ev


#: Where the region of a place the gazetteer lacks was read, for the editor's note.
_REGION_FROM = {"context": "the names beside it", "sentence": "the places its sentence names",
                "paragraph": "the paragraph's previous event", "dateline": "the report's dateline"}


def _unplaced_note(place: str, region: str, region_from: str | None, geo_precision: int | None,
                   beside: list[str]) -> dict[str, str]:
    """The note on a candidate whose place the gazetteer lacks: where its point is, and that the
    editor places it. ``code`` is for programs (the page translates by it), ``text`` for people;
    ``beside`` holds the known towns its sentence names, where the editor may look for it."""
    capital = load_capitals().of(region)
    if geo_precision == 3 and capital:
        where = f"the point is {capital[0]}, the capital of {region} (only the region is known, geo precision 3)"
    else:
        where = "the point is the kilometre post's"
    source = _REGION_FROM.get(region_from or "", "the report")
    also = f" The sentence also names {', '.join(beside)}." if beside else ""
    note = {"code": "place_not_in_gazetteer",
            "text": f"{place} is not in the gazetteer: {where}; the region was read from {source}.{also} "
                    f"Place it on the map before accepting."}
    if beside:
        note["beside"] = ", ".join(beside)
    return note


def _other_day(dates: list[DateMention], ev: _Event, at: int) -> DateMention | None:
    """The day a sentence sets before its figure (at ``at``), when it is not one of ``ev``'s days:
    figures carried to the place told before then belong to another event there, on that day. A
    day told after the figure may be another clause's ("193 were held, and released on Sunday")."""
    own = [d for d in dates if d.role == "point" and d.day is not None and d.end <= at]
    if len(own) != 1 or own[0].day is None:
        return None
    day = own[0].day
    return None if ev.start <= day <= (ev.end or ev.start) else own[0]


def _copy_as(ev: _Event, kind: str, s: Sentence) -> _Event:
    new = _Event(kind, ev.mention, ev.place, ev.region, ev.start, ev.end, ev.time_precision, ev.lon, ev.lat,
                 ev.geo_precision, ev.road, ev.km)
    new.spans = [(s.start, s.end)]
    new.evidence = s.text
    new.paragraph = s.paragraph
    new.reporter = ev.reporter
    new.notes = [dict(n) for n in ev.notes]
    return new


#: A street named in a sentence: "a la altura de la avenida Grau", "on Abancay Avenue".
_STREET = re.compile(r"(?<![\w])(?:[Aa]venida|[Aa]v\.|[Jj]ir[oó]n|[Jj]r\.|[Cc]alle|[Pp]asaje)\s+(?:de\s+(?:la\s+)?)?"
                     r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,2}|"
                     r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+(?:Avenue|Street)(?![\w])")


def _on_street(ev: _Event, s: Sentence) -> None:
    """An event carried from the scene told before that its own sentence puts on one street ("la
    Policía detuvo a dos personas a la altura de la avenida Grau") is on that street, in the town
    of that scene: the street names it, the point stays the scene's (location precision 2 at best)."""
    streets = list(_STREET.finditer(s.text))
    if len(streets) != 1:
        return
    ev.place, ev.mention = streets[0].group(0), None
    ev.geo_precision = max(ev.geo_precision or 2, 2)


def _attach(ev: _Event, figures: list[Figure]) -> None:
    """Put casualty figures on an event: a group is summed ("37 civiles y 6 policías"), an
    interim figure gives way to a later one, subsets and references are left out. A figure
    already on the event stays unless the new one says it is an update ("later", "se elevó")."""
    by_status: dict[str, list[list[Figure]]] = {}
    for group in _groups([f for f in figures if not f.reference and not f.subset]):
        if (status := group[0].status) is not None:  # _groups keeps only figures with a status
            by_status.setdefault(status, []).append(group)
    for status, groups in by_status.items():
        final = [g for g in groups if not any(f.interim for f in g)] or groups
        chosen = next((g for g in final if any(f.update for f in g)), final[0])
        value = (sum(f.value for f in chosen), any(f.interim for f in chosen), any(f.update for f in chosen))
        _keep(ev.counts, _STATUS_FIELD[status], value)


#: A subordinate clause that tells what came before the news ("... after Castillo was ousted on
#: Dec. 7", "tras ser destituido el 7 de diciembre"): its date is not carried on to the sentences after.
_BACKGROUND_BEFORE = {"es": re.compile(r"(?:^|\W)(?:tras|despues de(?: que)?|luego de(?: que)?|desde que)\s[^,;.:]*$"),
                      "en": re.compile(r"(?:^|\W)(?:after|since|following)\s[^,;.:]*$")}


#: A reporting verb right before a date: "officials said on Monday", "informó este lunes".
_SAID_ON = {"es": re.compile(r"(?:^|\W)(?:dijo|dijeron|inform\w+|report\w+|senal\w+|indic\w+|precis\w+|confirm\w+|"
                             r"anunci\w+|declar\w+|afirm\w+|sostuvo|detall\w+)(?:\s+\w+){0,2}?\s+"
                             r"(?:(?:el|este|esta|la)\s+)?$"),
            "en": re.compile(r"(?:^|\W)(?:said|says|reported|announced|confirmed|stated|told [\w ]{1,20}?|added)\s+"
                             r"(?:on\s+|this\s+|late\s+|early\s+)?$")}


def _not_said_on(low: str, dates: list[DateMention], lang: str) -> list[DateMention]:
    """The dates of a sentence but those of its telling: "six died ..., officials said on Monday"
    dates when it was said, not when it happened (a toll keeps it: a count is as of that day)."""
    return [d for d in dates if not _SAID_ON[lang].search(low[max(0, d.start - 40):d.start])]


#: Where the part of a toll begins: "..., including a teenager", "..., entre ellos un menor".
_SUBSET_TAIL = re.compile(r",\s+(?:including|among them|among whom|incluid[oa]s?|incluyendo|"
                          r"entre (?:ellos|ellas|los que|las que))\b")


def _counts_unsure(s: Sentence, figures: list[Figure], mention: PlaceMention | None, dates: list[DateMention],
                   a: int, b: int, day_in_paragraph: bool = False) -> set[str]:
    """What a careful editor would check before taking an event's figures from its sentence:
    ``scope`` when a figure's own clause does not name the event's place (the toll may be the
    region's or the country's), ``date`` when the segment gives no day of its own and its
    paragraph said none before (``day_in_paragraph``: the day was carried from another paragraph,
    or is only the publication day), ``interim`` when a figure is said to be provisional."""
    out: set[str] = set()
    if not figures:
        return out
    if mention is None or mention.level in ("region", "province") or (mention.level == "city"
                                                                       and mention.geo_precision != 1):
        # A toll at a whole region, or at a name both a region's and its capital's ("en Puno"), may be
        # the region's running total, not one place's.
        out.add("scope")
    for f in figures:
        x, y = _own_clause(s.low, f.number.start)
        # "seven have died, including a teenager ... in Andahuaylas": a place after "including" is a part's.
        cut = _SUBSET_TAIL.search(s.low, f.number.end, y)
        if cut is not None:
            y = cut.start()
        if mention is None or not x <= mention.start < y:
            out.add("scope")
        if f.interim:
            out.add("interim")
    if not day_in_paragraph and not any(a <= d.start < b and d.day is not None for d in dates):
        out.add("date")
    return out


def _keep(counts: dict, name: str, value: tuple[int, bool, bool]) -> None:
    """Store ``value`` (number, interim, update) under ``name`` unless a better one is there."""
    old = counts.get(name)
    if old is None or (old[1] and not value[1]) or (value[2] and not value[1]):
        counts[name] = value


def _own_clause(low: str, pos: int) -> tuple[int, int]:
    """The bounds of the clause a position is in: between semicolons or colons, and a relative
    clause (", que ...", ", which ...") apart from the clause it hangs on."""
    marks = list(re.finditer(r"[;:]|,\s+(?:que|quienes|las cuales|los cuales|which|who|that)\s", low))
    a = max((m.end() if m.group(0) in ";:" else m.start() + 1 for m in marks if m.start() < pos), default=0)
    b = min((m.start() for m in marks if m.start() >= pos), default=len(low))
    return a, b


def _count_date(dates: list[DateMention], reader: _Reader, low: str | None = None, pos: int | None = None) -> date:
    """A figure's date: its clause's day (a relative clause's figure is not dated by the clause it
    hangs on); "ese día" the day just spoken of; else the publication day."""
    if low is not None and pos is not None:
        a, b = _own_clause(low, pos)
        dates = [d for d in dates if a <= d.start < b or d.role != "point"]
    point = [d.day for d in dates if d.role == "point" and d.day is not None]
    if point:
        return point[0]
    if any(d.role == "same" for d in dates) or reader.carried:
        return reader.context[0]
    return reader.published


#: Where a sentence that lost its full stop runs on: a comma, then a capitalised article and a common noun.
_RUN_ON = re.compile(r",\s+(?:El|La|Los|Las|Un|Una|The|A|An)\s+[a-záéíóúñ]")


#: A region named as the one just spoken of, restricting a figure to it: "solo en esta región",
#: "en esta región", "in this region alone".
_THIS_REGION = {"es": re.compile(r"(?:^|\W)(?:solo )?en (?:esta|esa|dicha|la) (?:region|departamento)\b"
                                 r"(?! de\b)(?!\s+[a-z]+ (?:de|del)\b)"),
                "en": re.compile(r"(?:^|\W)in (?:this|that) (?:region|department)(?! of)\b")}


def _count_region(s: Sentence, lang: str, mentions: list[PlaceMention], pos: int,
                  partitive: bool = False, carried: str | None = None) -> str | None:
    """The region a figure is given for ("en la región Puno ya suman 23"; "en ese departamento":
    ``carried``, the region the report is speaking of), None when national."""
    clause = _clause(s.low, pos)
    a = s.low.find(clause)
    this = _THIS_REGION[lang].search(clause)
    if this and re.match(r"\s+[A-ZÁÉÍÓÚÑ]", s.text[a + this.end():]):
        this = None   # "en la región Puno": a region named, read below
    if this and not partitive and not _NATIONWIDE.search(clause):
        # "solo en esta región": the region its sentence names as such before it, else the one the
        # report is speaking of; the movement named beside it ("las protestas") does not make it national.
        named = [x for x in mentions if x.start < a + this.start() and x.level in ("region", "city")
                 and x.region and x.role in ("event", "context")]
        if named or carried:
            return named[-1].region if named else carried
    if carried and not partitive and _THAT_REGION[lang].search(clause) and not _NATIONWIDE.search(clause):
        return carried   # "solo en esta región siete personas han perdido la vida a raíz de las protestas"
    if not partitive and STRONG_NATIONAL[lang].search(clause) and not _region_named_in(s.low, clause, a, mentions, lang):
        return None
    # Not a region the next sentence names: a sentence that runs on after a comma into a capitalised
    # article and a common noun ("en 35 puntos, Las vías más golpeadas son ... Moquegua") has lost its full stop.
    brk = _RUN_ON.search(s.text, pos)
    end = min(a + len(clause), brk.start() if brk else len(s.low))
    inside = [x for x in mentions if a <= x.start < end and x.role in ("event", "context")
              and x.level in ("region", "city") and x.region]
    listed = [x for x in inside if x.list_id is not None and x.list_id == inside[0].list_id]
    if len({x.region for x in listed}) > 1:
        return None   # "en Puno y Cusco siguen 26 puntos": the figure of several regions together is neither's
    if inside:
        # the nearest region named before the figure ("La Libertad, un fallecido, y Arequipa, dos"), else the first after
        before = [x for x in inside if x.start < pos]
        return before[-1].region if before else inside[0].region
    if carried and _THAT_REGION[lang].search(clause):
        return carried   # "de ese departamento", "in the region": the one the report is speaking of
    return None


#: Words that make a figure the whole country's, whatever region its clause refers to.
_NATIONWIDE = re.compile(r"(?:^|\W)(?:a nivel nacional|en todo el pais|en el pais|nationwide|across the country|"
                         r"in the country|countrywide)(?:\W|$)")
#: Words that sum a figure up ("en total son seis"), not ones that make it national.
_SUMMING = re.compile(r"en total|in total|in all|acumulad\w+")


def _region_named_in(low: str, clause: str, a: int, mentions: list[PlaceMention], lang: str) -> bool:
    """Whether a clause whose only national-sounding words sum its figure up ("en total son seis
    los puntos bloqueados en las vías de la región Puno") names a region as such: that region is
    the figure's scope."""
    if any(not _SUMMING.fullmatch(m.group(0).strip()) for m in STRONG_NATIONAL[lang].finditer(clause)):
        return False   # "a nivel nacional", "in the country": national whatever else it names
    return any(a <= x.start < a + len(clause) and x.level == "region" and x.region
               and REGION_NOUN.search(low[max(0, x.start - 20):x.start]) for x in mentions)


def _count(metric: str, value: int, s: Sentence, dates, reader: _Reader, reporter, mentions, f: Figure,
           interim: bool = False) -> dict[str, Any]:
    """One count candidate."""
    return {"date": _count_date(dates, reader, s.low, f.number.start).isoformat(), "metric": metric,
            "value": int(value),
            "reporter": reporter, "region": _count_region(s, reader.lang, mentions, f.number.start,
                                                          carried=reader.carried_region(s.paragraph)
                                                          or _region_in_names(s, f.number.start, reader.gaz))
            or _speakers_scope(s, f, reader, reporter),
            "evidence": s.text, "evidence_spans": [[s.start, s.end]],
            "_interim": bool(interim or f.interim), "_update": bool(f.update), "_paragraph": s.paragraph,
            "_article": f.number.text.strip().lower() in ("un", "una", "a", "an")}


def _region_in_names(s: Sentence, pos: int, gaz: Gazetteer) -> str | None:
    """The one region a sentence names before a figure, even inside a body's name ("la Dirección
    Regional de Salud de Ayacucho ... en esta región"): what "esta región" then refers to."""
    found = set()
    for m in _CAPITALISED.finditer(s.text, 0, pos):   # each capitalised word, alone and with the next
        for name in (m.group(1), m.group(1) + m.group(2)):
            region = gaz.region(name)
            if region is not None:
                found.add(region)
    return found.pop() if len(found) == 1 else None


_CAPITALISED = re.compile(r"(?<![\w])([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)(?=((?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?))")


def _speakers_scope(s: Sentence, f: Figure, reader: _Reader, reporter: str | None) -> str | None:
    """A figure the speaker of the previous sentence goes on to give ("Además, reportó 52 heridos")
    has the scope of the figure that speaker gave just before, when its own clause names none and
    says nothing national."""
    clause = _clause(s.low, f.number.start)
    if not reader.carried or reporter is None or NATIONAL[reader.lang].search(clause) \
            or STRONG_NATIONAL[reader.lang].search(clause):
        return None
    before = [c for c in reader.counts if c.get("_paragraph") == s.paragraph]
    return before[-1]["region"] if before and before[-1]["reporter"] == reporter else None


def _casualty_counts(group: list[Figure], s: Sentence, dates, reader: _Reader, reporter,
                     mentions) -> list[dict[str, Any]]:
    """Counts from a group of casualty figures: deaths in clashes apart, the whole group as the
    total only when it adds parts ("39 en enfrentamientos, otros siete ... y un policía"). A
    part of a whole ("en Puno, 23 de los 44") is a regional count when the clause names a region."""
    parts = [f for f in group if f.partitive]
    if parts:
        region = _count_region(s, reader.lang, mentions, parts[0].number.start, partitive=True)
        part_status = parts[0].status
        if region is None or part_status is None:
            return []
        metric = {"dead": "deaths_in_clashes" if parts[0].in_clashes else "deaths_total",
                  "injured": "injured_total", "detained": "detained"}[part_status]
        c = _count(metric, parts[0].value, s, dates, reader, reporter, mentions, parts[0])
        c["region"] = region
        return [c]
    live = [f for f in group if not f.subset]
    if not live or live[0].status is None or (len(live) == 1 and _not_the_movements(s.low, live[0], reader.lang)):
        return []
    status, interim, first = live[0].status, any(f.interim for f in live), live[0]
    total = sum(f.value for f in live)
    if status == "dead":
        clashes = [f for f in live if f.in_clashes or _clashes_killed(s.low, f.number.start, reader.lang)]
        out = []
        if clashes:
            out.append(_count("deaths_in_clashes", sum(f.value for f in clashes), s, dates, reader, reporter,
                              mentions, first, interim))
        if len(live) > 1 or not clashes:
            out.append(_count("deaths_total", total, s, dates, reader, reporter, mentions, first, interim))
        return out
    metric = {"injured": "injured_total", "detained": "detained"}[status]
    return [_count(metric, total, s, dates, reader, reporter, mentions, first, interim)]


_CLASH_WORDS = re.compile(r"(?:^|\W)(?:clash(?:es)?|confrontations?|enfrentamientos?|choques?)\b")
_KILLED_BY = re.compile(r"(?:(?:have|has) )?(?:killed|left|claimed the lives of|han dejado|dejaron|han causado|causaron|"
                        r"han cobrado)(?: (?:at least|al menos|more than|mas de))?\s*$")


def _not_the_movements(low: str, f: Figure, lang: str) -> bool:
    """Whether a death figure is told as deaths of another cause than the protests' violence
    ("10 died because their ambulances were stuck at roadblocks", "10 deaths attributed to
    accidents"), alone: they make no toll of the protests (as one part of a toll summed up, "39 in
    clashes, seven in accidents and a police officer", they count). The cause is read up to the
    figure's next comma."""
    if f.status != "dead":
        return False
    stop = re.compile(r"[,;.]").search(low, f.number.end)
    return bool(ACCIDENT[lang].search(low[f.number.end:min(stop.start() if stop else len(low), f.number.end + 90)]))


def _cumulative_since(dates: list[DateMention], low: str, pos: int, published: date) -> bool:
    """Whether a figure counts what happened since a day long past ("the almost 300 roadblocks set
    up since December 7th", "registrados desde diciembre"), said after it in its clause: more than two
    weeks before the report, it is a cumulative total, not the day's figure."""
    a, b = _own_clause(low, pos)
    return any(d.role == "since" and d.day is not None and pos < d.start < b
               and (published - d.day).days > 14 for d in dates)


def _clashes_killed(low: str, pos: int, lang: str) -> bool:
    """Whether clashes are the subject that killed the figure's people: "confrontations with the
    security forces have killed at least 49", "los enfrentamientos han dejado 40"."""
    before = low[max(0, pos - 120):pos]
    verb = _KILLED_BY.search(before)
    return bool(verb and _CLASH_WORDS.search(before[:verb.start()]) and not re.search(r"[;.]", before[:verb.start()]))


def _dedupe_counts(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One figure per (date, metric, reporter, region): the first said stays, unless it was
    interim or a later one says it is an update."""
    kept: dict[tuple, dict[str, Any]] = {}
    for c in counts:
        key = (c["date"], c["metric"], c["reporter"], c["region"])
        old = kept.get(key)
        if old is None or (old["_interim"] and not c["_interim"]) or (c["_update"] and not c["_interim"]):
            kept[key] = c
    return [{k: v for k, v in c.items() if not k.startswith("_")} for c in kept.values()
            if not (c["_interim"] and any(o is not c and o["metric"] == c["metric"] and o["date"] == c["date"]
                                          for o in kept.values()))]


def _distance_km(a: _Event, b: _Event) -> float:
    if None in (a.lon, a.lat, b.lon, b.lat):
        return float("inf")
    return float(distance_m(a.lon, a.lat, b.lon, b.lat)) / 1000.0


def _merge(events: list[_Event]) -> list[_Event]:
    """Mentions of one event in several sentences become one candidate. Two mentions that give
    different figures for the same thing, neither an update of the other, stay apart."""
    out: list[_Event] = []
    for ev in events:
        twin = None
        for old in out:
            if old.kind != ev.kind or old.start != ev.start or old.km != ev.km:
                continue
            # A name the gazetteer lacks sits at its region's capital: that point says nothing of where it is.
            vague = any(e.mention is None or e.mention.level in ("city", "region") for e in (old, ev)) \
                and not (old.unplaced or ev.unplaced)
            same = old.key_place() == ev.key_place() or (
                vague and old.region == ev.region and _distance_km(old, ev) <= MERGE_RADIUS_KM and old.km is None)
            clash = any(name in old.counts and old.counts[name][0] != v[0] and not v[2] and not v[1]
                        and not old.counts[name][1] for name, v in ev.counts.items())
            if same and not clash:
                twin = old
                break
        if twin is None:
            out.append(ev)
            continue
        for name, value in ev.counts.items():
            _keep(twin.counts, name, value)
        if ev.counts:
            twin.unsure |= ev.unsure
        if (twin.geo_precision or 3) > (ev.geo_precision or 3) and ev.lon is not None:
            twin.lon, twin.lat, twin.geo_precision = ev.lon, ev.lat, ev.geo_precision
        twin.end = max(filter(None, (twin.end, ev.end)), default=None)
        twin.reporter = twin.reporter or ev.reporter
        twin.notes += [n for n in ev.notes if n not in twin.notes]
        for span in ev.spans:
            if span not in twin.spans:
                twin.spans.append(span)
    return out


#: What an editor checks of an event's figures, in the note's words.
_TO_CHECK = {"scope": "that they are this place's (not its region's or the country's)",
             "date": "their day (the sentence gives none of its own)",
             "interim": "that they are final (the report calls them provisional)"}


def _counts_note(ev: _Event, what: list[str]) -> dict[str, str]:
    """The note on an event whose figures the Add form does not take as they are."""
    said = ", ".join(f"{v[0]} {w}" for k, w in (("fatalities", "dead"), ("injured", "injured"),
                                                ("detained", "detained")) if (v := ev.counts.get(k)))
    return {"code": "counts_to_check", "what": ",".join(what),
            "text": f"The report gives {said}; check {' and '.join(_TO_CHECK[w] for w in what)} before "
                    f"typing them in: the form starts without them."}


def _headline_summaries(events: list[_Event], sentences: list[Sentence]) -> list[_Event]:
    """A headline sums up what the report's body tells ("blockades in A and B"): an event read only
    from the report's leading heading(s) goes when the body tells an event of the same kind in the
    same region (the body's is the one with a place and a day of its own)."""
    lead_end = 0
    for s in sentences:
        if not _is_heading(s):
            break
        lead_end = s.end
    if not lead_end:
        return events

    def headline_only(e: _Event) -> bool:
        return bool(e.spans) and all(b <= lead_end for _, b in e.spans)

    told = {(e.kind, e.region) for e in events if not headline_only(e)}
    return [e for e in events if not (headline_only(e) and (e.kind, e.region) in told)]


def _turned_to_clashes(events: list[_Event]) -> list[_Event]:
    """A protest that became a clash with casualties at the same place on the same day ("tried to
    storm the airport; clashes there killed two") is that clash: the protest candidate goes."""
    hurt = {(e.key_place(), e.start) for e in events if e.kind == "clash" and e.counts}
    return [e for e in events if not (e.kind == "protest" and (e.key_place(), e.start) in hurt)]


def _event_json(ev: _Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": ev.kind, "place": ev.place, "region": ev.region, "start": ev.start.isoformat(),
        "end": ev.end.isoformat() if ev.end else None, "time_precision": ev.time_precision,
    }
    for name in ("fatalities", "injured", "detained"):
        if name in ev.counts:
            out[name] = ev.counts[name][0]
    notes = [dict(n) for n in ev.notes]
    if ev.counts and (ev.unsure or any(v[1] for v in ev.counts.values())):
        out["counts_to_check"] = sorted(ev.unsure | ({"interim"} if any(v[1] for v in ev.counts.values()) else set()))
        notes.append(_counts_note(ev, out["counts_to_check"]))
    out.update({"road": ev.road, "km": (int(ev.km) if ev.km is not None and ev.km == int(ev.km) else ev.km),
                "lon": ev.lon, "lat": ev.lat, "geo_precision": ev.geo_precision,
                "site": ev.mention.place.name if ev.mention is not None and ev.mention.place is not None
                and ev.mention.place.is_site else None,
                "reporter": ev.reporter, "evidence": ev.evidence, "evidence_spans": [list(s) for s in ev.spans],
                "notes": notes or None})
    return {k: v for k, v in out.items() if v is not None}
