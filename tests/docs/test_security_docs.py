"""Issue 25: the README's security section states what is redacted, what the login limiter does
and the input limits, with the figures the code uses (they cannot drift apart)."""
from __future__ import annotations

import inspect

from geo.core import dates, model
from geo.store import auth
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Security\n", 1)[1].split("\n## ", 1)[0]


def test_the_security_section_names_what_is_redacted():
    for word in ("`password`", "`sslpassword`", "`passfile`", "`PassWord`", "`pass%77ord`", "`%zz`", "`%00`",
                 "redact_url", "serve", "one line", "never a traceback", "***"):
        assert word in SECTION, word


def test_the_limiter_figures_are_the_codes():
    defaults = {name: p.default for name, p in inspect.signature(auth.LoginLimiter).parameters.items()}
    assert (defaults["free"], defaults["client_free"], defaults["name_free"], defaults["server_free"]) == (3, 10, 5, 20)
    assert f"| one session | {defaults['free']} |" in SECTION
    assert f"| one public address (all its sessions) | {defaults['client_free']} |" in SECTION
    assert f"| one name (from any sessions) | {defaults['name_free']} |" in SECTION
    assert f"past {defaults['server_free']} wrong passwords" in SECTION
    assert f"at least {defaults['spacing_s']:g} s apart" in SECTION
    assert f"{defaults['window_s'] / 60:g} minutes without a failure" in SECTION
    assert f"{auth.DEFAULT_ITERATIONS:,} rounds" in SECTION


def test_the_input_limits_are_the_codes():
    assert f"between {dates.EARLIEST_DAY} and {dates.LATEST_DAY}" in SECTION
    assert f"at most {dates.MAX_SPAN_DAYS:,} days" in SECTION
    assert f"at most {model.MAX_COUNT:,} per" in SECTION and f"at most {model.MAX_KM:,}" in SECTION
    assert f"at most {model.MAX_NAME:,} characters" in SECTION and f"at most {model.MAX_TEXT:,}" in SECTION
    assert "`region_aliases`" in SECTION and "`featured_day`" in SECTION and "catalogue" in SECTION
