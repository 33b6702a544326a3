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


def app_script() -> Path:
    """The dashboard's entry point: ``app.py`` of the source checkout, or of the installed
    ``blockade_map_app`` package."""
    source = PROJECT_ROOT / "app.py"
    if source.is_file() and (PROJECT_ROOT / "pages").is_dir():
        return source
    return Path(__file__).resolve().parents[2] / "blockade_map_app" / "app.py"
