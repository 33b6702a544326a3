"""The README documents every command and every page (a datasette habit: docs cannot drift)."""
from __future__ import annotations

import re

from geo.cli.main import COMMANDS
from tests.conftest import ROOT
from ui.navigation import PAGES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return sorted(c.name for c in COMMANDS)


def test_every_command_is_documented():
    commands = _commands()
    assert len(commands) >= 11
    missing = [c for c in commands if not re.search(rf"`(blockade-map )?{re.escape(c)}[` ]", README)]
    assert missing == []


def test_every_page_is_documented():
    titles = [page.title for page in PAGES]
    assert "Map" in titles and len(titles) == 8
    assert [t for t in titles if f"*{t}*" not in README and f"**{t}**" not in README] == []
