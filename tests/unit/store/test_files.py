"""Atomic writes: all or nothing, modes kept, nothing but regular files replaced."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from geo.store import files as store_files
from geo.store.files import atomic_write, atomic_write_many, parse_json_text, read_json_file


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_atomic_write_keeps_the_file_mode(tmp_path):
    path = tmp_path / "events.geojson"
    atomic_write(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044  # readable by others, not 0600
    os.chmod(path, 0o640)
    atomic_write(path, b"again")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "again"


def test_many_files_are_written_all_or_none(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "folder"
    a.write_text("old")
    b.mkdir()
    with pytest.raises(ValueError, match="is a folder"):
        atomic_write_many([(a, "new"), (b, "x")])
    assert a.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "folder"]
    atomic_write_many([(a, "new"), (tmp_path / "a.csv.txt", "citation")])
    assert a.read_text() == "new" and (tmp_path / "a.csv.txt").read_text() == "citation"


def test_devices_and_missing_folders_are_never_written(tmp_path):
    with pytest.raises(ValueError, match="not a regular file"):
        atomic_write("/dev/null", "x")
    with pytest.raises(ValueError, match="does not exist"):
        atomic_write(tmp_path / "nowhere" / "f.txt", "x")


def test_json_problems_are_located(tmp_path):
    assert parse_json_text("[" * 100_000 + "]" * 100_000, "x.json")[1][0].message == "is nested too deeply to be data"
    assert "invalid JSON at line 1" in parse_json_text("{", "x.json")[1][0].message
    (tmp_path / "d.geojson").mkdir()
    assert read_json_file(tmp_path / "d.geojson")[1][0].message == "is a folder, not a file"
    (tmp_path / "l.json").write_bytes(b"\xff\xfe")
    assert "not UTF-8" in read_json_file(tmp_path / "l.json")[1][0].message


# ------------------------------------------------------------------ whole folders

def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("exchange", [True, False], ids=["swapped in one step", "renamed aside first"])
def test_replace_folder_puts_the_new_folder_in_place_and_removes_the_old(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(store_files, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staged = store_files.staging_folder(target)
    assert staged.parent == tmp_path and staged.name.startswith(".site.") and list(staged.iterdir()) == []
    (staged / "days").mkdir()
    (staged / "days" / "new.json").write_text("{}")
    store_files.replace_folder(staged, target)
    assert _tree(target) == {"days/new.json": "{}"}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_replace_folder_creates_a_missing_target(tmp_path):
    target = tmp_path / "site"
    staged = store_files.staging_folder(target)
    (staged / "a").write_text("1")
    store_files.replace_folder(staged, target)
    assert _tree(target) == {"a": "1"} and [p.name for p in tmp_path.iterdir()] == ["site"]


def test_replace_folder_puts_the_old_folder_back_when_the_new_cannot_be_moved(tmp_path, monkeypatch):
    monkeypatch.setattr(store_files, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staged = store_files.staging_folder(target)
    real = os.rename

    def rename(src, dst):
        if Path(src) == staged:
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(store_files.os, "rename", rename)
    with pytest.raises(OSError, match="Input/output error"):
        store_files.replace_folder(staged, target)
    assert _tree(target) == {"old.txt": "old"}


def test_replace_folder_needs_the_staged_folder_beside_the_target(tmp_path):
    (tmp_path / "a").mkdir()
    with pytest.raises(ValueError, match="must be beside"):
        store_files.replace_folder(tmp_path / "a", tmp_path / "elsewhere" / "site")
