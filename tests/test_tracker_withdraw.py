"""Cancelling or declining: the agent for an agent's interview, the company otherwise; never silence."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.interviews import Channel, Interview, InterviewKind, Status
from core.tracker.messages import MessageKind
from core.tracker.withdraw import Contact, Reason, withdrawal_plan

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=JST)  # Friday evening before a Monday holiday


def interview(**fields) -> Interview:
    values = dict(company="株式会社サンプル", kind=InterviewKind.REAL, id=3,
                  starts_at=datetime(2026, 11, 26, 14, 0, tzinfo=JST))
    values.update(fields)
    return Interview(**values)


def texts(plan) -> list[str]:
    return [str(step.message) for step in plan.steps]


def test_an_agents_interview_is_cancelled_through_the_agent_by_phone_first():
    plan = withdrawal_plan(interview(channel=Channel.AGENT, agent_name="ABCキャリア 佐藤",
                                     agent_contact="03-1234-5678"), Reason.CANCEL, now=NOW)
    assert plan.contact is Contact.AGENT
    kinds = [step.message_kind for step in plan.steps]
    assert kinds[:3] == [None, MessageKind.DECLINE_VIA_AGENT_PHONE, MessageKind.DECLINE_VIA_AGENT_MAIL]
    assert "ABCキャリア 佐藤" in texts(plan)[1] and "03-1234-5678" in texts(plan)[1]
    assert "do not contact the company yourself" in texts(plan)[1]
    assert any("invented excuses" in str(w) for w in plan.warnings)
    assert plan.call_from == datetime(2026, 11, 24, 10, 15, tzinfo=JST)  # Tuesday: Monday is a holiday


def test_a_direct_application_is_cancelled_with_the_company_phone_then_mail():
    plan = withdrawal_plan(interview(contact_name="田中"), Reason.CANCEL, now=NOW)
    assert plan.contact is Contact.COMPANY
    assert [s.message_kind for s in plan.steps][1:3] == [MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL]
    assert "ask for 田中" in texts(plan)[1]
    assert plan.warnings == ()
    anonymous = withdrawal_plan(interview(), Reason.DECLINE, now=NOW)
    assert "person in charge of recruiting" in texts(anonymous)[1]


def test_a_referral_also_tells_the_person_who_referred():
    plan = withdrawal_plan(interview(channel=Channel.REFERRAL), Reason.DECLINE, now=NOW)
    assert any("referred you" in text for text in texts(plan))


def test_an_interview_already_missed_still_gets_an_apology():
    for already_missed, starts_at in ((True, datetime(2026, 11, 26, 14, 0, tzinfo=JST)),
                                      (False, datetime(2026, 11, 20, 14, 0, tzinfo=JST))):  # passed: detected
        plan = withdrawal_plan(interview(starts_at=starts_at), Reason.CANCEL, already_missed=already_missed,
                               now=NOW)
        assert "Apologise as soon as possible anyway" in str(plan.warnings[0])
        assert MessageKind.NO_SHOW_APOLOGY in [s.message_kind for s in plan.steps]
        assert "Do it now" not in " ".join(texts(plan))
    via_agent = withdrawal_plan(interview(channel=Channel.AGENT), Reason.CANCEL, already_missed=True, now=NOW)
    assert [s.message_kind for s in via_agent.steps][:2] == [None, MessageKind.NO_SHOW_APOLOGY]
    assert any("name is not recorded" in str(w) for w in via_agent.warnings)


def test_declining_an_offer_and_closing_the_loop():
    plan = withdrawal_plan(interview(status=Status.OFFER), Reason.DECLINE, now=NOW)
    assert any("Declining an offer" in str(w) for w in plan.warnings)
    assert "mark the interview as cancelled or declined" in texts(plan)[-1]


def test_declining_an_offer_uses_the_offer_templates_or_the_agent():
    direct = withdrawal_plan(interview(status=Status.OFFER), Reason.DECLINE, now=NOW)
    assert [s.message_kind for s in direct.steps][1:3] == [MessageKind.DECLINE_OFFER_PHONE,
                                                          MessageKind.DECLINE_OFFER_MAIL]
    via_agent = withdrawal_plan(interview(status=Status.OFFER, channel=Channel.AGENT, agent_name="佐藤"),
                                Reason.DECLINE, now=NOW)
    assert via_agent.contact is Contact.AGENT
    assert MessageKind.DECLINE_OFFER_MAIL not in [s.message_kind for s in via_agent.steps]
