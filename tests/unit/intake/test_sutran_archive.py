"""SUTRAN's archived feed in ../shared/sutran through ``import --format sutran``: a slice into a new
dataset (a folder holding only dataset.json) checked day by day against the sites counted here,
overlapping batches, PostGIS, and every spelling of the later archive."""
from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.dates import day_range
from geo.intake.sutran import CAUSES, collect
from geo.store import open_store
from tests.conftest import BUNDLED, ROOT, bundled_scope

SHARED = ROOT.parent / "shared" / "sutran"
FIRST = SHARED / "feed-2023-01-17-to-2023-03-31.jsonl.gz"
LATER = SHARED / "feed-2023-04-to-2024-06.jsonl.gz"

pytestmark = pytest.mark.skipif(not FIRST.is_file(), reason=f"{FIRST} is not there (../shared/sutran)")


def listed_sites(first: str, last: str) -> dict[str, set]:
    """Distinct protest sites SUTRAN listed each day, counted here from the raw archive: records with
    motivo HUMANO, the day of their update (day first in this file), the site as road code +
    kilometre numbers + ubigeo."""
    out: dict[str, set] = defaultdict(set)
    with gzip.open(FIRST, "rt", encoding="utf-8") as handle:
        for raw in handle:
            for feature in json.loads(raw)["features"]:
                p = feature["properties"]
                m = re.match(r"\s*(\d+)/(\d+)/(\d{4})", p["fecha_actualizacion"])
                day = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
                if p["motivo"] == "HUMANO" and first <= day <= last:
                    kms = frozenset(re.findall(r"\d+(?:\+\d+)?", p["afectacion"]))
                    out[day].add((p["codigo_via"].strip(), kms, p["ubigeo"]))
    return out


def new_dataset(folder: Path, events_layer: bool = False) -> Path:
    """A new dataset as one starts: a folder holding only dataset.json (and, if asked, an empty events layer)."""
    folder.mkdir()
    info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
    info.pop("featured_day")   # a new dataset's data starts with the feed, not on the bundled featured day
    (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    if events_layer:
        (folder / "events.geojson").write_text('{"type": "FeatureCollection", "features": []}\n', encoding="utf-8")
    return folder


def active(data: Path, day: str) -> list[dict]:
    return [f for f in json.loads((data / "events.geojson").read_text(encoding="utf-8"))["features"]
            if f["properties"]["start"] <= day <= f["properties"].get("end", f["properties"]["start"])]


@pytest.mark.slow  # two weeks of the archive imported and replayed day by day: 3 s of CPU
def test_a_slice_into_a_new_dataset_matches_the_sites_listed_each_day(tmp_path, capsys):
    data = new_dataset(tmp_path / "data")
    argv = ["import", "--format", "sutran", str(FIRST), "--from", "2023-01-17", "--to", "2023-01-31",
            "--data", str(data)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    made = len(json.loads((data / "events.geojson").read_text(encoding="utf-8"))["features"])
    assert "of 14 days): " in out and f"; {made} new events, 0 changed" in out and made > 300
    sites = listed_sites("2023-01-17", "2023-01-31")
    assert len(sites) == 14   # 24 January has no archived update
    assert {d: len(sites[d]) for d in ("2023-01-17", "2023-01-19", "2023-01-20", "2023-01-25", "2023-01-31")} == {
        "2023-01-17": 106, "2023-01-19": 137, "2023-01-20": 150, "2023-01-25": 107, "2023-01-31": 79}  # SUTRAN README
    for day in sites:
        events = active(data, day)
        assert len(events) == len(sites[day]), day
        assert all(e["properties"]["kind"] == "blockade" and e["properties"]["sources"][0]["name"] == "SUTRAN"
                   for e in events)
    assert len(active(data, "2023-01-24")) > 0   # the archive's hole: runs go on through it, labelled
    assert all("2023-01-24" in e["properties"]["sutran"]["unobserved"] for e in active(data, "2023-01-24"))
    assert open_store(data).validate() == []
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert main(argv) == 0
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before   # no byte changed


@pytest.mark.slow  # the same weeks imported three times over: 3.5 s of CPU
def test_overlapping_batches_give_what_one_import_gives(tmp_path, capsys):
    once = new_dataset(tmp_path / "once", events_layer=True)
    parts = new_dataset(tmp_path / "parts", events_layer=True)
    assert main(["import", "--format", "sutran", str(FIRST), "--from", "2023-01-17", "--to", "2023-01-31",
                 "--data", str(once)]) == 0
    for first, last in (("2023-01-17", "2023-01-25"), ("2023-01-22", "2023-01-31")):
        assert main(["import", "--format", "sutran", str(FIRST), "--from", first, "--to", last,
                     "--data", str(parts)]) == 0
    capsys.readouterr()
    by_id = [{f["id"]: f for f in json.loads((d / "events.geojson").read_text(encoding="utf-8"))["features"]}
             for d in (parts, once)]
    assert len(by_id[1]) > 300 and by_id[0] == by_id[1]   # the same events, ids included (file order aside)


@pytest.mark.postgis
def test_the_same_import_into_postgis(pg_db, tmp_path, capsys):
    data = new_dataset(tmp_path / "data", events_layer=True)
    assert main(["db", "init", "--data", pg_db]) == 0
    assert main(["db", "load", str(data), "--data", pg_db]) == 0
    argv = ["import", "--format", "sutran", str(FIRST), "--from", "2023-01-17", "--to", "2023-01-21"]
    assert main([*argv, "--data", pg_db]) == 0 and main([*argv, "--data", str(data)]) == 0
    store = open_store(pg_db)
    held = {f["id"]: f for f in store.editor().read().collection["features"]}
    assert held == {f["id"]: f for f in json.loads((data / "events.geojson").read_text(encoding="utf-8"))["features"]}
    entries = len(store.editor().history())
    assert main([*argv, "--data", pg_db]) == 0
    assert len(store.editor().history()) == entries   # a second import logs nothing
    capsys.readouterr()
    for day in day_range("2023-01-17", "2023-01-21"):
        assert main(["day", day, "--json", "--data", pg_db]) == 0
        assert len(json.loads(capsys.readouterr().out)["events"]) == len(listed_sites(day, day)[day])
    # A later, overlapping batch edits events in place (runs extended) the same way in both stores.
    later = ["import", "--format", "sutran", str(FIRST), "--from", "2023-01-20", "--to", "2023-01-23"]
    assert main([*later, "--data", pg_db]) == 0 and main([*later, "--data", str(data)]) == 0
    log = store.editor().history()
    assert {e["action"] for e in log[entries:]} >= {"edit", "import"}
    held = {f["id"]: f for f in store.editor().read().collection["features"]}
    assert held == {f["id"]: f for f in json.loads((data / "events.geojson").read_text(encoding="utf-8"))["features"]}


@pytest.mark.slow
def test_every_spelling_of_the_later_archive_is_read():
    """April 2023 to June 2024, all causes: every update time is read (``3/09/2023``, ``8:00 HORAS``,
    ``08:00HORAS``, ``08.00 HORAS``, ``HORA``, seconds), and the only dates left unread are no dates."""
    batch = collect([LATER], causes=CAUSES, scope=bundled_scope())
    assert batch.updates == 9521 and len(batch.records) > 250_000
    fields = defaultdict(list)
    for p in batch.problems:
        fields[p.field].append(p.message)
    assert "fecha_actualizacion" not in fields and "" not in fields   # every line and every update time read
    unread = {m.split("'")[1] for m in fields["fecha_evento"]}
    assert unread == {"12/472023", "30/06/20223", "31-12-1969", "24/7/22023", "31/11/2024"}
    assert len(batch.problems) < 0.002 * len(batch.records)


def test_the_audit_checks_sutran_citations_and_points_against_the_archive(tmp_path, capsys):
    from geo.intake.audit import audit_folder
    data = new_dataset(tmp_path / "data", events_layer=True)
    assert main(["import", "--format", "sutran", str(FIRST), "--from", "2023-01-17", "--to", "2023-01-17",
                 "--data", str(data)]) == 0
    capsys.readouterr()
    shared = ROOT.parent / "shared"
    assert audit_folder(data, [shared]) == []
    doc = json.loads((data / "events.geojson").read_text(encoding="utf-8"))
    forged, moved = doc["features"][0], doc["features"][1]
    forged["properties"]["sources"][0]["url"] = forged["properties"]["sources"][0]["url"].replace(
        forged["properties"]["sources"][0]["url"].split("/")[-2], "f" * 40)
    moved["geometry"]["coordinates"] = [moved["geometry"]["coordinates"][0] + 0.5, moved["geometry"]["coordinates"][1]]
    (data / "events.geojson").write_text(json.dumps(doc), encoding="utf-8")
    found = {(p.feature, p.field) for p in audit_folder(data, [shared])}
    assert (forged["id"], "sources[0].url") in found
    assert any(feature == moved["id"] for feature, _ in found)
