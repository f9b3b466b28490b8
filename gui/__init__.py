"""Furikaeri's Qt interface: a thin layer over :mod:`core`.

Widgets hold no business rules; slow work goes through :mod:`gui.tasks`.
"""

from __future__ import annotations

import os
import sys

import PySide6  # noqa: F401 - loads shiboken, and with it the feature hook the function below speaks to


def _spare_the_source_scan() -> None:
    """Tell PySide6 up front that no module of this app or of the standard library selects a ``__feature__``.

    Once loaded, PySide6 reads the source of every module imported after it (``inspect.getsource``) to learn
    whether it says "PySide6", which decides how ``from __feature__ import ...`` (snake_case, true_property)
    would apply to it. This app selects no feature, so the answer changes nothing for it, yet the reading costs
    the start of the app about 10 ms (benchmarks/bench_startup.py). The table it fills is looked up first, so
    the modules are entered as the scan would find them: this interface's as using PySide6 without a feature
    (0), the headless core's and the standard library's as ignored (-1). Nothing happens if a later PySide6
    keeps no such table.
    """
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for package, selection in (("gui", 0), ("core", -1)):
        for folder, folders, files in os.walk(os.path.join(root, package)):
            folders[:] = [name for name in folders if name != "__pycache__"]
            prefix = os.path.relpath(folder, root).replace(os.sep, ".")
            table.setdefault(prefix, selection)
            for file in files:
                if file.endswith(".py"):
                    table.setdefault(f"{prefix}.{file[:-3]}", selection)
    for name in sys.stdlib_module_names:
        table.setdefault(name, -1)


_spare_the_source_scan()
