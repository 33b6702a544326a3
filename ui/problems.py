"""The library's problems and errors in the reader's language.

``geo`` writes a problem as a message id and its values (:class:`geo.core.model.Problem`,
:class:`geo.core.model.Message`): the id is the English template, marked for the catalogue, so
the command line prints English and the pages translate the id and fill in the same values. An
error raised with a :class:`~geo.core.model.Message` is translated the same way; any other error
is shown as it is (in English, never lost). ``tests/unit/core/test_problems.py`` checks both
languages.
"""
from __future__ import annotations

from collections.abc import Mapping

from geo.core.i18n import Translator
from geo.core.model import DataError, Message, Problem
from geo.store.editor import describe_entry
from ui import i18n


def problem_text(problem: Problem, t: Translator | None = None) -> str:
    """What is wrong, in the session's language (or ``t``'s)."""
    return problem.text(t or i18n.translator())


def error_text(exc: BaseException, t: Translator | None = None) -> str:
    """An error of geo in the session's language (or ``t``'s): its problems one a line for a
    :class:`~geo.core.model.DataError`, its :class:`~geo.core.model.Message` when raised with one,
    else its English text."""
    t = t or i18n.translator()
    if isinstance(exc, DataError):
        return "\n".join(f"{p.file}: {p.feature}: " + (f"{p.field}: " if p.field else "") + p.text(t)
                         for p in exc.problems)
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0].text(t)
    return str(exc)


def entry_text(entry: Mapping) -> str:
    """What a change-log entry changed, in the session's language (:func:`geo.store.editor.describe_entry`)."""
    return describe_entry(entry, i18n.translator())
