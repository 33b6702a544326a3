"""`blockade-map import`, `history`, `verify-log` and `hash-password`; editor password hashes."""
from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.store import auth
from geo.store.editor import LOG_FILE, Editor, read_log
from tests.conftest import ROOT, make_event


def _snapshot(folder: Path) -> dict[str, str]:
    """Name -> SHA-256 of every file in the folder (hidden ones too)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _write(path: Path, features: list[dict]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_import_full_of_bad_features_is_refused_whole(tiny_data, tmp_path, capsys):
    Editor(tiny_data).add(make_event(None, place="Juli", lon=-69.45, lat=-16.21667), who="ana")  # a log exists
    before = _snapshot(tiny_data)
    upload = _write(tmp_path / "bad.geojson", [
        make_event("good-1", place="Pomata", lon=-69.29, lat=-16.27),
        make_event("paris", lon=2.35, lat=48.85),
        make_event("swapped", lon=-16.08, lat=-69.66),
        make_event("backwards", start="2023-01-10", end="2023-01-01"),
        make_event("riot", kind="riot"),
        make_event("minus", injured=-1),
        make_event("unsourced", sources=[]),
        make_event("file-link", sources=[{"name": "x", "url": "file:///etc/passwd", "published": "2023-01-09"}]),
        make_event("e-lima"),
        make_event("good-2", place="Acora", lon=-69.8, lat=-15.97),
    ])
    assert main(["import", str(upload), "--data", str(tiny_data), "--all-or-nothing"]) == 1
    err = capsys.readouterr().err.splitlines()
    named = {line.split(": ")[1] for line in err[:-1]}
    assert named == {"paris", "swapped", "backwards", "riot", "minus", "unsourced", "file-link", "e-lima"}
    assert "bad.geojson: swapped: geometry: [-16.08, -69.66] lies outside the dataset's area (lon and lat look swapped)" in err
    assert "bad.geojson: e-lima: id: 'e-lima' is already used by an event in the data" in err
    assert err[-1] == "bad.geojson: 8 of 10 features are bad: nothing imported"
    assert _snapshot(tiny_data) == before          # byte for byte, log included
    # Without --all-or-nothing the two good features go in; the bad ones are listed, the status is 1.
    assert main(["import", str(upload), "--data", str(tiny_data), "--dry-run"]) == 1
    out = capsys.readouterr().out.strip()
    assert out.startswith("would import 2 events from bad.geojson (dry run: nothing written)")
    assert _snapshot(tiny_data) == before
    assert main(["import", str(upload), "--data", str(tiny_data)]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == ("imported 2 events; 8 of 10 features are bad: left out (listed above; "
                                    "--all-or-nothing imports none of the file when any is bad)")
    assert "bad.geojson: paris: geometry: [2.35, 48.85] lies outside the dataset's area" in captured.err
    assert {"good-1", "good-2"} <= set(Editor(tiny_data).read().ids) and "paris" not in Editor(tiny_data).read().ids
    assert [e["id"] for e in Editor(tiny_data).history()][-2:] == ["good-1", "good-2"]


def test_import_good_file_and_dry_run(tiny_data, tmp_path, capsys):
    upload = _write(tmp_path / "good.geojson", [make_event("n-1", place="Pomata", lon=-69.29, lat=-16.27),
                                                make_event(None, place="Acora", lon=-69.8, lat=-15.97)])
    before = _snapshot(tiny_data)
    assert main(["import", str(upload), "--dry-run", "--data", str(tiny_data)]) == 0
    assert capsys.readouterr().out.startswith("would import 2 events from good.geojson (dry run")
    assert _snapshot(tiny_data) == before
    assert main(["import", str(upload), "--who", "ana", "--data", str(tiny_data)]) == 0
    assert capsys.readouterr().out.strip() == "imported 2 events"
    log = read_log(tiny_data / LOG_FILE)
    assert [(e["action"], e["who"], e["tx"]) for e in log] == [("import", "ana", 1), ("import", "ana", 1)]
    assert log[1]["id"] == "2023-01-09-acora-blockade"
    assert main(["validate", "--data", str(tiny_data)]) == 0
    assert "6 events" in capsys.readouterr().out
    # Importing the same file again adds nothing, and says so (issue 10).
    assert main(["import", str(upload), "--data", str(tiny_data)]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "imported 0 events: 2 features are already in the data (the same events), not added again"
    assert "good.geojson: n-1: already in the data as n-1" in out.err
    # The same id with other content is still refused.
    _write(upload, [make_event("n-1", place="Somewhere else", lon=-69.29, lat=-16.27)])
    assert main(["import", str(upload), "--data", str(tiny_data)]) == 1
    assert "'n-1' is already used" in capsys.readouterr().err


def test_duplicates_need_a_decision(tiny_data, tmp_path, capsys):
    upload = _write(tmp_path / "dup.geojson", [
        make_event("near-ilave", start="2023-01-09", lon=-69.667, lat=-16.0835, place="Ilave bridge"),
        make_event("pomata", place="Pomata", lon=-69.29, lat=-16.27)])
    assert main(["import", str(upload), "--data", str(tiny_data)]) == 1
    err = capsys.readouterr().err
    assert "dup.geojson: near-ilave: probable duplicate of e-ilave (" in err and "nothing imported" in err
    assert not (tiny_data / LOG_FILE).exists()
    assert main(["import", str(upload), "--skip-duplicates", "--data", str(tiny_data)]) == 0
    assert capsys.readouterr().out.strip() == "imported 1 event (1 probable duplicates skipped)"
    upload2 = _write(tmp_path / "dup2.geojson", [make_event("near-ilave-2", lon=-69.667, lat=-16.0835)])
    assert main(["import", str(upload2), "--keep-duplicates", "--data", str(tiny_data)]) == 0
    assert [e["id"] for e in read_log(tiny_data / LOG_FILE)] == ["pomata", "near-ilave-2"]


def test_import_missing_file_and_history(tiny_data, capsys):
    assert main(["import", "nowhere.csv", "--data", str(tiny_data)]) == 1
    assert "no such file" in capsys.readouterr().err
    ed = Editor(tiny_data)
    ed.edit("e-ilave", {"injured": 3}, who="bo", reason="RPP 10 Jan")
    ed.retract("e-lima", who="bo", reason="duplicate")
    assert main(["history", "--data", str(tiny_data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].endswith("bo: edit e-ilave - RPP 10 Jan")
    assert main(["history", "e-lima", "--json", "--data", str(tiny_data)]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["action"] == "retract" and entry["before"]["properties"]["detained"] == 224
    assert main(["verify-log", "--data", str(tiny_data)]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 logged changes")


def test_verify_log_reports_a_hand_edit(tiny_data, capsys):
    Editor(tiny_data).edit("e-ilave", {"injured": 3}, who="bo")
    fc = json.loads((tiny_data / "events.geojson").read_text(encoding="utf-8"))
    fc["features"][0]["properties"]["fatalities"] = 99
    (tiny_data / "events.geojson").write_text(json.dumps(fc), encoding="utf-8")
    assert main(["verify-log", "--data", str(tiny_data)]) == 1
    assert "changelog: e-juliaca-clash: differs from the log" in capsys.readouterr().err


# ---------------------------------------------------------------- passwords

def test_hash_and_verify():
    encoded = auth.hash_password("long enough", iterations=1000, salt="abcd")
    assert encoded.startswith("pbkdf2_sha256$1000$abcd$")
    assert auth.verify_password("long enough", encoded) and not auth.verify_password("long enougH", encoded)
    assert not auth.verify_password("", encoded)
    assert auth.hash_password("long enough", iterations=1000) != auth.hash_password("long enough", iterations=1000)
    with pytest.raises(ValueError, match="at least 8"):
        auth.hash_password("short")
    for broken in ("plain-password", "md5$1$a$b", "pbkdf2_sha256$x$ab$cd", "pbkdf2_sha256$1000$ab$bm90MzI="):
        with pytest.raises(ValueError, match="hash"):
            auth.verify_password("long enough", broken)


def test_configured_hash_prefers_secrets_then_environment():
    assert auth.configured_hash({"editor_password_hash": " h1 "}, {"BLOCKADE_MAP_EDITOR_HASH": "h2"}) == "h1"
    assert auth.configured_hash({}, {"BLOCKADE_MAP_EDITOR_HASH": "h2"}) == "h2"
    assert auth.configured_hash(None, {}) is None
    assert auth.configured_hash({"editor_password_hash": ""}, {"BLOCKADE_MAP_EDITOR_HASH": " "}) is None


def test_hash_password_command_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a good password\n"))
    assert main(["hash-password", "--stdin", "--iterations", "1000"]) == 0
    captured = capsys.readouterr()
    encoded = captured.out.strip()
    assert auth.verify_password("a good password", encoded)
    assert "editor_password_hash" in captured.err and "BLOCKADE_MAP_EDITOR_HASH" in captured.err


@pytest.mark.slow
def test_hash_password_console_script():
    out = subprocess.run([sys.executable, "-c", "import sys; from geo.cli.main import main; sys.exit(main())", "hash-password"], input="another secret\n",
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0 and auth.verify_password("another secret", out.stdout.strip())
    assert out.stdout.strip().split("$")[1] == str(auth.DEFAULT_ITERATIONS)
