"""Issue 10: repeated and crashed imports never duplicate events; a damaged log or base is named."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.model import DataError
from geo.store.editor import BASE_FILE, LOG_FILE, Editor, read_log
from tests.conftest import make_event, write_folder

CSV = """kind,start,place,region,lon,lat,geo_precision,source_url,source_name,source_published
blockade,2023-01-09,Juliaca market,Puno,-70.1,-15.4,1,https://example.org/a,Example,2023-01-09
blockade,2023-01-10,Ayaviri,Puno,-70.59,-14.88,1,https://example.org/b,Example,2023-01-10
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "data", [make_event("a"), make_event("b", place="Puno", lon=-70.02, lat=-15.84)])


def _ids(folder: Path) -> list[str]:
    return [f["id"] for f in json.loads((folder / "events.geojson").read_text(encoding="utf-8"))["features"]]


def _upload(tmp_path: Path) -> Path:
    path = tmp_path / "reports.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def _crash_before_events_write(monkeypatch, folder: Path) -> None:
    """Make the editor die after the log is fsync'd, before events.geojson is replaced."""
    import geo.store.editor as editor_module
    real = editor_module.atomic_write

    def write(path, data):
        if Path(path) == folder / "events.geojson":
            raise KeyboardInterrupt("power cut")
        return real(path, data)
    monkeypatch.setattr(editor_module, "atomic_write", write)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(folder, tmp_path, capsys):
    upload = _upload(tmp_path)
    assert main(["import", str(upload), "--data", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == "imported 2 events"
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    # Even with --keep-duplicates (which only concerns events that merely look alike).
    assert main(["import", str(upload), "--data", str(folder), "--keep-duplicates"]) == 0
    out = capsys.readouterr().out
    assert "imported 0 events: 2 rows are already in the data" in out
    assert len(_ids(folder)) == 4
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_reimport_after_a_crash_between_log_and_file_adds_nothing(folder, tmp_path, capsys, monkeypatch):
    upload = _upload(tmp_path)
    _crash_before_events_write(monkeypatch, folder)
    with pytest.raises(KeyboardInterrupt):
        main(["import", str(upload), "--data", str(folder)])
    monkeypatch.undo()
    assert _ids(folder) == ["a", "b"]                       # the file was never written
    assert len(read_log(folder / LOG_FILE)) == 2             # but the change was logged
    capsys.readouterr()
    # verify-log names the logged change as waiting to be rolled forward (not as damage).
    assert main(["verify-log", "--data", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "changes 1-2 (import of 2 events" in out and "waiting to be rolled forward" in out
    # Running the import again rolls the logged change forward, then adds nothing more.
    assert main(["import", str(upload), "--data", str(folder)]) == 0
    assert "imported 0 events: 2 rows are already in the data" in capsys.readouterr().out
    assert _ids(folder) == ["a", "b", "2023-01-09-juliaca-market-blockade", "2023-01-10-ayaviri-blockade"]
    assert len(read_log(folder / LOG_FILE)) == 2
    assert main(["verify-log", "--data", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 logged changes replay")


def test_add_many_checks_identical_events_again_inside_the_lock(folder):
    """Two editors planned the same import from the same snapshot; the second adds nothing."""
    first, second = Editor(folder), Editor(folder)
    events = [make_event(None, place="Ilave", lon=-69.67, lat=-16.08),
              make_event(None, place="Juli", lon=-69.46, lat=-16.21)]
    assert len(first.add_many(events, who="ana").entries) == 2
    change = second.add_many(events, who="bo")
    assert change.entries == [] and [i for i, _ in change.already] == [0, 1]
    assert [eid for _, eid in change.already] == ["2023-01-09-ilave-blockade", "2023-01-09-juli-blockade"]
    assert len(_ids(folder)) == 4


def test_add_many_runs_the_callers_check_inside_the_lock(folder):
    seen = []

    def check(features, fresh):
        seen.append(([f["id"] for f in features], [f["id"] for f in fresh["features"]]))
        return []
    Editor(folder).add_many([make_event(None, place="Ilave", lon=-69.67, lat=-16.08)], who="ana", check=check)
    assert seen == [(["2023-01-09-ilave-blockade"], ["a", "b"])]
    from geo.core.model import Problem
    with pytest.raises(DataError) as info:
        Editor(folder).add_many([make_event(None, place="Juli", lon=-69.46, lat=-16.21)], who="ana",
                                check=lambda features, fresh: [Problem("x.csv", "row 2", "", "looks like a new event")])
    assert str(info.value) == "x.csv: row 2: looks like a new event"
    assert len(_ids(folder)) == 3


@pytest.mark.parametrize("line, message", [
    ('{"seq": 3, "tx_size": 1}',
     "changelog.jsonl: line 3: is not a change-log entry (missing tx, who, when, action, id, before, after)"),
    ('{"seq": 3, "tx": 3, "tx_size": 1, "who": "x", "when": "2023", "action": "add", "id": 5, '
     '"before": null, "after": null}',
     "changelog.jsonl: line 3: id: must be a string"),
    ('[1, 2]', "changelog.jsonl: line 3: is not a change-log entry (a JSON object per line)"),
])
def test_a_log_line_missing_keys_is_one_located_line(folder, capsys, line, message):
    Editor(folder).add_many([make_event(None, place="Ilave", lon=-69.67, lat=-16.08),
                             make_event(None, place="Juli", lon=-69.46, lat=-16.21)], who="ana")
    with open(folder / LOG_FILE, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    for command in (["history"], ["verify-log"], ["history", "--json"]):
        assert main([*command, "--data", str(folder)]) == 1
        assert capsys.readouterr().err.strip() == message
    with pytest.raises(DataError):
        Editor(folder).add(make_event(None, place="Acora", lon=-69.8, lat=-15.97), who="ana")


@pytest.mark.parametrize("text, message", [
    ('{"type": "Feat', "changelog.base.geojson: (file): invalid JSON at line 1 column 10"),
    ("[1, 2]", "changelog.base.geojson: (file): is not a GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection", "features": [1]}',
     "changelog.base.geojson: (file): is not a GeoJSON FeatureCollection"),
])
def test_a_corrupt_base_snapshot_is_named(folder, capsys, text, message):
    Editor(folder).add(make_event(None, place="Ilave", lon=-69.67, lat=-16.08), who="ana")
    (folder / BASE_FILE).write_text(text, encoding="utf-8")
    assert main(["verify-log", "--data", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(message), err
    assert "\n" not in err
