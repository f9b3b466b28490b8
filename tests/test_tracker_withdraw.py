"""Cancelling or declining: the agent for an agent's interview, the company otherwise; never silence."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.tracker import messages
from core.tracker.kinds import MessageKind, kind_label
from core.tracker.messages import NEW_DATE, WITHDRAW, render
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
    # Cancelling one date is not withdrawing: the agent's cancel scripts, not the declining ones.
    assert kinds[:3] == [None, MessageKind.CANCEL_VIA_AGENT_PHONE, MessageKind.CANCEL_VIA_AGENT_MAIL]
    assert "ABCキャリア 佐藤" in texts(plan)[1] and "03-1234-5678" in texts(plan)[1]
    assert "do not contact the company yourself" in texts(plan)[1]
    assert any("invented excuses" in str(w) for w in plan.warnings)
    assert plan.call_from == datetime(2026, 11, 24, 10, 15, tzinfo=JST)  # Tuesday: Monday is a holiday
    # Not asking for another date is allowed, but the plan says what it usually means.
    assert plan.steps[1].choices == frozenset()
    assert any("not asking for another date" in str(w) for w in plan.warnings)
    wants_more = withdrawal_plan(interview(channel=Channel.AGENT, agent_name="佐藤"), Reason.CANCEL, now=NOW,
                                 new_date=True)
    assert [s.choices for s in wants_more.steps[1:3]] == [frozenset({NEW_DATE})] * 2
    assert "another date" in str(wants_more.steps[1].hint)
    assert not any("not asking" in str(w) for w in wants_more.warnings)
    assert "(" not in texts(wants_more)[1]  # no contact recorded: no empty brackets


def test_a_direct_application_is_cancelled_with_the_company_phone_then_mail():
    plan = withdrawal_plan(interview(contact_name="田中"), Reason.CANCEL, now=NOW, new_date=True)
    assert plan.contact is Contact.COMPANY
    assert [s.message_kind for s in plan.steps][1:3] == [MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL]
    assert "ask for 田中" in texts(plan)[1]
    assert "date and your name" in str(plan.steps[1].hint)
    assert plan.warnings == ()
    anonymous = withdrawal_plan(interview(), Reason.DECLINE, now=NOW)
    assert "person in charge of recruiting" in texts(anonymous)[1]
    # Declining (not an offer) withdraws from the selection: its own scripts, not the cancel ones.
    assert anonymous.message_kinds == (MessageKind.DECLINE_PHONE, MessageKind.DECLINE_MAIL)
    assert "withdraw from the selection" in str(anonymous.steps[1].hint)


def test_a_referral_also_tells_the_person_who_referred():
    plan = withdrawal_plan(interview(channel=Channel.REFERRAL), Reason.DECLINE, now=NOW)
    assert any("referred you" in text for text in texts(plan))
    # After the company (phone, then mail), with its own message: the company already knows by then.
    assert plan.message_kinds == (MessageKind.DECLINE_PHONE, MessageKind.DECLINE_MAIL, MessageKind.TELL_REFERRER)
    referrer = plan.steps[3]
    assert referrer.recipient is Contact.REFERRER and "referred you" in str(referrer.message)
    assert referrer.choices == frozenset({WITHDRAW, messages.TOLD_COMPANY})
    assert messages.recipient_party(MessageKind.TELL_REFERRER, interview(channel=Channel.REFERRAL)) == "referrer"
    # Cancelling says whether another date is being asked for, never that the user withdraws.
    cancel = withdrawal_plan(interview(channel=Channel.REFERRAL), Reason.CANCEL, now=NOW, new_date=True)
    assert cancel.steps[3].choices == frozenset({NEW_DATE, messages.TOLD_COMPANY})
    assert withdrawal_plan(interview(channel=Channel.REFERRAL), Reason.CANCEL, now=NOW).steps[3].choices == \
        frozenset({messages.TOLD_COMPANY})
    # No other channel has the step.
    for channel in (Channel.DIRECT, Channel.AGENT, Channel.PART_TIME):
        assert MessageKind.TELL_REFERRER not in withdrawal_plan(interview(channel=channel), Reason.DECLINE,
                                                                now=NOW).message_kinds


def test_an_interview_already_missed_still_gets_an_apology():
    for already_missed, starts_at in ((True, datetime(2026, 11, 26, 14, 0, tzinfo=JST)),
                                      (False, datetime(2026, 11, 20, 14, 0, tzinfo=JST))):  # passed: detected
        plan = withdrawal_plan(interview(starts_at=starts_at), Reason.CANCEL, already_missed=already_missed,
                               now=NOW)
        assert "Apologise as soon as possible anyway" in str(plan.warnings[0])
        assert plan.missed
        # A phone apology first, then the mail: both to the company.
        assert plan.message_kinds == (MessageKind.NO_SHOW_PHONE, MessageKind.NO_SHOW_APOLOGY)
        assert "Do it now" not in " ".join(texts(plan))
    via_agent = withdrawal_plan(interview(channel=Channel.AGENT), Reason.CANCEL, already_missed=True, now=NOW)
    assert via_agent.message_kinds == (MessageKind.NO_SHOW_VIA_AGENT_PHONE, MessageKind.NO_SHOW_APOLOGY)
    assert "pass your apology on" in str(via_agent.steps[0].hint)
    assert texts(via_agent)[0] == ("Call your recruiting agent first. The agent tells the company: do not contact "
                                   "the company yourself.")  # no name, no contact: no "?" nor empty brackets
    assert any("name is not recorded" in str(w) for w in via_agent.warnings)
    # Marked as not attended: missed, whatever the time says.
    marked = withdrawal_plan(interview(status=Status.NO_SHOW), Reason.DECLINE, now=NOW)
    assert marked.missed and marked.steps[0].choices == frozenset({WITHDRAW})


def test_declining_an_offer_and_closing_the_loop():
    plan = withdrawal_plan(interview(status=Status.OFFER), Reason.DECLINE, now=NOW)
    assert any("Declining an offer" in str(w) for w in plan.warnings)
    assert "mark the interview as declined" in texts(plan)[-1]
    assert "as cancelled" in texts(withdrawal_plan(interview(), Reason.CANCEL, now=NOW))[-1]


def test_declining_an_offer_uses_the_offer_templates_or_the_agent():
    direct = withdrawal_plan(interview(status=Status.OFFER), Reason.DECLINE, now=NOW)
    assert [s.message_kind for s in direct.steps][1:3] == [MessageKind.DECLINE_OFFER_PHONE,
                                                          MessageKind.DECLINE_OFFER_MAIL]
    via_agent = withdrawal_plan(interview(status=Status.OFFER, channel=Channel.AGENT, agent_name="佐藤"),
                                Reason.DECLINE, now=NOW)
    assert via_agent.contact is Contact.AGENT
    assert MessageKind.DECLINE_OFFER_MAIL not in [s.message_kind for s in via_agent.steps]


# -- every channel × cancel / decline × missed or not -------------------------------------------------

CHANNELS = list(Channel)
SITUATIONS = [(reason, missed, new_date) for reason in Reason for missed in (False, True)
              for new_date in ((False, True) if reason is Reason.CANCEL else (False,))]
_DECLINING_WORDS = ("declin", "withdraw", "辞退")


def full_interview(channel: Channel, status: Status = Status.SCHEDULED) -> Interview:
    agent = channel is Channel.AGENT
    return interview(channel=channel, status=status, position="営業職", stage=Stage.SECOND.value,
                     contact_name="田中", contact_email="tanaka@sample.example",
                     agent_name="ミライエージェント 佐藤" if agent else "",
                     agent_contact="sato@agent.example" if agent else "")


def expected_kinds(channel: Channel, reason: Reason, missed: bool, offer: bool) -> tuple[MessageKind, ...]:
    referrer = (MessageKind.TELL_REFERRER,) if channel is Channel.REFERRAL else ()
    return _expected_company_kinds(channel, reason, missed, offer) + referrer


def _expected_company_kinds(channel: Channel, reason: Reason, missed: bool, offer: bool
                            ) -> tuple[MessageKind, ...]:
    agent = channel is Channel.AGENT
    if missed:
        return (MessageKind.NO_SHOW_VIA_AGENT_PHONE if agent else MessageKind.NO_SHOW_PHONE,
                MessageKind.NO_SHOW_APOLOGY)
    if reason is Reason.CANCEL:
        return ((MessageKind.CANCEL_VIA_AGENT_PHONE, MessageKind.CANCEL_VIA_AGENT_MAIL) if agent
                else (MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL))
    if agent:
        return MessageKind.DECLINE_VIA_AGENT_PHONE, MessageKind.DECLINE_VIA_AGENT_MAIL
    return ((MessageKind.DECLINE_OFFER_PHONE, MessageKind.DECLINE_OFFER_MAIL) if offer
            else (MessageKind.DECLINE_PHONE, MessageKind.DECLINE_MAIL))


@pytest.mark.parametrize("channel", CHANNELS, ids=[c.value for c in CHANNELS])
@pytest.mark.parametrize("status", [Status.SCHEDULED, Status.OFFER], ids=["scheduled", "offer"])
def test_every_channel_and_situation_has_the_right_recipient_and_fitting_words(channel, status):
    item = full_interview(channel, status)
    agent = channel is Channel.AGENT
    for reason, missed, new_date in SITUATIONS:
        case = (channel, status, reason, missed, new_date)
        plan = withdrawal_plan(item, reason, already_missed=missed, now=NOW, new_date=new_date)
        offer = status is Status.OFFER and reason is Reason.DECLINE
        assert plan.contact is (Contact.AGENT if agent else Contact.COMPANY), case
        assert plan.missed is missed, case
        assert plan.message_kinds == expected_kinds(channel, reason, missed, offer), case
        assert ("Do it now" in texts(plan)[0]) is not missed, case
        # The phone step comes before the mail step, and each step's template addresses its recipient.
        phone, mail = [s for s in plan.steps if s.message_kind is not None and s.recipient is not Contact.REFERRER]
        assert not messages.render(phone.message_kind, "en", item, "x").is_mail, case
        assert messages.render(mail.message_kind, "en", item, "x").is_mail, case
        for step in (phone, mail):
            assert step.recipient is plan.contact, case
            assert messages.recipient_party(step.message_kind, item) == plan.contact.value, case
        assert (Contact.REFERRER in [s.recipient for s in plan.steps]) is (channel is Channel.REFERRAL), case
        # The user's choice reaches the templates that have the paragraph.
        expected_choice = (frozenset({WITHDRAW}) if missed and reason is Reason.DECLINE
                           else frozenset({NEW_DATE}) if new_date and reason is Reason.CANCEL else frozenset())
        assert phone.choices == mail.choices == expected_choice, case
        cancelling = reason is Reason.CANCEL
        for step in (phone, mail):
            label = str(kind_label(step.message_kind)).lower()
            if cancelling:  # nothing says "decline" where it means "cancel"
                assert not any(word in label for word in _DECLINING_WORDS), case
            for language in ("ja", "en"):
                draft = render(step.message_kind, language, item, "山田", {"reason": "体調を崩した"}, step.choices)
                words = f"{draft.subject}\n{draft.body}"
                assert draft.missing == (), (case, language)
                assert not any(mark in words for mark in ("{", "}", "〔", "[")), (case, language)
                assert "山田" in words, (case, language)  # your name, and which interview
                if cancelling or missed:
                    assert ("11月26日" if language == "ja" else "26 November") in words, (case, language)
                elif not offer:
                    assert ("二次面接" if language == "ja" else "second interview") in words, (case, language)
                if cancelling and not missed:
                    assert not any(word in words.lower() for word in _DECLINING_WORDS), (case, language)
                if cancelling and not missed and new_date:
                    assert ("別の日程" in words or "改めて面接の日程" in words if language == "ja"
                            else "another date" in words), (case, language)
                if missed:
                    assert ("申し訳ございませんでした" in words if language == "ja"
                            else "did not attend" in words), (case, language)
                    asks = "改めて面接の機会" in words if language == "ja" else "another" in words
                    assert asks is new_date, (case, language)
                if not cancelling:  # declining: said clearly, in the right terms for an offer
                    says = ("辞退" in words if language == "ja"
                            else ("decline" if offer else "withdraw") in words.lower())
                    assert says, (case, language)
                if agent:
                    assert "田中" not in words, (case, language)  # the agent, not the company's recruiter
                    assert "佐藤" in words, (case, language)
        if channel is Channel.REFERRAL:
            check_referrer_step(item, plan, case, offer)


def check_referrer_step(item: Interview, plan, case, offer: bool) -> None:
    """The referrer's message: what happened, thanks, a brief apology, and that the company already knows;
    their name is the one gap left for the user."""
    reason, _missed, new_date = case[2:]
    step = plan.steps[-2]
    assert step.recipient is Contact.REFERRER and step.message_kind is MessageKind.TELL_REFERRER, case
    assert messages.recipient_party(step.message_kind, item) == "referrer", case
    for language in ("ja", "en"):
        draft = render(step.message_kind, language, item, "山田", {"reason": "体調を崩した"}, step.choices)
        words = f"{draft.subject}\n{draft.body}"
        assert draft.is_mail and draft.missing == ("referrer",), (case, language)
        assert draft.recipient == "", (case, language)  # never the recruiter's address
        assert "tanaka@" not in words and "田中" not in words and "貴社" not in words, (case, language)
        gap = "〔紹介してくださった方のお名前〕" if language == "ja" else "[name of the person who referred you]"
        assert draft.body.count(gap) == 1 and [s.field for s in draft.spans if not s.filled] == ["referrer"]
        assert not any(mark in words for mark in ("{", "}")), (case, language)
        assert "山田" in words and "株式会社サンプル" in words and "体調を崩した" in words, (case, language)
        thanks, sorry, told = (("ご紹介いただき", "申し訳ありません", "すでに私から直接お伝えしています")
                               if language == "ja" else
                               ("introducing me", "I apologise", "I have already told"))
        assert thanks in words and sorry in words and told in words, (case, language)
        declining = reason is Reason.DECLINE
        if language == "ja":
            assert ("辞退" in words) is declining, (case, language)
            if declining:
                assert ("内定" if offer else "選考") + "を辞退" in words, (case, language)
            else:
                assert "11月26日" in words and "二次面接" in words, (case, language)
            assert ("別の日程" in words) is (not declining and new_date), (case, language)
        else:
            assert any(word in words.lower() for word in _DECLINING_WORDS) is declining, (case, language)
            if declining:
                assert ("decline their offer" if offer else "withdraw from their selection") in words, case
            else:
                assert "26 November" in words and "second interview" in words, (case, language)
            assert ("another date" in words) is (not declining and new_date), (case, language)
