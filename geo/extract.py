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
from datetime import date, timedelta
from typing import Any

from geo.extract_lexicon import (CLOSURE_OBJECT, CLOSURE_VERB, CONTINUATION, DEFINITE, IN_CLASHES, INTERIM,
                                 KIND_PATTERNS, METRIC_NOUNS, NATIONAL, NOT_HEADCOUNT, OCCUPY, PERSON, REFERENCE,
                                 REPORTERS, REPORTING, STATUS, SUBSET, UPDATE)
from geo.extract_places import (Capitals, PlaceMention, RoadMention, best_event_place, find_places, find_roads,
                                load_capitals)
from geo.extract_text import (DateMention, Number, Sentence, dates_in, detect_language, numbers_in,
                              resolve_date_phrase, split_sentences)
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.model import KINDS, METRICS

__all__ = ["extract", "COUNT_METRICS", "EXTRA_METRICS"]

#: Count metrics a report can give beyond the contract's ``reported_counts.csv`` ones.
EXTRA_METRICS: tuple[str, ...] = ("deaths_in_clashes", "injured_total")
COUNT_METRICS: tuple[str, ...] = METRICS + EXTRA_METRICS
#: Two mentions of the same kind on the same day closer than this are one event.
MERGE_RADIUS_KM = 15.0
_EVENT_FIELDS = ("kind", "place", "region", "start", "end", "time_precision", "fatalities", "injured", "detained",
                 "road", "km", "lon", "lat", "geo_precision", "site", "reporter", "evidence", "evidence_spans")
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

    @property
    def value(self) -> int:
        """The number's value."""
        return self.number.value


def _figures(s: Sentence, lang: str, numbers: list[Number], skip: list[tuple[int, int]]) -> list[Figure]:
    low = s.low
    figures: list[Figure] = []
    usable = [n for n in numbers if not s.is_masked(n.start, n.end)
              and not any(n.start < b and a < n.end for a, b in skip)]
    for i, n in enumerate(usable):
        nxt = usable[i + 1].start if i + 1 < len(usable) else len(low)
        stop = re.search(r"[;:()]|\.\s|\.$", low[n.end:nxt])
        after = low[n.end:n.end + stop.start()] if stop else low[n.end:nxt]
        if NOT_HEADCOUNT.match(after) or (1900 <= n.value <= 2100 and not after.strip()):
            continue
        f = Figure(n)
        head = re.match(r"\s*(?:\S+\s+){0,3}", after)
        window = after[:max(len(head.group(0)) if head else 0, 0) + 25]
        for status, pats in STATUS.items():
            m = pats[lang].search(window)
            if m and not re.search(r"\d", window[:m.start()]) and len(window[:m.start()].split()) <= 3:
                f.status = status
                break
        if f.status is None:
            for metric, pats in METRIC_NOUNS.items():
                if pats[lang].match(after.lstrip()) or (metric == "regions_affected" and
                                                        pats[lang].match(re.sub(r"^\s*(?:de las|of the)\s+", "", after).lstrip())):
                    f.metric = metric
                    break
        f.person = bool(PERSON[lang].match(after.lstrip()))
        prev_end = usable[i - 1].end if i else 0
        clause_start = max(prev_end, low.rfind(";", 0, n.start) + 1)
        before = low[clause_start:n.start]
        if f.status is None and f.metric is None:
            tail = " ".join(before.split()[-6:])
            for status, pats in STATUS.items():
                hits = list(pats[lang].finditer(tail))
                if hits and not re.search(r"\d", tail[hits[-1].end():]):
                    f.status = status
                    break
        if f.status is None and f.metric is None and not f.person and not re.search(
                r"(?:otros|otras|others|another|other|y|and|mas|plus)\s+$", before):
            continue
        f.in_clashes = bool(IN_CLASHES[lang].search(after))
        sentence_before = low[low.rfind(";", 0, n.start) + 1:n.start]
        f.interim = bool(INTERIM[lang].search(sentence_before)) or bool(
            re.search(r"(?:^|\W)(?:de|from)\s+$", low[max(0, n.start - 6):n.start])
            and re.match(r"\s+(?:a|to)\s+\d", low[n.end:n.end + 6]))
        f.update = bool(UPDATE[lang].search(sentence_before))
        definite = DEFINITE[lang].search(low[max(0, n.start - 12):n.start])
        f.reference = bool(REFERENCE[lang].search(sentence_before)) or bool(definite and f.status in ("dead", "injured"))
        f.subset = bool(SUBSET[lang].search(" ".join(before.split()[-3:])) or SUBSET[lang].match(after.lstrip())
                        or (re.search(r"\(\s*(?:\S+\s+){0,2}$", low[max(0, n.start - 20):n.start]) and figures
                            and figures[-1].status is not None))
        figures.append(f)
    _propagate(figures, low, lang)
    return [f for f in figures if f.status or f.metric]


def _propagate(figures: list[Figure], low: str, lang: str) -> None:
    """Give "37 civiles y 6 policías resultaron heridos" and "39 ..., otros siete ... y un policía" one status."""
    group = 0
    for i, f in enumerate(figures):
        if f.status or f.metric:
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
        if i and figures[i - 1].status == f.status and not f.subset and not figures[i - 1].subset:
            gap = low[figures[i - 1].number.end:f.number.start]
            joined = CONTINUATION[lang].search(gap) and not re.search(r"[;.]", gap) \
                and not STATUS[f.status][lang].search(gap.split(",")[0] if f.person else "")
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
    for kind, pats in KIND_PATTERNS.items():
        for m in pats[lang].finditer(low):
            pos = a + m.start()
            if any(x <= pos < y for x, y in consumed):
                continue
            found.append((kind, pos))
    verb = CLOSURE_VERB[lang].search(low)
    obj = CLOSURE_OBJECT[lang].search(low)
    if (verb and obj) or OCCUPY[lang].search(low):
        found.append(("closure", a + (obj.start() if obj else 0)))
        found = [(k, p) for k, p in found if not (k == "other" and OCCUPY[lang].search(low))]
    return sorted(found, key=lambda kp: kp[1])


# ---------------------------------------------------------------- reporters

def _reporter(s: Sentence, lang: str) -> str | None:
    found = []
    for pattern, name in REPORTERS:
        for m in pattern.finditer(s.low):
            found.append((m.start(), m.end(), name))
    if not found:
        return None
    found.sort()
    reporting = list(REPORTING[lang].finditer(s.low))

    def near(item) -> bool:
        a, b, _ = item
        return any(abs(r.start() - b) <= 40 or abs(a - r.end()) <= 15 for r in reporting)

    speaking = [f for f in found if near(f)]
    pool = speaking or [f for f in found if f[2] != "Policía Nacional del Perú"]
    return pool[0][2] if pool else None


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
    counts: dict[str, tuple[int, bool]] = field(default_factory=dict)   # field -> (value, interim)
    reporter: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: str = ""
    paragraph: int = 0

    def key_place(self) -> str:
        return (self.mention.place.source if self.mention is not None and self.mention.place is not None
                else self.place.casefold())


def _event_date(dates: list[DateMention], a: int, b: int, context: tuple[date, int],
                published: date) -> tuple[date, date | None, int]:
    inside = [d for d in dates if a <= d.start < b and d.day is not None] or [d for d in dates if d.day is not None]
    since = next((d for d in inside if d.role == "since"), None)
    until = next((d for d in inside if d.role == "until"), None)
    ranged = next((d for d in inside if d.role.startswith("range:")), None)
    point = next((d for d in inside if d.role == "point"), None)
    if ranged is not None:
        last = date.fromisoformat(ranged.role.split(":", 1)[1]) if ranged.role.split(":", 1)[1] else None
        return ranged.day, last, ranged.precision
    if since is not None:
        last = point.day if point is not None and point.day > since.day else max(context[0], published) \
            if max(context[0], published) > since.day else None
        return since.day, last, since.precision
    if point is not None:
        end = until.day if until is not None and until.day > point.day else None
        return point.day, end, point.precision
    if until is not None:
        return context[0], until.day if until.day > context[0] else None, context[1]
    return context[0], None, context[1]


def _dateline(sentences: list[Sentence], lang: str, published: date) -> None:
    """Mask a dateline ("Cusco, 12 de enero de 2023." / "LIMA, Dec 16, 2022 (Reuters) -")."""
    if not sentences:
        return
    s = sentences[0]
    m = re.match(r"^\s*([A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ .'’-]{1,40}?)\s*(?:\([^)]*\))?\s*,\s*([^.—–()]{3,40}?)"
                 r"\s*(?:\([^)]*\))?\s*(?:\.(?=\s|$)|[—–]|\s-{1,2}\s|$)", s.text)
    if m and resolve_date_phrase(m.group(2).strip(), lang, published) is not None:
        s.mask(0, m.end())
        return
    m = re.match(r"^\s*[A-ZÁÉÍÓÚÑ]{3,}(?:[ ,]+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?\s*(?:\([^)]*\))?\s*(?:[—–]|\s-{1,2}\s)", s.text)
    if m:
        s.mask(0, m.end())


def _segments(s: Sentence, roads: list[RoadMention]) -> list[tuple[int, int, RoadMention | None]]:
    posts = [r for r in roads if r.km is not None]
    if len(posts) >= 1:
        bounds = [p.start for p in posts]
        out = []
        for i, p in enumerate(posts):
            a = 0 if i == 0 else bounds[i]
            b = bounds[i + 1] if i + 1 < len(posts) else len(s.text)
            out.append((a, b, p))
        return out
    out, a = [], 0
    for m in re.finditer(r";", s.low):
        out.append((a, m.start(), None))
        a = m.end()
    out.append((a, len(s.text), None))
    return out


def _event_places(mentions: list[PlaceMention], a: int, b: int, seg_a: int) -> list[PlaceMention]:
    inside = [x for x in mentions if a <= x.start < b and x.role == "event"]
    if not inside:
        return []
    best = min(inside, key=lambda x: (x.rank, x.start))
    if best.list_id is not None:
        members = [x for x in inside if x.list_id == best.list_id and x.rank <= 4]
        if len(members) > 1:
            return members
    return [best]


def _km_point(post: RoadMention, corridors, gazetteer: Gazetteer) -> tuple[float, float, str] | None:
    if post.road is None or not re.fullmatch(r"PE-\w+", post.road):
        return None
    from geo.geocode import geocode
    try:
        found = geocode(f"{post.road} km {post.km:g}", limit=1, gazetteer=gazetteer, corridors=corridors)
    except (ValueError, LookupError):
        return None
    return (found[0].lon, found[0].lat, found[0].region) if found else None


def extract(text: str, published: str | date, gazetteer: Gazetteer | None = None, corridors=None,
            language: str | None = None) -> dict[str, Any]:
    """Candidate events and counts read from a news report.

    Parameters
    ----------
    text : str
        The report, plain text (Spanish or English).
    published : str or datetime.date
        The day it was published (``YYYY-MM-DD``): relative dates ("ayer", "el viernes",
        "this Thursday") count from it.
    gazetteer : geo.gazetteer.Gazetteer, optional
        Defaults to the bundled one.
    corridors : GeoDataFrame, optional
        Corridors with kilometre references, to place "PE-3S km 1410" on its road.
    language : {"es", "en"}, optional
        Detected from the text when not given.

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
    lang = language or detect_language(text)
    if lang not in ("es", "en"):
        raise ValueError(f"language {lang!r} is not supported (es, en)")
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    capitals = load_capitals()
    sentences = split_sentences(text)
    _dateline(sentences, lang, published)

    events: list[_Event] = []
    counts: list[dict[str, Any]] = []
    context: tuple[date, int] = (published, 2)       # no date said yet: the publication day, week precision
    previous_road: str | None = None
    region_hint: str | None = None
    paragraph_reporter: tuple[int, str | None] = (-1, None)
    for s in sentences:
        dates = dates_in(s, lang, published)
        for d in dates:
            if d.role == "same" and not s.is_masked(d.start, d.end):
                s.mask(d.start, d.end)
        roads = find_roads(s, gaz, previous_road)
        for r in roads:
            if r.road:
                previous_road = r.road
        mentions = find_places(s, lang, gaz, capitals, roads, region_hint)
        reporter = _reporter(s, lang)
        if reporter is None and paragraph_reporter[0] == s.paragraph:
            reporter = paragraph_reporter[1]
        paragraph_reporter = (s.paragraph, reporter or paragraph_reporter[1] if paragraph_reporter[0] == s.paragraph
                              else reporter)
        skip = [(d.start, d.end) for d in dates] + [(r.start, r.end) for r in roads]
        figures = _figures(s, lang, numbers_in(s, lang), skip)
        consumed = [(f.number.start, f.number.end + 40) for f in figures if f.metric]
        consumed += [(f.number.start, f.number.end + 30) for f in figures if f.reference]
        national = bool(NATIONAL[lang].search(s.low))
        sentence_events: list[_Event] = []
        used: set[int] = set()
        for a, b, post in _segments(s, roads):
            places = _event_places(mentions, a, b, a)
            kinds = {k for k, _ in _kinds(s, lang, a, b, consumed)}
            seg_figs = [f for f in figures if a <= f.number.start < b and f.status and not f.reference]
            casualty = [f for f in seg_figs if f.status in ("dead", "injured") and not f.interim or
                        f.status in ("dead", "injured")]
            if not places and post is not None and (kinds or _kinds(s, lang, 0, len(s.text), consumed)):
                places = []
            if not kinds and places and (post is not None or not seg_figs):
                kinds = {k for k, _ in _kinds(s, lang, 0, len(s.text), consumed)}
            if places and casualty and not national and any(f.status in ("dead", "injured") for f in casualty):
                kinds.add("clash")
            if places and any(f.status == "detained" for f in seg_figs) and not national:
                kinds.add("detention")
            if not kinds:
                continue
            if not places and post is None:
                continue
            start, end, precision = _event_date(dates, a, b, context, published)
            targets: list[PlaceMention | None] = places or [None]
            for mention in targets:
                for kind in sorted(kinds, key=KINDS.index):
                    ev = _make_event(kind, mention, post, start, end, precision, s, corridors, gaz, capitals)
                    if ev is None:
                        continue
                    ev.reporter = reporter
                    if kind in ("clash", "detention") and len(targets) == 1:
                        mine = [f for f in seg_figs if f.status and (f.status != "detained") == (kind == "clash")]
                        _attach(ev, mine)
                        used.update(id(f) for f in mine)
                    sentence_events.append(ev)
        # Figures that are not one event's: national or regional counts, or the last event's.
        event_figs = [f for f in figures if f.status and not f.reference]
        for group in _groups([f for f in event_figs if id(f) not in used]):
            has_place = any(x.role == "event" and x.level in ("site", "town") for x in mentions)
            if not national and not has_place and not reporter:
                last = next((e for e in reversed(events) if e.paragraph == s.paragraph), None)
                if last is not None:
                    kind = "detention" if group[0].status == "detained" else "clash"
                    target = last if last.kind == kind else _copy_as(last, kind, s)
                    _attach(target, group)
                    if target is not last:
                        sentence_events.append(target)
                continue
            if national or reporter:
                counts += _casualty_counts(group, s, dates, context, reporter, mentions, national)
        for f in figures:
            if f.metric and not f.reference and f.value > 0:
                counts.append(_count(f.metric, f.value, s, dates, context, reporter, mentions, national, f))
        events += sentence_events
        for ev in sentence_events:
            ev.paragraph = s.paragraph
            if ev.region:
                region_hint = ev.region
        points = [d for d in dates if d.role == "point" and d.day is not None]
        if points:
            context = (points[-1].day, points[-1].precision)
    merged = _merge(events)
    return {"language": lang, "published": published.isoformat(),
            "events": [_event_json(e) for e in merged], "counts": _dedupe_counts(counts)}


def _make_event(kind: str, mention: PlaceMention | None, post: RoadMention | None, start: date, end: date | None,
                precision: int, s: Sentence, corridors, gaz: Gazetteer, capitals: Capitals) -> _Event | None:
    lon = lat = None
    geo_precision = None
    region = None
    place = None
    if mention is not None:
        place = mention.text[0].upper() + mention.text[1:] if mention.text else mention.text
        region, lon, lat, geo_precision = mention.region, mention.lon, mention.lat, mention.geo_precision
    road = post.road if post is not None else None
    km = post.km if post is not None else None
    if post is not None:
        point = _km_point(post, corridors, gaz)
        if point is not None:
            lon, lat = point[0], point[1]
            region = region or point[2]
            geo_precision = 2
        elif mention is not None:
            geo_precision = max(geo_precision or 1, 2)   # near the town the text names
        elif post.towns:
            town = post.towns[0]
            lon, lat, region, geo_precision = town.lon, town.lat, town.region, 2
        if place is None:
            place = f"{road} km {km:g}" if road else f"km {km:g}"
        elif km is not None:
            place = place
    if place is None:
        return None
    if region is None:
        return None
    ev = _Event(kind, mention, place, region, start, end if end and end > start else None, precision, lon, lat,
                geo_precision, road, km)
    ev.spans = [(s.start, s.end)]
    ev.evidence = s.text
    ev.paragraph = s.paragraph
    return ev


def _copy_as(ev: _Event, kind: str, s: Sentence) -> _Event:
    new = _Event(kind, ev.mention, ev.place, ev.region, ev.start, ev.end, ev.time_precision, ev.lon, ev.lat,
                 ev.geo_precision, ev.road, ev.km)
    new.spans = [(s.start, s.end)]
    new.evidence = s.text
    new.paragraph = s.paragraph
    new.reporter = ev.reporter
    return new


def _attach(ev: _Event, figures: list[Figure]) -> None:
    """Put a sentence's casualty figures on an event: groups summed, interim ones dropped when
    a later figure exists, subsets and references left out."""
    by_status: dict[str, list[list[Figure]]] = {}
    for group in _groups([f for f in figures if not f.reference and not f.subset]):
        by_status.setdefault(group[0].status, []).append(group)
    for status, groups in by_status.items():
        final = [g for g in groups if not any(f.interim for f in g)] or groups
        chosen = final[-1]
        value = sum(f.value for f in chosen)
        interim = any(f.interim for f in chosen)
        name = _STATUS_FIELD[status]
        old = ev.counts.get(name)
        if old is None or old[1] or not interim:
            ev.counts[name] = (value, interim)


def _count_date(s: Sentence, dates: list[DateMention], context: tuple[date, int]) -> date:
    point = [d for d in dates if d.role == "point" and d.day is not None]
    return point[0].day if point else context[0]


def _count_region(mentions: list[PlaceMention], national: bool, a: int, b: int) -> str | None:
    if national:
        return None
    inside = [x for x in mentions if a <= x.start < b + 40 and x.role in ("event", "context") and x.region]
    return inside[0].region if inside else None


def _count(metric: str, value: int, s: Sentence, dates, context, reporter, mentions, national, f: Figure | None,
           interim: bool = False) -> dict[str, Any]:
    a = f.number.start if f else 0
    b = f.number.end if f else len(s.text)
    return {"date": _count_date(s, dates, context).isoformat(), "metric": metric, "value": int(value),
            "reporter": reporter, "region": _count_region(mentions, national, a, b), "evidence": s.text,
            "evidence_spans": [[s.start, s.end]], "_interim": bool(interim or (f is not None and f.interim)),
            "_update": bool(f is not None and f.update)}


def _casualty_counts(group: list[Figure], s: Sentence, dates, context, reporter, mentions,
                     national: bool) -> list[dict[str, Any]]:
    live = [f for f in group if not f.subset]
    if not live:
        return []
    status = live[0].status
    interim = any(f.interim for f in live)
    first = live[0]
    out = []
    if status == "dead":
        clashes = [f for f in live if f.in_clashes]
        if clashes:
            out.append(_count("deaths_in_clashes", sum(f.value for f in clashes), s, dates, context, reporter,
                              mentions, national, first, interim))
        if len(live) > 1 or not clashes:
            out.append(_count("deaths_total", sum(f.value for f in live), s, dates, context, reporter, mentions,
                              national, first, interim))
    elif status == "injured":
        out.append(_count("injured_total", sum(f.value for f in live), s, dates, context, reporter, mentions,
                          national, first, interim))
    elif status == "detained":
        out.append(_count("detained", sum(f.value for f in live), s, dates, context, reporter, mentions,
                          national, first, interim))
    return out


def _dedupe_counts(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One figure per (date, metric, reporter, region): an interim one gives way to a later one."""
    kept: dict[tuple, dict[str, Any]] = {}
    for c in counts:
        key = (c["date"], c["metric"], c["reporter"], c["region"])
        old = kept.get(key)
        if old is None or old["_interim"] or not c["_interim"]:
            kept[key] = c
    out = []
    for c in kept.values():
        c = {k: v for k, v in c.items() if not k.startswith("_")}
        out.append(c)
    return out


def _distance_km(a: _Event, b: _Event) -> float:
    from geo.intake import haversine_m
    if None in (a.lon, a.lat, b.lon, b.lat):
        return float("inf")
    return float(haversine_m(a.lon, a.lat, b.lon, b.lat)) / 1000.0


def _merge(events: list[_Event]) -> list[_Event]:
    """Mentions of one event in several sentences become one candidate (later figures win)."""
    out: list[_Event] = []
    for ev in events:
        twin = None
        for old in out:
            if old.kind != ev.kind or old.start != ev.start or old.km != ev.km:
                continue
            same = old.key_place() == ev.key_place() or (
                old.region == ev.region and _distance_km(old, ev) <= MERGE_RADIUS_KM and old.km is None)
            if same:
                twin = old
                break
        if twin is None:
            out.append(ev)
            continue
        for name, (value, interim) in ev.counts.items():
            prev = twin.counts.get(name)
            if prev is None or prev[1] or not interim:
                twin.counts[name] = (value, interim)
        if (twin.geo_precision or 3) > (ev.geo_precision or 3) and ev.lon is not None:
            twin.lon, twin.lat, twin.geo_precision = ev.lon, ev.lat, ev.geo_precision
        twin.end = max(filter(None, (twin.end, ev.end)), default=None)
        twin.reporter = twin.reporter or ev.reporter
        for span in ev.spans:
            if span not in twin.spans:
                twin.spans.append(span)
    return out


def _event_json(ev: _Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": ev.kind, "place": ev.place, "region": ev.region, "start": ev.start.isoformat(),
        "end": ev.end.isoformat() if ev.end else None, "time_precision": ev.time_precision,
    }
    for name in ("fatalities", "injured", "detained"):
        if name in ev.counts:
            out[name] = ev.counts[name][0]
    out.update({"road": ev.road, "km": (int(ev.km) if ev.km is not None and ev.km == int(ev.km) else ev.km),
                "lon": ev.lon, "lat": ev.lat, "geo_precision": ev.geo_precision,
                "site": ev.mention.place.name if ev.mention is not None and ev.mention.place is not None
                and ev.mention.place.is_site else None,
                "reporter": ev.reporter, "evidence": ev.evidence, "evidence_spans": [list(s) for s in ev.spans]})
    return {k: v for k, v in out.items() if v is not None}
