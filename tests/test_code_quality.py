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

# The gui modules that pass mypy's checked level and ruff today.  The rest of gui/ (the main window, the
# recording panel, the transcript window, the tracker controller, the practice windows, ...) joins this list
# once the edits under way there have landed; until then neither check reports on those modules.
CHECKED_GUI = (
    "gui/app.py",
    "gui/consent_alert.py",
    "gui/empty_state.py",
    "gui/followup_bar.py",
    "gui/i18n.py",
    "gui/import_dialog.py",
    "gui/interview_dialog.py",
    "gui/labels.py",
    "gui/library_model.py",
    "gui/note_history_dialog.py",
    "gui/notes_text.py",
    "gui/notification_toast.py",
    "gui/notifier.py",
    "gui/search_panel.py",
    "gui/segment_model.py",
    "gui/settings_dialog.py",
    "gui/snooze.py",
    "gui/status_bar.py",
    "gui/timeline_view.py",
    "gui/upcoming_view.py",
    "gui/waveform_widget.py",
    "gui/withdraw_dialog.py",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=280)


def _ruff_paths() -> list[str]:
    """Everything in the repository but gui/, which is checked module by module (CHECKED_GUI)."""
    top = sorted(path.name for path in ROOT.iterdir()
                 if not path.name.startswith(".") and path.name != "gui" and (path.is_dir() or path.suffix == ".py"))
    return [*top, *CHECKED_GUI]


@pytest.mark.slow
def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", *_ruff_paths())
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_mypy_finds_nothing():
    # Modules not given here (the gui modules not in CHECKED_GUI) are read for their types, not reported on.
    result = _run("mypy", "core", "main.py", *CHECKED_GUI, "--follow-imports=silent")
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
