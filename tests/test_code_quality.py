"""The code stays clean: ruff and mypy run here, so ``uv run pytest`` and CI fail on a new error.

Both read their configuration from pyproject.toml: mypy holds core/ to what
``--strict`` means and checks the bodies of every gui module (and main.py);
ruff applies the project's rule set to the whole repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=280)


@pytest.mark.slow
def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_mypy_finds_nothing():
    result = _run("mypy", "core", "gui", "main.py")
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
