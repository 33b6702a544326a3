"""Escaping text that comes from the data, from a URL or from people: one helper per target.

* :func:`escape_html` for HTML (popups, tooltips, snapshot bands): also safe inside the JavaScript
  template literals and the Jinja templates folium writes text into.
* :func:`json_for_script` for data placed inside a ``<script>`` element.
* :func:`escape_markdown` for Streamlit's markdown (warnings, captions, labels, metrics): shown as
  written, never as links, images, emphasis or HTML.
* :func:`neutralise_formula` for CSV cells: never run as a formula by a spreadsheet (OWASP's
  advice on CSV injection); :func:`unneutralise_formula` undoes it on import.
"""
from __future__ import annotations

import html as _html
import json
import os
import re

#: Shown as nothing; placed inside ``://``, ``www.`` and after ``@`` so no autolink matches.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r":/|www\.|@(?=\w)", re.IGNORECASE)
#: What :func:`escape_html` replaces: HTML's five and what template literals and Jinja read.
_HTML_SPECIAL = re.compile(r"[&<>\"'`${}]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=@&\"'/])")


def escape_html(text: object) -> str:
    """Escape text for HTML, for JS template literals and for Jinja (braces become entities).

    >>> escape_html('<b>{{x}}</b>')
    '&lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt;'
    """
    plain = "" if text is None else str(text)
    if not _HTML_SPECIAL.search(plain):  # most names and words: nothing to escape
        return plain
    escaped = _html.escape(plain, quote=True)
    for char, entity in (("`", "&#96;"), ("$", "&#36;"), ("{", "&#123;"), ("}", "&#125;")):
        escaped = escaped.replace(char, entity)
    return escaped


def json_for_script(data: object) -> str:
    """Compact JSON that cannot close a ``<script>`` element or open an HTML comment.

    >>> json_for_script({"a": "</script>"})
    '{"a":"\\\\u003c/script\\\\u003e"}'
    """
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


#: Control characters but tab and newline: shown as a space.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def escape_markdown(text: object) -> str:
    """Escape ``text`` so Streamlit's markdown shows it as written.

    Bare URLs, ``www.`` names and e-mail addresses lose their power to become links too: an
    invisible :data:`WORD_JOINER` breaks ``://``, ``www.`` and ``@`` (a browser test checks it).

    >>> escape_markdown("[x](https://evil.example)").replace(WORD_JOINER, "|")
    '\\\\[x\\\\]\\\\(https\\\\:|\\\\/\\\\/evil\\\\.example\\\\)'
    """
    text = "" if text is None else str(text)
    text = _CONTROL.sub(" ", text)
    # Escapes alone do not stop the browser's markdown from turning bare URLs, www. names and
    # e-mail addresses into links: an invisible word joiner breaks each pattern.
    text = _AUTOLINK.sub(lambda m: {":/": ":" + WORD_JOINER + "/", "@": "@" + WORD_JOINER}.get(
        m.group(0), m.group(0)[:3] + WORD_JOINER + "."), text)
    return _MD_SPECIAL.sub(r"\\\1", text)


#: A text cell starting with one of these is run as a formula by spreadsheets (OWASP, "CSV injection").
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula: text starting with ``=``, ``+``, ``-``,
    ``@``, tab or carriage return gets a ``'`` in front; numbers (negative ones too) stay numbers.

    >>> neutralise_formula("=SUM(A1)"), neutralise_formula(-70.1), neutralise_formula("Juliaca")
    ("'=SUM(A1)", -70.1, 'Juliaca')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise_formula(cell: str) -> str:
    """A CSV cell as the data holds it: the ``'`` that :func:`neutralise_formula` put before a
    formula-like cell is taken off; any other cell is left as it is.

    >>> unneutralise_formula("'=SUM(1)"), unneutralise_formula("'quoted"), unneutralise_formula("-3")
    ('=SUM(1)', "'quoted", '-3')
    """
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _escape_output(value: object) -> object:
    """A template's output: markup marked safe (``markupsafe.Markup``) as it is, anything else
    through :func:`escape_html`."""
    from markupsafe import Markup
    return value if isinstance(value, Markup) else Markup(escape_html(value))


def template_environment(folder: str | os.PathLike):
    """A Jinja2 environment for the templates in ``folder`` whose every ``{{ value }}`` goes through
    :func:`escape_html` (the one escaping helper), except values wrapped in ``markupsafe.Markup``."""
    from jinja2 import Environment, FileSystemLoader
    return Environment(loader=FileSystemLoader(str(folder)), autoescape=False, finalize=_escape_output,
                       trim_blocks=True, lstrip_blocks=True)
