"""Help, inside the app and offline: keyboard shortcuts, recording an online interview, what the practice metrics
mean.  The shortcuts come from :mod:`gui.shortcuts` and the metrics from :mod:`core.analysis.info`, so the help
says what the app does."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QTextBrowser, QVBoxLayout, QWidget

from gui import shortcuts
from gui.i18n import Retranslatable, render

SHORTCUTS, ONLINE, METRICS = range(3)


class HelpDialog(Retranslatable, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topics = QListWidget()
        self.topics.setMaximumWidth(230)
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)  # nothing here goes online
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.page, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.topics.currentRowChanged.connect(lambda _row: self._show())
        self.resize(820, 560)
        self.retranslate()

    def show_topic(self, topic: int) -> None:
        self.topics.setCurrentRow(topic)
        self.show()
        self.raise_()
        self.activateWindow()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Help"))
        current = max(0, self.topics.currentRow())
        self.topics.blockSignals(True)
        self.topics.clear()
        self.topics.addItems([self.tr("Keyboard shortcuts"), self.tr("Recording an online interview"),
                              self.tr("What the practice metrics mean")])
        self.topics.setCurrentRow(current)
        self.topics.blockSignals(False)
        self.topics.setAccessibleName(self.tr("Help topics"))
        self.page.setAccessibleName(self.tr("Help text"))
        self._show()

    def _show(self) -> None:
        topic = self.topics.currentRow()
        self.page.setHtml(self.shortcuts_html() if topic == SHORTCUTS else self.online_html() if topic == ONLINE
                          else self.metrics_html())

    def shortcuts_html(self) -> str:
        intro = self.tr("Tab moves from one part of a window to the next; the arrow keys move inside a list. Alt "
                        "with the underlined letter presses a button.")
        parts = [f"<h2>{html.escape(self.tr('Keyboard shortcuts'))}</h2>", f"<p>{html.escape(intro)}</p>"]
        for where, title in shortcuts.WHERE.items():
            rows = "".join(f"<tr><td style='padding-right:24px'><b>{html.escape(s.text())}</b></td>"
                           f"<td>{html.escape(s.description())}</td></tr>"
                           for s in shortcuts.SHORTCUTS if s.where == where)
            parts.append(f"<h3>{html.escape(QCoreApplication.translate('Shortcuts', title))}</h3><table>{rows}</table>")
        return "".join(parts)

    def online_html(self) -> str:
        paragraphs = [
            self.tr("In an online interview the interviewer's voice reaches you through the computer, not the "
                    "microphone: with headphones the microphone never hears them. Furikaeri records two tracks, "
                    "your microphone and the sound of the call, so that the transcript says who said what."),
            self.tr("Before the interview: open the interview, choose the call's sound under the record button "
                    "(the output your meeting app plays to), and check that both level meters move during a test "
                    "call."),
            self.tr("Ask first. Recording is only acceptable with the interviewer's permission: Furikaeri asks you "
                    "to confirm it before anything is recorded and keeps that consent with the recording. If they "
                    "say no, do not record: write notes right after the interview instead (the notes open with a "
                    "template for it)."),
            self.tr("Never publish a recording or its transcript: it holds other people's words. Everything stays "
                    "on this computer unless you export it yourself."),
        ]
        return (f"<h2>{html.escape(self.tr('Recording an online interview'))}</h2>" +
                "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs))

    def metrics_html(self) -> str:
        from core.analysis.info import metric_info, metric_keys

        language = "ja" if self.locale().language() == self.locale().Language.Japanese else "en"
        intro = self.tr("Only what can be heard and counted is measured: no scores for emotion, confidence or "
                        "suitability. The ranges are guides, not rules.")
        parts = [f"<h2>{html.escape(self.tr('What the practice metrics mean'))}</h2>", f"<p>{html.escape(intro)}</p>"]
        for key in metric_keys(language):
            info = metric_info(key, language)
            unit = render(info.unit)
            if info.low is not None and info.high is not None:
                target = self.tr("Aim for {low}–{high} {unit}.").format(low=f"{info.low:g}", high=f"{info.high:g}",
                                                                         unit=unit)
            elif info.high is not None:
                target = self.tr("Aim for at most {high} {unit}.").format(high=f"{info.high:g}", unit=unit)
            elif info.low is not None:
                target = self.tr("Aim for at least {low} {unit}.").format(low=f"{info.low:g}", unit=unit)
            else:
                target = ""
            source = f" <i>{html.escape(render(info.source))}</i>" if info.source is not None else ""
            parts.append(f"<h3>{html.escape(render(info.name))}</h3><p>{html.escape(render(info.meaning))} "
                         f"{html.escape(target)}{source}</p>")
        return "".join(parts)
