"""Words for people in their language: gettext catalogues, plural forms, dates and numbers.

The catalogues are ``geo/locale/<lang>/LC_MESSAGES/messages.po`` (managed with Babel:
``make i18n-extract``, ``i18n-update``, ``i18n-compile``); ``make install`` compiles them to
``.mo`` files, which the wheel ships. A checkout whose ``.mo`` files are missing or older than
their ``.po`` reads the ``.po`` directly, so the words never silently fall back to English.

Code writes its messages in English and asks a :class:`Translator` for the reader's words::

    t = translator("es")
    t.gettext("Road corridor")                                    # 'Corredor vial'
    t.plural("{n} event mapped", "{n} events mapped", 1234)       # '1.234 eventos en el mapa'
    t.day("2023-01-09")                                           # 'lunes, 9 de enero de 2023'

English is the source language and the default everywhere (``translator()``), so a caller that
passes no language gets the words it always got. Only words for people are translated: JSON
field names and values (kinds, metrics, statuses), file formats and ids never are.

Module-level labels are marked with :func:`N_` (or :func:`N_plural`) for the extractor and
translated where they are shown.
"""
from __future__ import annotations

import datetime as _dt
import functools
import gettext as _gettext
import io
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

#: The language the messages are written in.
SOURCE_LANGUAGE = "en"
#: gettext domain of the catalogues.
DOMAIN = "messages"
#: Where the catalogues live (in the checkout and in the installed package).
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
#: Environment variable naming one more folder of catalogues (``<dir>/<lang>/LC_MESSAGES/messages.mo``),
#: e.g. the pseudo-locale the catalogue test builds.
LOCALE_DIR_ENV = "BLOCKADE_MAP_LOCALE_DIR"
#: Babel locale used for dates and numbers of a language, where it is not the language code itself.
#: Spanish is formatted the way the brief asks ("1.234", "lunes, 9 de enero de 2023").
BABEL_LOCALES: dict[str, str] = {"en": "en", "es": "es"}
#: ISO dates in English headings: they are also the URL's and the command line's format.
_ISO = "iso"
#: Date styles per language: a Babel pattern or style name, or ``iso``. Others use ``_DEFAULT_STYLES``.
DATE_STYLES: dict[str, dict[str, str]] = {
    "en": {"heading": _ISO, "long": "EEEE d MMMM y", "span": _ISO, "short": "EEE d MMM y", "table": _ISO},
}
_DEFAULT_STYLES = {"heading": "full", "long": "full", "span": "long", "short": "EEE d MMM y", "table": "d MMM y"}


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (it is translated where shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for the catalogue; translate it with :meth:`Translator.plural`."""
    return singular, plural


def _catalogue_dirs() -> list[Path]:
    extra = os.environ.get(LOCALE_DIR_ENV)
    return [LOCALE_DIR] + ([Path(extra)] if extra else [])


def available_languages() -> tuple[str, ...]:
    """Language codes with a catalogue (the source language always), source language first."""
    found = {SOURCE_LANGUAGE}
    for folder in _catalogue_dirs():
        if folder.is_dir():
            for sub in folder.iterdir():
                if (sub / "LC_MESSAGES" / f"{DOMAIN}.po").exists() or (sub / "LC_MESSAGES" / f"{DOMAIN}.mo").exists():
                    found.add(sub.name)
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


def normalise(code: object) -> str | None:
    """``es`` from ``es``, ``es-PE``, ``es_PE`` or ``ES``; None for anything that is not a language tag.

    >>> normalise("es-PE"), normalise("EN"), normalise(""), normalise(None)
    ('es', 'en', None, None)
    """
    if not isinstance(code, str):
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    return head if 2 <= len(head) <= 3 and head.isalpha() and head.isascii() else None


def _load(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (its .po when the .mo is missing or older)."""
    for folder in reversed(_catalogue_dirs()):
        mo = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        po = mo.with_suffix(".po")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            return _gettext.GNUTranslations(io.BytesIO(compile_po(po.read_bytes())))
        if mo.exists():
            with mo.open("rb") as fp:
                return _gettext.GNUTranslations(fp)
    return _gettext.NullTranslations()


def compile_po(po_bytes: bytes) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file's bytes (fuzzy entries left out, as ``pybabel compile``)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    catalog = read_po(io.BytesIO(po_bytes))
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


class Translator:
    """The words, dates and numbers of one language.

    Parameters
    ----------
    lang : str
        A language code with a catalogue (see :func:`available_languages`); the source language
        (English) needs none.
    """

    def __init__(self, lang: str = SOURCE_LANGUAGE):
        code = normalise(lang)
        if code is None:
            raise ValueError(f"{lang!r} is not a language code such as 'es' or 'en'")
        self.lang = code
        self._t = _gettext.NullTranslations() if code == SOURCE_LANGUAGE else _load(code)
        self.babel_locale = BABEL_LOCALES.get(code) or _babel_locale(code)
        self._styles = DATE_STYLES.get(code, _DEFAULT_STYLES)

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"

    # ------------------------------------------------------------ words

    def gettext(self, message: str) -> str:
        """``message`` in this language (itself when the catalogue has no translation)."""
        return self._t.gettext(message)

    __call__ = gettext

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in this language where the same English word needs different ones (``context``)."""
        return self._t.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` that goes with ``n`` in this language."""
        return self._t.ngettext(singular, plural, int(n))

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The plural form for ``n``, with ``{n}`` formatted as a number and ``values`` filled in.

        >>> translator("en").plural("{n} event", "{n} events", 1234)
        '1,234 events'
        """
        return self.ngettext(singular, plural, n).format(n=self.number(n), **values)

    def pair(self, forms: tuple[str, str], n: int, **values: object) -> str:
        """:meth:`plural` of a pair marked with :func:`N_plural`."""
        return self.plural(forms[0], forms[1], n, **values)

    # ------------------------------------------------------------ numbers and dates

    def number(self, value: float, digits: int | None = None) -> str:
        """A number with this language's separators (``1,234`` / ``1.234``); ``digits`` decimals if given.

        >>> translator("en").number(1234), translator("en").number(12.345, 1)
        ('1,234', '12.3')
        """
        pattern = None if digits is None else "#,##0" + ("." + "0" * digits if digits else "")
        try:
            return _formatted_number(value, pattern, self.babel_locale)
        except TypeError:  # not hashable (a Decimal's context, an array scalar): formatted as it is
            from babel.numbers import format_decimal
            return format_decimal(value, format=pattern, locale=self.babel_locale)

    def date(self, day: str | _dt.date, style: str = "long") -> str:
        """A day (``YYYY-MM-DD`` or a date) in one of this language's styles.

        ``heading`` (titles; ISO in English), ``long`` (``Monday 9 January 2023``; ``lunes, 9 de
        enero de 2023``), ``span`` (an end of a range), ``short`` (``Mon 9 Jan 2023``), ``table`` (a
        table's cells: ISO in English, ``9 ene 2023`` in Spanish).
        """
        value = day if isinstance(day, _dt.date) else _dt.date.fromisoformat(str(day))
        fmt = self._styles.get(style, style)
        if fmt == _ISO:
            return value.isoformat()
        return _formatted_date(value, fmt, self.babel_locale)

    def day(self, day: str | _dt.date) -> str:
        """A day as a heading shows it (``2023-01-09``; ``lunes, 9 de enero de 2023``)."""
        return self.date(day, "heading")

    def span(self, first: str, last: str) -> str:
        """A range of days, ``2023-01-07 to 2023-01-10``, or one day when both ends are the same."""
        if first == last:
            return self.date(first, "span")
        return self.gettext("{first} to {last}").format(first=self.date(first, "span"),
                                                        last=self.date(last, "span"))

    def language_name(self, code: str) -> str:
        """The name of language ``code`` in that language itself (``español``, ``English``)."""
        from babel import Locale, UnknownLocaleError
        try:
            name = Locale.parse(BABEL_LOCALES.get(code, code)).get_display_name(BABEL_LOCALES.get(code, code))
        except (ValueError, UnknownLocaleError):
            return code
        return (name or code)[:1].upper() + (name or code)[1:]

    def language_in(self, code: str) -> str:
        """The name of language ``code`` in this language (``Spanish``; ``inglés``)."""
        return _language_name(self.babel_locale, code)


@functools.lru_cache(maxsize=8192)
def _formatted_date(value: _dt.date, fmt: str, babel_locale: str) -> str:
    """Babel's ``format_date``, kept: a page writes the same few days hundreds of times (a table's
    cells, popups) and Babel takes some 50 µs for each."""
    from babel.dates import format_date
    return format_date(value, fmt, locale=babel_locale)


@functools.lru_cache(maxsize=8192, typed=True)
def _formatted_number(value: float, pattern: str | None, babel_locale: str) -> str:
    """Babel's ``format_decimal``, kept (counts and kilometres repeat across a page's popups)."""
    locale, number_pattern = _number_pattern(pattern, babel_locale)
    return number_pattern.apply(value, locale)


@functools.lru_cache(maxsize=64)
def _number_pattern(pattern: str | None, babel_locale: str) -> tuple:
    """The Babel locale and parsed number pattern ``format_decimal`` would look up for every number."""
    from babel import Locale
    from babel.numbers import parse_pattern
    locale = Locale.parse(babel_locale)
    return locale, parse_pattern(pattern if pattern is not None else locale.decimal_formats[None])


@functools.lru_cache(maxsize=256)
def _language_name(babel_locale: str, code: str) -> str:
    """The name of language ``code`` in the language of ``babel_locale`` (Babel's tables, read once)."""
    from babel import Locale, UnknownLocaleError
    try:
        return Locale.parse(babel_locale).languages.get(code, code)
    except (ValueError, UnknownLocaleError):
        return code


def _babel_locale(code: str) -> str:
    from babel import Locale, UnknownLocaleError
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return SOURCE_LANGUAGE  # e.g. a pseudo-locale: English dates and numbers
    return code


_cache: dict[tuple[str, str | None], Translator] = {}
_lock = threading.Lock()


def translator(lang: str | Translator | None = None) -> Translator:
    """The (cached) :class:`Translator` of ``lang``; English when ``lang`` is None.

    A Translator passed in is returned as it is. The edges (the command line, the pages, the export
    panel) call this once and pass the Translator down: no function below them takes a language code.
    """
    if isinstance(lang, Translator):
        return lang
    code = normalise(lang) if lang is not None else SOURCE_LANGUAGE
    if code is None:
        raise ValueError(f"{lang!r} is not a language code such as 'es' or 'en'")
    key = (code, os.environ.get(LOCALE_DIR_ENV))
    with _lock:
        if key not in _cache:
            _cache[key] = Translator(code)
        return _cache[key]


#: No values: the default parameters of a :class:`Message` and a :class:`~geo.core.model.Problem`.
NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


def fill(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with its ``{name}`` placeholders filled from ``params`` (as it is without params)."""
    return template.format(**params) if params else template


class Message(NamedTuple):
    """Words for people: an English template, which is also the gettext msgid (mark it with
    :func:`N_`), and the values of its ``{placeholders}``.

    ``str()`` gives the English sentence (the command line prints it); :meth:`text` gives it in a
    :class:`Translator`'s language. An exception raised with a Message as its only
    argument prints in English and is translated by the UI (``raise ValueError(Message(...))``).

    >>> m = Message("{value} is not a date (YYYY-MM-DD)", {"value": "'9/1'"})
    >>> str(m)
    "'9/1' is not a date (YYYY-MM-DD)"
    """

    msgid: str
    params: Mapping[str, Any] = NO_PARAMS

    def __str__(self) -> str:
        return fill(self.msgid, self.params)

    def text(self, t: Translator) -> str:
        """The message in ``t``'s language (in English when the catalogue lacks it or its
        translation names a placeholder the message does not have); a value that is itself a
        Message is translated too."""
        params = {k: v.text(t) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return fill(t.gettext(self.msgid), params)
        except (KeyError, IndexError, ValueError):
            return str(self)


def message(msgid: str, **params: Any) -> Message:
    """A :class:`Message`: ``message(N_("event {id} is already retracted"), id="x")``."""
    return Message(msgid, params)


#: The source language's Translator: the default of every function that takes a ``t``. A caller
#: makes the reader's Translator once, at the edge (the command line's ``--lang``, the page's
#: session), with :func:`translator`, and passes it down.
ENGLISH: Translator = Translator(SOURCE_LANGUAGE)


def pick_language(wanted: Iterable[object], offered: Iterable[str],
                  available: Iterable[str] | None = None) -> str | None:
    """The first of ``wanted`` (language tags, best first) that is ``offered`` and has a catalogue.

    >>> pick_language(["fr-FR", "es-PE"], ["es", "en"], ["en", "es"])
    'es'
    """
    have = set(available_languages() if available is None else available)
    offer = {normalise(o) for o in offered}
    for tag in wanted:
        code = normalise(tag)
        if code and code in offer and code in have:
            return code
    return None


def accept_language(header: str | None) -> list[str]:
    """The language tags of an HTTP ``Accept-Language`` header, most wanted first.

    >>> accept_language("es-PE,es;q=0.9,en;q=0.8")
    ['es-PE', 'es', 'en']
    """
    if not header:
        return []
    tags = []
    for i, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag and tag != "*" and q > 0:
            tags.append((-q, i, tag))
    return [tag for _, _, tag in sorted(tags)]
