"""A question heard in a real interview, matched to the bank: the same question, its category, its target length.

:func:`same_question` recognises a question the bank already has, whatever
its wording differs in only by form: full- or half-width characters,
punctuation and spaces, the company's name for itself (御社, 貴社, 当社, 弊社 —
"your company", "this company", "our company"), politeness
(教えてください / お聞かせください / 教えていただけますか, です／でしょうか,
"could you" / "please"), "you" vs "us", and the linking words in front
(それでは, 次に, 最後に, "so", "next").  Texts are compared whole after that
(:func:`normalised`), never by similarity: 長所を教えてください and
短所を教えてください differ by one character and are different questions.
Built-in questions count in both their languages.

:func:`category_of` guesses the bank category of a question from its words,
and :func:`target_seconds` the length its answer should have: the length
the question names (1分程度で, "in two minutes"), else the same question's
target in the bank, else the usual target of its category (the median of the
built-in questions' targets there), else 45 s for a short follow-up and 60 s
for anything else.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable

from core.practice.bank import DEFAULT_TARGET_S, MAX_TARGET_S, MIN_TARGET_S, Question, builtin_questions

__all__ = ["category_of", "normalised", "same_question", "target_seconds"]

FOLLOW_UP_TARGET_S = 45

_REPLACEMENTS = [  # (pattern, replacement), applied in order to NFKC-normalised, case-folded text
    (r"^[（(][^）)]*[）)]", ""),  # （逆質問）, (Your question)
    (r"御社|貴社|当社|弊社|我が社|わが社|御行|貴行|こちらの会社|この会社", "御社"),
    (r"下さい", "ください"), (r"頂", "いただ"), (r"致", "いた"), (r"事", "こと"), (r"時", "とき"),
    (r"あなたの|あなたが|あなたは|あなた|ご自身の|ご自身|自分の", ""),
    (r"(?:を)?(?:教えて|お聞かせ|聞かせて|お話し|話して|お教え)(?:ください|いただけますか|いただけますでしょうか|"
     r"いただけませんか|もらえますか|くださいますか|いただきたいです|ほしいです)", "を教えて"),
    (r"(?:を)?(?:お願いします|お願いいたします|お願いできますか|してください|していただけますか)", "を教えて"),
    (r"でしょうか", "ですか"), (r"ますでしょうか", "ますか"),
    (r"^(?:(?:では|それでは|じゃあ|次に|続いて|最後に|まず|それから|さて)\s*)+", ""),
    (r"簡単に|手短に|少し|ちょっと", ""),
    (r"\b(?:your|this|our|the) (?:company|organi[sz]ation|firm)\b", "company"), (r"\bus\b", "me"),
    (r"\b(?:could|can|would|will) you(?: please)?\b|\bplease\b", ""),
    (r"\b(?:a little|a bit|briefly|quickly)\b", ""),
    (r"^(?:(?:so|okay|ok|now|next|finally|lastly|and|first|great|then)\b\s*)+", ""),
    (r"what's", "what is"), (r"you're", "you are"), (r"i'm", "i am"), (r"'d\b", " would"),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _REPLACEMENTS]


def normalised(text: str) -> str:
    """``text`` reduced to what tells one question from another (see the module's description)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").strip()
    text = re.sub(r"[\s、。，．,.？！?!「」『』:;…・\"]+", " ", text).strip()
    for _ in range(2):  # the lead words come off once the punctuation around them is gone
        for pattern, replacement in _COMPILED:
            text = pattern.sub(replacement, text).strip()
    return "".join(ch for ch in text if ch.isalnum())


def same_question(text: str, questions: Iterable[Question]) -> Question | None:
    """The question among ``questions`` that is ``text`` in another form, if there is one (the first)."""
    key = normalised(text)
    if not key:
        return None
    for question in questions:
        if any(normalised(said) == key for said in question.texts.values() if said):
            return question
    return None


_CATEGORIES = [  # (category, pattern), the first that matches wins
    ("reverse", r"質問はありますか|質問はございますか|ご質問|何か質問|questions? for (?:us|me)|any questions"),
    ("self_intro", r"自己紹介|introduce yourself|about yourself"),
    ("self_pr", r"自己pr|アピール|why should we hire|what would you bring|what can you bring"),
    ("gakuchika", r"学生時代|ガクチカ|力を入れた|as a student|at university|in college|at school"),
    ("career_change", r"転職|退職|前職|辞め|現在のお仕事|現職|leav(?:e|ing)|left your|current (?:job|role|position)"),
    ("career_plan", r"キャリア|年後|将来|five years|ten years|5 years|10 years|career (?:goals?|plans?)|long-term"),
    ("motivation", r"志望|入社後|why (?:this|our|the) (?:company|role|position|industry)|apply|why do you want|"
                   r"interested in (?:this|the|our)|join us|work for"),
    ("strengths", r"長所|短所|強み|弱み|strength|weakness|describe you"),
    ("situation", r"他社|選考状況|第一志望|入社可能|年収|給与|給料|勤務地|salary|other companies|start\b|"
                  r"first choice|notice period|relocat"),
    ("behavioural", r"経験|エピソード|とき|時|場面|失敗|挫折|対立|苦労|リーダー|a time (?:when|you)|an example|"
                    r"situation where|conflict|fail|mistake|challenge|difficult|proud|led\b|lead a"),
]
_CATEGORY_PATTERNS = [(category, re.compile(pattern)) for category, pattern in _CATEGORIES]


def category_of(text: str) -> str:
    """The bank category a question most likely belongs to ("other" when none fits)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return next((category for category, pattern in _CATEGORY_PATTERNS if pattern.search(folded)), "other")


def _category_target(category: str) -> int | None:
    targets = [q.target_s for q in builtin_questions() if q.category == category]
    return round(statistics.median(targets)) if targets else None


_KANJI_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "半": 0.5}
_EN_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "thirty": 30, "sixty": 60,
               "ninety": 90}
_NAMED_JA = re.compile(r"(\d+|[一二三四五])\s*(分|秒)(?:半)?(?:程度|くらい|ぐらい|以内|ほど|で)")
_NAMED_EN = re.compile(r"\b(\d+|a|one|two|three|four|five|thirty|sixty|ninety)[ -](minutes?|seconds?)\b")


def _named_length(text: str) -> float | None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    if match := _NAMED_JA.search(folded):
        number = float(match.group(1)) if match.group(1).isdigit() else _KANJI_NUMBERS[match.group(1)]
        return number * (60 if match.group(2) == "分" else 1)
    if match := _NAMED_EN.search(folded):
        number = float(match.group(1)) if match.group(1).isdigit() else _EN_NUMBERS[match.group(1)]
        return number * (60 if match.group(2).startswith("minute") else 1)
    return None


def target_seconds(text: str, questions: Iterable[Question] = ()) -> int:
    """How long an answer to ``text`` should be, in seconds (see the module's description)."""
    named = _named_length(text)
    if named is not None and MIN_TARGET_S <= named <= MAX_TARGET_S:
        return round(named)
    if (same := same_question(text, questions)) is not None:
        return same.target_s
    category = category_of(text)
    if category != "other" and (target := _category_target(category)) is not None:
        return target
    short = len(text) <= 15 if any("\u3040" <= ch <= "\u9fff" for ch in text) else len(text.split()) <= 6
    return FOLLOW_UP_TARGET_S if short else DEFAULT_TARGET_S
