"""Which description and place label of an event a reader gets: the one in their language, else another.

Events carry ``description`` and, where it is in another language, ``description_es`` /
``description_en`` (CONTRACT.md). A reader gets ``description_<their language>``; else
``description`` when a suffixed one says it is in another language; else, when nothing says
what language ``description`` is in, ``description``, marked when its words clearly say it is
in another language;
else the description in another language, with a note naming that language.
"""
from __future__ import annotations

from geo.core.i18n import ENGLISH, Translator
from geo.core.words import PLACE_PREFIX, place_for
from geo.intake.extract.text import guess_language

PREFIX = "description_"
__all__ = ["PLACE_PREFIX", "PREFIX", "description_for", "description_text", "fallback_note", "place_for"]


def description_for(record: dict, t: Translator = ENGLISH) -> tuple[str, str | None]:
    """``(text, language)``: the description to show and, when it is not in the reader's
    language, the code of the language it is in (None when it is, or when there is none).
    """
    code = t.lang
    own = record.get(PREFIX + code)
    if own:
        return str(own), None
    others = sorted(k[len(PREFIX):] for k, v in record.items() if k.startswith(PREFIX) and v)
    plain = record.get("description") or ""
    if plain:
        if others:  # description is in a language other than those: the reader's, as far as we know
            return str(plain), None
        guessed = guess_language(str(plain))
        return str(plain), (None if guessed in (None, code) else guessed)
    if others:
        other = "en" if "en" in others else others[0]
        return str(record[PREFIX + other]), other
    return "", None


def fallback_note(language: str | None, t: Translator = ENGLISH) -> str:
    """``(in English)`` / ``(en inglés)`` for a description in ``language``; '' for None."""
    if not language:
        return ""
    return t.gettext("(in {language})").format(language=t.language_in(language))


def description_text(record: dict, t: Translator = ENGLISH) -> str:
    """The description in plain text, with the fallback note after it when there is one."""
    text, language = description_for(record, t)
    note = fallback_note(language, t)
    return f"{text} {note}" if note and text else text
