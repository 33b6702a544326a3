"""Text helpers for Streamlit markdown: data from reports is shown literally, never as markup."""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Escape ``text`` so st.markdown shows it as written (no links, emphasis, HTML or LaTeX).

    Examples
    --------
    >>> md_escape("Puno *km* [1]")
    'Puno \\\\*km\\\\* \\\\[1\\\\]'
    """
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
