"""Fixtures of the browser tests: the bundled data's Spanish edition, served once for the session
like any web server, and pages opened on it as a Peruvian newsroom's readers see it."""
from __future__ import annotations

import pytest

from bench.edition import serve_static
from geo.core.i18n import translator
from geo.export import publish as edition
from geo.store import load_dataset
from tests.conftest import BUNDLED

#: The day the edition tests open on.
JAN9 = "2023-01-09"


@pytest.fixture(scope="session")
def spanish_edition(tmp_path_factory):
    """The bundled data's edition in Spanish, served by ``python -m http.server``: its base URL."""
    out = tmp_path_factory.mktemp("edition") / "site"
    edition.publish(load_dataset(BUNDLED), out, t=translator("es"))
    proc, url = serve_static(out)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def open_edition(browser, spanish_edition):
    """A function ``(width, height, day=JAN9) -> page``: the Spanish edition in es-PE at that viewport,
    once its map has drawn that day. The pages' browser contexts close when the test ends."""
    contexts = []

    def open_(width: int, height: int, day: str = JAN9):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="es-PE")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{spanish_edition}/index.html#{day}")
        page.wait_for_function("d => window.bmEdition && bmEdition.ready && bmEdition.day === d", arg=day,
                               timeout=20000)
        return page

    yield open_
    for context in contexts:
        context.close()
