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

# Everything installs from the hashed lock (the service's packages and the test tools);
# the project itself goes in editable, without dependencies.
$(VENV)/.installed: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
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

# Regenerate both locks after editing pyproject.toml's dependencies: requirements.lock for the
# service alone (the Docker image), requirements-dev.lock with the test tools too.
LOCK_OPTIONS := --quiet --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe
lock: setup
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_OPTIONS) -o requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_OPTIONS) --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) data/ node_modules/ .pytest_cache test-artifacts/
