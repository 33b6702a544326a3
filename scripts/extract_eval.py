"""Score the news-report extractor on sample reports: ``make extract-eval``.

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
from geo.places.gazetteer import default_gazetteer  # noqa: E402
from geo.core.geodesy import distance_m  # noqa: E402
from geo.core.text import fold  # noqa: E402

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

    def add(self, other: "Score") -> None:
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


def main(argv: list[str] | None = None) -> int:
    """Print the table (and what was missed, wrong or taken); 1 when a shared sample fails the bar."""
    args = argv if argv is not None else sys.argv[1:]
    folders = [Path(a) for a in args] or [SHARED, OURS]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"extract-eval: {missing[0]}: no such folder", file=sys.stderr)
        return 1
    rows = evaluate(folders)
    print(table(rows))
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
