"""Material icons, never emoji: emoji need an emoji font, and without one they show as empty boxes."""
from __future__ import annotations

import re

from tests.conftest import ROOT

# Emoji and pictographs, dingbats and symbols (✅ ⛔), geometric shapes (◀ ▶), the emoji variation selector.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u25A0-\u25FF\uFE0F]")
FILES = [ROOT / "README.md", ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")),
         *sorted((ROOT / "ui").glob("*.py"))]


def test_no_emoji_in_the_pages_the_glue_or_the_readme():
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in FILES
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if EMOJI.search(line)]
    assert found == []


def test_every_icon_is_a_material_icon():
    icons = [m.group(1) for path in FILES
             for m in re.finditer(r"""\bicon=["']([^"']+)["']""", path.read_text(encoding="utf-8"))]
    assert len(icons) >= 10
    assert [i for i in icons if not re.fullmatch(r":material/[a-z_]+:", i)] == []
    from ui.navigation import PAGES
    assert all(re.fullmatch(r":material/[a-z_]+:", p.icon) for p in PAGES)
