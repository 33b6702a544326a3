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


@pytest.mark.parametrize("argv,message", [
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
