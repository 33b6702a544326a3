"""Places in a news report's sentence: towns, regions, named sites, roads and kilometre posts.

Names are looked up in the gazetteer (:mod:`geo.places.gazetteer`: accent- and case-insensitive,
namesakes settled by a region hint). A name counts as a place only where the sentence says
so: after a locative word ("en", "in", "a la altura de"), after a site noun ("comisaría de",
"the airports of"), in a list that started so, or as a large town; a name inside a person's
or an institution's name ("Remo Candia Guevara", "Caja Cusco") does not. Each mention has a
role: ``event`` (where something happened), ``context`` (the region or province that places
another name: "Bagua (Amazonas)", "Ilave, provincia de El Collao"), ``reference`` (an earlier
event recalled: "los fallecidos en Juliaca") or ``road`` (a town inside a road's name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from geo.core.text import fold, name_key
from geo.intake.extract.dataset_lexicon import Lexicon, default_lexicon
from geo.intake.extract.lexicon import (
    DELEGATION_FROM,
    ELSEWHERE,
    KM_POST,
    LOCATIVE,
    MEASURE_FOR,
    PRESS_AFTER,
    PRESS_BEFORE,
    PROVINCE_NOUN,
    PROXIMITY,
    PURPOSE,
    REFERENCE,
    REGION_NOUN,
    ROAD_NOUN,
    SAME_ROAD,
    SITE_NOUN,
    SO_CALLED,
    STATUS,
    STOP_CAPITALS,
    STREET_NOUN,
)
from geo.intake.extract.names import NAME_PHRASE, unknown_names
from geo.intake.extract.text import Sentence
from geo.places.gazetteer import DEFAULT_DIR, Gazetteer, Place
from geo.store.documents import read_gazetteer_dir

__all__ = ["PlaceMention", "RoadMention", "Capitals", "find_places", "find_roads", "load_capitals", "at_capital"]

#: A town smaller than this is a place only where the sentence says so (a locative word, a list).
BIG_TOWN = 50_000
_LEVEL_RANK = {"site": 0, "town": 1, "unknown": 2, "province": 3, "city": 4, "region": 5}


@dataclass
class PlaceMention:
    """A place named in a sentence (offsets are the sentence's)."""

    text: str
    start: int
    end: int
    level: str                      # site, town, city (a region's namesake capital), region, province, unknown
    region: str | None
    place: Place | None = None
    role: str = "event"             # event, context, reference, road
    site_kind: str | None = None    # airport, bridge, border, ... when the text names a site
    lon: float | None = None
    lat: float | None = None
    geo_precision: int | None = None
    context_of: int | None = None   # index of the mention this one places (its region)
    list_id: int | None = None
    #: For a name the gazetteer lacks (level ``unknown`` or ``province`` without a place): where
    #: its region was read (``context``: parentheses or a trailing region; ``sentence``: another
    #: place of the clause or sentence; ``paragraph``, ``dateline``: set by the extractor).
    region_from: str | None = None
    cue: str | None = None          # for such a name: what made it a place (see geo.intake.extract.names)
    near: bool = False              # named as a reference point: "cerca de X", "near X", "entre X y Y"
    beside: list[str] = field(default_factory=list)   # for such a name: the known towns its sentence names

    @property
    def known(self) -> bool:
        """Whether the gazetteer knows this place (a region counts as known)."""
        return self.place is not None or self.level in ("region", "city")

    @property
    def rank(self) -> float:
        """Lower is more specific. A name the gazetteer lacks but the text calls a site or a
        part of a town ("frente a la comisaría de Cerro Colorado", "the Cunyac bridge") is more
        specific than a known town beside it: the event is there, not in the town."""
        if self.level == "unknown" and self.cue == "site":
            return 0.5
        return _LEVEL_RANK[self.level]


@dataclass
class RoadMention:
    """A road, a kilometre post on it, or both."""

    start: int
    end: int
    road: str | None
    km: float | None = None
    towns: list[Place] = field(default_factory=list)


@dataclass(frozen=True)
class Capitals:
    """Each department's capital (``data/gazetteer/regions.csv``)."""

    points: dict[str, tuple[str, float, float]]

    def of(self, region: str) -> tuple[str, float, float] | None:
        """``(capital name, lon, lat)`` of a department, or None."""
        return self.points.get(region)


@lru_cache(maxsize=4)
def load_capitals(folder: str | None = None) -> Capitals:
    """Read ``regions.csv`` from a gazetteer folder (the bundled one by default)."""
    tables = read_gazetteer_dir(Path(folder) if folder else DEFAULT_DIR)  # through the store's bounded reads
    points: dict[str, tuple[str, float, float]] = {}
    for row in tables.regions if tables is not None else ():
        points[row["region"]] = (row["capital"], float(row["lon"]), float(row["lat"]))
    return Capitals(points)


# ---------------------------------------------------------------- roads

_CAP_WORD = r"[A-ZÁÉÍÓÚÑÜ][\wÁÉÍÓÚÑÜáéíóúñü'’.]*"
_DASH = r"\s*[–—-]\s*"
# One way only to read the space between two words ("El", "La" are capitalised words already): a
# run of spaces split two ways between optional parts made this backtrack exponentially.
_PAIR_NAME = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:de|del|la)\s+)?{_CAP_WORD})*"
                        rf"(?:{_DASH}{_CAP_WORD}(?:\s+(?:(?:de|del|la)\s+)?{_CAP_WORD})*)+")


_NAMED_BY_NOUN = re.compile(r"(?<![\w])(?P<noun>[Cc]arretera|[Aa]utopista|[Vv]ía|[Rr]uta)\s+"
                            r"(?P<name>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,2})(?![\w–-])")


_TOWN_NAME = rf"{_CAP_WORD}(?:\s+(?:(?:de|del|la)\s+)?{_CAP_WORD})*"
#: A road named by the towns it links: "la vía que une Ilave con Desaguadero", "the road linking A to B".
_LINKING = re.compile(rf"(?<![\w])(?:[Cc]arretera|[Vv]ía|[Rr]uta|[Aa]utopista|[Tt]ramo|road|highway|route)\s+"
                      rf"(?:que\s+(?:une|unen|conecta|comunica|enlaza|va\s+de|lleva\s+de)|linking|connecting|joining|"
                      rf"between|from)\s+(?:a\s+)?(?P<a>{_TOWN_NAME})\s+(?:con|a|y|hasta|and|to|with)\s+(?P<b>{_TOWN_NAME})")


def find_roads(sentence: Sentence, gazetteer: Gazetteer, previous_road: str | None = None,
               lexicon: Lexicon | None = None) -> list[RoadMention]:
    """Roads and kilometre posts of a sentence, each kilometre post with its road when named.

    A road is a route code ("PE-3S"), a named road ("Panamericana Sur", "Longitudinal de la
    Selva Norte") or towns joined by dashes after a road word ("carretera Manseriche–El
    Milagro–Imaza", "the Puno-Desaguadero road"); "la misma vía" is the road named before. Route
    codes and road names are the dataset's (``lexicon``, default the bundled folder's).
    """
    lexicon = lexicon if lexicon is not None else default_lexicon()
    low, text = sentence.low, sentence.text
    roads: list[RoadMention] = []

    def add(a: int, b: int, name: str, towns: list[Place] | None = None) -> None:
        if any(a < r.end and r.start < b for r in roads):
            return
        roads.append(RoadMention(a, b, name, None, towns or []))

    for m in lexicon.road_code.finditer(low) if lexicon.road_code else ():
        add(m.start(), m.end(), lexicon.road_code_name(m.group(1)))
    for m in lexicon.named_road.finditer(low) if lexicon.named_road else ():
        a = m.start()
        raw = text[a:m.end()]
        raw = re.sub(r"^(?:la|the|La|The)\s+", "", raw)
        raw = re.sub(r"^(?:carretera|Carretera)\s+(?=[A-Z])", "", raw) if not raw.lower().startswith("carretera central") else raw
        add(m.end() - len(raw), m.end(), raw)
    # "la carretera Costanera", "la vía Expresa": a road noun and a capitalised name the gazetteer
    # does not hold as a town name the road.
    for m in _NAMED_BY_NOUN.finditer(text):
        name = m.group("name")
        if fold(name) in STOP_CAPITALS or gazetteer.matches(name):
            continue
        add(m.start(), m.end(), f"{m.group('noun').lower()} {name}")
    for m in _LINKING.finditer(text):
        ends = [m.group("a").rstrip(".,"), m.group("b").rstrip(".,")]
        towns = []
        for part in ends:
            try:
                towns.append(gazetteer.lookup(part))
            except LookupError:
                continue
        add(m.start(), m.start("b") + len(ends[1]), "–".join(ends), towns)
    for m in _PAIR_NAME.finditer(text):
        a, b = m.span()
        before = low[max(0, a - 25):a]
        after = low[b:b + 12]
        if not (ROAD_NOUN.search(before) or re.match(r"\s+(?:road|highway|route)\b", after)
                or re.search(r"(?:de la|la|the)\s+$", before)):
            continue
        towns = []
        for part in re.split(_DASH, m.group(0)):
            try:
                towns.append(gazetteer.lookup(part))
            except LookupError:
                continue
        add(a, b, m.group(0), towns)
    roads.sort(key=lambda r: r.start)
    for m in SAME_ROAD.finditer(low):
        earlier = [r.road for r in roads if r.end <= m.start() and r.road]
        same = earlier[-1] if earlier else previous_road
        if same:
            add(m.start(), m.end(), same)
    roads.sort(key=lambda r: r.start)
    posts: list[RoadMention] = []
    for m in KM_POST.finditer(low):
        km = float(m.group(1).replace(",", "."))
        road = None
        roads_after = [r for r in roads if 0 <= r.start - m.end() <= 40 and not re.search(r"[;()]", low[m.end():r.start])]
        roads_before = [r for r in roads if 0 <= m.start() - r.end <= 12
                        and re.fullmatch(r"\s*(?:,|at|en el|en|on|in|del|de la)?\s*", low[r.end:m.start()])]
        pick = roads_after[0] if roads_after else roads_before[-1] if roads_before else None
        if pick is not None:
            road = pick.road
        posts.append(RoadMention(m.start(), m.end(), road, km, pick.towns if pick else []))
    return roads + posts


# ---------------------------------------------------------------- places

_SPAN = NAME_PHRASE
_ARTICLES = {"el", "la", "los", "las", "the"}
_GENERIC_HEADS = {"puente", "aeropuerto", "comisaria", "provincia", "region", "distrito", "departamento",
                  "ciudad", "localidad", "bridge", "airport", "province", "city", "district",
                  "garita", "paso", "frontera", "terminal", "municipalidad", "centro", "valle", "sector"}
# A list may repeat its preposition ("en A, en B y en C") or its site noun ("el aeropuerto de A y el
# aeropuerto de B", "the airports of A and the airport of B").
_REPEATED_HEAD = (r"(?:\s+(?:el|la|los|las|the))?\s+(?:aeropuertos?|puentes?|comisarias?|peajes?|garitas?|"
                  r"terminal(?:es)?|airports?|bridges?|police stations?)\s+(?:de|del|of|in|at)")
_LIST_GAP = re.compile(r"^\s*(?:,(?:\s+(?:en|in|at))?|,?\s+(?:y|e|and|o|or)(?:\s+(?:en|in|at)|" + _REPEATED_HEAD
                       + r")?|;)\s*$")   # "en A y en B" too
# A list may repeat its preposition with an area noun ("en A y en la provincia de B", "de A y de la
# provincia de B") or set a site's article before its name ("el Aeropuerto A y el Aeropuerto B").
_LIST_GAP_AREA = re.compile(r"^\s*,?\s+(?:y|e|and|o|or)\s+(?:(?:en|de|in|of|at)\s+)?(?:(?:la|el|the)\s+)?"
                            r"(?:(?:provincias?|distritos?|regi[oó]n|departamento|provinces?|districts?|regions?)"
                            r"\s+(?:de|del|of)\s*)?$")
_PARENS = re.compile(r"\([^()]*\)")
#: Where a list's member lies, said right after it: "A in the south, B to the southeast and C in the
#: north", "A, al sur, y B, al norte": the list goes on past it.
_COMPASS = re.compile(r"^,?\s+(?:(?:in|to) the|(?:en )?el|al|hacia el)\s+(?:north|south|east|west|centre|center|"
                      r"norte|sur|este|oeste|centro)(?:[- ]?(?:east|west|este|oeste))?(?=\W)")


def find_places(sentence: Sentence, lang: str, gazetteer: Gazetteer, capitals: Capitals,
                roads: list[RoadMention], region_hint: str | None = None,
                lexicon: Lexicon | None = None) -> list[PlaceMention]:
    """Every place named in a sentence, with its role, level, region and point (``lexicon``:
    the dataset's words, default the bundled folder's)."""
    low, text = sentence.low, sentence.text
    road_spans = [(r.start, r.end) for r in roads if r.km is None]
    mentions: list[PlaceMention] = []
    mentions += _named_sites(sentence, gazetteer)
    for m in _SPAN.finditer(text):
        a, b = m.span()
        if sentence.is_masked(a, b) or any(a < mb and ma < a + 1 for ma, mb in
                                           ((s.start, s.end) for s in mentions)):
            continue
        in_road = any(ra <= a and b <= rb for ra, rb in road_spans)
        found = _resolve_span(sentence, lang, a, b, gazetteer, capitals, region_hint)
        for mention in found:
            if in_road:
                mention.role = "road"
            if any(mention.start < o.end and o.start < mention.end for o in mentions):
                continue
            mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
    _lists(mentions, low)
    _license(mentions, low, lang, gazetteer)
    # Names the gazetteer lacks, where the sentence uses them as places ("frente a la comisaría de
    # Cerro Colorado", "at Huipoca, San Alejandro and Previsto").
    status = {"event": True, "unlicensed": False}
    names = unknown_names(sentence, lang, [(x.start, x.end, status.get(x.role)) for x in mentions],
                          [(r.start, r.end) for r in roads if r.km is None], lexicon)
    if names:
        mentions += [PlaceMention(n.text, n.start, n.end, n.level, None, cue=n.cue) for n in names]
        mentions.sort(key=lambda x: x.start)
        for x in mentions:
            x.list_id = None
        _lists(mentions, low)
        # A small town in a list that a name the gazetteer lacks makes a place's list is a place too.
        lists = {x.list_id for x in mentions if x.list_id is not None and not x.known and x.cue != "list"}
        for x in mentions:
            if x.role == "unlicensed" and x.list_id in lists:
                x.role = "event"
    for x in mentions:
        if x.role == "unlicensed":
            x.role = "drop"
    _contexts(mentions, low, text, gazetteer, capitals)
    _site_nouns(mentions, low, lang, gazetteer)
    _references(mentions, low, lang)
    _elsewhere(mentions, low, lang)
    _not_the_scene(mentions, low, text, lang)
    _press(mentions, low)
    live = [x for x in mentions if x.role != "drop"]
    _sentence_regions(live, low, capitals)
    _proximity(live, low, lang)
    towns = [x.text for x in live if x.place is not None and x.level in ("town", "site", "city") and x.role != "road"]
    for x in live:
        if not x.known:
            x.beside = list(dict.fromkeys(towns))   # for the editor: where to look for it
    return live


def _proximity(live: list[PlaceMention], low: str, lang: str) -> None:
    """Mark the places named as a reference point ("cerca de Juliaca", "between Abancay and
    Cusco"); a list takes its first member's mark."""
    first: dict[int, bool] = {}
    for x in live:
        before = low[max(0, x.start - 40):x.start]
        if x.list_id is not None and x.list_id in first:
            x.near = first[x.list_id]
            continue
        x.near = bool(PROXIMITY[lang].search(before))
        if x.list_id is not None:
            first[x.list_id] = x.near


def _named_sites(sentence: Sentence, gazetteer: Gazetteer) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for place in _sites(id(gazetteer), gazetteer):
        for name in _site_names(gazetteer, place):
            if len(name) <= 4 and name.isupper():
                pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
                hay = sentence.text
            else:
                pattern = re.compile(rf"(?<![\w]){re.escape(fold(name))}(?![\w])")
                hay = sentence.low
            for m in pattern.finditer(hay):
                if sentence.is_masked(*m.span()) or any(m.start() < o.end and o.start < m.end() for o in out):
                    continue
                out.append(_mention_for(sentence.text[m.start():m.end()], m.start(), m.end(), place, "site"))
    # Longer names first so "Puente internacional Desaguadero" wins over "Desaguadero".
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[PlaceMention] = []
    for x in out:
        if not any(x.start < k.end and k.start < x.end for k in kept):
            kept.append(x)
    return kept


@lru_cache(maxsize=4)
def _sites(_key: int, gazetteer: Gazetteer) -> tuple[Place, ...]:
    return tuple(p for p in gazetteer.places if p.is_site and p.kind in ("airport", "bridge", "border", "km_post", "site"))


def _site_names(gazetteer: Gazetteer, place: Place) -> list[str]:
    names = [place.name]
    idx = gazetteer.places.index(place)
    names += gazetteer.names_of(idx)
    return sorted({n for n in names if len(n) >= 3}, key=len, reverse=True)


def _mention_for(raw: str, a: int, b: int, place: Place, level: str, region: str | None = None) -> PlaceMention:
    precision = 2 if place.approximate else 1
    return PlaceMention(raw, a, b, level, region or place.region, place,
                        site_kind=place.kind if place.is_site and place.kind != "town" else None,
                        lon=place.lon, lat=place.lat, geo_precision=precision)


def _resolve_span(sentence: Sentence, lang: str, a: int, b: int, gazetteer: Gazetteer, capitals: Capitals,
                  region_hint: str | None) -> list[PlaceMention]:
    text = sentence.text
    words = [(m.group(0), a + m.start()) for m in re.finditer(r"\S+", text[a:b])]
    # Leading sentence words ("En", "Por", "The") are not part of a name; articles may be ("El Collao").
    while words and fold(words[0][0]) in STOP_CAPITALS and fold(words[0][0]) not in _ARTICLES:
        words = words[1:]
    if not words:
        return []
    candidates = [words]
    if fold(words[0][0]) in _ARTICLES and len(words) > 1:
        candidates.append(words[1:])
    for ws in candidates:
        found = _lookup(text, ws, gazetteer, capitals, region_hint)
        if found:
            return [found]
    # "Centro Cívico de Tacna", "Corte Superior de Justicia de Apurímac", "Puente Chamán":
    # the name after the last "de", or after a generic head word.
    ws = candidates[-1]
    lowered = [fold(w) for w, _ in ws]
    for i in range(len(ws) - 1, 0, -1):
        if lowered[i - 1] in ("de", "del") or (i == 1 and lowered[0] in _GENERIC_HEADS):
            tail = ws[i:]
            if tail and fold(tail[0][0]) in ("la", "las", "los", "el"):
                tail = tail[1:]
            found = _lookup(text, tail, gazetteer, capitals, region_hint) if tail else None
            if found:
                found.site_kind = found.site_kind or (lowered[0] if lowered[0] in _GENERIC_HEADS else None)
                return [found]
            break
    return []   # a name the gazetteer lacks: geo.intake.extract.names decides whether it is a place


def _lookup(text: str, ws: list[tuple[str, int]], gazetteer: Gazetteer, capitals: Capitals,
            region_hint: str | None) -> PlaceMention | None:
    raw = text[ws[0][1]:ws[-1][1] + len(ws[-1][0])]
    raw = re.sub(r"['’]s$", "", raw.rstrip(".,"))   # "Juliaca's airport": the place is Juliaca
    raw = raw.rstrip(".,’'")
    start, end = ws[0][1], ws[0][1] + len(raw)
    region = gazetteer.region(raw)
    if region is not None:
        capital = capitals.of(region)
        if capital and name_key(capital[0]) == name_key(raw):
            place = gazetteer.lookup(capital[0], region=region)
            m = _mention_for(raw, start, end, place, "city", region)
            m.geo_precision = 2
            return m
        m = PlaceMention(raw, start, end, "region", region)
        if capital:
            m.lon, m.lat = capital[1], capital[2]
        m.geo_precision = 3
        return m
    try:
        place = gazetteer.lookup(raw, region=region_hint)
    except LookupError:
        return None
    # A province of sites.csv is an area, not a spot: "la delegación de Quispicanchi" is no site.
    level = "province" if place.kind == "province" else "site" if place.is_site and place.kind != "town" else "town"
    return _mention_for(raw, start, end, place, level)


def _lists(mentions: list[PlaceMention], low: str) -> None:
    """Group mentions written as a list ("Andahuaylas, Arequipa, Cusco, Juliaca and Ayacucho")."""
    next_id = 0
    for prev, cur, gap_from in _list_pairs(mentions, low):
        gap = _COMPASS.sub("", low[gap_from:cur.start], count=1)
        # ", en B" continues a list only when A came after "en" too ("en A, en B y en C"); after a
        # site it says where the site is ("el Puente Arturo, en Sicuani").
        if re.fullmatch(r"\s*,\s+(?:en|in|at)\s*", gap) and not re.search(r"(?:^|\W)(?:en|in|at)\s+$",
                                                                          low[max(0, prev.start - 4):prev.start]):
            continue
        if (_LIST_GAP.match(gap) and gap.strip() != ";") or _area_gap(gap, cur, low):
            if prev.list_id is None:
                prev.list_id = next_id
                next_id += 1
            cur.list_id = prev.list_id


def _list_pairs(mentions: list[PlaceMention], low: str) -> list[tuple[PlaceMention, PlaceMention, int]]:
    """Neighbouring mentions that may be members of one list, with where the gap between them
    starts. A place in parentheses right after a name places that name ("el Aeropuerto A
    (Arequipa) y el Aeropuerto B (Cusco)"): it is left out, and the gap to the next name starts
    after the parenthesis."""
    spans = [m.span() for m in _PARENS.finditer(low)]
    chain: list[tuple[PlaceMention, int]] = []
    for x in mentions:
        paren = next(((p, q) for p, q in spans if p < x.start and x.end < q), None)
        if paren is not None and chain and chain[-1][0].end <= paren[0] \
                and not low[chain[-1][0].end:paren[0]].strip():
            chain[-1] = (chain[-1][0], paren[1])   # the gap after the placed name starts past ")"
            continue
        chain.append((x, x.end))
    return [(prev, cur, gap_from) for (prev, gap_from), (cur, _) in zip(chain, chain[1:], strict=False)]


def _area_gap(gap: str, cur: PlaceMention, low: str) -> bool:
    """Whether a gap continues a list by repeating a preposition and an area noun ("y de la provincia
    de"), or an article before a site named by its noun ("y el Aeropuerto ...")."""
    if not _LIST_GAP_AREA.match(gap):
        return False
    bare = re.fullmatch(r"\s*,?\s+(?:y|e|and|o|or)\s+(?:(?:la|el|the)\s+)", gap)
    if bare:   # only an article: the name must open with a site noun ("el Aeropuerto Velasco Astete")
        return low[cur.start:cur.end].split(" ")[0] in _GENERIC_HEADS
    return True


def _license(mentions: list[PlaceMention], low: str, lang: str, gazetteer: Gazetteer) -> None:
    """Drop names that the sentence does not use as places (a small town's namesake, a street)."""
    licensed_lists: set[int] = set()
    for x in mentions:
        before = low[max(0, x.start - 40):x.start]
        if STREET_NOUN.search(before):
            x.role = "drop"
            continue
        ok = (x.level in ("site", "region", "city") or LOCATIVE[lang].search(before) or SITE_NOUN[lang].search(before)
              or PROVINCE_NOUN.search(before) or REGION_NOUN.search(before) or re.search(r"\(\s*$", before)
              or (x.place is not None and _largest_namesake(gazetteer, x) >= BIG_TOWN)
              or re.match(r"\s*\(", low[x.end:x.end + 3]))
        if ok and x.list_id is not None:
            licensed_lists.add(x.list_id)
        if not ok:
            x.role = "unlicensed"
    for x in mentions:
        if x.role == "unlicensed" and x.list_id in licensed_lists:
            x.role = "event"   # the rest stay "unlicensed" until find_places has read the names it lacks


def _largest_namesake(gazetteer: Gazetteer, x: PlaceMention) -> int:
    """The population of the largest place with this mention's name (a name is a town's if any
    namesake is a large town: "Miraflores" before the sentence says which one)."""
    return max((p.population for p in gazetteer.matches(x.text)), default=0)


def _contexts(mentions: list[PlaceMention], low: str, text: str, gazetteer: Gazetteer, capitals: Capitals) -> None:
    """Mark the names that place another (parentheses, "provincia de", a leading "En Puno,")."""
    live = [x for x in mentions if x.role != "drop"]
    for x in live:
        before = low[max(0, x.start - 30):x.start]
        if PROVINCE_NOUN.search(before):
            x.level = "province" if x.level in ("town", "unknown") else x.level
        if REGION_NOUN.search(before) and x.level in ("city", "region"):
            x.level = "region"
            capital = capitals.of(x.region) if x.region else None
            if capital:
                x.lon, x.lat = capital[1], capital[2]
            x.geo_precision = 3
        if re.search(r"(?:ciudad de|city of)\s+$", before) and x.level == "city":
            x.geo_precision = 1
    # Parentheses right after a name place it: "Bagua (Amazonas)", "Awajún (Rioja, San Martín)".
    for m in re.finditer(r"\(([^()]*)\)", low):
        inside = [x for x in live if m.start(1) <= x.start and x.end <= m.end(1)]
        owner = [x for x in live if x.end <= m.start() and not low[x.end:m.start()].strip()]
        if not inside or not owner:
            continue
        target = owner[-1]
        for x in inside:
            x.role = "context" if x.role != "drop" else x.role
            x.context_of = live.index(target)
        _place_by_context(target, inside, gazetteer, capitals)
    # "Ilave, provincia de El Collao" / "Juliaca, Puno": a trailing region or province after a comma.
    for i, (prev, cur) in enumerate(zip(live, live[1:], strict=False)):
        gap = low[prev.end:cur.start]
        region_gap = r",\s*(?:(?:en )?(?:la )?(?:provincia|region|departamento) (?:de |del )?)?"
        if cur.role == "event" and re.fullmatch(region_gap, gap) \
                and (cur.level in ("region", "province") or (cur.level == "city" and prev.level in ("town", "site", "unknown"))
                     or "provincia" in gap or "region" in gap):
            listed = prev.list_id is not None and prev.list_id == cur.list_id
            # "Cerro Colorado, Arequipa": the last of a comma pair places a name the gazetteer lacks.
            last_of_list = not any(x.list_id == cur.list_id for x in live[i + 2:])
            if listed and cur.level not in ("region", "province") and "provincia" not in gap \
                    and not (prev.level == "unknown" and last_of_list):
                continue
            cur.role = "context"
            cur.context_of = live.index(prev)
            _place_by_context(prev, [cur], gazetteer, capitals)
    _area_lists(live, low)
    _both_in(live, low, gazetteer, capitals)
    # A sentence that opens with "En Puno," sets the region for the names that follow.
    if live and live[0].level in ("region", "city") and re.match(r"^\W*(?:en|in)\s+$", low[:live[0].start]) \
            and low[live[0].end:live[0].end + 1] == "," and any(x.level in ("town", "site", "province", "unknown")
                                                               for x in live[1:]):
        head = live[0]
        for x in live[1:]:
            if x.role == "event" and x.level in ("town", "unknown", "province"):
                _place_by_context(x, [head], gazetteer, capitals)


_AREAS_BEFORE = re.compile(r"(?:provincias|distritos|provinces|districts)\s+(?:de |del |of )?(?:(?:la|el|los|las|the)\s+)?$")


_BOTH_IN = re.compile(r",\s+(?:ambas|ambos|las dos|los dos|both|all of them|todas|todos)\s+(?:en|in)\s+"
                      r"(?:(?:la|el)\s+(?:provincia|region|departamento|distrito)\s+(?:de|del)\s+)?(?:the\s+)?$")


def _both_in(live: list[PlaceMention], low: str, gazetteer: Gazetteer, capitals: Capitals) -> None:
    """"en A y en B, ambas en la provincia de C" / "at A and B, both in C province": C places every
    place named before it in its clause, and those places are one list (each had an event). A town
    the gazetteer knows only elsewhere is then a namesake it lacks, placed in C's region."""
    for head in live:
        m = _BOTH_IN.search(low[max(0, head.start - 60):head.start])
        if m is None or head.level not in ("region", "province", "city"):
            continue
        cut = max(head.start - 60, 0) + m.start()
        clause_start = max(low.rfind(c, 0, cut) for c in (";", ":", ".")) + 1
        members = [x for x in live if clause_start <= x.start and x.end <= cut and x.role == "event"]
        if len(members) < 2:
            continue
        list_id = max((x.list_id for x in live if x.list_id is not None), default=-1) + 1
        for x in members:
            x.list_id = list_id
            if x.place is not None and x.level == "town" and head.region and x.region != head.region:
                try:
                    better = gazetteer.lookup(x.text, region=head.region)
                except LookupError:
                    better = None
                if better is None or better.region != head.region:   # a namesake the gazetteer lacks
                    x.place, x.level, x.region, x.region_from = None, "unknown", None, None
            _place_by_context(x, [head], gazetteer, capitals)
        head.role = "context"


def _area_lists(live: list[PlaceMention], low: str) -> None:
    """A list after a plural area noun names areas ("las provincias de El Collao y Chucuito"): each
    member is a province, even one a town shares its name with."""
    for x in live:
        if x.list_id is None or not _AREAS_BEFORE.search(low[max(0, x.start - 30):x.start]):
            continue
        for y in live:
            if y.list_id == x.list_id and y.level in ("town", "unknown"):
                y.level = "province"


def _place_by_context(target: PlaceMention, context: list[PlaceMention], gazetteer: Gazetteer,
                      capitals: Capitals) -> None:
    regions = [c.region for c in context if c.region]
    region = next((c.region for c in context if c.level == "region" or c.level == "city"), None) or \
        (regions[0] if regions else None)
    if region is None:
        return
    if target.place is not None and target.region != region and target.level in ("town",):
        try:
            better = gazetteer.lookup(target.text, region=region)
        except LookupError:
            better = None
        if better is not None and better.region == region:
            target.place, target.region = better, region
            target.lon, target.lat = better.lon, better.lat
        return
    if target.place is None and target.level not in ("region", "city"):
        # A name the gazetteer lacks: only its region is known, so it sits at the region's capital,
        # never at a known town the context names beside it.
        target.region, target.region_from = region, "context"
        at_capital(target, capitals)
        target.level = "province" if target.level == "province" else "unknown"


def at_capital(x: PlaceMention, capitals: Capitals) -> None:
    """Point a mention the gazetteer lacks at its region's capital, precision 3 (only the region is known)."""
    capital = capitals.of(x.region) if x.region else None
    if capital:
        x.lon, x.lat = capital[1], capital[2]
    else:
        x.lon = x.lat = None
    x.geo_precision = 3


def _sentence_regions(live: list[PlaceMention], low: str, capitals: Capitals) -> None:
    """Give a name the gazetteer lacks the region its clause names ("at Huipoca, San Alejandro and
    Previsto in Padre Abad province, Ucayali"), else the one its sentence names: a region first,
    then the places of the clause when they agree on one. None when nothing says which."""
    for x in live:
        if x.known or x.region is not None or x.role not in ("event", "context", "reference"):
            continue
        a = max(low.rfind(";", 0, x.start), low.rfind(":", 0, x.start)) + 1
        ends = [i for i in (low.find(";", x.end), low.find(":", x.end)) if i != -1]
        b = min(ends) if ends else len(low)
        for lo, hi in ((a, b), (0, len(low))):
            others = [o for o in live if o is not x and lo <= o.start < hi and o.region and o.role != "road"
                      and (o.known or o.region_from == "context")]
            if not others:
                continue
            # A region named as such ("Ucayali", "en la región Puno", a context) says it; else the
            # places named must agree ("between Abancay and Cusco" does not tell).
            regions = {o.region for o in others if o.level == "region" or o.role == "context"} \
                or {o.region for o in others}
            if len(regions) == 1:
                x.region, x.region_from = regions.pop(), "sentence"
                at_capital(x, capitals)
            else:
                x.region_from = "ambiguous"   # the sentence names several regions: none is guessed
            break


_AIRPORT = {"es": re.compile(r"aeropuertos?\s+(?:internacional(?:es)?\s+)?(?:de |del )?$"),
            "en": re.compile(r"airports?\s+(?:of |in |at )?$")}
_AIRPORT_AFTER = {"es": re.compile(r"^\s*$"), "en": re.compile(r"^(?:'s)?\s+(?:international\s+)?airports?\b")}
_BRIDGE = {"es": re.compile(r"puentes?\s+(?:de |del )?$"), "en": re.compile(r"bridges?\s+(?:of |at )?$")}
_BORDER = {"es": re.compile(r"(?:paso fronterizo|pasos fronterizos|puente internacional|frontera|cebaf|garita)\s+"
                            r"(?:de |del |en )?$"),
           "en": re.compile(r"(?:border (?:crossing|post)s?|border at)\s+(?:of |at |in )?$")}


def _site_nouns(mentions: list[PlaceMention], low: str, lang: str, gazetteer: Gazetteer) -> None:
    """Towns named as the site of an airport, bridge or border post become that site."""
    by_list: dict[int, str] = {}
    for x in mentions:
        if x.role == "drop" or x.level not in ("town", "city"):
            continue
        before = low[max(0, x.start - 40):x.start]
        after = low[x.end:x.end + 30]
        kind = None
        if _AIRPORT[lang].search(before) or (lang == "en" and _AIRPORT_AFTER["en"].match(after)):
            kind = "airport"
        elif _BRIDGE[lang].search(before):
            kind = "bridge"
        elif _BORDER[lang].search(before):
            kind = "border"
        elif x.list_id is not None and x.list_id in by_list:
            kind = by_list[x.list_id]
        if kind is None:
            continue
        if x.list_id is not None:
            by_list.setdefault(x.list_id, kind)
        _make_site(x, kind, gazetteer)
    # "Juliaca and Ayacucho airports": the noun after the list applies to all of it.
    if lang == "en":
        for list_id in {x.list_id for x in mentions if x.list_id is not None}:
            members = [x for x in mentions if x.list_id == list_id]
            if _AIRPORT_AFTER["en"].match(low[members[-1].end:members[-1].end + 30]):
                for x in members:
                    if x.site_kind is None and x.level in ("town", "city"):
                        _make_site(x, "airport", gazetteer)


def _make_site(x: PlaceMention, kind: str, gazetteer: Gazetteer) -> None:
    names = {"airport": ["{} airport", "Aeropuerto de {}"], "bridge": ["Puente {}", "{} bridge"],
             "border": ["{} border crossing", "Puente internacional {}", "CEBAF {}"]}[kind]
    town = x.place.name if x.place is not None else x.text
    for pattern in names:
        try:
            site = gazetteer.lookup(pattern.format(town), region=x.region)
        except LookupError:
            continue
        if site.is_site and site.kind == kind or (kind == "border" and site.kind in ("border", "bridge")):
            x.place, x.level, x.site_kind = site, "site", kind
            x.lon, x.lat = site.lon, site.lat
            x.geo_precision = 2 if site.approximate else 1
            x.region = site.region
            return
    x.site_kind = kind
    x.level = "town"
    x.geo_precision = 2  # the town, not the site itself


def _references(mentions: list[PlaceMention], low: str, lang: str) -> None:
    """Places of an earlier event recalled ("por las muertes en Juliaca", "the Juliaca massacre")."""
    dead = STATUS["dead"][lang]
    for x in mentions:
        if x.role not in ("event",):
            continue
        clause_start = max(low.rfind(c, 0, x.start) for c in (";", ":", "(", "."))
        before = low[clause_start + 1:x.start]
        after = low[x.end:x.end + 12]
        cue = REFERENCE[lang].search(before)
        definite_dead = re.search(r"(?:^|\W)(?:los|las|the|those|sus|their)\s+(?:\d+\s+)?(?:\w+\s+)?"
                                  rf"(?:{dead.pattern})\s+(?:de|en|in|of|at)\s+(?:la ciudad de |the city of )?$", before)
        if cue or definite_dead or re.match(r"^\s+(?:massacre|killings)\b", after):
            x.role = "reference"


def _elsewhere(mentions: list[PlaceMention], low: str, lang: str) -> None:
    """Places people came from or were heading to ("llegaron desde diferentes puntos, como Cusco y
    Puno", "transport bound for Arequipa and Tacna") are references: nothing happened there. The
    cue is looked for between the place and the start of its clause (a semicolon, a colon, a full
    stop or a parenthesis), at most eight words before it with no locative between; the places
    of a list share it."""
    for x in mentions:
        if x.role != "event":
            continue
        clause_start = max(low.rfind(c, 0, x.start) for c in (";", ":", "(", "."))
        before = low[max(clause_start + 1, x.start - 120):x.start]
        cues = list(ELSEWHERE[lang].finditer(before))  # the last cue before the name
        cue = cues[-1] if cues else None
        if cue is None:
            continue
        gap = before[cue.end():]
        # The cue reaches the places right after it (a list: "desde diferentes puntos, como Cusco y
        # Puno"), not a place a new locative brings ("bound for Tacna were stopped in Ilave").
        if len(gap.split()) <= 8 and not re.search(r"(?:^|\W)(?:en|in|at|near|cerca de)\s", gap):
            x.role = "reference"


def _not_the_scene(mentions: list[PlaceMention], low: str, text: str, lang: str) -> None:
    """Places a sentence names without anything happening there become references: those a legal
    measure applies to ("estado de emergencia para A, B y C"), those a delegation came from ("se
    sumó una delegación del centro poblado X"), where a road leads ("la carretera hacia X"), those a
    purpose aims at ("buscando dejar incomunicada a X", "seeking to cut off X"), a place inside a
    protest's name ("la llamada 'Toma de Lima'", quoted or not) and a place in an office's name ("la
    Dirección Regional de Salud de X": the body's jurisdiction). A measure's or a delegation's cue
    reaches the places right after it (a list, at most eight words on, no new locative between), as
    in :func:`_elsewhere`."""
    for x in mentions:
        if x.role != "event":
            continue
        clause_start = max(low.rfind(c, 0, x.start) for c in (";", ":", "(", "."))
        before = low[max(clause_start + 1, x.start - 120):x.start]
        for cues in (MEASURE_FOR[lang], DELEGATION_FROM[lang], PURPOSE[lang]):
            found = list(cues.finditer(before))
            gap = before[found[-1].end():] if found else ""
            if found and len(gap.split()) <= 8 and not re.search(r"(?:^|\W)(?:en|in|at|near|cerca de)\s", gap) \
                    and not (cues is PURPOSE[lang] and "," in gap):   # a purpose's clause ends at its comma
                x.role = "reference"
        if x.role != "event":
            continue
        if _ROAD_TOWARD.search(low, max(0, x.start - 60), x.start):
            x.role = "reference"   # "la carretera hacia la ciudad de X": the road's end, not where it is blocked
            continue
        # A name: after "la llamada" / "so-called" with nothing but capitalised words between, or in quotes.
        named = SO_CALLED[lang].search(low, max(0, x.start - 60), x.start)
        if named and re.fullmatch(r"\s*['\"‘“«]?(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*\s+(?:(?:de|del|a|al|on|of|the)\s+)?)*",
                                  text[named.end():x.start]):
            x.role = "reference"
            continue
        quote = re.search(r"['‘“«\"]([^'’”»\"]{0,40})$", text[max(0, x.start - 40):x.start])
        if quote and re.match(r"[^'’”»\"]{0,30}['’”»\"]", text[x.end:x.end + 32]) and quote.group(1).strip() \
                and quote.group(1)[:1].isupper():
            x.role = "reference"   # "'Toma de Lima'": a name in quotes that holds a place
            continue
        office = re.search(r"(?:^|\s)([A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+|de|del|la|y))*?"
                           r"\s+(?:de|del|de la)\s+$", text[max(0, x.start - 80):x.start])
        building = office and re.search(r"(?:sede|local|locales|oficinas?|instalaciones|edificio|puerta|frontis|"
                                        r"headquarters|offices|building|premises)\s+(?:de(?:l| la)?\s+|of\s+(?:the\s+)?)?$",
                                        low[max(0, x.start - 80):x.start][:office.start(1)])
        heads = [w for w in re.findall(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+", office.group(0)) if fold(w).lower() in _OFFICE_HEADS] \
            if office else []
        if heads and not building:
            x.role = "context"


#: A road named by where it leads, right before the place: "la carretera hacia la ciudad de X",
#: "las salidas hacia X", "the road to X".
_ROAD_TOWARD = re.compile(r"(?:^|\W)(?:carreteras?|vias?|rutas?|caminos?|salidas?|accesos?|roads?|highways?|routes?|exits?)"
                          r" (?:hacia|rumbo a|con destino a|que (?:va|van|conduce|conducen|lleva|llevan) (?:a|hacia)|to|towards|"
                          r"leading to)(?: (?:la|el) (?:ciudad|localidad|provincia|region) de| the (?:city|town|region) of)?\s+$")


#: The head of an office's name: a place after it ("Dirección Regional de Salud de X", "Hospital
#: Regional de X") is the body's jurisdiction, not where something happened.
_OFFICE_HEADS = {"direccion", "gerencia", "ministerio", "superintendencia", "defensoria", "oficina", "hospital",
                 "clinica", "instituto", "subprefectura", "prefectura"}


def _press(mentions: list[PlaceMention], low: str) -> None:
    """A place that says where the reporters are ("Puno news outlets reported", "según medios de
    Puno") is no event's place: the figure they give belongs to the event the report speaks of."""
    for x in mentions:
        if x.role == "event" and (PRESS_AFTER.match(low, x.end) or PRESS_BEFORE.search(low[max(0, x.start - 40):x.start])):
            x.role = "reference"


def best_event_place(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The most specific place where something happened, or None."""
    live = [x for x in mentions if x.role == "event"]
    return min(live, key=lambda x: (x.rank, x.start)) if live else None


def with_region_hint(mention: PlaceMention, region: str | None, gazetteer: Gazetteer) -> PlaceMention:
    """The same mention, its namesake chosen in ``region`` when one exists there."""
    if region is None or mention.place is None or mention.place.is_site or mention.region == region:
        return mention
    try:
        other = gazetteer.lookup(mention.text, region=region)
    except LookupError:
        return mention
    if other.region != region:
        return mention
    return replace(mention, place=other, region=region, lon=other.lon, lat=other.lat)
