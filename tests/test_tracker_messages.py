"""Message templates: filled from the interview in Japanese and English, missing fields reported."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from core.consent import REQUEST_WORDING
from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.tracker import messages
from core.tracker.kinds import MessageKind
from core.tracker.messages import format_date, render

JST = ZoneInfo("Asia/Tokyo")


def interview(**fields) -> Interview:
    values = dict(company="株式会社サンプル", kind=InterviewKind.REAL, position="営業職", stage=Stage.FIRST.value,
                  starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST), contact_name="田中",
                  contact_email="tanaka@sample.example", interviewers="佐藤、鈴木さん", id=1)
    values.update(fields)
    return Interview(**values)


def test_dates_in_both_languages():
    moment = datetime(2026, 11, 25, 14, 0, tzinfo=JST)
    assert format_date(moment, "ja") == "11月25日（水）14時"
    assert format_date(moment, "en") == "Wednesday, 25 November at 2:00 pm"
    assert format_date(moment.replace(hour=9, minute=30), "ja") == "11月25日（水）9時30分"
    assert format_date(moment.replace(hour=0, minute=5), "en") == "Wednesday, 25 November at 12:05 am"
    assert format_date(moment.replace(hour=12), "en") == "Wednesday, 25 November at 12:00 pm"
    # Every month and weekday, independent of the C library's locale (Qt sets it from the environment).
    months = [format_date(datetime(2027, m, 1, 9, 0, tzinfo=JST), "en") for m in range(1, 13)]
    assert months[0] == "Friday, 1 January at 9:00 am" and months[11] == "Wednesday, 1 December at 9:00 am"
    assert [m.split()[2] for m in months] == ["January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December"]
    week = [format_date(datetime(2026, 11, 23 + d, 10, 0, tzinfo=JST), "ja") for d in range(7)]
    assert [w[w.index("（") + 1] for w in week] == list("月火水木金土日")


def test_thank_you_in_japanese_filled_from_the_interview():
    draft = render(MessageKind.THANK_YOU, "ja", interview(), "山田 太郎", {"topic": "新規事業の立ち上げ。"})
    assert draft.missing == ()
    assert draft.subject == "面接のお礼（山田 太郎）"
    assert draft.body.startswith("株式会社サンプル\n田中様\n")
    assert "11月25日（水）14時の一次面接" in draft.body
    assert "佐藤様、鈴木様から伺った新規事業の立ち上げのお話" in draft.body
    assert draft.recipient == "tanaka@sample.example"
    for span in draft.spans:
        assert span.filled
    spans = {span.field: draft.body[span.start:span.end] for span in draft.spans}
    assert spans["company"] == "株式会社サンプル" and spans["date"] == "11月25日（水）14時"


def test_missing_fields_are_reported_and_marked_in_both_languages():
    bare = interview(position="", contact_name="", interviewers="", starts_at=None)
    ja = render(MessageKind.THANK_YOU, "ja", bare, "")
    assert ja.missing == ("user_name", "date", "topic")
    assert "〔面接の日時〕" in ja.body and "採用ご担当者様" in ja.body  # a default, not a gap
    en = render(MessageKind.THANK_YOU, "en", bare, "")
    assert en.missing == ("user_name", "date", "position", "topic")
    assert en.body.startswith("Dear Hiring Team,")
    gaps = [en.body[s.start:s.end] for s in en.spans if not s.filled]
    assert gaps == ["[interview date and time]", "[position]", "[what you appreciated in the conversation]",
                    "[your name]"]


def test_every_template_renders_in_both_languages_without_leftover_braces():
    full = interview(channel=Channel.AGENT, agent_name="佐藤", agent_contact="sato@agent.example")
    extra = {name: "x" for name in messages.FIELD_LABELS}
    for kind in MessageKind:
        for language in ("ja", "en"):
            draft = render(kind, language, full, "山田", extra)
            assert draft.missing == (), (kind, language)
            assert "{" not in draft.body and "}" not in draft.body and "{" not in draft.subject
            assert draft.body.endswith("\n") and not draft.body.endswith("\n\n")
            assert draft.is_mail == bool(draft.subject), kind


def test_asking_to_record_is_the_consent_gates_wording():
    for language in ("ja", "en"):
        assert render(MessageKind.ASK_TO_RECORD, language, None, "").body.strip() == REQUEST_WORDING[language]


def test_agent_messages_go_to_the_agent():
    agent = interview(channel=Channel.AGENT, agent_name="ABCキャリア 佐藤", agent_contact="sato@agent.example")
    draft = render(MessageKind.DECLINE_VIA_AGENT_MAIL, "ja", agent, "山田", {"reason": "他社から内定をいただいた"})
    assert draft.recipient == "sato@agent.example"
    assert draft.body.startswith("ABCキャリア 佐藤様\n")
    assert "他社から内定をいただいたため" in draft.body
    assert "agent" in str(draft.channel_note)
    assert "the agent" in str(render(MessageKind.CANCEL_MAIL, "en", agent, "Yamada").channel_note)


def test_mailto_url_is_percent_encoded_utf8_with_crlf():
    draft = render(MessageKind.THANK_YOU, "ja", interview(), "山田", {"topic": "A&B=C?"})
    url = messages.mailto_url(draft)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "tanaka@sample.example"
    assert " " not in url and "\n" not in url and "&B" not in url
    query = dict(item.split("=", 1) for item in parts.query.split("&"))
    assert set(query) == {"subject", "body"}
    assert unquote(query["subject"]) == draft.subject
    assert unquote(query["body"]) == draft.body.replace("\n", "\r\n")
    with pytest.raises(ValueError):
        messages.mailto_url(render(MessageKind.CANCEL_PHONE, "ja", interview(), "山田"))


def test_every_field_has_a_label_for_the_screens_and_a_placeholder_in_both_languages():
    data = messages._data()
    used = {name for kind in MessageKind for name in messages.fields(kind)}
    assert used <= set(messages.FIELD_LABELS)
    for name in used:
        assert data["fields"][name]["ja"] and data["fields"][name]["en"]
    assert messages.fields(MessageKind.ASK_TO_RECORD) == ()
    assert messages.fields(MessageKind.MISSED_CALL_SCRIPT)[:3] == ("user_name", "missed_time", "contact")
    assert "company" in messages.fields(MessageKind.MISSED_CALL_SCRIPT)  # the English script names it


def test_missed_call_script_with_the_prepared_points():
    task_time = datetime(2026, 11, 25, 11, 0, tzinfo=JST)
    ja = render(MessageKind.MISSED_CALL_SCRIPT, "ja", interview(contact_name=""), "山田",
                {"missed_time": task_time, "reason": "携帯電話を修理に出しており、着信に気付けませんでした。",
                 "reachable": "この番号で平日はいつでも出られるようにしております"})
    assert ja.missing == ()
    assert "11月25日（水）11時頃にお電話をいただいて" in ja.body
    assert "採用ご担当者様はいらっしゃいますでしょうか" in ja.body
    assert "着信に気付けませんでした。\n" in ja.body  # one full stop, not two
    assert "今後はこの番号で平日はいつでも出られるようにしております。" in ja.body
    assert ja.subject == "" and not ja.is_mail
    assert "10:15" in str(ja.channel_note)
    en = render(MessageKind.MISSED_CALL_SCRIPT, "en", interview(contact_name=""), "Taro Yamada")
    assert en.missing == ("missed_time", "reason", "reachable")
    assert "May I speak to the person who called me, please?" in en.body


def test_late_reply_apology_and_extras_override_nothing_from_the_interview():
    draft = render(MessageKind.LATE_REPLY_APOLOGY, "en", interview(company="Example Ltd.", contact_name="Ms Ito"),
                   "Taro Yamada", {"about": "the date of the second interview", "reply": "Thursday suits me."})
    assert draft.missing == ()
    assert draft.body.startswith("Dear Ms Ito,\n\nI am sorry for my late reply about the date of the second")
    assert draft.body.rstrip().endswith("Kind regards,\nTaro Yamada")


def test_no_show_apology_is_addressed_by_channel():
    direct = render(MessageKind.NO_SHOW_APOLOGY, "ja", interview(), "山田", {"reason": "体調を崩しておりました"})
    assert direct.body.startswith("株式会社サンプル\n田中様\n") and direct.recipient == "tanaka@sample.example"
    assert "お約束しておりました貴社の一次面接に" in direct.body
    agent = render(MessageKind.NO_SHOW_APOLOGY, "ja", interview(channel=Channel.AGENT, agent_name="佐藤さん",
                                                                agent_contact="sato@agent.example"), "山田")
    assert agent.body.startswith("佐藤様\n") and agent.recipient == "sato@agent.example"
    assert agent.missing == ("reason",)
    assert "お約束しておりました株式会社サンプル様の一次面接に" in agent.body  # the agent's client takes 様
    assert "株式会社サンプル様へもお詫びをお伝えいただけますでしょうか" in agent.body  # the agent passes it on
    assert "お詫びをお伝え" not in direct.body
    assert "Send this to your agent, 佐藤さん" in str(agent.channel_note) and direct.channel_note is None


def test_the_name_saved_in_settings_signs_the_message_trimmed():
    from core.settings import USER_NAME, Settings

    assert Settings().get(USER_NAME) == ""
    Settings().set(USER_NAME, " 山田 太郎 ")
    draft = render(MessageKind.DECLINE_MAIL, "ja", interview(), Settings().get(USER_NAME),
                   {"reason": "他社への入社を決めた"})
    assert draft.subject == "選考辞退のご連絡（山田 太郎）"
    assert "他社への入社を決めたため、誠に勝手ながら、選考を辞退させていただきたく" in draft.body


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        render(MessageKind.THANK_YOU, "fr", interview(), "x")


def test_honorifics_are_not_doubled():
    assert messages._honorific_ja("田中様、 鈴木さん / 佐藤") == "田中様、鈴木様、佐藤様"
    assert messages._honorific_ja("人事部 田中、佐藤部長") == "人事部 田中様、佐藤部長"
    # The app's own placeholder example, and English names (issue 17, item 7): never 様 twice, never 「Ms Ito様」.
    assert messages._honorific_ja("佐藤様（営業部長）") == "佐藤様（営業部長）"
    assert messages._honorific_ja("佐藤（営業部長）、田中さん (HR)") == "佐藤様（営業部長）、田中様(HR)"
    assert messages._honorific_ja("Ms Ito, Dr. Brown / Ken Sato") == "Ito様、Brown様、Ken Sato様"


def test_declining_an_offer_says_offer_not_selection():
    offer = interview(status=Status.OFFER, channel=Channel.AGENT, agent_name="佐藤", stage=Stage.FINAL.value)
    ja = render(MessageKind.DECLINE_VIA_AGENT_MAIL, "ja", offer, "山田",
                {"reason": "家族と相談した結果、地元での就職を決めた"})
    assert ja.subject == "株式会社サンプルの内定辞退のご相談（山田）"
    assert "最終面接について、家族と相談した結果、地元での就職を決めたため、内定を辞退させていただきたく" in ja.body
    en = render(MessageKind.DECLINE_VIA_AGENT_PHONE, "en", interview(channel=Channel.AGENT, agent_name="Sato"),
                "Yamada")
    assert "would like to withdraw from 株式会社サンプル's selection process." in en.body  # one withdraws from it
    en_offer = render(MessageKind.DECLINE_VIA_AGENT_MAIL, "en", offer, "Yamada")
    assert en_offer.subject == "Declining 株式会社サンプル's offer – Yamada"
    assert "so I would like to decline 株式会社サンプル's offer." in en_offer.body
    direct = render(MessageKind.DECLINE_OFFER_MAIL, "ja", interview(status=Status.OFFER), "山田",
                    {"reason": "他社に入社を決めた"})
    assert direct.subject == "内定辞退のご連絡（山田）" and direct.missing == ()
    assert "他社に入社を決めたため、内定を辞退させていただきたく" in direct.body


def test_spans_point_at_their_values_even_after_multi_line_values():
    reply = "木曜日の14時で承知いたしました。  \n当日はよろしくお願いいたします。  "
    draft = render(MessageKind.LATE_REPLY_APOLOGY, "ja", interview(), "山田", {"about": "日程", "reply": reply})
    for span in draft.spans:
        value = draft.body[span.start:span.end]
        assert value == {"company": "株式会社サンプル", "contact": "田中様", "user_name": "山田", "about": "日程",
                         "reply": reply.strip()}[span.field]


# -- cancelling, declining and missed interviews: the right words, the user's choices ------------------

def _agent_interview(**changes) -> Interview:
    return interview(channel=Channel.AGENT, agent_name="ミライエージェント 佐藤", agent_contact="sato@agent.example",
                     **changes)


def test_cancelling_through_the_agent_asks_for_another_date_only_when_chosen():
    agent = _agent_interview()
    extra = {"reason": "体調を崩してしまった"}
    script = render(MessageKind.CANCEL_VIA_AGENT_PHONE, "ja", agent, "山田", extra)
    assert not script.is_mail and messages.recipient_party(script.kind, agent) == "agent"
    assert "ミライエージェント 佐藤様はいらっしゃいますでしょうか" in script.body
    assert "11月25日（水）14時に予定しております株式会社サンプル様の一次面接の件" in script.body
    assert "体調を崩してしまったため、当日伺うことができなくなりました。" in script.body
    assert "辞退" not in script.body and "別の日程" not in script.body
    assert "Call your agent, ミライエージェント 佐藤, with this script" in str(script.channel_note)
    again = render(MessageKind.CANCEL_VIA_AGENT_PHONE, "ja", agent, "山田", extra, {messages.NEW_DATE})
    assert again.choices == frozenset({messages.NEW_DATE})
    assert "別の日程で面接をお願いできないか" in again.body
    assert again.body.replace(again.body[again.body.index("株式会社サンプル様の選考は引き続き"):
                                         again.body.index("いつもお力添え")], "") == script.body

    mail = render(MessageKind.CANCEL_VIA_AGENT_MAIL, "en", agent, "Hanako Yamada", {"reason": "I have a fever"},
                  {messages.NEW_DATE})
    assert mail.recipient == "sato@agent.example" and mail.missing == ()
    assert mail.subject == "Rescheduling my interview with 株式会社サンプル – Hanako Yamada"
    assert "I have a fever, so I will not be able to attend my first interview with 株式会社サンプル" in mail.body
    assert "if another date is possible" in mail.body
    plain = render(MessageKind.CANCEL_VIA_AGENT_MAIL, "en", agent, "Hanako Yamada", {"reason": "I have a fever"})
    assert plain.subject.startswith("Cancelling my interview") and "another date" not in plain.body
    assert "decline" not in plain.body.lower() and "withdraw" not in plain.body.lower()


def test_cancelling_with_the_company_is_not_withdrawing():
    for language in ("ja", "en"):
        for chosen in ((), (messages.NEW_DATE,)):
            for kind in (MessageKind.CANCEL_PHONE, MessageKind.CANCEL_MAIL):
                draft = render(kind, language, interview(), "山田", {"reason": "x"}, chosen)
                text = (draft.subject + draft.body).lower()
                assert "辞退" not in text and "withdraw" not in text and "declin" not in text, (kind, language)
    ja = render(MessageKind.CANCEL_MAIL, "ja", interview(), "山田", {"reason": "急な出張が入った"}, {messages.NEW_DATE})
    assert ja.subject == "面接日程変更のお願い（山田）"
    assert "急な出張が入ったため、伺うことができなくなりました" in ja.body
    assert "改めて面接の日程をご調整いただくことは可能でしょうか" in ja.body


def test_missed_interview_phone_scripts_for_the_company_and_the_agent():
    direct = render(MessageKind.NO_SHOW_PHONE, "ja", interview(contact_name=""), "山田",
                    {"reason": "体調を崩しておりました"})
    assert not direct.is_mail and direct.missing == ()
    assert "採用ご担当者様はいらっしゃいますでしょうか" in direct.body
    assert "11月25日（水）14時の一次面接に、事前のご連絡もできないまま伺うことができず" in direct.body
    assert "10:15" in str(direct.channel_note)
    agent = render(MessageKind.NO_SHOW_VIA_AGENT_PHONE, "en", _agent_interview(), "Yamada", {"reason": "I was ill"},
                   {messages.WITHDRAW})
    assert "ミライエージェント 佐藤 is helping me" in agent.body
    assert "pass my apologies on to 株式会社サンプル" in agent.body
    assert "I have also decided to withdraw from 株式会社サンプル's selection process." in agent.body
    assert "another chance" not in agent.body
    offer = render(MessageKind.NO_SHOW_VIA_AGENT_PHONE, "en", _agent_interview(status=Status.OFFER), "Yamada",
                   {"reason": "I was ill"}, {messages.WITHDRAW})
    assert "decline 株式会社サンプル's offer." in offer.body
    ja_offer = render(MessageKind.NO_SHOW_PHONE, "ja", interview(status=Status.OFFER), "山田", {"reason": "x"},
                      {messages.WITHDRAW})
    assert "内定は辞退させていただきたく存じます" in ja_offer.body
    # A company's script opened for an agent's interview says to call the agent instead.
    assert "contact the agent rather than the company" in str(
        render(MessageKind.NO_SHOW_PHONE, "en", _agent_interview(), "Yamada").channel_note)
    assert "not recorded as arranged by an agent" in str(
        render(MessageKind.CANCEL_VIA_AGENT_MAIL, "en", interview(), "Yamada").channel_note)


def test_the_user_chooses_at_most_one_paragraph_and_only_known_ones():
    assert messages.choices(MessageKind.CANCEL_MAIL) == (messages.NEW_DATE,)
    assert messages.choices(MessageKind.NO_SHOW_APOLOGY) == (messages.NEW_DATE, messages.WITHDRAW)
    assert messages.choices(MessageKind.THANK_YOU) == () and messages.choices(MessageKind.ASK_TO_RECORD) == ()
    with pytest.raises(ValueError, match="contradict"):
        render(MessageKind.NO_SHOW_APOLOGY, "en", interview(), "x", chosen={messages.NEW_DATE, messages.WITHDRAW})
    with pytest.raises(ValueError, match="unknown"):
        render(MessageKind.NO_SHOW_APOLOGY, "en", interview(), "x", chosen={"offer"})  # follows the interview
    # A choice the template does not have changes nothing.
    thanks = render(MessageKind.THANK_YOU, "en", interview(), "x", chosen={messages.NEW_DATE})
    assert thanks.choices == frozenset() and thanks == render(MessageKind.THANK_YOU, "en", interview(), "x")


@pytest.mark.parametrize("kind", [k for k in MessageKind if k is not MessageKind.ASK_TO_RECORD], ids=lambda k: k.value)
def test_every_section_is_closed_and_every_choice_renders_cleanly(kind):
    template = messages._data()["templates"][kind.value]
    for language in ("ja", "en"):
        for part in ("subject", "body"):
            text = template[language][part]
            opened = re.findall(r"\{[?!]([a-z_]+)\}", text)
            assert sorted(opened) == sorted(re.findall(r"\{/([a-z_]+)\}", text)), (kind, language, part)
            assert set(opened) <= {*messages.CHOICES, "offer", "agent"}, (kind, language, part)
    extra = {name: "x" for name in messages.FIELD_LABELS}
    for item in (interview(), _agent_interview(), interview(status=Status.OFFER),
                 _agent_interview(status=Status.OFFER)):
        for chosen in ((), *((c,) for c in messages.choices(kind))):
            for language in ("ja", "en"):
                draft = render(kind, language, item, "山田", extra, chosen)
                assert draft.missing == (), (kind, language, chosen)
                for text in (draft.subject, draft.body):
                    assert not re.search(r"[{}]", text), (kind, language, chosen, text)
                assert "\n\n\n" not in draft.body, (kind, language, chosen)
                for span in draft.spans:
                    assert draft.body[span.start:span.end], (kind, language, chosen, span)


def test_telling_the_referrer_is_a_short_warm_mail_with_their_name_left_to_fill():
    referral = interview(channel=Channel.REFERRAL)
    kind = MessageKind.TELL_REFERRER
    assert messages.choices(kind) == (messages.NEW_DATE, messages.WITHDRAW, messages.TOLD_COMPANY)
    assert messages.recipient_party(kind, referral) == "referrer"
    japanese = render(kind, "ja", referral, "山田", {"reason": "家庭の事情で都合がつかなくなった。"},
                      {messages.NEW_DATE, messages.TOLD_COMPANY})
    # No field holds a referrer's name: it is the gap the user fills in, highlighted like any other.
    assert japanese.missing == ("referrer",) and japanese.body.startswith("〔紹介してくださった方のお名前〕さん\n")
    gap = [span for span in japanese.spans if not span.filled]
    assert [japanese.body[s.start:s.end] for s in gap] == ["〔紹介してくださった方のお名前〕"]
    # Warmer than business mail (no 貴社, no signature rule), but polite; the recruiter's address is not used.
    assert "お疲れさまです" in japanese.body and "貴社" not in japanese.body and "――" not in japanese.body
    assert japanese.recipient == "" and japanese.is_mail
    assert "家庭の事情で都合がつかなくなったため、欠席することになりました" in japanese.body
    assert "別の日程をお願いしているところです" in japanese.body and "すでに私から直接" in japanese.body
    assert str(japanese.channel_note).startswith("For the person who referred you")
    # The paragraph about the company is optional; asking for another date goes with it.
    plain = render(kind, "en", referral, "Yamada", {"reason": "a family matter came up"})
    assert "already told" not in plain.body and "another date" not in plain.body
    assert "I have had to drop my first interview with them on Wednesday, 25 November at 2:00 pm." in plain.body
    assert plain.subject == "My interview with 株式会社サンプル – Yamada"
    named = render(kind, "en", referral, "Yamada", {"reason": "x", "referrer": "Ken"},
                   {messages.WITHDRAW, messages.TOLD_COMPANY})
    assert named.complete and named.body.startswith("Hi Ken,\n")
    assert ("withdraw from their selection process" in named.body
            and "I have already told 株式会社サンプル" in named.body)
    offer = render(kind, "ja", interview(channel=Channel.REFERRAL, status=Status.OFFER), "山田", {"reason": "x"},
                   {messages.WITHDRAW})
    assert offer.subject == "株式会社サンプルの内定辞退のご報告（山田）" and "いただいた内定を辞退" in offer.body
    # Telling the referrer that the company knows combines with either exclusive choice, not both of them.
    with pytest.raises(ValueError, match="contradict"):
        render(kind, "en", referral, "x", chosen={messages.NEW_DATE, messages.WITHDRAW, messages.TOLD_COMPANY})


def test_the_agency_and_the_adviser_are_named_apart():
    """Issue 17, item 17: one field held both, so scripts read "JobLink, Mr Mori is helping me… May I speak to
    them"; now the adviser is named at the agency, and a mail is addressed to the person there."""
    both = interview(channel=Channel.AGENT, agency="JobLink", agent_name="Mr Mori",
                     agent_contact="mori@joblink.example")
    en = render(MessageKind.CANCEL_VIA_AGENT_PHONE, "en", both, "Taro Yamada", {"reason": "I am ill"})
    assert "Hello, this is Taro Yamada; Mr Mori at JobLink is helping me with my applications." in en.body
    mori = replace(both, agent_name="森")
    ja = render(MessageKind.CANCEL_VIA_AGENT_PHONE, "ja", mori, "山田", {"reason": "体調不良"})
    assert "JobLinkの森様はいらっしゃいますでしょうか" in ja.body
    mail_ja = render(MessageKind.CANCEL_VIA_AGENT_MAIL, "ja", mori, "山田", {"reason": "x"})
    assert mail_ja.body.startswith("JobLink\n森様\n\n") and mail_ja.recipient == "mori@joblink.example"
    mail_en = render(MessageKind.CANCEL_VIA_AGENT_MAIL, "en", both, "Taro Yamada", {"reason": "x"})
    assert mail_en.body.startswith("Dear Mr Mori,\n")
    agency_only = render(MessageKind.CANCEL_VIA_AGENT_MAIL, "ja", replace(both, agent_name=""), "山田", {"reason": "x"})
    assert agency_only.body.startswith("JobLink\nご担当者様\n\n")
    assert "Mr Mori (JobLink)" in str(render(MessageKind.CANCEL_MAIL, "en", both, "Yamada").channel_note)


def test_thanks_for_an_interview_an_agent_arranged_say_the_agent_is_the_usual_route():
    """Issue 17, item 17: the thank-you mail went to the company's recruiter without a word about the agent."""
    via_agent = interview(channel=Channel.AGENT, agency="JobLink", agent_name="Mr Mori")
    note = str(render(MessageKind.THANK_YOU, "en", via_agent, "Yamada").channel_note)
    assert "arranged by Mr Mori (JobLink)" in note and "through the agent" in note
    assert render(MessageKind.THANK_YOU, "en", interview(), "Yamada").channel_note is None  # applied directly
