"""Where the bundled dataset lives: ``data/`` beside the package in a source checkout, or the
copy a wheel installs as ``geo/bundled`` (see ``pyproject.toml``)."""
from __future__ import annotations

from pathlib import Path

_SOURCE_DATA = Path(__file__).resolve().parents[2] / "data"
_INSTALLED_DATA = Path(__file__).resolve().parents[1] / "bundled"


def bundled_data_dir() -> Path:
    """The folder of the bundled dataset (the source checkout's ``data/`` when there is one)."""
    if (_SOURCE_DATA / "events.geojson").is_file():
        return _SOURCE_DATA
    return _INSTALLED_DATA


BUNDLED_DATA = bundled_data_dir()


def is_bundled(folder: str | Path) -> bool:
    """Whether ``folder`` is the bundled dataset: the project's published data, which is read,
    copied (``blockade-map init-data``), but never edited in place."""
    try:
        target = Path(folder).resolve()
    except (OSError, RuntimeError):
        return False
    return target in {_SOURCE_DATA.resolve(), _INSTALLED_DATA.resolve()}

#: The project's folder in a source checkout (its parent holds ``shared/`` in development).
PROJECT_ROOT = _SOURCE_DATA.parent
