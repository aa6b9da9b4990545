"""The core and the simulator stand without Qt, the GUI or the command line: every module of
theirs imports in a process where those cannot be imported at all."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import importlib, importlib.abc, json, pkgutil, sys

BLOCKED = ("PySide6", "shiboken6", "qasync", "tvdesk.gui", "tvdesk.cli")

def blocked(name):
    return any(name == b or name.startswith(b + ".") for b in BLOCKED)

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if blocked(name):
            raise ImportError(f"blocked: {name}")
        return None

sys.meta_path.insert(0, Block())
import tvdesk.core, tvdesk.simulator
failed, imported = {}, []
for package in (tvdesk.core, tvdesk.simulator):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.endswith(".__main__"):  # runs a program when imported
            continue
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:
            failed[info.name] = f"{type(exc).__name__}: {exc}"
leaked = sorted(m for m in sys.modules if blocked(m))
print(json.dumps({"imported": imported, "failed": failed, "leaked": leaked}))
"""


def test_core_and_simulator_import_without_qt_gui_or_cli():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}
    assert result["leaked"] == []
    names = set(result["imported"])
    # the walk reached every part (a broken walk would pass vacuously)
    for module in ("tvdesk.core.api.client", "tvdesk.core.api.parse", "tvdesk.core.reports",
                   "tvdesk.core.vocabulary", "tvdesk.core.webphone.url_prefetch",
                   "tvdesk.simulator.server", "tvdesk.simulator.webphone"):
        assert module in names
