# tvdesk: every set-up step is here, so a fresh machine needs only `make run` or `make test`.
SHELL := /bin/bash
VENV  ?= .venv
PY    := $(VENV)/bin/python
# Headless only where nobody looks: the tests and the benchmarks (`make run` shows a window).
HEADLESS = QT_QPA_PLATFORM=offscreen
# QtWebEngine's sandbox cannot run as root (CI, containers); a user's desktop keeps it.
ifeq ($(shell id -u),0)
export QTWEBENGINE_DISABLE_SANDBOX ?= 1
endif

.PHONY: run test lint bench soak venv clean system-deps translations package

# A Python >= 3.12: the first candidate on PATH that really runs (pyenv shims may only
# point elsewhere), then pyenv's own installs.
PYTHON_FOR_VENV = $(shell for c in $$PYTHON python3.13 python3.12 python3 \
      $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3; do \
    [ -n "$$c" ] && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
      && { echo $$c; break; }; done)

$(VENV)/.created:
	@py="$(PYTHON_FOR_VENV)"; \
	if [ -z "$$py" ]; then echo "tvdesk needs Python >= 3.12 (none found on PATH or in pyenv)" >&2; exit 1; fi; \
	echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed system-deps

# what Qt's X11 plugin, QtWebEngine and the tests need from Debian (found with ldd)
system-deps: $(VENV)/.installed
	@bash .ci/install-system-deps $(PY)

run: venv
	$(VENV)/bin/tvdesk --demo

test: venv
	$(PY) -m ruff check tvdesk tests benchmarks
	$(HEADLESS) $(PY) -m pytest

lint: venv
	$(PY) -m ruff check tvdesk tests benchmarks

# After changing user-visible text: refresh the .ts (translators fill it in, e.g. with
# pyside6-linguist), then compile the .qm the app loads. A test checks both are current.
# Texts that moved to another class keep their translation (accept_moved.py).
TS_FILE = resources/translations/tvdesk_pt_BR.ts
translations: venv
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find tvdesk/gui -name '*.py' | sort) \
	    -ts $(TS_FILE)
	$(PY) resources/translations/accept_moved.py $(TS_FILE)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find tvdesk/gui -name '*.py' | sort) \
	    -ts $(TS_FILE)
	$(VENV)/bin/pyside6-lrelease resources/translations/tvdesk_pt_BR.ts \
	    -qm resources/translations/tvdesk_pt_BR.qm
	@# Qt's own texts its Portuguese lacks (the file dialog's), written by hand
	$(VENV)/bin/pyside6-lrelease resources/translations/qt_extra_pt_BR.ts \
	    -qm resources/translations/qt_extra_pt_BR.qm
	@# English needs only its plural forms ("1 call", "2 calls"): the code's text is English
	$(VENV)/bin/pyside6-lupdate -pluralonly -no-obsolete -locations none \
	    $$(find tvdesk/gui -name '*.py' | sort) -ts resources/translations/tvdesk_en.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/tvdesk_en.ts \
	    -qm resources/translations/tvdesk_en.qm

# The one-folder bundle (slow: kept out of `make test`), then the frozen binary is run:
# its version, and a headless demo start that must reach the main window.
package: venv
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
	    packaging/pyinstaller/tvdesk.spec
	dist/tvdesk/tvdesk --version
	tmp=$$(mktemp -d) && TVDESK_CONFIG_DIR=$$tmp TVDESK_DATA_DIR=$$tmp $(HEADLESS) \
	    TVDESK_INSTANCE_NAME=$$tmp/instance.sock dist/tvdesk/tvdesk --demo --quit-when-shown
	@du -sh dist/tvdesk

bench: venv
	$(HEADLESS) $(PY) benchmarks/bench_report_paging.py
	$(HEADLESS) $(PY) benchmarks/bench_desktop.py
	$(HEADLESS) $(PY) benchmarks/bench_webphone.py
	$(HEADLESS) $(PY) benchmarks/bench_forwarding.py
	$(HEADLESS) $(PY) benchmarks/bench_history_store.py
	@# a real display (it starts Xvfb and openbox itself when $$DISPLAY is unset), never offscreen
	$(PY) benchmarks/bench_vs_chromium.py

# a sped-up working day (about 25 minutes): memory of tvdesk and its QtWebEngine processes
soak: venv
	$(HEADLESS) $(PY) benchmarks/bench_soak.py --baseline

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
