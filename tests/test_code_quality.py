"""The code stays clean: ruff and mypy run here, so ``uv run pytest`` and CI fail on a new error (issue 12, item 10).

Both read their configuration from pyproject.toml: mypy holds core/ to what
``--strict`` means and checks the bodies of every other module it is given;
ruff applies the project's rule set.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# gui modules not yet clean (main_window.py: a layout used without its None check; gui/practice/: being reworked
# elsewhere). They are read for their types but not reported on; each leaves this list once it passes.
PENDING_GUI = ("gui/main_window.py", "gui/practice/")


def _gui_modules() -> list[str]:
    """Every gui module but those pending, found anew each run: a new module is checked from the start."""
    names = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "gui").rglob("*.py"))
    return [name for name in names if not name.startswith(PENDING_GUI)]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=280)


def _ruff_paths() -> list[str]:
    """Everything in the repository but the pending gui modules."""
    top = sorted(path.name for path in ROOT.iterdir()
                 if not path.name.startswith(".") and path.name != "gui" and (path.is_dir() or path.suffix == ".py"))
    return [*top, *_gui_modules()]


@pytest.mark.slow
def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", *_ruff_paths())
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_mypy_finds_nothing():
    # Modules not given here (the pending gui modules) are read for their types, not reported on.
    result = _run("mypy", "core", "main.py", *_gui_modules(), "--follow-imports=silent")
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
