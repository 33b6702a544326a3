"""The README documents every command and every page (a datasette habit: docs cannot drift)."""
from __future__ import annotations

import re

from geo.cli import _load_extra_commands, build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    _load_extra_commands()
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_documented():
    commands = _commands()
    assert len(commands) >= 11
    missing = [c for c in commands if not re.search(rf"`(blockade-map )?{re.escape(c)}[` ]", README)]
    assert missing == []


def test_every_page_is_documented():
    import ast
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    pages = next(n for n in ast.walk(tree) if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    titles = [ast.literal_eval(t)[1] for t in pages.value.elts]
    assert "Map" in titles and len(titles) == 8
    assert [t for t in titles if f"*{t}*" not in README and f"**{t}**" not in README] == []
