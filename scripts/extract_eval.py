"""Score the news-report extractor: ``make extract-eval``.

First table: the real reports of ``shared/extract-real/`` (``NN.txt``, ``NN.meta.json``,
``NN.truth.json``, truth written by hand; scoring rules in that folder's README), per article
and overall: strict recall (core facts found with place, date, kind and counts all right),
precision (candidates right against any fact, core or optional), traps taken, and a
confusion summary by failure class (see :func:`score_real`). This is the set progress is
judged on.

Second table: the project's own samples, as below.

Each sample is ``NAME.txt`` (the report) beside ``NAME.json`` (``{published, language, expected:
{events, counts}, traps, trap_facts?}``). The reports of ``shared/extract-samples/`` and of
``tests/extract_samples/`` are read through the ``blockade-map extract --json`` command, and
the script prints, per report and in all, the recall of places, kinds, dates and counts, the
share of expected facts found whole, the precision of what came back, and the traps taken.

A fact is found when one candidate matches every field the sample gives for it. A place
matches when the names agree (accents and case aside, either containing the other) or when
the candidate's region, site or point (within 15 km of the gazetteer's) says it is that place.
Exit status 1 when a shared sample finds less than 85% of its facts or takes a trap.

Usage::

    python scripts/extract_eval.py [FOLDER ...]
"""
from __future__ import annotations

import contextlib
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.cli.main import main as cli_main  # noqa: E402
from geo.core.geodesy import distance_m  # noqa: E402
from geo.core.text import fold  # noqa: E402
from geo.places.gazetteer import default_gazetteer  # noqa: E402

REAL = next((p for p in (ROOT.parent / "shared" / "extract-real", Path("/work/shared/extract-real"))
             if p.is_dir()), ROOT.parent / "shared" / "extract-real")
SHARED = next((p for p in (ROOT.parent / "shared" / "extract-samples", Path("/work/shared/extract-samples"))
               if p.is_dir()), ROOT.parent / "shared" / "extract-samples")
OURS = ROOT / "tests" / "extract_samples"
BAR = 0.85
NEAR_KM = 15.0
_COUNT_FIELDS = ("fatalities", "injured", "detained")


def run_extract(txt: Path, published: str) -> dict:
    """The ``blockade-map extract --json`` answer for one report."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli_main(["extract", str(txt), "--published", published, "--json"])
    if status != 0:
        raise RuntimeError(f"{txt.name}: blockade-map extract exited {status}: {err.getvalue().strip()}")
    return json.loads(out.getvalue())


def _f(text) -> str:
    return " ".join(fold(str(text)).replace("–", " ").replace("-", " ").split())


def place_matches(expected: str, got: dict, region: str | None = None, strict: bool = False) -> bool:
    """Whether a candidate is at the expected place (see the module's docstring); ``strict``
    (for traps) compares names and regions only, not points."""
    want = _f(expected)
    names = [_f(got.get(k) or "") for k in ("place", "site")]
    if any(want and n and (want == n or f" {want} " in f" {n} " or f" {n} " in f" {want} ") for n in names):
        return True
    if default_gazetteer().region(expected) and default_gazetteer().region(expected) == got.get("region"):
        return True
    if strict or got.get("lon") is None:
        return False
    try:
        ref = default_gazetteer().lookup(expected, region=region)
    except LookupError:
        return False
    if region and ref.region != region:
        return False
    return float(distance_m(ref.lon, ref.lat, got["lon"], got["lat"])) / 1000 <= NEAR_KM


def event_matches(exp: dict, got: dict, fields: tuple[str, ...] | None = None, strict: bool = False) -> bool:
    """Whether a candidate event has every field of an expected one (or of ``fields`` only)."""
    keys = [k for k in exp if k != "note"] if fields is None else [k for k in fields if k in exp]
    for k in keys:
        if k == "place":
            if not place_matches(exp["place"], got, exp.get("region"), strict):
                return False
        elif not _field_matches(k, exp, got, loose=("road",)):
            return False
    return True


def count_matches(exp: dict, got: dict, fields: tuple[str, ...] | None = None) -> bool:
    """Whether a candidate count has every field of an expected one (reporters compared loosely)."""
    keys = [k for k in exp if k != "note"] if fields is None else [k for k in fields if k in exp]
    return all(_field_matches(k, exp, got, loose=("reporter",)) for k in keys)


def _field_matches(key: str, exp: dict, got: dict, loose: tuple[str, ...]) -> bool:
    """One field of a candidate against the expected value: ``loose`` fields match when one folded
    text holds the other ("Sutran" ~ "SUTRAN (MTC)"), a region by the gazetteer's spelling, the rest exactly."""
    if key in loose:
        a, b = _f(exp[key]), _f(got.get(key) or "")
        return bool(b) and (a in b or b in a)
    if key == "region":
        return default_gazetteer().region(exp["region"]) == got.get("region")
    return got.get(key) == exp[key]


@dataclass
class Score:
    """Tallies for one report or for all of them."""

    name: str
    lang: str = ""
    facts: list[int] = field(default_factory=lambda: [0, 0])       # found, expected
    places: list[int] = field(default_factory=lambda: [0, 0])
    kinds: list[int] = field(default_factory=lambda: [0, 0])
    dates: list[int] = field(default_factory=lambda: [0, 0])
    counts: list[int] = field(default_factory=lambda: [0, 0])
    precision: list[int] = field(default_factory=lambda: [0, 0])   # right, returned
    traps: list[int] = field(default_factory=lambda: [0, 0])       # taken, set
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("facts", "places", "kinds", "dates", "counts", "precision", "traps"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]

    @property
    def fact_recall(self) -> float:
        return self.facts[0] / self.facts[1] if self.facts[1] else 1.0


def score(sample: dict, result: dict, name: str, trap_facts: dict | None = None) -> Score:
    """Compare one report's candidates with what the sample expects."""
    s = Score(name, sample.get("language", ""))
    events, counts = result["events"], result["counts"]
    exp_events = sample["expected"].get("events", [])
    exp_counts = sample["expected"].get("counts", [])

    def tally(slot: list[int], ok: bool) -> None:
        slot[0] += int(ok)
        slot[1] += 1

    for exp in exp_events:
        whole = any(event_matches(exp, e) for e in events)
        tally(s.facts, whole)
        if not whole:
            s.missed.append(f"event {json.dumps({k: v for k, v in exp.items() if k != 'note'}, ensure_ascii=False)}")
        tally(s.places, any(event_matches(exp, e, ("place", "region")) for e in events))
        tally(s.kinds, any(event_matches(exp, e, ("place", "kind")) for e in events))
        if "start" in exp:
            tally(s.dates, any(event_matches(exp, e, ("place", "kind", "start", "end")) for e in events))
        for k in _COUNT_FIELDS:
            if k in exp:
                tally(s.counts, any(event_matches(exp, e, ("place", "kind", k)) for e in events))
    for exp in exp_counts:
        whole = any(count_matches(exp, c) for c in counts)
        tally(s.facts, whole)
        if not whole:
            s.missed.append(f"count {json.dumps(exp, ensure_ascii=False)}")
        tally(s.counts, any(count_matches(exp, c, ("metric", "value", "region")) for c in counts))
        if "date" in exp:
            tally(s.dates, any(count_matches(exp, c, ("metric", "value", "date")) for c in counts))
    for e in events:
        ok = any(event_matches(exp, e, ("place", "kind")) for exp in exp_events)
        tally(s.precision, ok)
        if not ok:
            s.wrong.append(f"event {e['kind']} at {e['place']} ({e['region']}) {e['start']}")
    for c in counts:
        ok = any(count_matches(exp, c, ("metric", "value")) for exp in exp_counts)
        tally(s.precision, ok)
        if not ok:
            s.wrong.append(f"count {c['metric']}={c['value']} {c['date']} {c['reporter']}")
    traps = trap_facts if trap_facts is not None else sample.get("trap_facts", {})
    for trap in traps.get("events", []):
        hit = [e for e in events if event_matches(trap, e, strict=True)]
        tally(s.traps, bool(hit))
        if hit:
            s.taken.append(f"event trap {json.dumps(trap, ensure_ascii=False)}")
    for trap in traps.get("counts", []):
        hit = [c for c in counts if count_matches(trap, c)]
        tally(s.traps, bool(hit))
        if hit:
            s.taken.append(f"count trap {json.dumps(trap, ensure_ascii=False)}")
    return s


def samples(folder: Path) -> list[tuple[str, Path, dict]]:
    """The (name, report, sample) triples of a folder, sorted by name."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        meta = txt.with_suffix(".json")
        if meta.exists():
            out.append((txt.stem, txt, json.loads(meta.read_text(encoding="utf-8"))))
    return out


def evaluate(folders: list[Path]) -> list[tuple[str, Score]]:
    """Score every sample of ``folders``; returns ``(folder label, score)`` per report."""
    shared_traps = json.loads((OURS / "shared_traps.json").read_text(encoding="utf-8"))
    rows = []
    for folder in folders:
        label = "shared" if folder.resolve() == SHARED.resolve() else "ours" if folder.resolve() == OURS.resolve() \
            else folder.name
        for name, txt, sample in samples(folder):
            result = run_extract(txt, sample["published"])
            traps = shared_traps.get(name) if label == "shared" else None
            rows.append((label, score(sample, result, name, traps)))
    return rows


def _pct(slot: list[int]) -> str:
    return f"{100 * slot[0] / slot[1]:5.1f}% ({slot[0]}/{slot[1]})" if slot[1] else "    -"


def table(rows: list[tuple[str, Score]]) -> str:
    """The printed table: one line per report, then the totals."""
    head = f"{'report':<14}{'lang':<5}{'facts':<17}{'places':<17}{'kinds':<17}{'dates':<17}{'counts':<17}" \
           f"{'precision':<17}traps taken"
    lines = [head, "-" * len(head)]
    total = Score("all")
    for label, s in rows:
        total.add(s)
        lines.append(f"{label + '/' + s.name:<14}{s.lang:<5}{_pct(s.facts):<17}"
                     f"{_pct(s.places):<17}{_pct(s.kinds):<17}{_pct(s.dates):<17}{_pct(s.counts):<17}"
                     f"{_pct(s.precision):<17}{s.traps[0]}/{s.traps[1]}")
    lines.append("-" * len(head))
    lines.append(f"{'all':<14}{'':<5}{_pct(total.facts):<17}{_pct(total.places):<17}{_pct(total.kinds):<17}"
                 f"{_pct(total.dates):<17}{_pct(total.counts):<17}{_pct(total.precision):<17}"
                 f"{total.traps[0]}/{total.traps[1]}")
    return "\n".join(lines)


# ---------------------------------------------------------------- the real set (shared/extract-real)

@dataclass
class RealScore:
    """Tallies for one real article or for all of them."""

    name: str
    lang: str = ""
    core: list[int] = field(default_factory=lambda: [0, 0])        # core facts found right, core facts
    precision: list[int] = field(default_factory=lambda: [0, 0])   # candidates right, candidates
    traps: list[int] = field(default_factory=lambda: [0, 0])       # taken, set
    bad_counts: int = 0            # candidates whose fact is right but a count's value or scope is not
    bad_default: int = 0           # of the wrong candidates, those whose figures the form takes unchecked
    default_counts: list[int] = field(default_factory=lambda: [0, 0])   # right, events whose figures go unchecked
    missed: dict[str, int] = field(default_factory=dict)           # failure class -> core facts missed
    wrong: dict[str, int] = field(default_factory=dict)            # failure class -> wrong candidates
    lines: list[str] = field(default_factory=list)

    def add(self, other: RealScore) -> None:
        for name in ("core", "precision", "traps"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.bad_counts += other.bad_counts
        self.bad_default += other.bad_default
        self.default_counts[0] += other.default_counts[0]
        self.default_counts[1] += other.default_counts[1]
        for name in ("missed", "wrong"):
            mine = getattr(self, name)
            for k, v in getattr(other, name).items():
                mine[k] = mine.get(k, 0) + v


def _region_of(scope: str | None) -> str | None:
    """A truth scope ("national", "Puno region") or a candidate's region as the gazetteer spells it."""
    if not scope or _f(scope) == "national":
        return None
    name = " ".join(w for w in str(scope).split() if _f(w) not in ("region", "department", "departamento"))
    return default_gazetteer().region(name) or name


def _real_place(fact: dict, got: dict) -> bool:
    words = [_f(w) for w in fact.get("place_match") or []]
    names = " | ".join(_f(got.get(k) or "") for k in ("place", "site"))
    return any(w and w in names for w in words)


def _real_dates(fact: dict) -> set[str]:
    return set(fact.get("dates") or []) | set(fact.get("dates_lenient") or [])


def _real_counts_equal(fact: dict, got: dict) -> bool:
    return all(got.get(k) == fact[k] for k in _COUNT_FIELDS if fact.get(k) is not None)


def accepted_by_default(event: dict) -> bool:
    """Whether the page's Add form takes a candidate event's figures as they are: it gives a
    figure and does not mark it for the editor to check (``counts_to_check``). Counts (national
    and regional figures) are never taken without the editor ticking that their scope and date
    were checked, so none of them is."""
    return any(event.get(k) is not None for k in _COUNT_FIELDS) and not event.get("counts_to_check")


def real_event_failure(fact: dict, got: dict) -> str | None:
    """None when a candidate event is right for a fact, else the first field that is wrong:
    ``place``, ``kind``, ``date`` or ``count``."""
    if not _real_place(fact, got):
        return "place"
    if got.get("kind") not in fact["kinds"]:
        return "kind"
    if got.get("start") not in _real_dates(fact):
        return "date"
    if not _real_counts_equal(fact, got):
        return "count"
    return None


def real_count_failure(fact: dict, got: dict) -> str | None:
    """None when a candidate count is right for a fact, else ``metric``, ``value``, ``date`` or ``scope``."""
    if got.get("metric") not in [fact["metric"], *(fact.get("alt_metrics") or [])]:
        return "metric"
    if got.get("value") not in fact["values"]:
        return "value"
    if got.get("date") not in fact["dates"]:
        return "date"
    if _region_of(fact.get("scope")) != _region_of(got.get("region")):
        return "scope"
    return None


_ORDER = {"event": ("place", "kind", "date", "count"), "count": ("metric", "value", "date", "scope")}


def _nearest(kind: str, failures: list[str]) -> str:
    """The failure class of the closest miss: the one that got furthest through the checks."""
    order = _ORDER[kind]
    return max(failures, key=lambda f: order.index(f)) if failures else order[0]


def _tally(kind: str, failures: list[str | None], right: list[int], classes: dict[str, int]) -> str | None:
    """Count one fact (or candidate) in ``right`` (``[right, all]``): right when one of ``failures`` is
    None; else its class, ``kind:nearest failure``, is counted in ``classes`` and returned."""
    right[1] += 1
    if None in failures:
        right[0] += 1
        return None
    cls = kind + ":" + _nearest(kind, [f for f in failures if f is not None])  # (here none is None)
    classes[cls] = classes.get(cls, 0) + 1
    return cls


def _span_of(text: str, quote: str) -> tuple[int, int] | None:
    """Where a trap's quoted text is in the article (exact, then accents and case aside)."""
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    folded, q = fold(text), fold(quote)
    i = folded.find(q)
    return (i, i + len(q)) if i >= 0 and len(folded) == len(text) else None


def score_real(truth: dict, result: dict, text: str, name: str, lang: str = "") -> RealScore:
    """Score one real article's candidates against its hand-written truth.

    A core fact is found when one candidate is right for it (README of the real set); each
    missed core fact is classed by its nearest candidate: ``event:place`` (no candidate at the
    place), ``event:kind``, ``event:date``, ``event:count``, ``count:metric``, ``count:value``,
    ``count:date``, ``count:scope``. A candidate is right when it is right for any fact, core or
    optional; a wrong one is classed the same way against its nearest fact. A trap is taken when
    a wrong candidate was read from a sentence overlapping the trap's text. ``bad_counts`` are
    candidates whose place, kind and date are right but whose numbers are not, and counts with the
    right metric and date but a wrong value or scope: the misreadings an editor must not accept."""
    s = RealScore(name, lang)
    events, counts = result["events"], result["counts"]
    kinds = (("event", events, truth["events"], real_event_failure),
             ("count", counts, truth["counts"], real_count_failure))
    for kind, cands, facts, check in kinds:
        for fact in facts:
            if not fact.get("core"):
                continue
            cls = _tally(kind, [check(fact, c) for c in cands], s.core, s.missed)
            if cls is None:
                continue
            what = (f"{fact['kinds'][0]} at {fact['place']}" if kind == "event" else
                    f"{fact['metric']}={fact['values'][0]} {fact['scope']}")
            s.lines.append(f"missed ({cls}) {fact['id']} {what} {(fact.get('dates') or ['-'])[0]}")
    wrong_spans: list[tuple[int, int]] = []
    for kind, cands, facts, check in kinds:
        for c in cands:
            taken = kind == "event" and accepted_by_default(c)
            cls = _tally(kind, [check(f, c) for f in facts], s.precision, s.wrong)
            s.default_counts[1] += int(taken)
            if cls is None:
                s.default_counts[0] += int(taken)
                continue
            if cls in ("event:count", "count:value", "count:scope"):
                s.bad_counts += 1
            wrong_spans += [tuple(x) for x in c.get("evidence_spans") or []]
            what = (f"{c['kind']} at {c['place']} ({c.get('region')}) {c['start']}"
                    + "".join(f" {k}={c[k]}" for k in _COUNT_FIELDS if c.get(k) is not None)
                    if kind == "event" else
                    f"{c['metric']}={c['value']} {c.get('region') or 'national'} {c['date']}")
            s.lines.append(f"wrong ({cls}) {what}")
            if taken:
                s.bad_default += 1
                s.lines.append("  ^ its figures would be accepted by default (not marked to check)")
    for trap in truth.get("traps", []):
        s.traps[1] += 1
        span = _span_of(text, trap["text"])
        if span and any(a < span[1] and span[0] < b for a, b in wrong_spans):
            s.traps[0] += 1
            s.lines.append(f"TRAP TAKEN {trap['id']}: {trap['wrong_reading']}")
    return s


def real_articles(folder: Path = REAL) -> list[tuple[str, Path, dict, dict]]:
    """(name, report, meta, truth) of each article of the real set, sorted by name."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        meta, truth = txt.with_suffix(".meta.json"), txt.with_suffix(".truth.json")
        if meta.exists() and truth.exists():
            out.append((txt.stem, txt, json.loads(meta.read_text(encoding="utf-8")),
                        json.loads(truth.read_text(encoding="utf-8"))))
    return out


def evaluate_real(folder: Path = REAL) -> list[RealScore]:
    """Score every article of the real set through ``blockade-map extract --json``."""
    rows = []
    for name, txt, meta, truth in real_articles(folder):
        result = run_extract(txt, meta["published"])
        rows.append(score_real(truth, result, txt.read_text(encoding="utf-8"), name, meta.get("language", "")))
    return rows


def real_table(rows: list[RealScore]) -> str:
    """The real set's table: one line per article, the totals, then the failure classes."""
    head = f"{'article':<9}{'lang':<5}{'strict recall':<18}{'precision':<18}{'traps taken':<13}bad counts"
    lines = [head, "-" * len(head)]
    total = RealScore("all")
    for s in rows:
        total.add(s)
        lines.append(f"{s.name:<9}{s.lang:<5}{_pct(s.core):<18}{_pct(s.precision):<18}"
                     f"{f'{s.traps[0]}/{s.traps[1]}':<13}{s.bad_counts}")
    lines.append("-" * len(head))
    lines.append(f"{'all':<9}{'':<5}{_pct(total.core):<18}{_pct(total.precision):<18}"
                 f"{f'{total.traps[0]}/{total.traps[1]}':<13}{total.bad_counts}"
                 f"   (traps taken {_pct(total.traps).strip()})")
    lines.append(f"figures accepted by default (an event's counts not marked to check): "
                 f"{total.default_counts[1]} candidates, {total.default_counts[0]} right, "
                 f"{total.bad_default} wrong (must be 0)")
    lines.append("")
    lines.append("core facts missed, by failure class (nearest candidate): "
                 + (", ".join(f"{k} {v}" for k, v in sorted(total.missed.items())) or "none"))
    lines.append("wrong candidates, by failure class (nearest fact):     "
                 + (", ".join(f"{k} {v}" for k, v in sorted(total.wrong.items())) or "none"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the real set's table, then the samples' (and what was missed, wrong or taken);
    1 when a shared sample fails the bar. ``--quiet`` leaves out the per-article lines, and
    folders given as arguments are scored as samples instead of the default two."""
    args = argv if argv is not None else sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    folders = [Path(a) for a in args] or [SHARED, OURS]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"extract-eval: {missing[0]}: no such folder", file=sys.stderr)
        return 1
    if not args and REAL.is_dir():
        real = evaluate_real(REAL)
        print(f"Real reports ({REAL}): the set progress is judged on")
        print(real_table(real))
        if not quiet:
            for r in real:
                for line in r.lines:
                    print(f"real/{r.name}: {line}")
        print()
        print("Project samples (shared/extract-samples and tests/extract_samples)")
    rows = evaluate(folders)
    print(table(rows))
    if not quiet:
        for label, s in rows:
            for line in s.missed:
                print(f"{label}/{s.name}: missed {line}")
            for line in s.wrong:
                print(f"{label}/{s.name}: not expected: {line}")
            for line in s.taken:
                print(f"{label}/{s.name}: TRAP TAKEN: {line}")
    failing = [s.name for label, s in rows if label == "shared" and (s.fact_recall < BAR or s.traps[0])]
    if failing:
        print(f"below the bar ({BAR:.0%} of facts, no trap): {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
