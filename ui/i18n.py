"""The reader's language in the dashboard: chosen once per session, kept in the URL, passed to geo/.

Choosing (:func:`setup`, run by ``app.py`` before every page):

1. ``?lang=es`` (or ``en``) in the URL, when there is a catalogue for it;
2. else the language already chosen in this session (the sidebar's switch);
3. else the browser's preferred language (``st.context.locale``, then the ``Accept-Language``
   header), when the dataset offers it (``dataset.json`` ``languages``);
4. else the dataset's first language that has a catalogue, else English.

A language given in the URL or with the switch is written into the URL (here and by
``ui.state.write_view_to_url``), so a
shared link opens in it; a language that came from the browser is not, so a link opens in
its reader's language.

Pages wrap their words in :func:`_` (and :func:`plural`); functions of ``geo`` that make text
get the session's :func:`translator`.
"""
from __future__ import annotations

import datetime as _dt

import streamlit as st

from geo.core import i18n as core_i18n
from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown, json_for_script
from geo.core.i18n import SOURCE_LANGUAGE, Translator, accept_language, available_languages, normalise, pick_language
from geo.core.view import LANG_PARAM

#: The session's language, whether it was chosen (URL or switch: then the URL keeps it), the URL's name for it.
LANG, LANG_EXPLICIT = "_lang", "_lang_explicit"
SWITCH_KEY = "lang_switch"
#: moment.js format of the day slider: English keeps its weekday names; other languages show numbers
#: (Streamlit's slider has no localised names).
SLIDER_FORMATS = {"en": "ddd D MMM YYYY"}
SLIDER_DEFAULT = "DD/MM/YYYY"
#: The date fields' format where the language writes days in ISO (English in this app, as its headings).
DATE_INPUT_ISO = "YYYY-MM-DD"
#: The orders of day, month and year that Streamlit's date field can show (its ``format``), and its separators.
_DATE_INPUT_ORDERS = {"dMy": "DD{s}MM{s}YYYY", "Mdy": "MM{s}DD{s}YYYY", "yMd": "YYYY{s}MM{s}DD"}
_DATE_INPUT_SEPARATORS = "/.-"


def offered(ds: Dataset) -> list[str]:
    """The languages the switch offers: the dataset's (with a catalogue) first, then the others."""
    have = available_languages()
    own = [code for code in ds.info.languages if code in have]
    return own + [code for code in have if code not in own]


def _browser_tags() -> list[str]:
    tags = []
    locale = getattr(st.context, "locale", None)
    if locale:
        tags.append(locale)
    try:
        header = st.context.headers.get("Accept-Language")
    except (AttributeError, RuntimeError):
        header = None
    return tags + accept_language(header)


def default_language(ds: Dataset) -> str:
    """The browser's preferred language if the dataset offers it, else the dataset's first, else English."""
    have = available_languages()
    chosen = pick_language(_browser_tags(), ds.info.languages, have)
    if chosen:
        return chosen
    return next((code for code in ds.info.languages if code in have), SOURCE_LANGUAGE)


def choose(ds: Dataset) -> str | None:
    """Set this run's language in the session (see the module's docstring); a warning for a bad ``?lang``."""
    warning = None
    param = st.query_params.get(LANG_PARAM)
    if param is not None:
        code = normalise(param)
        if code in available_languages():
            if st.session_state.get(LANG) != code:
                st.session_state.pop(SWITCH_KEY, None)
            st.session_state[LANG] = code
            st.session_state[LANG_EXPLICIT] = True
            return None
        st.session_state[LANG_EXPLICIT] = False
        st.session_state.pop(LANG, None)
        del st.query_params[LANG_PARAM]
        warning = param
    if LANG not in st.session_state:
        st.session_state[LANG] = default_language(ds)
    if warning is not None:
        return _("The link's language {lang} is not available; languages are {languages}.").format(
            lang=repr(warning), languages=", ".join(available_languages()))
    return None


def _switched() -> None:
    code = st.session_state.get(SWITCH_KEY)
    if code:
        st.session_state[LANG] = code
        st.session_state[LANG_EXPLICIT] = True
        st.query_params[LANG_PARAM] = code


def language_switch(ds: Dataset) -> None:
    """The sidebar's language switch (each language named in itself)."""
    options = offered(ds)
    if len(options) < 2:
        return
    st.session_state[SWITCH_KEY] = lang()
    st.sidebar.segmented_control(":material/translate: " + _("Language"), options, key=SWITCH_KEY,
                                 on_change=_switched, format_func=translator().language_name)


def setup(ds: Dataset) -> None:
    """Choose the run's language, draw the switch, keep a chosen language in the URL (``app.py``)."""
    warning = choose(ds)
    if warning:
        st.warning(escape_markdown(warning))
    language_switch(ds)
    declare_language()
    code = url_language()
    if code and st.query_params.get(LANG_PARAM) != code:
        st.query_params[LANG_PARAM] = code


#: Text colours Streamlit's theme draws below WCAG's 4.5:1 on white, made darker (captions: 3.88:1 ->
#: 7.5:1; the language switch's chosen option: 4.23:1 -> 6.5:1).
CONTRAST_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #50535c !important; }
button[data-variant="segmented_control"][aria-checked="true"] p { color: #a11d2c !important; }
</style>"""


#: Metric labels wrap instead of ending in "…": Streamlit cuts them at one line, and a label that fits
#: a third of a wide English page ("Dead (mapped) up to this day") is cut on a laptop or in Spanish.
METRIC_LABEL_CSS = """<style>
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"], [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
</style>"""


def declare_language() -> None:
    """Set the page's ``<html lang>`` to the session's language (Streamlit's page says ``en``), so
    screen readers, browser translation and hyphenation read Spanish as Spanish; darken the
    theme's text colours that read below 4.5:1 (:data:`CONTRAST_CSS`); let metric labels wrap
    (:data:`METRIC_LABEL_CSS`), as their length depends on the language."""
    script = f"<script>document.documentElement.lang = {json_for_script(lang())};</script>"
    st.sidebar.html(CONTRAST_CSS + METRIC_LABEL_CSS + script, unsafe_allow_javascript=True)


def url_language() -> str | None:
    """The language the URL keeps: one chosen in the URL or with the switch, else None."""
    return st.session_state.get(LANG) if st.session_state.get(LANG_EXPLICIT) else None


def lang() -> str:
    """The session's language code (before :func:`setup` has run: the URL's, else English)."""
    code = st.session_state.get(LANG)
    if code:
        return code
    param = normalise(st.query_params.get(LANG_PARAM))
    return param if param in available_languages() else SOURCE_LANGUAGE


def translator() -> Translator:
    """The session's :class:`~geo.core.i18n.Translator` (what pages pass to geo/)."""
    return core_i18n.translator(lang())


def _(message: str) -> str:
    """``message`` in the session's language."""
    return translator().gettext(message)


def plural(singular: str, plural_form: str, n: int, **values: object) -> str:
    """The form for ``n`` in the session's language, ``{n}`` formatted as a number."""
    return translator().plural(singular, plural_form, n, **values)


def day(value) -> str:
    """A day as headings show it in the session's language (ISO in English)."""
    return translator().day(value)


def span_day(value) -> str:
    """A day as the end of a range shows it (ISO in English; ``9 de enero de 2023`` in Spanish)."""
    return translator().date(value, "span")


def table_day(value, t: Translator | None = None) -> str:
    """A day as a displayed table's cell shows it (ISO in English; ``9 ene 2023`` in Spanish); empty for
    no day. Downloads and the data keep ISO: only what is drawn on the page goes through here. A
    table of many rows passes the session's translator ``t`` once rather than look it up per cell."""
    return (t or translator()).date(value, "table") if value else ""


def table_days(first, last=None, t: Translator | None = None) -> str:
    """A range of days in a table's cell, ``9 ene 2023 – 12 ene 2023``, or one day when it has one."""
    t = t or translator()
    if not last or str(last) == str(first):
        return table_day(first, t)
    return f"{table_day(first, t)} – {table_day(last, t)}"


def number(value, digits: int | None = None) -> str:
    """A number with the session language's separators."""
    return translator().number(value, digits)


def slider_format() -> str:
    """The day slider's format in the session's language."""
    return SLIDER_FORMATS.get(lang(), SLIDER_DEFAULT)


def date_input_format(t: Translator | None = None) -> str:
    """The ``format`` of Streamlit's date fields in the session's language (or ``t``'s).

    ``YYYY-MM-DD`` where the language shows days in ISO (English); else the order and separator of
    Babel's short date pattern for the language (Spanish ``d/M/yy``: ``DD/MM/YYYY``; German ``DD.MM.YYYY``).
    """
    t = t or translator()
    if t.date(_dt.date(2001, 2, 3), "span") == "2001-02-03":
        return DATE_INPUT_ISO
    from babel.dates import get_date_format
    pattern = get_date_format("short", locale=t.babel_locale).pattern
    order = "".join(sorted("dMy", key=lambda c: pattern.find(c) if c in pattern else len(pattern)))
    separator = next((c for c in pattern if c in _DATE_INPUT_SEPARATORS), "/")
    return _DATE_INPUT_ORDERS.get(order, _DATE_INPUT_ORDERS["dMy"]).format(s=separator)


def date_input(container, label: str, **kwargs):
    """``container.date_input`` (``st``, a column, a form) showing days in the reader's format
    (:func:`date_input_format`); every date field of the dashboard is made here."""
    return container.date_input(label, format=date_input_format(), **kwargs)
