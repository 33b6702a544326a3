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


def test_the_acled_kind_table_is_the_codes():
    """The README's table of ACLED types and kinds is geo.intake.acled.KIND_TABLE, row for row."""
    from geo.intake.acled import KIND_TABLE
    section = README.split("## ACLED files, in and out", 1)[1].split("\n## ", 1)[0]
    rows = [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in section.splitlines()
            if line.startswith("| ") and line.count("|") == 5]
    table = rows[rows.index(("ACLED event type", "sub-event type", "kind", "unless")) + 1:]
    assert table == [tuple(row) for row in KIND_TABLE]
