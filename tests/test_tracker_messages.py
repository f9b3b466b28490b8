"""Message templates: filled from the interview in Japanese and English, missing fields reported."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from core.consent import REQUEST_WORDING
from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.tracker import messages
from core.tracker.messages import MessageKind, format_date, render

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
    assert "お約束しておりました株式会社サンプルの一次面接に" in agent.body


def test_user_name_comes_from_settings():
    from core.settings import USER_NAME, Settings

    assert messages.user_name() == ""
    Settings().set(USER_NAME, " 山田 太郎 ")
    assert messages.user_name() == "山田 太郎"
    draft = render(MessageKind.CANCEL_MAIL, "ja", interview(), messages.user_name(), {"reason": "他社への入社を決めた"})
    assert draft.subject == "面接辞退のご連絡（山田 太郎）"
    assert "他社への入社を決めたため、誠に勝手ながら面接を辞退させていただきたく" in draft.body


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        render(MessageKind.THANK_YOU, "fr", interview(), "x")


def test_honorifics_are_not_doubled():
    assert messages._honorific_ja("田中様、 鈴木さん / 佐藤") == "田中様、鈴木様、佐藤様"
    assert messages._honorific_ja("人事部 田中、佐藤部長") == "人事部 田中様、佐藤部長"


def test_declining_an_offer_says_offer_not_selection():
    offer = interview(status=Status.OFFER, channel=Channel.AGENT, agent_name="佐藤", stage=Stage.FINAL.value)
    ja = render(MessageKind.DECLINE_VIA_AGENT_MAIL, "ja", offer, "山田", {"reason": "家族と相談した結果、地元での就職を決めた"})
    assert ja.subject == "株式会社サンプルの内定辞退のご相談（山田）"
    assert "最終面接について、家族と相談した結果、地元での就職を決めたため、内定を辞退させていただきたく" in ja.body
    en = render(MessageKind.DECLINE_VIA_AGENT_PHONE, "en", interview(channel=Channel.AGENT, agent_name="Sato"), "Yamada")
    assert "would like to decline 株式会社サンプル's selection process." in en.body
    direct = render(MessageKind.DECLINE_OFFER_MAIL, "ja", interview(status=Status.OFFER), "山田", {"reason": "他社に入社を決めた"})
    assert direct.subject == "内定辞退のご連絡（山田）" and direct.missing == ()
    assert "他社に入社を決めたため、内定を辞退させていただきたく" in direct.body


def test_spans_point_at_their_values_even_after_multi_line_values():
    reply = "木曜日の14時で承知いたしました。  \n当日はよろしくお願いいたします。  "
    draft = render(MessageKind.LATE_REPLY_APOLOGY, "ja", interview(), "山田", {"about": "日程", "reply": reply})
    for span in draft.spans:
        value = draft.body[span.start:span.end]
        assert value == {"company": "株式会社サンプル", "contact": "田中様", "user_name": "山田", "about": "日程",
                         "reply": reply.strip()}[span.field]
