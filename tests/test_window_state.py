"""Issue 17, item 1: the main window opens as it was left (place, size, the list's splitter), whatever happened."""

from __future__ import annotations

from core.settings import WINDOWS, Settings


def test_size_and_splitter_are_remembered_across_runs(qtbot, make_window):
    first = make_window()
    width = first.minimumSizeHint().width()  # the test screen is 800 px wide: a window is kept on its screen
    first.resize(width, 700)
    qtbot.waitUntil(lambda: first.size().height() == 700)
    first.splitter.setSizes([first.splitter.sizes()[0] + 40, first.splitter.sizes()[1] - 40])
    sizes = first.splitter.sizes()
    first.close()
    assert "main" in Settings().get(WINDOWS)
    again = make_window()
    assert (again.width(), again.height()) == (first.width(), 700)
    assert again.splitter.sizes() == sizes


def test_an_unreadable_saved_state_is_ignored(qtbot, make_window):
    settings = Settings()
    settings.set(WINDOWS, {"main": {"geometry": "not base64 at all!", "splitters": ["wrong", "kind"]}})
    window = make_window()
    assert (window.width(), window.height()) == (1000, 640)  # the default
