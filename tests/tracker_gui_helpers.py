"""Shared pieces of the tracker GUI tests: a typical agent's interview, a mail catcher."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject, QUrl, Slot

from core.interviews import Channel, Interview, InterviewKind, Stage
from core.library import Library
from core.tracker.kinds import TaskKind

JST = timezone(timedelta(hours=9))


def agent_interview(**changes) -> Interview:
    fields = dict(company="株式会社サンプル", kind=InterviewKind.REAL, position="営業", stage=Stage.SECOND.value,
                  starts_at=datetime.now(JST).replace(microsecond=0) + timedelta(days=3),
                  channel=Channel.AGENT, agent_name="ミライエージェント 田中", agent_contact="tanaka@agent.example",
                  contact_name="佐藤", contact_email="saito@company.example")
    fields.update(changes)
    return Interview(**fields)


def with_tasks(now: datetime):
    """Prepare a library with two agent interviews and three follow-ups around ``now``."""
    def prepare(lib: Library) -> None:
        soon = lib.tracker.save(agent_interview(starts_at=now + timedelta(days=2), company="Beta"))
        past = lib.tracker.save(agent_interview(company="Alpha", starts_at=now - timedelta(days=1)))
        lib.followups.add(past.id, TaskKind.ASK_RESULT, now + timedelta(days=20))
        lib.followups.add(past.id, TaskKind.THANK_YOU, now - timedelta(hours=3))
        lib.followups.add(soon.id, TaskKind.CONFIRM_TERMS, now + timedelta(days=4))
    return prepare


def wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)


class MailCatcher(QObject):
    """Receives mailto: URLs instead of the desktop's mail program."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)
