"""Issue 17, item 5: text meets WCAG AA contrast as drawn (grey notes on grey did not), on real windows."""

from __future__ import annotations

import pytest

from core.interviews import Interview, InterviewKind
from gui.consent_dialog import ConsentDialog
from tests.contrast import drawn_contrast, low_contrast_labels, ratio
from tests.gui_helpers import each_page, settings_dialog


def test_the_measure_matches_wcag_figures():
    assert ratio(0x000000, 0xFFFFFF) == pytest.approx(21.0)
    assert ratio(0x767676, 0xFFFFFF) == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white
    from PySide6.QtGui import QColor, QImage

    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("#efefef"))
    image.setPixelColor(3, 3, QColor("#a0a0a0"))  # palette(mid) on the window colour: what the notes were
    assert drawn_contrast(image) == pytest.approx(ratio(0xA0A0A0, 0xEFEFEF)) and drawn_contrast(image) < 3


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_main_window_and_its_first_screen(make_window, language):
    empty = make_window(language=language)
    assert low_contrast_labels(empty) == []  # the empty state's privacy note among them
    window = make_window(lambda lib: lib.interviews.add(Interview(company="株式会社サンプル",
                                                                   kind=InterviewKind.REAL)), language=language)
    window.table.selectRow(0)
    assert low_contrast_labels(window) == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_consent_dialog(qtbot, ui_language, language):
    ui_language(language)
    dialog = ConsentDialog("株式会社サンプル", language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.reminder.isVisible()
    assert low_contrast_labels(dialog) == []  # the reminder was palette(mid) on the window colour


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_settings_page(qtbot, ui_language, language):
    ui_language(language)
    with settings_dialog(qtbot, language) as dialog:  # the voice page's texts are in
        for page in each_page(qtbot, dialog):
            assert low_contrast_labels(dialog) == [], page


@pytest.mark.audio
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_practice_window_before_and_while_answering(qtbot, virtual_microphone, make_window, language):
    window = make_window(language=language)
    practice = window.practice.open()
    choose, page = practice.choose, practice.session
    qtbot.waitUntil(lambda: bool(choose.bank) and choose.start_button.isEnabled(), timeout=10000)
    assert low_contrast_labels(practice) == []
    choose.start_button.click()
    assert page.get_ready.active and page.tip.isVisible()  # the tip was palette(mid)
    assert low_contrast_labels(practice) == []
    practice.back_button.click()  # nothing recorded
    practice.close()
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=30000)


@pytest.fixture
def dark_palette(qapp):
    """The system's dark theme, as Qt hands it to the app: a dark window with light text (restored after)."""
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.Button, "#3a3a3a"),
                         (QPalette.ColorRole.ButtonText, "#eeeeee"), (QPalette.ColorRole.Highlight, "#3d7ab8"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#3a3a3a"),
                         (QPalette.ColorRole.ToolTipText, "#eeeeee"), (QPalette.ColorRole.PlaceholderText, "#a0a0a0")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(before)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_under_the_dark_palette_the_text_stays_readable(qtbot, make_window, dark_palette, language):
    """Issue 17, item 5: the app follows the system's dark palette; its notices and banners (written in light
    colours) are drawn in dark tints with light text, and every label keeps AA contrast."""
    from datetime import timedelta

    from core.interviews import utc_now
    from gui.theme import is_dark, themed

    assert is_dark() and themed("#x { background: #fff3cd; }") == "#x { background: #4a3b00; }"
    window = make_window(lambda lib: lib.interviews.add(Interview(
        company="株式会社サンプル", kind=InterviewKind.REAL, starts_at=utc_now() - timedelta(days=1))),
        language=language)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.pane.followups.past.isVisible())  # a light-blue banner in light mode
    assert low_contrast_labels(window) == []
    dialog = ConsentDialog("株式会社サンプル", language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert low_contrast_labels(dialog) == []


def test_under_a_light_palette_the_style_sheets_are_as_written():
    from gui.theme import is_dark, themed

    assert not is_dark()
    assert themed("#x { color: #b00020; }") == "#x { color: #b00020; }"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_switch_to_the_dark_palette_while_running_is_followed(qtbot, qapp, make_window, language):
    """The system switched to its dark theme while the window is open: its banners and messages take their dark
    tints at once (they were made for the light palette), and go back with the light one."""
    from datetime import timedelta

    from PySide6.QtGui import QColor, QPalette

    from core.interviews import utc_now
    from gui.theme import is_dark

    window = make_window(lambda lib: lib.interviews.add(Interview(
        company="株式会社サンプル", kind=InterviewKind.REAL, starts_at=utc_now() - timedelta(days=1))),
        language=language)
    window.table.selectRow(0)
    banner = window.pane.followups.past
    qtbot.waitUntil(banner.isVisible)
    assert not is_dark() and "#e3f2fd" in banner.styleSheet()  # the light-blue question banner
    light = qapp.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.Button, "#3a3a3a"),
                         (QPalette.ColorRole.ButtonText, "#eeeeee"), (QPalette.ColorRole.PlaceholderText, "#a0a0a0")):
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: "#0d2a45" in banner.styleSheet(), timeout=2000)
        assert "#e3f2fd" not in banner.styleSheet()
        assert "#ff8a80" in window.pane.recorder.styleSheet()  # the red message's light tone
        assert low_contrast_labels(window) == []
    finally:
        qapp.setPalette(light)
    qtbot.waitUntil(lambda: "#e3f2fd" in banner.styleSheet(), timeout=2000)
    assert "#b00020" in window.pane.recorder.styleSheet() and low_contrast_labels(window) == []
