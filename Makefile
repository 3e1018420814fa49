# Two commands matter (see README): `make demo` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
SLUG := gpf_wmts_publisher

.PHONY: bootstrap test test-matrix test-fast lint forms sandbox sandbox-reset classroom demo bench soak package i18n i18n-update i18n-compile screenshots clean

bootstrap:
	@bash scripts/bootstrap

## Whole suite, headless, after installing whatever is missing.
test: bootstrap
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m ruff check .
	$(PY) -m pytest

## The suite and the demo on QGIS 3.40 (Debian 13) and 3.44 (Debian forky), each in a cached
## root file system (needs root and mmdebstrap; see README "Tested QGIS versions").
test-matrix:
	@bash scripts/matrix

## Tests only (no install step, no lint): for quick iterations.
test-fast:
	$(PY) -m pytest -x -q

lint: bootstrap
	$(PY) -m ruff check .
	$(PY) scripts/qt6_check.py
	$(PY) scripts/qt6_import_check.py
	$(PY) scripts/windows_check.py
	$(PY) scripts/compile_forms.py --check

## The Designer forms compiled ahead (ui/forms/), after a .ui file was edited.
forms:
	$(PY) scripts/compile_forms.py

## The local Géoplateforme on 127.0.0.1 (port 8765 unless SANDBOX_PORT is set);
## TRAINEES=12 adds the accounts stagiaire01..12 (passwords printed once, below).
sandbox: bootstrap
	$(PY) -m sandbox --port $${SANDBOX_PORT:-8765} --data-dir $${SANDBOX_DATA:-.sandbox-data} \
		--trainees $${TRAINEES:-0}

## Between two classes: the running sandbox back to its first state (trainer token).
sandbox-reset:
	$(PY) -m sandbox.trainer reset --url http://127.0.0.1:$${SANDBOX_PORT:-8765} \
		--data-dir $${SANDBOX_DATA:-.sandbox-data}

## Trainer: QGIS with a throw-away profile, the plugin installed, enabled and pointed at the
## sandbox (started here unless one answers on SANDBOX_PORT). Needs a display.
classroom: bootstrap
	$(PY) scripts/classroom.py --port $${SANDBOX_PORT:-8765} --data-dir $${SANDBOX_DATA:-.sandbox-data} \
		--trainees $${TRAINEES:-0}

## Publishes the sample layer end to end on the sandbox, headless; output in demo-output/.
demo: bootstrap
	$(PY) scripts/demo.py

bench: bootstrap
	$(PY) bench/run_all.py

soak: bootstrap
	$(PY) bench/soak.py

package: bootstrap i18n-compile
	$(PY) scripts/package.py

screenshots: bootstrap
	$(PY) scripts/screenshots.py
	$(PY) scripts/qgis_smoke.py

## Translations: refresh the .ts sources from the code, then compile the .qm files.
i18n: i18n-update i18n-compile

i18n-update:
	pylupdate5 -noobsolete $$(git ls-files 'plugin/*.py' 'ui/*.py' 'ui/*.ui' '__init__.py') -ts i18n/$(SLUG)_fr.ts i18n/$(SLUG)_en.ts

i18n-compile:
	@for ts in i18n/*.ts; do [ -e "$$ts" ] && lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done; true

clean:
	rm -rf .pytest_cache .ruff_cache demo-output bench-output dist
