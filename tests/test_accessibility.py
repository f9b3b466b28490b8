"""Issue 17, item 4, through the real accessibility bridge: the running app under Xvfb, its tree read over AT-SPI
by the system's pyatspi (tests/atspi_reader.py) as a screen reader reads it.  A focusable control without a name
fails the test.  (tests/test_accessible_names.py checks the other windows the same way in-process.)"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.settings import JAPANESE_MODEL_ADVICE_SHOWN, LANGUAGE, Settings
from tests.audio_rig import skip_or_fail

HERE = Path(__file__).parent
ROOT = HERE.parent
# Parts that are named by their content, not controls of their own.
NOT_CONTROLS = {"table cell", "list item", "menu item", "page tab", "table column header", "table row header"}


def _tools_missing() -> list[str]:
    missing = [tool for tool in ("xvfb-run", "dbus-run-session") if shutil.which(tool) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    if subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


def read_tree(*reader_options: str) -> list[dict]:
    """The running app's accessibility tree (started on this test's data folder)."""
    if missing := _tools_missing():
        skip_or_fail(f"the accessibility test needs {', '.join(missing)}")
    out = Path(Settings().path).parent / "atspi-tree.json"
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--", "sh",
         str(HERE / "atspi_session.sh"), str(out), sys.executable, str(ROOT / "main.py"), *reader_options],
        capture_output=True, text=True, timeout=180)
    assert run.returncode == 0 and out.exists(), run.stdout + run.stderr
    tree = json.loads(out.read_text("utf-8"))
    assert isinstance(tree, list), tree
    return tree


def unnamed(tree: list[dict]) -> list[str]:
    return [f"{node['role']} under {' > '.join(node['ancestors'][-3:])}" for node in tree
            if node["focusable"] and node["showing"] and node["role"] not in NOT_CONTROLS
            and not node["name"].strip()]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_focusable_control_of_the_main_window_has_a_name(language):
    with Library.open() as library:
        library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.REAL))
        library.interviews.add(Interview(company="自己PR練習", kind=InterviewKind.MOCK))
    settings = Settings()
    settings.set(LANGUAGE, language)
    settings.set(JAPANESE_MODEL_ADVICE_SHOWN, True)
    tree = read_tree("--select-row", "株式会社サンプル")  # an interview open: its recorder and notes shown
    names = {node["name"] for node in tree}
    expected = ({"面接一覧", "検索", "メモ", "メモ・録音・経過"} if language == "ja"
                else {"Interviews", "Search", "Notes", "Notes, recordings and timeline"})
    assert expected <= names, sorted(names)
    assert any(node["role"] == "push button" and node["name"] for node in tree)
    assert "株式会社サンプル — 営業" in names  # the interview's page is shown (its heading), as selected over AT-SPI
    assert unnamed(tree) == []
