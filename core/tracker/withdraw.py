"""Cancelling an interview or declining: whom to contact, how, in which order.

Never simply fail to show up (バックレ): it ends the application and can
follow the candidate (agents, group companies).  The plan:

* an interview arranged by a recruiting agent → the **agent**, by phone first,
  a mail if the call does not get through; never around the agent to the
  company;
* otherwise → the company's recruiter, by phone first, a mail if a call is
  impossible (a referral: tell the person who introduced you as well);
* already missed → apologise as soon as possible anyway, by phone then mail.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from core.interviews import Channel, Interview, Status, utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.tracker import rules
from core.tracker.messages import MessageKind
from core.tracker.tracker import local_zone

_CONTEXT = "Withdrawal"


class Reason(enum.Enum):
    CANCEL = "cancel"  # this interview will not take place
    DECLINE = "decline"  # withdraw from the selection (or decline an offer)


class Contact(enum.Enum):
    AGENT = "agent"
    COMPANY = "company"


@dataclass(frozen=True)
class Step:
    message: Message
    message_kind: MessageKind | None = None  # the template that helps with this step


@dataclass(frozen=True)
class Plan:
    contact: Contact
    steps: tuple[Step, ...]
    warnings: tuple[Message, ...]
    call_from: datetime | None = None  # the first good moment to telephone


def _m(text: str, **params: object) -> Message:
    return Message(_CONTEXT, text, params)


def withdrawal_plan(interview: Interview, reason: Reason, already_missed: bool = False,
                    now: datetime | None = None) -> Plan:
    """The steps to cancel or decline ``interview`` properly, for its channel."""
    now = now or utc_now()
    zone = local_zone(interview)
    call_from = rules.missed_call_window(now.astimezone(zone))[0]
    if reason is Reason.CANCEL and interview.status is Status.SCHEDULED and interview.starts_at:
        already_missed = already_missed or interview.starts_at <= now  # the time has passed: it was missed
    steps: list[Step] = []
    warnings: list[Message] = []
    agent = interview.channel is Channel.AGENT
    if already_missed:
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "The interview time has passed. Apologise as soon as possible anyway: "
            "silence ends the application and can follow you to other companies and agents.")))
    if agent:
        name = interview.agent_name or "?"
        contact = interview.agent_contact
        steps.append(Step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Call your agent, {agent}, first ({contact}). The agent tells the company: "
            "do not contact the company yourself."), agent=name, contact=contact or "—"),
            None if already_missed else MessageKind.DECLINE_VIA_AGENT_PHONE))
        steps.append(Step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "If the call does not get through, send the agent a mail the same day."), agent=name),
            MessageKind.NO_SHOW_APOLOGY if already_missed else MessageKind.DECLINE_VIA_AGENT_MAIL))
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Give the real reason, briefly: invented excuses damage the agent's trust, "
            "and with it their future introductions.")))
        if not interview.agent_name:
            warnings.append(_m(QT_TRANSLATE_NOOP(
                "Withdrawal", "The agent's name is not recorded for this interview: add it before you call.")))
    else:
        offer = reason is Reason.DECLINE and interview.status is Status.OFFER
        phone_kind = None if already_missed else MessageKind.DECLINE_OFFER_PHONE if offer else MessageKind.CANCEL_PHONE
        mail_kind = (MessageKind.NO_SHOW_APOLOGY if already_missed
                     else MessageKind.DECLINE_OFFER_MAIL if offer else MessageKind.CANCEL_MAIL)
        if interview.contact_name:
            call = _m(QT_TRANSLATE_NOOP(
                "Withdrawal", "Call {company} first and ask for {contact}. Apologise, thank them, and give the "
                "interview's date and your name."), company=interview.company, contact=interview.contact_name)
        else:
            call = _m(QT_TRANSLATE_NOOP(
                "Withdrawal", "Call {company} first and ask for the person in charge of recruiting. Apologise, "
                "thank them, and give the interview's date and your name."), company=interview.company)
        steps.append(Step(call, phone_kind))
        steps.append(Step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "If a call is impossible, or nobody answers, send a mail instead the same day.")),
            mail_kind))
        if interview.channel is Channel.REFERRAL:
            steps.append(Step(_m(QT_TRANSLATE_NOOP(
                "Withdrawal", "Tell the person who referred you, too, so that they do not hear it from the "
                "company first."))))
    if not already_missed:
        steps.insert(0, Step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Do it now: the earlier they know, the less trouble it causes."))))
    if reason is Reason.DECLINE and interview.status is Status.OFFER:
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Declining an offer: say so clearly and thank them; you do not need to justify "
            "your choice at length.")))
    steps.append(Step(_m(QT_TRANSLATE_NOOP(
        "Withdrawal", "Afterwards, mark the interview as cancelled or declined so that its follow-ups close."))))
    return Plan(Contact.AGENT if agent else Contact.COMPANY, tuple(steps), tuple(warnings), call_from)
