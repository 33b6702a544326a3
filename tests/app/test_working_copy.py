"""Following the README's editing steps never touches the bundled data, and the suite does not
depend on the working copy they make (issue 12: editing once made `make test` fail 14 tests)."""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import date

import pytest

from geo.cli.main import main
from geo.core.paths import BUNDLED_DATA
from geo.store.editor import Editor, ReadOnlyDataError
from tests.conftest import ROOT, make_event, page_test, plain

PASSWORD = "a long editor password"


def fingerprint(folder) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (its tracked data)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_readme_editing_steps_work_on_a_copy_and_leave_the_suite_green(tmp_path, monkeypatch, capsys):
    bundled_before = fingerprint(BUNDLED_DATA)
    copy = tmp_path / "my-blockade-data"
    # 0. make a working copy of the bundled data
    assert main(["init-data", str(copy)]) == 0
    out = capsys.readouterr().out
    files = sorted(str(p.relative_to(BUNDLED_DATA)) for p in BUNDLED_DATA.rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    assert f"wrote a working copy of {BUNDLED_DATA} to {copy}: {len(files)} files, 909 events" in out
    assert f"BLOCKADE_MAP_DATA={copy} make run" in out
    # every file of the data comes along: layers, counts, README, basemap, gazetteer
    assert sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file()) == files
    assert {"events.geojson", "dataset.json", "README.md", "basemap.geojson", "gazetteer/places.csv"} <= set(files)
    assert fingerprint(copy) == bundled_before
    assert main(["init-data", str(copy)]) == 1  # never over an existing copy
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    # 1.-2. the editor password hash, given to the dashboard in the environment
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["hash-password", "--stdin", "--iterations", "1000"]) == 0
    encoded = capsys.readouterr().out.strip()
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(copy))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", encoded)
    # 3. log in and add one event: a detention in Lima on 6 January, the day a data test reads
    at = page_test("add_event.py", default_timeout=60).run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    at.button(key="FormSubmitter:login-Log in").click().run()
    at.selectbox(key="add-kind").select("detention")
    at.date_input(key="add-start").set_value(date(2023, 1, 6))
    at.text_input(key="add-place").input("Lima, Plaza San Martín")
    at.selectbox(key="add-region").select("Lima")
    at.number_input(key="add-lon").set_value(-77.03534)
    at.number_input(key="add-lat").set_value(-12.05161)
    at.number_input(key="add-detained").set_value(5)
    at.text_input(key="add-src0-name").input("La República")
    at.text_input(key="add-src0-url").input("https://larepublica.pe/politica/2023/01/06/detenidos")
    at.date_input(key="add-src0-published").set_value(date(2023, 1, 6))
    at.button(key="FormSubmitter:add-form-Add the event").click().run()
    assert not at.exception and not at.error
    assert [plain(t.value) for t in at.toast] == ["Added 2023-01-06-lima-plaza-san-martin-detention."]
    events = json.loads((copy / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert len(events) == 910 and (copy / "changelog.jsonl").is_file()
    # the bundled data is untouched, and refuses every change
    assert fingerprint(BUNDLED_DATA) == bundled_before
    with pytest.raises(ReadOnlyDataError, match="never edited in place.*blockade-map init-data DIR"):
        Editor(BUNDLED_DATA).add(make_event("x", place="Pomata", lon=-69.29, lat=-16.27), who="Ana")
    one = tmp_path / "one.geojson"
    one.write_text(json.dumps({"type": "FeatureCollection", "features": [
        make_event("x-pomata", place="Pomata", lon=-69.29, lat=-16.27)]}), encoding="utf-8")
    assert main(["import", str(one), "--data", str(BUNDLED_DATA)]) == 1
    assert "is the bundled dataset, the project's published data: it is never edited in place" in \
        capsys.readouterr().err
    # 4. with the editor's environment still set, the data tests read the bundled data and pass
    #    (day 2023-01-06 still has one detention in Lima, 224 detained), and the pages that expect
    #    editing off still find it off
    env = dict(os.environ, BLOCKADE_MAP_DATA=str(copy), BLOCKADE_MAP_EDITOR_HASH=encoded)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/data/test_bundled_contract.py",
         "tests/app/test_editing_pages.py::test_read_only_without_a_password_hash"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "6 passed" in done.stdout
    assert fingerprint(BUNDLED_DATA) == bundled_before


def test_the_editing_pages_say_how_to_make_a_working_copy_of_the_bundled_data(monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED_DATA))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", "pbkdf2_sha256$1000$00$00")
    for page in ("add_event.py", "news_report.py", "import_data.py", "edit_events.py"):
        at = page_test(page, default_timeout=60).run()
        assert not at.exception
        note = at.info[0].value
        assert "bundled data, which is never edited" in note and "blockade-map init-data ~/blockade-data" in note
        assert "BLOCKADE_MAP_DATA=~/blockade-data make run" in note
        assert len(at.text_input) == 0 and len(at.button) == 0  # no login, no form
