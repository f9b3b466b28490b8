#!/usr/bin/env python3
"""Render the follow-up screens in Japanese and English into docs/screenshots/.

    uv run packaging/tracker_screenshots.py [--out DIR]

Interview details, the upcoming view with a due notification, a message
draft with its gaps highlighted, the cancel / decline plan and the timeline.
A throw-away library (FURIKAERI_HOME in a temporary folder), Japan time, and
Qt's offscreen platform unless a display is set.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
JST = timezone(timedelta(hours=9))


def _sample(library, now: datetime):
    from dataclasses import replace

    from core.interviews import Channel, Interview, InterviewKind, Stage, Status
    from core.tracker.kinds import MessageKind, TaskKind

    save = library.tracker.save
    agent = save(Interview(
        company="株式会社みらい商事", position="法人営業", kind=InterviewKind.REAL, stage=Stage.SECOND.value,
        starts_at=(now + timedelta(days=2)).replace(hour=14, minute=0, second=0, microsecond=0), duration_min=60,
        channel=Channel.AGENT, agency="キャリアブリッジ", agent_name="田中",
        agent_contact="tanaka@careerbridge.example",
        contact_name="佐藤", place="東京都千代田区丸の内1-1-1 12階", interviewers="佐藤さん（営業部長）"),
        now=now - timedelta(days=5))
    done = save(Interview(
        company="Northwind Japan", position="Product Manager", kind=InterviewKind.REAL, stage=Stage.FIRST.value,
        starts_at=(now - timedelta(days=1)).replace(hour=10, minute=30, second=0, microsecond=0), duration_min=45,
        contact_name="Ms Kato", contact_email="kato@northwind.example", place="https://meet.example/nw-pm"),
        now=now - timedelta(days=6))
    save(replace(done, status=Status.DONE), now=now - timedelta(days=1, hours=-1))
    library.followups.add(agent.id, TaskKind.CONFIRM_TERMS, now + timedelta(days=9))
    # For the picture, the thank-you mail is due already (as after an interview on a working day).
    thank_you = next(t for t in library.followups.for_interview(done.id) if t.kind is TaskKind.THANK_YOU)
    library.followups.reschedule(thank_you.id, now - timedelta(minutes=30))
    library.tracker.record_message(done.id, MessageKind.THANK_YOU, sent=False, at=now - timedelta(hours=20))
    return agent, library.interviews.get(done.id)


def main() -> int:
    from shots_session import settle as settle_tasks
    from shots_session import start

    session = start(__doc__)
    app, switcher, settings, args = session.app, session.switcher, session.settings, session

    from PySide6.QtWidgets import QApplication

    from core.library import Library
    from core.settings import USER_NAME
    from core.tracker.kinds import MessageKind
    from gui.interview_dialog import InterviewDialog
    from gui.main_window import MainWindow

    now = datetime.now(JST)
    library = Library.open()
    agent, done = _sample(library, now)
    window = MainWindow(library, settings, switcher)
    window.resize(1100, 700)

    def settle() -> None:
        settle_tasks(app, window.tasks, rounds=3)

    window.show()
    window.start()
    settle()
    controller = window.tracker_ui
    # The thank-you mail for yesterday's interview is due: it shows as a notification.
    for language in ("ja", "en"):
        switcher.apply(language)
        settings.set(USER_NAME, "山田 花子" if language == "ja" else "Hanako Yamada")
        row = next(r for r in range(window.model.rowCount()) if window.model.interview_at(r).id == done.id)
        window.table.selectRow(row)
        window.pane.tabs.setCurrentWidget(window.pane.timeline)
        settle()
        window.grab().save(str(args.out / f"notification_{language}.png"))

        view = controller.open_upcoming()
        settle()
        if view.items():
            view.tree.setCurrentItem(view.tree.topLevelItem(1))
        app.processEvents()
        view.grab().save(str(args.out / f"upcoming_{language}.png"))

        dialog = InterviewDialog(window, agent)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(args.out / f"interview_details_{language}.png"))
        dialog.close()

        message = controller.prepare_message(done, MessageKind.THANK_YOU)
        message.language_combo.setCurrentIndex(message.language_combo.findData(language))
        app.processEvents()
        message.grab().save(str(args.out / f"message_{language}.png"))
        message.close()

        withdraw = controller.withdraw(agent)
        withdraw.show_plan()  # it fits itself to the wrapped steps
        app.processEvents()
        withdraw.grab().save(str(args.out / f"withdraw_{language}.png"))
        withdraw.reject()
    window.close()
    library.close()
    print(f"screenshots written to {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
