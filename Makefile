# The two commands a newcomer runs:  `make run`  and  `make test`.
# Both are idempotent: the virtual environment is rebuilt only when the lock changes,
# the gazetteer index only when its sources change.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup assets gazetteer lint lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Everything installs from the hashed lock; the project itself goes in editable, without dependencies.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(VENV)/.installed

# The maps' JavaScript and CSS (Leaflet, its plugins, Folium's defaults), from the npm lock;
# the service serves them itself so that no page asks a CDN for anything.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

assets: node_modules/.package-lock.json

gazetteer: setup
	$(BIN)/itinerant gazetteer build

run: gazetteer assets
	$(BIN)/itinerant db upgrade
	$(BIN)/itinerant seed
	$(BIN)/itinerant serve --host $(HOST) --port $(PORT)

test: gazetteer assets lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: gazetteer
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

# Regenerate the lock after editing pyproject.toml's dependencies (needs pip-tools in the venv).
lock: setup
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --no-emit-index-url --no-emit-find-links \
		--strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) data/ node_modules/ .pytest_cache test-artifacts/
