"""``blockade-map publish``: the static edition from the command line; bad input exits 1 with one line."""
from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli as run


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_publish_command_writes_the_edition_and_shows_progress(tiny_data, tmp_path, capsys):
    code, out, err = run(capsys, "publish", "--out", tmp_path / "site", "--data", tiny_data,
                         "--from", "2023-01-08", "--to", "2023-01-10")
    assert code == 0
    assert out.startswith(f"wrote {tmp_path / 'site'}/ (3 days, 2023-01-08 to 2023-01-10; opens on 2023-01-09;")
    assert "python -m http.server" in out
    assert "publish: 3/3 days |" in err and "2023-01-10" in err
    assert read_json(tmp_path / "site/days/2023-01-09.json")["totals"]["events"] == 3


def test_publish_speaks_the_datasets_first_language_unless_told(tiny_data, tmp_path, capsys):
    # tiny_data's dataset.json is the bundled one's: languages ["es", "en"]
    code, out, err = run(capsys, "publish", "--out", tmp_path / "es", "--data", tiny_data, "--to", "2023-01-09")
    assert code == 0 and "; words in es;" in out
    page = (tmp_path / "es/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in page and "Día siguiente" in page
    assert read_json(tmp_path / "es/manifest.json")["lang"] == "es"
    code, out, err = run(capsys, "publish", "--out", tmp_path / "en", "--data", tiny_data, "--to", "2023-01-09",
                         "--lang", "EN")
    assert code == 0 and "; words in en;" in out
    assert '<html lang="en"' in (tmp_path / "en/index.html").read_text(encoding="utf-8")
    assert read_json(tmp_path / "en/days/2023-01-09.json")["events"][0]["row"][6] == "Juliaca: clash, 17 dead"


@pytest.mark.parametrize("argv,message", [
    (["--out", "{dir}", "--lang", "qu"], "no catalogue for language 'qu'; languages are en, es"),
    (["--out", "{file}"], "is a file, not a folder"),
    (["--out", "{dir}", "--from", "2023-01-10", "--to", "2023-01-01"], "--to 2023-01-01 is before --from 2023-01-10"),
    (["--out", "{dir}", "--from", "2023-02-30"], "'2023-02-30' is not a date"),
    (["--out", "{dir}", "--to", "2020-01-01"], "holds no day of the data"),
    (["--from", "2023-01-01"], "the following arguments are required: --out"),
])
def test_publish_command_bad_input_exits_1_with_one_line(tiny_data, tmp_path, capsys, argv, message):
    a_file = tmp_path / "a.txt"
    a_file.write_text("not json")
    argv = [a.format(file=a_file, dir=tmp_path / "site") for a in argv]
    code, out, err = run(capsys, "publish", "--data", tiny_data, *argv)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not (tmp_path / "site").exists()
