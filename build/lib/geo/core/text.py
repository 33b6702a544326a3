"""Text folding for matching names: one definition of "ignore case and accents".

>>> fold("  Santa  LUCÍA ")
'santa lucia'
>>> name_key("Azángaro, Puno")
'azangaro puno'
>>> slug("Puente Añashuayco")
'puente-anashuayco'
"""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Case-folded, without accents (ñ -> n), single spaces, trimmed."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def name_key(text: str) -> str:
    """:func:`fold`, with punctuation turned into spaces: the key place names are matched by."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def slug(text: str, limit: int = 40, empty: str = "item") -> str:
    """A lower-case ASCII slug (``a-z0-9`` and hyphens) of at most ``limit`` characters."""
    out = _NON_WORD.sub("-", fold(str(text))).strip("-")[:limit].strip("-")
    return out or empty
