"""Scripted interviews in Japanese and English with known questions, as Whisper would transcribe them.

Each interview is a list of turns: ``("i", text, key)`` for the interviewer
(``key``: a phrase of the question that turn asks, or None when it asks
nothing: greetings, 相槌, small talk about the call, statements) and
``("me", text)`` for the candidate.  :func:`transcript_of` turns a script
into a transcript with speakers, timed as speech, in one of three forms
Whisper writes (:data:`FORMS`):

* ``punctuated``: as written;
* ``spaced``: no punctuation; Japanese gets a space where a sentence mark
  was, English keeps its capitals;
* ``bare``: no punctuation at all, Japanese run together, English in lower case.

Long sentences are cut into two segments halfway, as Whisper often does, so
questions also cross segment boundaries; one question is acknowledged by
the candidate halfway through (「はい」).  :func:`score` counts the found
questions against the keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.analysis.questions import AskedQuestion
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word

FORMS = ("punctuated", "spaced", "bare")

JA_NEW_GRADUATE = [  # 新卒・一次面接・対面
    ("i", "本日はお越しいただきありがとうございます。面接官の田中です。よろしくお願いいたします。", None),
    ("me", "よろしくお願いいたします。"),
    ("i", "今日は迷わずに来られましたか。", None),
    ("me", "はい、駅から近かったので迷わずに来られました。"),
    ("i", "それはよかったです。では早速ですが、1分程度で自己紹介をお願いします。", "1分程度で自己紹介をお願いします"),
    ("me", "山田太郎と申します。東西大学経済学部の四年生です。大学ではゼミで地域経済を学び、"
           "テニスサークルでは副代表を務めました。本日はよろしくお願いいたします。"),
    ("i", "ありがとうございます。学生時代に力を入れたことを教えてください。",
     "学生時代に力を入れたことを教えてください"),
    ("me", "テニスサークルの副代表として、新入生の定着率を上げることに取り組みました。"),
    ("i", "なるほど。", None),
    ("me", "はい。練習の曜日を見直し、上級生が一人ずつ新入生を担当する仕組みを作りました。"),
    ("i", "その取り組みの中で、一番苦労したことは何ですか。", "一番苦労したことは何ですか"),
    ("me", "上級生の協力を得ることです。最初は負担が増えると反対されました。"),
    ("i", "そうですか。周りのメンバーとはどのように協力しましたか。", "周りのメンバーとはどのように協力しましたか"),
    ("me", "一人ひとりと話して、負担を減らす工夫を一緒に考えました。"),
    ("i", "当社を志望した理由をお聞かせください。", "当社を志望した理由をお聞かせください"),
    ("me", "御社の地域に根ざした事業に魅力を感じ、地元に貢献したいと考えたからです。"),
    ("i", "他社の選考状況はいかがですか。", "他社の選考状況はいかがですか"),
    ("me", "金融業界を中心に三社の選考を受けております。"),
    ("i", "当社は第一志望ですか？", "当社は第一志望ですか"),
    ("me", "はい、第一志望です。"),
    ("i", "わかりました。それでは、最後に何か質問はありますか。", "何か質問はありますか"),
    ("me", "はい、入社後の研修について教えていただけますか。"),
    ("i", "入社後はまず三か月の研修があります。配属はその後に決まります。", None),
    ("me", "ありがとうございます。よくわかりました。"),
    ("i", "本日の面接は以上となります。結果は一週間以内にご連絡いたします。", None),
    ("me", "本日はありがとうございました。"),
]

JA_CAREER_CHANGE = [  # 転職・二次面接・オンライン
    ("i", "音声は聞こえていますでしょうか。", None),
    ("me", "はい、聞こえております。"),
    ("i", "画面共有をしますので少々お待ちください。", None),
    ("me", "はい。"),
    ("i", "それでは始めさせていただきます。まず、現在のお仕事の内容を簡単に教えていただけますか。",
     "現在のお仕事の内容を簡単に教えていただけますか"),
    ("me", "現在は物流会社で、倉庫管理システムの運用と改善を担当しております。"),
    ("i", "転職を考えている理由は何でしょうか。", "転職を考えている理由は何でしょうか"),
    ("me", "より上流の企画から関わり、自分で作ったものを多くの人に届けたいと考えたからです。"),
    ("i", "前職ではどのような成果を出されましたか。具体的な数字があれば教えてください。",
     "前職ではどのような成果を出されましたか"),
    ("me", "出荷ミスを前年より三割減らしました。"),
    ("i", "チーム内で意見が対立したとき、", None),  # the question goes on after the candidate's 「はい」
    ("me", "はい。"),
    ("i", "どのように対応しましたか。", "意見が対立したときどのように対応しましたか"),
    ("me", "双方の意見を表にまとめ、数字で比べて決めるよう提案しました。"),
    ("i", "そうなんですね。", None),
    ("me", "はい、結果として両方の良いところを取り入れることができました。"),
    ("i", "ご自身の短所はどこだとお考えですか。", "短所はどこだとお考えですか"),
    ("me", "慎重すぎて判断に時間がかかるところです。"),
    ("i", "5年後、どのようになっていたいですか。", "5年後どのようになっていたいですか"),
    ("me", "プロダクトの企画を任される立場になっていたいです。"),
    ("i", "希望年収はどのくらいでしょうか。", "希望年収はどのくらいでしょうか"),
    ("me", "現在と同程度の五百五十万円を希望しております。"),
    ("i", "入社可能な時期はいつ頃になりそうですか。", "入社可能な時期はいつ頃になりそうですか"),
    ("me", "内定をいただいてから二か月ほどで入社できます。"),
    ("i", "最後に、何かご質問はございますか。", "何かご質問はございますか"),
    ("me", "配属予定のチームの体制について伺ってもよろしいでしょうか。"),
    ("i", "はい、現在は八名のチームで、リーダーが一人おります。", None),
    ("me", "ありがとうございます。"),
    ("i", "では、本日はありがとうございました。", None),
]

JA_SELF_PR = [  # 新卒・最終面接・対面
    ("i", "少し緊張されていますか。", None),
    ("me", "はい、少し緊張しております。"),
    ("i", "大丈夫ですよ、リラックスしてください。", None),
    ("me", "ありがとうございます。"),
    ("i", "メモを取らせていただいてもよろしいですか。", None),
    ("me", "はい、もちろんです。"),
    ("i", "では、自己PRをしてください。", "自己PRをしてください"),
    ("me", "私の強みは粘り強さです。アルバイト先で売上を二割伸ばすまで改善を続けました。"),
    ("i", "それはなぜですか。", "それはなぜですか"),
    ("me", "目標を決めたら最後までやり遂げたいと思っているからです。"),
    ("i", "あなたの長所を一言でお願いします。", "長所を一言でお願いします"),
    ("me", "粘り強いところです。"),
    ("i", "説明会には参加されましたか。", "説明会には参加されましたか"),
    ("me", "はい、十月の説明会に参加しました。"),
    ("i", "弊社の製品を使ったことはありますか。", "弊社の製品を使ったことはありますか"),
    ("me", "はい、毎日使っております。"),
    ("i", "当社の課題は何だと思いますか。", "当社の課題は何だと思いますか"),
    ("me", "若い世代への認知度だと考えております。"),
    ("i", "最近は若い人ほどSNSで情報を集めるじゃないですか。", None),
    ("me", "はい、そう思います。"),
    ("i", "入社後にやりたいことを具体的に聞かせてください。", "入社後にやりたいことを具体的に聞かせてください"),
    ("me", "若い世代向けの販売企画に携わりたいです。"),
    ("i", "本日は以上です。お疲れさまでした。", None),
]

EN_BEHAVIOURAL = [  # online, a software role
    ("i", "Hi, can you hear me okay?", None),
    ("me", "Yes, I can hear you fine."),
    ("i", "Great. Thanks for taking the time to speak with us today.", None),
    ("me", "Thank you for having me."),
    ("i", "So, to start, could you tell me a little about yourself?", "could you tell me a little about yourself"),
    ("me", "I'm a backend engineer with four years of experience building payment systems."),
    ("i", "Interesting. What made you apply for this role?", "What made you apply for this role"),
    ("me", "I want to work closer to the customers, and your team owns the whole product."),
    ("i", "Tell me about a time you had a conflict with a teammate and how you resolved it.",
     "Tell me about a time you had a conflict with a teammate"),
    ("me", "We disagreed about a database migration, so I proposed a small experiment to compare both plans."),
    ("i", "I see.", None),
    ("me", "The experiment showed his plan was faster, and we went with it."),
    ("i", "What was the outcome?", "What was the outcome"),
    ("me", "We finished the migration a week early with no downtime."),
    ("i", "Walk me through a project you're particularly proud of.", "Walk me through a project"),
    ("me", "Last year I rebuilt our invoicing service, which cut failed payments by half."),
    ("i", "How do you prioritize when you have several deadlines at once?", "How do you prioritize"),
    ("me", "I list what each deadline blocks, and I talk to the people waiting on me."),
    ("i", "Describe a situation where you had to learn something new quickly.", "Describe a situation where you had"),
    ("me", "When we moved to Kubernetes, I learned it in two weeks by migrating one small service."),
    ("i", "That makes sense.", None),
    ("me", "It was a good way to learn."),
    ("i", "Where do you see yourself in five years?", "Where do you see yourself in five years"),
    ("me", "Leading a small team that owns a product end to end."),
    ("i", "Why are you leaving your current job?", "Why are you leaving your current job"),
    ("me", "My company is moving away from building its own software."),
    ("i", "Let me tell you a bit about the team. We're six engineers and we ship every two weeks.", None),
    ("me", "That sounds great."),
    ("i", "Do you have any questions for us?", "Do you have any questions for us"),
    ("me", "Yes, what does onboarding look like?"),
    ("i", "Onboarding takes about a month, with a buddy assigned to you.", None),
    ("me", "Thank you."),
    ("i", "Thanks again for your time, we'll be in touch within a week.", None),
]

EN_SCREENING = [  # a recruiter's phone screen
    ("i", "How are you doing today?", None),
    ("me", "I'm doing well, thank you."),
    ("i", "Before we start, let me explain the format of the call. It will take about thirty minutes.", None),
    ("me", "Sounds good."),
    ("i", "First, walk me through your resume.", "walk me through your resume"),
    ("me", "I studied computer science, then joined a startup as a support engineer and moved into development."),
    ("i", "Why did you choose to study computer science?", "Why did you choose to study computer science"),
    ("me", "I liked building small games as a teenager."),
    ("i", "What are your greatest strengths?", "What are your greatest strengths"),
    ("me", "I stay calm under pressure and I explain technical things clearly."),
    ("i", "And what would you say is your biggest weakness?", "what would you say is your biggest weakness"),
    ("me", "I sometimes take on too much myself instead of asking for help."),
    ("i", "Right.", None),
    ("me", "I've started planning my week with my manager to fix that."),
    ("i", "Give me an example of a mistake you made at work.", "Give me an example of a mistake"),
    ("me", "I once deployed a change on a Friday evening and broke the login page."),
    ("i", "How did your manager react?", "How did your manager react"),
    ("me", "She helped me roll back and we wrote a checklist together."),
    ("i", "I'd like to hear more about your experience with customer support tools.",
     "I'd like to hear more about your experience"),
    ("me", "I built a tool that groups similar tickets, which saved the team hours every week."),
    ("i", "Are you interviewing with other companies at the moment?", "Are you interviewing with other companies"),
    ("me", "Yes, with two other companies."),
    ("i", "What are your salary expectations?", "What are your salary expectations"),
    ("me", "Around ninety thousand, depending on the benefits."),
    ("i", "When could you start?", "When could you start"),
    ("me", "In about a month."),
    ("i", "Is there anything else you'd like us to know?", "Is there anything else you'd like us to know"),
    ("me", "Only that I'm very excited about this role."),
    ("i", "Okay, that's all from my side. You'll hear from us by Friday.", None),
]

INTERVIEWS = {"ja_new_graduate": ("ja", JA_NEW_GRADUATE), "ja_career_change": ("ja", JA_CAREER_CHANGE),
              "ja_self_pr": ("ja", JA_SELF_PR), "en_behavioural": ("en", EN_BEHAVIOURAL),
              "en_screening": ("en", EN_SCREENING)}

_SENTENCE = re.compile(r"[^。？！?!.]+[。？！?!.]*")
_PUNCTUATION = re.compile(r"[、。，．,.？！?!「」]")
GAP_MS = 600  # between two segments of one turn
TURN_GAP_MS = 900  # between turns


def _form(text: str, language: str, form: str) -> str:
    if form == "punctuated":
        return text
    if language == "ja":
        spaced = re.sub(r"[。？！?!]", " ", text) if form == "spaced" else text
        return _PUNCTUATION.sub("", spaced).strip()
    bare = re.sub(r"[,.?!]", "", text)
    return bare.lower() if form == "bare" else bare


def _pieces(text: str, language: str) -> list[str]:
    """The segments Whisper would make of one turn: a sentence each, long ones cut in two."""
    pieces = []
    for sentence in _SENTENCE.findall(text):
        sentence = sentence.strip()
        if language == "ja" and len(sentence) > 24:
            cut = sentence.find("、", 6)
            cut = cut + 1 if 0 < cut < len(sentence) - 6 else len(sentence) // 2
            pieces += [sentence[:cut], sentence[cut:]]
        elif language == "en" and len(sentence.split()) > 10:
            words = sentence.split()
            half = len(words) // 2
            pieces += [" ".join(words[:half]), " ".join(words[half:])]
        elif sentence:
            pieces.append(sentence)
    return pieces


def _words(text: str, language: str, start_ms: int, end_ms: int) -> tuple[Word, ...]:
    parts = [text[i:i + 2] for i in range(0, len(text), 2)] if language == "ja" else [
        " " + word for word in text.split()]
    step = (end_ms - start_ms) / max(1, len(parts))
    return tuple(Word(round(start_ms + i * step), round(start_ms + (i + 1) * step), part, 0.9)
                 for i, part in enumerate(parts))


@dataclass(frozen=True)
class Scripted:
    transcript: Transcript
    turns: tuple[tuple[int, int, str | None], ...]  # each interviewer turn's span and key


def transcript_of(script: list, language: str, form: str = "punctuated") -> Scripted:
    """``script`` as a timed transcript with speakers, written in ``form`` (one of :data:`FORMS`)."""
    segments: list[Segment] = []
    turns = []
    at = 500
    for turn in script:
        speaker = "interviewer" if turn[0] == "i" else "me"
        begin = at
        for piece in _pieces(turn[1], language):
            shown = _form(piece, language, form)
            if not shown:
                continue
            length = len(shown) * 140 if language == "ja" else len(shown.split()) * 380
            text = shown if language == "ja" else " " + shown
            segments.append(Segment(at, at + length, text, words=_words(shown, language, at, at + length))
                            .spoken_by(speaker))
            at += length + GAP_MS
        if speaker == "interviewer":
            turns.append((begin, at - GAP_MS, turn[2]))
        at += TURN_GAP_MS - GAP_MS
    transcript = Transcript(source="scripted.wav", language=language, duration_ms=at + 1000,
                            settings=TranscriptionSettings(language=language), segments=tuple(segments))
    return Scripted(transcript, tuple(turns))


def letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    correct: int
    wrong: tuple[str, ...]  # found but not a scripted question (or not its text)
    missed: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found + other.found, self.expected + other.expected, self.correct + other.correct,
                     self.wrong + other.wrong, self.missed + other.missed)


def score(scripted: Scripted, found: list[AskedQuestion]) -> Score:
    """Found questions against the script: one is correct when it overlaps a turn with a key and holds that key."""
    keys = [key for _, _, key in scripted.turns if key]
    matched: set[int] = set()
    wrong = []
    for question in found:
        index = next((i for i, (begin, end, key) in enumerate(scripted.turns)
                      if key and begin <= question.end_ms and question.start_ms <= end), None)
        key = scripted.turns[index][2] if index is not None else None
        if key and index not in matched and letters(key) in letters(question.text):
            matched.add(index)  # type: ignore[arg-type]
        else:
            wrong.append(question.text)
    missed = tuple(key for i, (_, _, key) in enumerate(scripted.turns) if key and i not in matched)
    return Score(len(found), len(keys), len(matched), tuple(wrong), missed)
