"""The kinds of follow-up and of message, with their names: a leaf module.

The timeline (:mod:`core.tracker.events`) names the follow-up or message an
event concerns; the follow-up and message modules build on the timeline.  The
kinds live here so that each of those imports this module and none imports
the other.
"""

from __future__ import annotations

import enum

from core.messages import QT_TRANSLATE_NOOP, Message


class TaskKind(enum.Enum):
    THANK_YOU = "thank_you"  # thank-you mail after the interview
    CONFIRM_TERMS = "confirm_terms"  # after an offer: the written notice of employment terms
    ASK_RESULT = "ask_result"  # seven days without news
    MISSED_CALL = "missed_call"  # call the company back
    MISSED_CALL_MAIL = "missed_call_mail"  # the short written follow-up after calling back
    APOLOGISE = "apologise"  # an interview missed without notice: apologise at once


_TASK_TITLES = {
    TaskKind.THANK_YOU: QT_TRANSLATE_NOOP("FollowUps", "Send {company} a thank-you mail"),
    TaskKind.CONFIRM_TERMS: QT_TRANSLATE_NOOP("FollowUps", "Check the written terms of employment from {company}"),
    TaskKind.ASK_RESULT: QT_TRANSLATE_NOOP("FollowUps", "Ask {company} about the result"),
    TaskKind.MISSED_CALL: QT_TRANSLATE_NOOP("FollowUps", "Call {company} back"),
    TaskKind.MISSED_CALL_MAIL: QT_TRANSLATE_NOOP("FollowUps", "Send {company} a short mail after your call"),
    TaskKind.APOLOGISE: QT_TRANSLATE_NOOP("FollowUps", "Apologise to {company} for the missed interview"),
}

def task_title(kind: TaskKind, company: str) -> Message:
    return Message("FollowUps", _TASK_TITLES[kind], {"company": company})


class MessageKind(enum.Enum):
    ASK_TO_RECORD = "ask_to_record"  # spoken, at the start of the interview
    THANK_YOU = "thank_you"
    MISSED_CALL_SCRIPT = "missed_call_script"
    MISSED_CALL_MAIL = "missed_call_mail"
    CANCEL_PHONE = "cancel_phone"
    CANCEL_MAIL = "cancel_mail"
    CANCEL_VIA_AGENT_PHONE = "cancel_via_agent_phone"  # this interview only, through the agent
    CANCEL_VIA_AGENT_MAIL = "cancel_via_agent_mail"
    DECLINE_PHONE = "decline_phone"  # withdrawing from the selection, to the company
    DECLINE_MAIL = "decline_mail"
    DECLINE_VIA_AGENT_PHONE = "decline_via_agent_phone"
    DECLINE_VIA_AGENT_MAIL = "decline_via_agent_mail"
    LATE_REPLY_APOLOGY = "late_reply_apology"
    ASK_RESULT_MAIL = "ask_result_mail"  # after a week without news
    REQUEST_TERMS_MAIL = "request_terms_mail"  # after an offer: the written terms of employment
    NO_SHOW_APOLOGY = "no_show_apology"  # an interview missed without notice (mail)
    NO_SHOW_PHONE = "no_show_phone"  # the same apology by phone, to the company
    NO_SHOW_VIA_AGENT_PHONE = "no_show_via_agent_phone"  # ... to the agent who arranged it
    DECLINE_OFFER_PHONE = "decline_offer_phone"  # declining an offer, to the company
    DECLINE_OFFER_MAIL = "decline_offer_mail"
    TELL_REFERRER = "tell_referrer"  # a referral: telling the person who introduced you (mail or chat)



_KIND_LABELS = {
    MessageKind.ASK_TO_RECORD: QT_TRANSLATE_NOOP("MessageTemplates", "Asking permission to record"),
    MessageKind.THANK_YOU: QT_TRANSLATE_NOOP("MessageTemplates", "Thank-you mail"),
    MessageKind.MISSED_CALL_SCRIPT: QT_TRANSLATE_NOOP("MessageTemplates", "Calling back after a missed call"),
    MessageKind.MISSED_CALL_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Mail after a missed call"),
    MessageKind.CANCEL_PHONE: QT_TRANSLATE_NOOP("MessageTemplates", "Cancelling an interview by phone"),
    MessageKind.CANCEL_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Cancelling an interview by mail"),
    MessageKind.CANCEL_VIA_AGENT_PHONE: QT_TRANSLATE_NOOP("MessageTemplates",
                                                          "Cancelling an interview through the agent, by phone"),
    MessageKind.CANCEL_VIA_AGENT_MAIL: QT_TRANSLATE_NOOP("MessageTemplates",
                                                         "Cancelling an interview through the agent, by mail"),
    MessageKind.DECLINE_PHONE: QT_TRANSLATE_NOOP("MessageTemplates", "Withdrawing from the selection by phone"),
    MessageKind.DECLINE_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Withdrawing from the selection by mail"),
    MessageKind.DECLINE_VIA_AGENT_PHONE: QT_TRANSLATE_NOOP("MessageTemplates", "Declining through the agent, by phone"),
    MessageKind.DECLINE_VIA_AGENT_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Declining through the agent, by mail"),
    MessageKind.LATE_REPLY_APOLOGY: QT_TRANSLATE_NOOP("MessageTemplates", "Apology for a late reply"),
    MessageKind.ASK_RESULT_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Asking about the result"),
    MessageKind.REQUEST_TERMS_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Asking for the written terms"),
    MessageKind.NO_SHOW_APOLOGY: QT_TRANSLATE_NOOP("MessageTemplates", "Apologising for a missed interview, by mail"),
    MessageKind.NO_SHOW_PHONE: QT_TRANSLATE_NOOP("MessageTemplates", "Apologising for a missed interview, by phone"),
    MessageKind.NO_SHOW_VIA_AGENT_PHONE: QT_TRANSLATE_NOOP(
        "MessageTemplates", "Apologising to the agent for a missed interview, by phone"),
    MessageKind.DECLINE_OFFER_PHONE: QT_TRANSLATE_NOOP("MessageTemplates", "Declining an offer by phone"),
    MessageKind.DECLINE_OFFER_MAIL: QT_TRANSLATE_NOOP("MessageTemplates", "Declining an offer by mail"),
    MessageKind.TELL_REFERRER: QT_TRANSLATE_NOOP("MessageTemplates", "Telling the person who referred you"),
}

def kind_label(kind: MessageKind) -> Message:
    return Message("MessageTemplates", _KIND_LABELS[kind])
