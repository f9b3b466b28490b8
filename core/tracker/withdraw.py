"""Cancelling an interview or declining: whom to contact, how, in which order, and with which words.

Never simply fail to show up (バックレ): it ends the application and can
follow the candidate (agents, group companies).  The plan:

* an interview arranged by a recruiting agent → the **agent**, by phone first,
  a mail if the call does not get through; never around the agent to the
  company;
* otherwise → the company's recruiter, by phone first, a mail if a call is
  impossible (a referral: then tell the person who introduced you as well, by
  mail or chat: :attr:`~core.tracker.kinds.MessageKind.TELL_REFERRER`);
* already missed → apologise as soon as possible anyway, by phone then mail.

*Cancelling* drops one interview date (asking for another one when the user
wants to continue: :data:`~core.tracker.messages.NEW_DATE`); *declining*
withdraws from the selection, or declines an offer.  Each step names its
recipient and the template that helps with it, with the user's choice for the
template's optional paragraphs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from core.interviews import Channel, Interview, Status, utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.tracker import messages, rules
from core.tracker.kinds import MessageKind
from core.tracker.tracker import local_zone

_CONTEXT = "Withdrawal"


class Reason(enum.Enum):
    CANCEL = "cancel"  # this interview will not take place
    DECLINE = "decline"  # withdraw from the selection (or decline an offer)


def status_after(reason: Reason) -> Status:
    """The interview's status once the user has withdrawn for ``reason``."""
    return Status.CANCELLED if reason is Reason.CANCEL else Status.DECLINED


class Contact(enum.Enum):
    AGENT = "agent"
    COMPANY = "company"
    REFERRER = "referrer"  # the person who introduced the candidate (a referral)


@dataclass(frozen=True)
class Step:
    message: Message
    message_kind: MessageKind | None = None  # the template that helps with this step
    recipient: Contact | None = None  # whom the step contacts
    hint: Message | None = None  # what to say, in a sentence
    choices: frozenset[str] = frozenset()  # the user's choices for the template (messages.CHOICES)


@dataclass(frozen=True)
class Plan:
    contact: Contact
    steps: tuple[Step, ...]
    warnings: tuple[Message, ...]
    call_from: datetime | None = None  # the first good moment to telephone
    missed: bool = False  # the interview time has passed without the candidate

    @property
    def message_kinds(self) -> tuple[MessageKind, ...]:
        return tuple(step.message_kind for step in self.steps if step.message_kind is not None)


def _m(text: str, **params: object) -> Message:
    return Message(_CONTEXT, text, params)


# (agent?, situation) → (phone script, mail)
_TEMPLATES = {
    (True, "cancel"): (MessageKind.CANCEL_VIA_AGENT_PHONE, MessageKind.CANCEL_VIA_AGENT_MAIL),
    (True, "decline"): (MessageKind.DECLINE_VIA_AGENT_PHONE, MessageKind.DECLINE_VIA_AGENT_MAIL),
    (True, "offer"): (MessageKind.DECLINE_VIA_AGENT_PHONE, MessageKind.DECLINE_VIA_AGENT_MAIL),
    (True, "missed"): (MessageKind.NO_SHOW_VIA_AGENT_PHONE, MessageKind.NO_SHOW_APOLOGY),
    (False, "cancel"): (MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL),
    (False, "decline"): (MessageKind.DECLINE_PHONE, MessageKind.DECLINE_MAIL),
    (False, "offer"): (MessageKind.DECLINE_OFFER_PHONE, MessageKind.DECLINE_OFFER_MAIL),
    (False, "missed"): (MessageKind.NO_SHOW_PHONE, MessageKind.NO_SHOW_APOLOGY),
}


def _hint(situation: str, agent: bool, choice: str | None) -> Message:
    """What to say on the phone, in one sentence."""
    if situation == "missed":
        if agent:
            text = {
                None: QT_TRANSLATE_NOOP("Withdrawal", "Apologise for missing the interview, without excuses; give "
                                        "its date and your name, and ask the agent to pass your apology on."),
                messages.NEW_DATE: QT_TRANSLATE_NOOP(
                    "Withdrawal", "Apologise for missing the interview, without excuses; give its date and your "
                    "name, ask the agent to pass your apology on, then ask whether another chance is possible."),
                messages.WITHDRAW: QT_TRANSLATE_NOOP(
                    "Withdrawal", "Apologise for missing the interview, without excuses; give its date and your "
                    "name, ask the agent to pass your apology on, and say that you withdraw."),
            }[choice]
        else:
            text = {
                None: QT_TRANSLATE_NOOP("Withdrawal", "Apologise for missing the interview, without excuses; give "
                                        "its date and your name."),
                messages.NEW_DATE: QT_TRANSLATE_NOOP(
                    "Withdrawal", "Apologise for missing the interview, without excuses; give its date and your "
                    "name, then ask whether another chance is possible."),
                messages.WITHDRAW: QT_TRANSLATE_NOOP(
                    "Withdrawal", "Apologise for missing the interview, without excuses; give its date and your "
                    "name, and say that you withdraw."),
            }[choice]
    elif situation == "cancel":
        text = (QT_TRANSLATE_NOOP("Withdrawal", "Say that you cannot attend; apologise, thank them, give the "
                                  "interview's date and your name, then ask whether another date is possible.")
                if choice == messages.NEW_DATE else
                QT_TRANSLATE_NOOP("Withdrawal", "Say that you cannot attend; apologise, thank them, and give the "
                                  "interview's date and your name."))
    elif situation == "offer":
        text = QT_TRANSLATE_NOOP("Withdrawal", "Thank them for the offer, decline it clearly, and give your name.")
    else:
        text = QT_TRANSLATE_NOOP("Withdrawal", "Say briefly and honestly that you withdraw from the selection; "
                                 "apologise, thank them, and give your name.")
    return _m(text)


def _call_agent(interview: Interview) -> Message:
    name, contact = " ".join(filter(None, (interview.agent_name, interview.agency and f"({interview.agency})"))), \
        interview.agent_contact  # the adviser and the agency: "Mr Mori (JobLink)"
    if name and contact:
        return _m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Call your agent, {agent}, first ({contact}). The agent tells the company: "
            "do not contact the company yourself."), agent=name, contact=contact)
    if name:
        return _m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Call your agent, {agent}, first. The agent tells the company: "
            "do not contact the company yourself."), agent=name)
    if contact:
        return _m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Call your recruiting agent first ({contact}). The agent tells the company: "
            "do not contact the company yourself."), contact=contact)
    return _m(QT_TRANSLATE_NOOP(
        "Withdrawal", "Call your recruiting agent first. The agent tells the company: "
        "do not contact the company yourself."))


def _call_company(interview: Interview) -> Message:
    if interview.contact_name:
        return _m(QT_TRANSLATE_NOOP("Withdrawal", "Call {company} first and ask for {contact}."),
                  company=interview.company, contact=interview.contact_name)
    return _m(QT_TRANSLATE_NOOP("Withdrawal", "Call {company} first and ask for the person in charge of recruiting."),
              company=interview.company)


def is_missed(interview: Interview, reason: Reason, already_missed: bool, now: datetime) -> bool:
    """Missed when the user says so, when it is marked as not attended, or when a scheduled interview that
    is being cancelled has already begun."""
    if already_missed or interview.status is Status.NO_SHOW:
        return True
    return (reason is Reason.CANCEL and interview.status is Status.SCHEDULED and interview.starts_at is not None
            and interview.starts_at <= now)


def withdrawal_plan(interview: Interview, reason: Reason, already_missed: bool = False,
                    now: datetime | None = None, new_date: bool = False) -> Plan:
    """The steps to cancel or decline ``interview`` properly, for its channel.

    ``new_date``: when cancelling, the user wants to continue, so the scripts and mails ask whether another
    date (after a missed interview: another chance) is possible.  Declining never asks.
    """
    now = now or utc_now()
    zone = local_zone(interview)
    call_from = rules.missed_call_window(now.astimezone(zone))[0]
    missed = is_missed(interview, reason, already_missed, now)
    offer = reason is Reason.DECLINE and interview.status is Status.OFFER
    agent = interview.channel is Channel.AGENT
    contact = Contact.AGENT if agent else Contact.COMPANY
    situation = "missed" if missed else "offer" if offer else reason.value
    if reason is Reason.DECLINE:
        choice = messages.WITHDRAW if missed else None
    else:
        choice = messages.NEW_DATE if new_date else None
    phone_kind, mail_kind = _TEMPLATES[(agent, situation)]

    def step(message: Message, kind: MessageKind, hint: Message | None = None) -> Step:
        chosen = frozenset({choice} & set(messages.choices(kind))) if choice else frozenset()
        return Step(message, kind, contact, hint, chosen)

    steps: list[Step] = []
    warnings: list[Message] = []
    if missed:
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "The interview time has passed. Apologise as soon as possible anyway: "
            "silence ends the application and can follow you to other companies and agents.")))
    else:
        steps.append(Step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Do it now: the earlier they know, the less trouble it causes."))))
    if agent:
        steps.append(step(_call_agent(interview), phone_kind, _hint(situation, True, choice)))
        steps.append(step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "If the call does not get through, send the agent a mail the same day.")), mail_kind))
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Give the real reason, briefly: invented excuses damage the agent's trust, "
            "and with it their future introductions.")))
        if not interview.agent_name:
            warnings.append(_m(QT_TRANSLATE_NOOP(
                "Withdrawal", "The agent's name is not recorded for this interview: add it before you call.")))
    else:
        steps.append(step(_call_company(interview), phone_kind, _hint(situation, False, choice)))
        steps.append(step(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "If a call is impossible, or nobody answers, send a mail instead the same day.")),
            mail_kind))
        if interview.channel is Channel.REFERRAL:
            # After the company: the message can say that the company already knows.  Declining (or withdrawing
            # after a missed interview) says so; a cancellation says whether another date is being asked for.
            told = {messages.TOLD_COMPANY, *([messages.WITHDRAW] if reason is Reason.DECLINE else
                                             [choice] if choice else [])}
            steps.append(Step(_m(QT_TRANSLATE_NOOP(
                "Withdrawal", "Tell the person who referred you, too, so that they do not hear it from the "
                "company first.")), MessageKind.TELL_REFERRER, Contact.REFERRER, choices=frozenset(told)))
    if reason is Reason.CANCEL and not missed and not new_date:
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "You are not asking for another date: a cancellation without one usually ends the "
            "application. If you want to continue, ask for another date.")))
    if offer:
        warnings.append(_m(QT_TRANSLATE_NOOP(
            "Withdrawal", "Declining an offer: say so clearly and thank them; you do not need to justify "
            "your choice at length.")))
    steps.append(Step(_m(
        QT_TRANSLATE_NOOP("Withdrawal", "Afterwards, mark the interview as cancelled so that its follow-ups close.")
        if reason is Reason.CANCEL else
        QT_TRANSLATE_NOOP("Withdrawal", "Afterwards, mark the interview as declined so that its follow-ups close."))))
    return Plan(contact, tuple(steps), tuple(warnings), call_from, missed)
