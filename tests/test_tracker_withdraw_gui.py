"""Cancelling or declining in the GUI: the walkthrough by channel, its scripts and mails.

Real windows offscreen over a real library in the test's own home; the real
tracker core underneath.  Mail URLs are intercepted with a URL handler, so
nothing leaves the machine.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from core.interviews import Channel, Status
from core.library import Library
from core.settings import USER_NAME, Settings
from core.tracker import messages
from core.tracker.events import EventKind
from core.tracker.kinds import MessageKind
from core.tracker.withdraw import Reason, withdrawal_plan
from gui.message_dialog import MessageDialog
from gui.withdraw_dialog import WithdrawDialog
from tests.gui_helpers import handle_modal
from tests.tracker_gui_helpers import JST, agent_interview, wait_idle

# -- cancelling an agent's interview --------------------------------------------------------

def test_cancelling_an_agents_interview_goes_through_the_agent(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(agent_interview()))
    window.table.selectRow(0)
    assert window.pane.followups.isVisibleTo(window)
    window.pane.followups.withdraw_button.click()
    dialog = window.findChild(WithdrawDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.finish_button.isVisible()
    dialog.cancel_choice.setChecked(True)
    assert dialog.new_date.isChecked() and dialog.new_date.isEnabled()  # cancelling one date: ask for another
    dialog.next_button.click()

    assert "ミライエージェント 田中" in dialog.contact.text() and "not the company" in dialog.contact.text()
    kinds = dialog.offered_kinds()
    assert kinds == [MessageKind.CANCEL_VIA_AGENT_PHONE.value, MessageKind.CANCEL_VIA_AGENT_MAIL.value], kinds
    assert "ask whether another date is possible" in dialog.step_texts()[1]
    assert "not showing up ends this application" in dialog.no_show.text()

    # The first script is the agent phone script: no subject, no mail button, names the agent.
    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
        dialog.step_buttons[0].click()
    script: MessageDialog = opened.args[0]
    assert script.kind() is MessageKind.CANCEL_VIA_AGENT_PHONE
    assert not script.mail_button.isVisibleTo(script) and not script.subject.isVisibleTo(script)
    assert "田中" in script.body.toPlainText()
    # The choice made in the walkthrough arrives ticked; the paragraph goes when the user unticks it.
    ask = script.choice_boxes["new_date"]
    assert ask.isVisibleTo(script) and ask.isChecked() and not script.choice_boxes["withdraw"].isVisibleTo(script)
    assert "Could you ask them whether another date is possible?" in script.body.toPlainText()
    ask.setChecked(False)
    assert "another date" not in script.body.toPlainText() and script.draft.choices == frozenset()
    # Every mail the walkthrough offers goes to the agent, never to the company's recruiter.
    for button in dialog.step_buttons[1:]:
        with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
            button.click()
        mail: MessageDialog = opened.args[0]
        assert mail.recipient.text() == "tanaka@agent.example"
        assert "saito@company.example" not in mail.mailto()
        mail.close()
    script.close()

    assert not dialog.finish_button.isEnabled()  # first confirm that they were told
    dialog.done_check.setChecked(True)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        dialog.finish_button.click()
    wait_idle(qtbot, window)
    with Library.open() as check:
        interview = check.interviews.all()[0]
        events = check.tracker.timeline(interview.company)
    assert interview.status is Status.CANCELLED
    assert any(e.kind is EventKind.STATUS and "cancelled" in str(e.message) for e in events)
    qtbot.waitUntil(lambda: any("Interview cancelled" in window.pane.timeline.list.item(i).text()
                                for i in range(window.pane.timeline.list.count())), timeout=5000)


def test_direct_application_contacts_the_company_by_phone_then_mail(qtbot):
    interview = agent_interview(channel=Channel.DIRECT, agent_name="", agent_contact="")
    dialog = WithdrawDialog(interview)
    qtbot.addWidget(dialog)
    dialog.decline_choice.setChecked(True)
    dialog.already_missed.setChecked(True)
    dialog.show_plan()
    assert "株式会社サンプル" in dialog.contact.text() and "by phone first" in dialog.contact.text()
    assert dialog.offered_kinds() == [MessageKind.NO_SHOW_PHONE.value, MessageKind.NO_SHOW_APOLOGY.value]
    assert "say that you withdraw" in dialog.step_texts()[0]
    assert "Apologise as soon as possible" in dialog.warnings.text()
    assert dialog.status() is Status.DECLINED
    dialog.back_button.click()
    assert dialog.next_button.isVisibleTo(dialog) and not dialog.finish_button.isVisibleTo(dialog)


# -- the walkthrough and its messages, for every situation, in both languages ------------------

_DECLINING = ("declin", "withdraw", "辞退")


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("channel", list(Channel), ids=[c.value for c in Channel])
def test_walkthrough_offers_fitting_messages_to_the_right_person(qtbot, ui_language, language, channel):
    from tests.test_i18n import JAPANESE, PROPER_NAMES, _english_words, _visible_texts

    ui_language(language)
    settings = Settings()
    settings.set(USER_NAME, "山田 花子")
    now = datetime(2026, 11, 20, 18, 0, tzinfo=JST)
    agent = channel is Channel.AGENT
    interview = agent_interview(channel=channel, id=7, starts_at=datetime(2026, 11, 26, 14, 0, tzinfo=JST),
                                 agent_name="ミライエージェント 田中" if agent else "",
                                 agent_contact="tanaka@agent.example" if agent else "")
    names = PROPER_NAMES | {"tanaka", "agent", "example", "saito", "company"}
    situations = [(Reason.CANCEL, missed, new_date) for missed in (False, True) for new_date in (False, True)]
    situations += [(Reason.DECLINE, missed, False) for missed in (False, True)]
    for reason, missed, new_date in situations:
        case = (reason, missed, new_date)
        dialog = WithdrawDialog(interview, now=lambda: now)
        qtbot.addWidget(dialog)
        (dialog.cancel_choice if reason is Reason.CANCEL else dialog.decline_choice).setChecked(True)
        assert dialog.new_date.isEnabled() is (reason is Reason.CANCEL)
        dialog.new_date.setChecked(new_date)
        dialog.already_missed.setChecked(missed)
        dialog.show_plan()
        plan = withdrawal_plan(interview, reason, missed, now, new_date)
        assert dialog.offered_kinds() == [kind.value for kind in plan.message_kinds], case
        # Whom to contact, said at the top and in the confirmation.
        who = "ミライエージェント 田中" if agent else "佐藤"  # the agent, or the company's recruiter
        assert who in dialog.contact.text() and who in dialog.done_check.text(), case
        assert ("株式会社サンプル" in dialog.contact.text()) is not agent, case
        shown = dialog.step_texts() + [b.text() for b in dialog.step_buttons] + [dialog.warnings.text()]
        if reason is Reason.CANCEL and not missed:  # cancelling one date is not declining
            assert not [t for t in shown if any(w in t.lower() for w in _DECLINING)], (case, shown)
        if language == "ja":
            texts = _visible_texts(dialog)
            assert not [(t, w) for t in texts if (w := _english_words(t, names))], case
            assert all(JAPANESE.search(t) for t in shown if t), case

        for button, kind in zip(dialog.step_buttons, plan.message_kinds, strict=True):
            with qtbot.waitSignal(dialog.message_requested, timeout=2000) as requested:
                button.click()
            assert requested.args[0] is kind, case
            chosen = requested.args[1]
            message = MessageDialog(interview, settings, language, kind, chosen=chosen)
            qtbot.addWidget(message)
            where = (case, kind)
            draft = message.draft
            assert message.kind() is kind and draft.language == language, where
            # Only the reason is left to the user (and, writing to a referrer, their name: no field holds it);
            # no template braces anywhere.
            to_referrer = kind is MessageKind.TELL_REFERRER
            assert to_referrer is (channel is Channel.REFERRAL and kind is plan.message_kinds[-1]), where
            assert draft.missing == (("referrer", "reason") if to_referrer else ("reason",)), where
            assert "{" not in draft.body + draft.subject and "}" not in draft.body + draft.subject, where
            assert len(message.highlighted_missing()) == draft.body.count("〔" if language == "ja" else "["), where
            # The choice made in the walkthrough is ticked; only the template's own choices are offered.
            offered = {name for name, box in message.choice_boxes.items() if box.isVisibleTo(message)}
            assert offered == set(messages.choices(kind)), where
            assert message.chosen() == chosen == draft.choices, where
            if to_referrer:  # no address is recorded for the referrer: never the recruiter's
                assert draft.is_mail and message.recipient.text() == "", where
                assert message.choice_boxes["told_company"].isChecked(), where
                gap = ("〔紹介してくださった方のお名前〕" if language == "ja"
                       else "[name of the person who referred you]")
                assert message.highlighted_missing()[0] == gap, where
            elif draft.is_mail:  # addressed to the person the plan names
                assert message.recipient.text() == ("tanaka@agent.example" if agent else "saito@company.example"), where
            else:
                assert not message.mail_button.isVisibleTo(message), where
            note = message.note.text()
            assert ("田中" in note) is agent, where  # the agent's scripts say to contact the agent
            words = (draft.subject + draft.body).lower()
            if reason is Reason.CANCEL and not missed:
                assert not any(w in words for w in _DECLINING), where
                assert not any(w in message.kind_combo.currentText().lower() for w in _DECLINING), where
            if reason is Reason.DECLINE:
                assert any(w in words for w in _DECLINING), where
            if language == "ja":
                assert not [(t, w) for t in _visible_texts(message) if (w := _english_words(t, names))], where
                assert not _english_words(draft.subject + draft.body, names), where
            else:
                assert not JAPANESE.search(note.replace(interview.agent_name, "")), where
            message.close()
        dialog.reject()


def test_the_referrer_step_opens_a_mail_whose_only_gap_is_their_name(qtbot, make_window):
    referral = agent_interview(channel=Channel.REFERRAL, agent_name="", agent_contact="")
    Settings().set(USER_NAME, "Hanako Yamada")
    window = make_window(lambda lib: lib.tracker.save(referral))
    window.table.selectRow(0)
    window.pane.followups.withdraw_button.click()
    dialog = window.findChild(WithdrawDialog)
    dialog.decline_choice.setChecked(True)
    dialog.next_button.click()
    assert dialog.offered_kinds() == [MessageKind.DECLINE_PHONE.value, MessageKind.DECLINE_MAIL.value,
                                      MessageKind.TELL_REFERRER.value]
    assert "Telling the person who referred you" in dialog.step_buttons[-1].text()
    assert "person who referred you" in dialog.step_texts()[3]
    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
        dialog.step_buttons[-1].click()
    message: MessageDialog = opened.args[0]
    assert message.kind() is MessageKind.TELL_REFERRER and message.mail_button.isVisibleTo(message)
    assert message.recipient.text() == "" and "saito@" not in message.mailto()  # not the recruiter's address
    assert "person who referred you" in message.note.text()
    gap = "[name of the person who referred you]"
    assert message.highlighted_missing()[0] == gap and message.still_missing() == ["referrer", "reason"]
    message.extra["reason"] = "I have accepted another offer"
    message.render_draft()
    assert message.highlighted_missing() == [gap] and message.still_missing() == ["referrer"]
    assert "Who referred you" in message.missing.text() and message.missing.isVisibleTo(message)
    # The user types the name over the yellow gap: nothing is left to fill in.
    cursor = message.body.document().find(gap)
    cursor.insertText("Ken")
    assert message.still_missing() == [] and not message.missing.isVisibleTo(message)
    assert message.body.toPlainText().startswith("Hi Ken,\n")
    # Saying that the company already knows is optional, and independent of the exclusive choices.
    told, withdraw = message.choice_boxes["told_company"], message.choice_boxes["withdraw"]
    assert told.isChecked() and withdraw.isChecked() and not message.choice_boxes["new_date"].isChecked()
    handle_modal(lambda: told.setChecked(False), click_message_box_yes())
    assert withdraw.isChecked() and message.chosen() == frozenset({"withdraw"})
    assert "already told" not in message.body.toPlainText() and "withdraw from their" in message.body.toPlainText()
    told.setChecked(True)
    assert message.chosen() == frozenset({"withdraw", "told_company"})
    message.close()
    dialog.reject()


def click_message_box_yes():
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    return click_message_box(QMessageBox.StandardButton.Yes)  # the typed name is replaced: the user agrees


def _assert_steps_whole(dialog):
    """The steps with a hint wrap over several lines: the dialog is tall enough for all of its wrapped text
    (a window's adjustSize stops at two thirds of the screen), and no step is squeezed under the next widget."""
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    widgets = [w for row in dialog._step_rows for w in row if w is not None]
    for upper, lower in itertools.pairwise(widgets):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.text(), lower.text())


def test_walkthrough_knows_a_passed_interview_and_shows_every_step_whole(qtbot, ui_language):
    ui_language("ja")  # the longest lines
    long_name = "キャリアブリッジ株式会社 第二事業部 シニアキャリアアドバイザー 田中"  # many wrapped lines
    upcoming = WithdrawDialog(agent_interview(agent_name=long_name,
                                              agent_contact="03-1234-5678 / tanaka@agent.example"))
    qtbot.addWidget(upcoming)
    assert not upcoming.already_missed.isChecked()
    upcoming.show()
    upcoming.next_button.click()
    _assert_steps_whole(upcoming)
    passed = agent_interview(starts_at=datetime.now(JST).replace(microsecond=0) - timedelta(hours=3))
    dialog = WithdrawDialog(passed)
    qtbot.addWidget(dialog)
    assert dialog.already_missed.isChecked()  # its time has passed and it is still marked as scheduled
    dialog.show()
    dialog.next_button.click()
    assert dialog.plan.missed
    assert dialog.offered_kinds() == [MessageKind.NO_SHOW_VIA_AGENT_PHONE.value, MessageKind.NO_SHOW_APOLOGY.value]
    _assert_steps_whole(dialog)
    dialog.back_button.click()
    assert dialog.already_missed.isChecked()
