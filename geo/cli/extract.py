"""``blockade-map extract FILE --published YYYY-MM-DD [--json]``: candidates from a news report.

Bad input (no such file, a bad date, a file that is not UTF-8 text, a report longer than
``MAX_REPORT_CHARS`` characters or holding an absurd number) exits 1 with one line on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo.cli.args import Command, UsageError, day_arg
from geo.core.model import DataError
from geo.intake.extract import MAX_REPORT_CHARS, ReportRefused, extract
from geo.intake.extract.against import compare_with_store
from geo.intake.extract.dataset_lexicon import lexicon_for
from geo.places.gazetteer import gazetteer_for
from geo.store import load_dataset, open_store, resolve_source


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help=f"the report, plain UTF-8 text (Spanish or English), at most "
                                f"{MAX_REPORT_CHARS:,} characters")
    p.add_argument("--published", required=True, type=day_arg, metavar="YYYY-MM-DD",
                   help="the day the report was published: 'ayer', 'el viernes', 'this Thursday' count from it")
    p.add_argument("--language", choices=("es", "en"), default=None, help="the report's language (default: detected)")
    p.add_argument("--json", action="store_true", help="print the contract's JSON: {events, counts}")


def read_report(path: Path) -> str:
    """The text of a report file; UsageError (one line) when it cannot be read as UTF-8 text."""
    if not path.is_file():
        raise UsageError(f"blockade-map extract: {path}: no such file")
    try:
        size = path.stat().st_size
        if size > 4 * MAX_REPORT_CHARS:   # UTF-8: at most four bytes a character
            raise UsageError(f"blockade-map extract: {path}: {size:,} bytes; the most read at once is "
                             f"{MAX_REPORT_CHARS:,} characters: split it into its articles")
        with path.open("rb") as fh:
            data = fh.read(4 * MAX_REPORT_CHARS + 1)
    except OSError as exc:
        raise UsageError(f"blockade-map extract: {path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"blockade-map extract: {path}: not UTF-8 text (byte {exc.start}); "
                         "save the report as UTF-8") from None
    if "\x00" in text:
        raise UsageError(f"blockade-map extract: {path}: not a text file")
    if not text.strip():
        raise UsageError(f"blockade-map extract: {path}: the file is empty")
    return text


def cmd_extract(args: argparse.Namespace) -> int:
    """Read a report and print its candidate events and counts."""
    text = read_report(Path(args.file))
    corridors = _corridors(args.data)
    source = resolve_source(args.data)
    existing = _stored_events(source)
    try:
        result = extract(text, args.published, gazetteer=gazetteer_for(source), corridors=corridors,
                         language=args.language, lexicon=lexicon_for(source))
    except DataError as exc:
        raise UsageError(f"blockade-map extract: {exc}") from None
    except ReportRefused as exc:
        raise UsageError(f"blockade-map extract: {args.file}: {exc}") from None
    if existing is None:
        print("blockade-map extract: the data's events cannot be read; candidates are not compared with them",
              file=sys.stderr)
        result["events"] = [dict(e, existing={"status": "unchecked"}) for e in result["events"]]
    else:
        result["events"] = compare_with_store(result["events"], existing)
    if args.json:
        json.dump({k: result[k] for k in ("events", "counts", "language", "published")}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for line in format_text(result):
        print(line)
    return 0


def _stored_events(source) -> list | None:
    """The event Features already in the data (None when the store cannot be read)."""
    try:
        return open_store(source).editor().read().collection.get("features", [])
    except (DataError, OSError, ValueError, LookupError):
        return None


def _corridors(data):
    """The data folder's corridors (for kilometre posts); None when the folder cannot be read."""
    try:
        return load_dataset(data, strict=False).corridors
    except (DataError, FileNotFoundError, ValueError):
        return None


def format_text(result: dict) -> list[str]:
    """The extractor's answer for people: one block per candidate, with its evidence."""
    events, counts = result["events"], result["counts"]
    lines = [f"{len(events)} candidate event(s), {len(counts)} count(s) "
             f"(report in {'Spanish' if result['language'] == 'es' else 'English'}, published {result['published']})"]
    for i, e in enumerate(events, 1):
        dates = e["start"] + (f"..{e['end']}" if e.get("end") else "")
        tally = ", ".join(f"{e[k]} {w}" for k, w in (("fatalities", "dead"), ("injured", "injured"),
                                                     ("detained", "detained")) if e.get(k) is not None)
        road = ""
        if e.get("road") or e.get("km") is not None:
            road = " on " + " ".join(x for x in (e.get("road"), f"km {e['km']}" if e.get("km") is not None else None) if x)
        where = (f"{e['lon']:.5f}, {e['lat']:.5f} (precision {e['geo_precision']})" if e.get("lon") is not None
                 else "no point found")
        lines.append(f"{i}. {e['kind']} at {e['place']} ({e['region']}){road}, {dates}"
                     f" (date precision {e['time_precision']})" + (f" [{tally}]" if tally else ""))
        lines.append(f"   point: {where}" + (f"; site: {e['site']}" if e.get("site") else "")
                     + (f"; reported by {e['reporter']}" if e.get("reporter") else ""))
        lines.append(f"   evidence: {e['evidence']}")
        lines += [f"   note: {n['text']}" for n in e.get("notes", [])]
        lines.append("   " + against_text(e.get("existing")))
    for c in counts:
        scope = c["region"] or "national"
        lines.append(f"count: {c['date']} {c['metric']} = {c['value']} ({scope}; "
                     f"{c['reporter'] or 'reporter not named'})")
        lines.append(f"   evidence: {c['evidence']}")
        lines.append(f"   not accepted until an editor confirms its scope ({scope}) and its date ({c['date']})")
    if not events and not counts:
        lines.append("nothing found: no event with a place, and no national or regional figure")
    return lines


def against_text(existing: dict | None) -> str:
    """How a candidate stands against the data, in one line."""
    status = existing.get("status", "unchecked") if existing is not None else "unchecked"
    if existing is None or status == "unchecked":
        return "against the data: not compared (the data's events could not be read)"
    if status == "update":
        return f"UPDATE of {existing['id']}: {existing['text']} (accept as an update, not as a new event)"
    if status == "duplicate":
        return f"POSSIBLE DUPLICATE of {existing['id']}: {existing['summary']}"
    if status == "new":
        return "against the data: no event of this kind at this place on these days"
    return "against the data: not compared (the data's events could not be read)"


COMMANDS = [Command("extract", "candidate events and counts read from a news report (plain text)", _configure,
                    cmd_extract)]
