"""The messages a candidate has to send, filled from the interview.

Templates are data (``resources/templates/messages.json``, Japanese and
English, polite business register).  :func:`render` fills one from an
interview, the user's name and optional extra values, and reports what is
still missing: each ``{field}`` becomes a :class:`FieldSpan` in the body, and
a field without a value shows a bracketed placeholder (〔会社名〕,
[company name]) and is listed in ``Draft.missing``.  Fields with a default
(the recruiter's name → 採用ご担当者様 / Hiring Team) are never missing.

Some templates hold optional sections (``{?new_date}…{/new_date}``, and
``{!name}…{/name}`` for the opposite): the user's :data:`CHOICES` (ask for
another date, or say that you withdraw; to a referrer, that the company
already knows) and two facts taken from the
interview (an offer; arranged by an agent) decide which are kept.

Dates are written in the interview's local time: 「11月25日（水）14時」,
"Wednesday, 25 November at 2:00 pm".

The request to record (:attr:`MessageKind.ASK_TO_RECORD`) is the consent
gate's own wording (:data:`core.consent.REQUEST_WORDING`), so the two never
drift apart.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from core import paths
from core.consent import REQUEST_WORDING
from core.interviews import Channel, Interview, Status, local_time
from core.labels import stage_text
from core.messages import QT_TRANSLATE_NOOP, Message
from core.tracker.kinds import MessageKind

LANGUAGES = ("ja", "en")
_CONTEXT = "MessageTemplates"
_FIELD = re.compile(r"\{([a-z_]+)(\??)\}")
_SECTION = re.compile(r"\{([?!])([a-z_]+)\}(.*?)\{/\2\}", re.DOTALL)
_SECTION_MARK = re.compile(r"\{[?!/]([a-z_]+)\}")


# messages.json as read (see resources/templates/messages.json): JSON objects, one per template in
# "templates" ({"medium", "recipient", "ja": {"subject", "body", "defaults"?}, "en": ...}) and per field.
_Json = dict[str, Any]


class Medium(enum.Enum):
    MAIL = "mail"
    PHONE = "phone"  # a script to read from while calling (or speaking)


FIELD_LABELS: dict[str, Message] = {
    name: Message("MessageFields", text) for name, text in {
        "company": QT_TRANSLATE_NOOP("MessageFields", "Company"),
        "position": QT_TRANSLATE_NOOP("MessageFields", "Position"),
        "stage": QT_TRANSLATE_NOOP("MessageFields", "Stage"),
        "date": QT_TRANSLATE_NOOP("MessageFields", "Interview date and time"),
        "contact": QT_TRANSLATE_NOOP("MessageFields", "Recruiter's name"),
        "interviewer": QT_TRANSLATE_NOOP("MessageFields", "Interviewers"),
        "agent": QT_TRANSLATE_NOOP("MessageFields", "Agent"),
        "addressee": QT_TRANSLATE_NOOP("MessageFields", "Addressee"),
        "company_ref": QT_TRANSLATE_NOOP("MessageFields", "Company"),
        "what": QT_TRANSLATE_NOOP("MessageFields", "What you decline"),
        "user_name": QT_TRANSLATE_NOOP("MessageFields", "Your name"),
        "user_contact": QT_TRANSLATE_NOOP("MessageFields", "Your phone or mail"),
        "topic": QT_TRANSLATE_NOOP("MessageFields", "What you appreciated in the conversation"),
        "missed_time": QT_TRANSLATE_NOOP("MessageFields", "When they called"),
        "reason": QT_TRANSLATE_NOOP("MessageFields", "Reason, in one sentence"),
        "reachable": QT_TRANSLATE_NOOP("MessageFields", "How they can reach you from now on"),
        "summary": QT_TRANSLATE_NOOP("MessageFields", "What happened since your call"),
        "about": QT_TRANSLATE_NOOP("MessageFields", "What the reply is about"),
        "reply": QT_TRANSLATE_NOOP("MessageFields", "Your answer"),
        "referrer": QT_TRANSLATE_NOOP("MessageFields", "Who referred you"),
    }.items()
}

# What the user decides for a cancelled or missed interview; a template offers those its text depends on.
NEW_DATE = "new_date"  # ask whether another date (another chance) is possible: the user wants to continue
WITHDRAW = "withdraw"  # say that the user withdraws
TOLD_COMPANY = "told_company"  # to a referrer: say that the company has already been told
EXCLUSIVE = (NEW_DATE, WITHDRAW)  # at most one of these
CHOICES = (NEW_DATE, WITHDRAW, TOLD_COMPANY)
CHOICE_LABELS: dict[str, Message] = {
    NEW_DATE: Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "MessageTemplates", "Ask whether another date is possible (I want to continue)")),
    WITHDRAW: Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "MessageTemplates", "Say that I withdraw (I do not want to continue)")),
    TOLD_COMPANY: Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "MessageTemplates", "Say that I have already told the company myself")),
}
# Sections that follow from the interview itself.
_OFFER = "offer"  # its status is an offer
_AGENT = "agent"  # arranged by a recruiting agent

# Values the user types for these fields are sentences or clauses: a final full stop is dropped,
# the template supplies its own punctuation.
_CLAUSES = ("reason", "reachable", "summary", "topic", "about")
_HONORIFIC_SUFFIXES = ("様", "さま", "さん", "殿", "氏")
# A name ending in a job title takes no 様 (佐藤部長, not 佐藤部長様).
_TITLES = ("部長", "課長", "係長", "次長", "室長", "所長", "店長", "支店長", "本部長", "社長", "副社長", "会長",
           "専務", "常務", "取締役", "役員", "主任", "CEO", "CTO", "COO")


_ROLE_IN_BRACKETS = re.compile(r"\s*[（(][^（）()]*[)）]$")  # 「佐藤様（営業部長）」: the role after the name
_ENGLISH_TITLE = re.compile(r"^(?:mr|ms|mrs|miss|mx|dr|prof)\.?\s+", re.IGNORECASE)  # 「Ms Ito」: 様 replaces it


@dataclass(frozen=True)
class FieldSpan:
    start: int  # character offsets into Draft.body
    end: int
    field: str
    filled: bool


@dataclass(frozen=True)
class Draft:
    kind: MessageKind
    language: str
    subject: str  # empty for phone scripts
    body: str
    missing: tuple[str, ...]  # field names without a value, in order of appearance
    spans: tuple[FieldSpan, ...]
    recipient: str  # a mail address when known, else ""
    channel_note: Message | None  # e.g. "send this to the agent, not the company"
    medium: Medium = Medium.MAIL
    choices: frozenset[str] = frozenset()  # the user's CHOICES this draft was written with

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def is_mail(self) -> bool:
        return self.medium is Medium.MAIL


@lru_cache(maxsize=1)
def _data() -> _Json:
    data: _Json = json.loads(templates_path().read_text("utf-8"))
    return data


def templates_path() -> Path:
    return paths.resources_dir() / "templates" / "messages.json"


def medium(kind: MessageKind) -> Medium:
    if kind is MessageKind.ASK_TO_RECORD:
        return Medium.PHONE
    return Medium(_data()["templates"][kind.value]["medium"])


def choices(kind: MessageKind) -> tuple[str, ...]:
    """The :data:`CHOICES` the template's text depends on (e.g. asking for another date), in CHOICES order."""
    if kind is MessageKind.ASK_TO_RECORD:
        return ()
    template = _data()["templates"][kind.value]
    used = {match.group(1) for language in LANGUAGES for part in ("subject", "body")
            for match in _SECTION_MARK.finditer(template[language][part])}
    return tuple(choice for choice in CHOICES if choice in used)


def recipient_party(kind: MessageKind, interview: Interview | None) -> str:
    """Whom the message addresses: ``"agent"``, ``"company"`` (a "party" template: the agent for an agent's
    interview) or ``"referrer"`` (who introduced the candidate); ``""`` for the request to record, which is
    spoken in the interview."""
    if kind is MessageKind.ASK_TO_RECORD:
        return ""
    recipient: str = _data()["templates"][kind.value]["recipient"]
    if recipient == "party":
        return "agent" if interview is not None and interview.channel is Channel.AGENT else "company"
    return recipient


def fields(kind: MessageKind) -> tuple[str, ...]:
    """The field names the template uses (subject and body, both languages), in order of first use."""
    if kind is MessageKind.ASK_TO_RECORD:
        return ()
    template = _data()["templates"][kind.value]
    seen: dict[str, None] = {}
    for language in LANGUAGES:
        for part in ("subject", "body"):
            for match in _FIELD.finditer(template[language][part]):
                seen.setdefault(match.group(1))
    return tuple(seen)


# -- dates --------------------------------------------------------------------------------------------

_WEEKDAYS_JA = "月火水木金土日"
# Not strftime: Qt sets the C library's locale from the environment, which would turn %A into 水曜日.
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def format_date(moment: datetime, language: str) -> str:
    """「11月25日（水）14時」 or "Wednesday, 25 November at 2:00 pm", in the moment's own offset."""
    if language == "ja":
        clock = f"{moment.hour}時" + (f"{moment.minute}分" if moment.minute else "")
        return f"{moment.month}月{moment.day}日（{_WEEKDAYS_JA[moment.weekday()]}）{clock}"
    hour = moment.hour % 12 or 12
    half = "am" if moment.hour < 12 else "pm"
    return (f"{_WEEKDAYS_EN[moment.weekday()]}, {moment.day} {_MONTHS_EN[moment.month - 1]}"
            f" at {hour}:{moment.minute:02d} {half}")


# -- field values -------------------------------------------------------------------------------------

def _honorific_ja(names: str) -> str:
    """「田中、鈴木さん、佐藤部長」 → 「田中様、鈴木様、佐藤部長」: each name once with 様, a title instead; a role
    in brackets stays after it (「佐藤様（営業部長）」), an English title goes (「Ms Ito」 → 「Ito様」)."""
    parts = [part.strip() for part in re.split(r"[、,，/／\n]+", names) if part.strip()]
    out = []
    for part in parts:
        role = ""
        if (bracket := _ROLE_IN_BRACKETS.search(part)) is not None and bracket.start() > 0:
            part, role = part[: bracket.start()].rstrip(), bracket.group(0).strip()
        part = _ENGLISH_TITLE.sub("", part) or part
        for suffix in _HONORIFIC_SUFFIXES:
            if part.endswith(suffix) and len(part) > len(suffix):
                part = part[: -len(suffix)].rstrip()
                break
        out.append((part if part.endswith(_TITLES) else part + "様") + role)
    return "、".join(out)


def agent_label(interview: Interview) -> str:
    """The agent in a note, in any language: the adviser and the agency ("Mr Mori (JobLink)"), "?" if neither."""
    person, agency = interview.agent_name, interview.agency
    return f"{person} ({agency})" if person and agency else person or agency or "?"


def _agent_values(interview: Interview, language: str) -> tuple[str, str]:
    """(how a script names the agent, how a mail to them is addressed): the adviser at the agency.

    「JobLinkの森様」 / "Mr Mori at JobLink" in a script, 「JobLink\n森様」 / "Mr Mori" above a mail; with the
    agency alone, its adviser unnamed (「JobLinkのご担当者様」 / "my adviser at JobLink", "JobLink team")."""
    person, agency = interview.agent_name, interview.agency
    if language == "ja":
        honoured = _honorific_ja(person) if person else ""
        said = f"{agency}の{honoured or 'ご担当者様'}" if agency else honoured
        return said, "\n".join(filter(None, (agency, honoured or ("ご担当者様" if agency else ""))))
    said = f"{person} at {agency}" if person and agency else person or (f"my adviser at {agency}" if agency else "")
    return said, person or (f"{agency} team" if agency else "")


def _values(interview: Interview | None, language: str, user_name: str,
            extra: Mapping[str, object]) -> dict[str, str]:
    values: dict[str, str] = {"user_name": user_name.strip()}
    if interview is not None:
        people = (lambda text: _honorific_ja(text)) if language == "ja" else (lambda text: text)
        values.update(
            company=interview.company,
            position=interview.position,
            stage=stage_text(interview.stage, language),
            date=format_date(local_time(interview.starts_at), language) if interview.starts_at else "",
            contact=people(interview.contact_name) if interview.contact_name else "",
            interviewer=people(interview.interviewers) if interview.interviewers else "",
        )
        values["agent"], agent_addressee = _agent_values(interview, language)
        offer = interview.status is Status.OFFER
        if language == "ja":
            values["what"] = "内定" if offer else "選考"
        else:
            values["what"] = "offer" if offer else "selection process"
        # Writing to the company itself, Japanese says 貴社 rather than its name (to an agent: its name and 様).
        values["company_ref"] = interview.company
        if interview.channel is Channel.AGENT:
            values["addressee"] = agent_addressee
        elif language == "ja":
            values["addressee"] = "\n".join(filter(None, (interview.company, values["contact"] or "採用ご担当者様")))
        else:
            values["addressee"] = interview.contact_name or "Hiring Team"
        if language == "ja" and interview.channel is not Channel.AGENT:
            values["company_ref"] = "貴社"
        elif language == "ja" and interview.company:  # to the agent, the client company takes 様
            values["company_ref"] = interview.company + "様"
    for key, value in extra.items():
        if isinstance(value, datetime):
            value = format_date(local_time(value), language)
        text = str(value).strip()
        if key in _CLAUSES:
            text = text.rstrip("。．.")
        values[key] = text
    return values


def _default(template: _Json, language: str, name: str, optional: bool) -> str | None:
    overrides: dict[str, str] = template[language].get("defaults", {})
    if name in overrides:
        return overrides[name]
    spec: _Json = _data()["fields"].get(name, {})
    if "default" in spec:
        default: str = spec["default"][language]
        return default
    return "" if optional else None


def _placeholder(name: str, language: str) -> str:
    label = _data()["fields"].get(name, {}).get(language, name)
    return f"〔{label}〕" if language == "ja" else f"[{label}]"


def _fill(text: str, template: _Json, language: str, values: dict[str, str], missing: dict[str, None],
          spans: list[FieldSpan] | None) -> str:
    out: list[str] = []
    length = 0
    position = 0
    for match in _FIELD.finditer(text):
        literal = text[position:match.start()]
        out.append(literal)
        length += len(literal)
        name, optional = match.group(1), bool(match.group(2))
        value = values.get(name, "")
        filled = True
        if not value:
            default = _default(template, language, name, optional)
            if default is None:
                filled = False
                missing.setdefault(name)
                value = _placeholder(name, language)
            else:
                value = default
        if spans is not None and value:
            spans.append(FieldSpan(length, length + len(value), name, filled))
        out.append(value)
        length += len(value)
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _sections(text: str, on: frozenset[str]) -> str:
    """Keep ``{?name}…{/name}`` when ``name`` is on and ``{!name}…{/name}`` when it is off; drop the others."""
    while True:
        kept = _SECTION.sub(lambda m: m.group(3) if (m.group(2) in on) == (m.group(1) == "?") else "", text)
        if kept == text:
            return kept
        text = kept


def _tidy(body: str) -> str:
    """No empty lines at the end (an empty optional signature line); offsets before that are kept."""
    return body.rstrip() + "\n"


_NOTES = {
    "agent_company": QT_TRANSLATE_NOOP(
        "MessageTemplates", "This interview was arranged by {agent}: contact the agent rather than the company."),
    "agent": QT_TRANSLATE_NOOP("MessageTemplates", "Send this to your agent, {agent}, not to the company."),
    "agent_thanks": QT_TRANSLATE_NOOP(
        "MessageTemplates", "This interview was arranged by {agent}. The usual route for thanks is through the "
        "agent: send this to them and ask them to pass it on. Write to the company directly only if the agent "
        "says so."),
    "agent_phone": QT_TRANSLATE_NOOP(
        "MessageTemplates", "Call your agent, {agent}, with this script, not the company."),
    "not_agent": QT_TRANSLATE_NOOP(
        "MessageTemplates", "This interview is not recorded as arranged by an agent: choose the message to the "
        "company, or add the agent in the interview's details."),
    "phone": QT_TRANSLATE_NOOP("MessageTemplates", "A script to read from: call on a weekday between 10:15 and "
                               "16:45, not over lunch."),
    "referrer": QT_TRANSLATE_NOOP(
        "MessageTemplates", "For the person who referred you, by mail or the chat you usually use: write it once "
        "the company knows, so that they hear it from you first. Fill in their name."),
}


def _channel_note(kind: MessageKind, template: _Json, interview: Interview | None) -> Message | None:
    if interview is None:
        return None
    agent = agent_label(interview)
    phone = template["medium"] == "phone"
    if template["recipient"] == "referrer":
        return Message(_CONTEXT, _NOTES["referrer"])
    if template["recipient"] == "party" and interview.channel is Channel.AGENT:
        return Message(_CONTEXT, _NOTES["agent_phone" if phone else "agent"], {"agent": agent})
    if template["recipient"] == "agent":
        if interview.channel is not Channel.AGENT:
            return Message(_CONTEXT, _NOTES["not_agent"])
        return Message(_CONTEXT, _NOTES["agent_phone" if phone else "agent"], {"agent": agent})
    if interview.channel is Channel.AGENT and kind in (
            MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL, MessageKind.MISSED_CALL_SCRIPT,
            MessageKind.ASK_RESULT_MAIL, MessageKind.REQUEST_TERMS_MAIL, MessageKind.DECLINE_OFFER_PHONE,
            MessageKind.DECLINE_OFFER_MAIL, MessageKind.DECLINE_PHONE, MessageKind.DECLINE_MAIL,
            MessageKind.NO_SHOW_PHONE):
        return Message(_CONTEXT, _NOTES["agent_company"], {"agent": agent})
    if interview.channel is Channel.AGENT and kind is MessageKind.THANK_YOU:
        return Message(_CONTEXT, _NOTES["agent_thanks"], {"agent": agent})
    if template["medium"] == "phone":
        return Message(_CONTEXT, _NOTES["phone"])
    return None


def _recipient(template: _Json, interview: Interview | None) -> str:
    if interview is None or template["recipient"] == "referrer":  # no address is recorded for a referrer
        return ""
    to_agent = template["recipient"] == "agent" or (
        template["recipient"] == "party" and interview.channel is Channel.AGENT)
    address = interview.agent_contact if to_agent else interview.contact_email
    return address if "@" in address else ""


def render(kind: MessageKind, language: str, interview: Interview | None, user_name: str,
           extra: Mapping[str, object] | None = None, chosen: Iterable[str] = ()) -> Draft:
    """A draft of ``kind`` in ``language`` ("ja" or "en") filled from the interview and ``extra`` values.

    ``chosen``: the user's :data:`CHOICES` (at most one of :data:`EXCLUSIVE`); those the template does not
    use are ignored.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    chosen = frozenset(chosen)
    if unknown := chosen - set(CHOICES):
        raise ValueError(f"unknown choices {sorted(unknown)}; known: {CHOICES}")
    if len(chosen & set(EXCLUSIVE)) > 1:
        raise ValueError(f"the choices {sorted(chosen)} contradict each other: give at most one")
    if kind is MessageKind.ASK_TO_RECORD:
        body = REQUEST_WORDING[language] + "\n"
        return Draft(kind, language, "", body, (), (), "", None, Medium.PHONE)
    template = _data()["templates"][kind.value]
    chosen &= set(choices(kind))
    on = set(chosen)
    if interview is not None and interview.status is Status.OFFER:
        on.add(_OFFER)
    if interview is not None and interview.channel is Channel.AGENT:
        on.add(_AGENT)
    values = _values(interview, language, user_name, extra or {})
    missing: dict[str, None] = {}
    subject = _fill(_sections(template[language]["subject"], frozenset(on)), template, language, values, missing,
                    None)
    spans: list[FieldSpan] = []
    body = _fill(_sections(template[language]["body"], frozenset(on)), template, language, values, missing, spans)
    tidy = _tidy(body)
    spans = [span for span in spans if span.end <= len(tidy)]
    return Draft(kind, language, subject, tidy, tuple(missing), tuple(spans), _recipient(template, interview),
                 _channel_note(kind, template, interview), Medium(template["medium"]), chosen)


def mailto_url(draft: Draft, to: str | None = None) -> str:
    """An RFC 6068 ``mailto:`` URL (UTF-8, percent-encoded; line breaks as CRLF) for the mail client."""
    if not draft.is_mail:
        raise ValueError("a phone script cannot be mailed")
    address = (draft.recipient if to is None else to).strip()
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(address, safe='@')}?{query}"
