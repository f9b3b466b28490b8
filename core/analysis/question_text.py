"""Is this sentence an interview question?  Rules for Japanese and English, on text as Whisper writes it.

:func:`question_start` answers for one sentence said by the interviewer: the
offset where the question begins (after "ありがとうございます。では、" or
"Great, so"), or None when the sentence is not a question.  It is used by
:mod:`core.analysis.questions`, which cuts the interviewer's turns into
sentences (:func:`sentence_ends`) and gives each question its time.

What counts as a question (decided for an interview, where the interviewer's
questions are what the candidate answers):

Japanese
    * a polite question ending: ～ですか, ～ますか, ～ませんか, ～でしょうか,
      ～ましたか, ～ございますか (also with ね: ～ですかね);
    * a request to speak: 教えてください／教えていただけますか, お聞かせください,
      お話しください, ご説明ください, 紹介してください, お伺いしたい,
      お聞きしたい, and ～をお願いします (自己紹介をお願いします); not
      よろしくお願いします (a greeting) nor お待ちください (no answer asked);
    * anything ending with 「？」.
English
    * anything ending with a question mark;
    * without one: a wh-word opening a clause with a verb of a question
      (what did, why do, how would, what kind of, what made you, why this
      company), an inverted auxiliary (do you, could you, is there, have
      you), or a prompt: tell me/us, walk me through, take me through,
      describe, explain, share, give me an example, introduce yourself,
      I'd like to hear, I'm curious about.

What does not count, even with a question form:

* 相槌 and reactions, the whole sentence only: そうですか, そうなんですか,
  本当ですか, なるほど, Really?, Is that right?, I see, Did you?;
* talk about the call or the room rather than the candidate: 聞こえますか,
  音声・画面・カメラ・接続, 準備はよろしいですか, 始めてもよろしいですか,
  メモを取らせていただいてもよろしいですか, 迷わずに来られましたか, weather and
  travel; "Can you hear me?", "How are you today?", "Shall we get started?",
  "Do you mind if I take notes?", "Would you like some water?";
* ～じゃないですか used as an assertion ("as you know").

An ice-breaker about the day is left out on purpose: it is answered in a
word, is not worth practising and would only lengthen the list.  A short
follow-up such as それはなぜですか or "Why?" *is* a question (深掘り).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_japanese", "question_start", "sentence_ends", "strip_lead"]

# -- sentences -----------------------------------------------------------------------------------------

_TERMINAL = "。．？！?!"
# A Japanese sentence that can end here (before a space, a segment boundary or the end of the turn).
_JA_FINAL = re.compile(
    r"(?:です|ます|ません|でした|ました|ましょう|ください|下さい|ございます|ございました|でしょう|"
    r"ですか|ますか|ませんか|でしょうか|ましたか|ですね|ますね|ですよ|ますよ|なるほど|はい|ええ|"
    r"か|ね|よ|ので|けど)$")
# Endings that close a sentence even with no space or punctuation after them (unpunctuated Whisper).
_JA_STRONG = re.compile(
    r"(?:です|ます|ません|でしょう|ました|ございます)か(?:ね)?(?![らっなぁ])|"
    r"(?:ください|下さい)(?:ね)?(?![ませ])|"
    r"お願い(?:します|いたします|致します)(?!が)|"
    r"ありがとうございま(?:す|した)|(?:わかり|分かり|承知し|かしこまり)ました(?!が)|なるほど(?:です)?(?:ね)?")


def is_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def sentence_ends(text: str, language: str, soft: frozenset[int] = frozenset()) -> list[int]:
    """Offsets in ``text`` where a sentence ends (exclusive), the text's end included.

    ``soft`` are offsets where Whisper started a new segment: a sentence ends
    there only when the text before it can end a sentence, so a question
    split over two segments stays one sentence.
    """
    ends: set[int] = set()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _TERMINAL or (ch == "." and (i + 1 == len(text) or text[i + 1].isspace())):
            while i + 1 < len(text) and (text[i + 1] in _TERMINAL or text[i + 1] in "」』）)\"'"):
                i += 1
            ends.add(i + 1)
        i += 1
    if language == "ja":
        for match in _JA_STRONG.finditer(text):
            ends.add(match.end())
        for i, ch in enumerate(text):
            if ch.isspace() and _JA_FINAL.search(text[max(0, i - 16):i].rstrip()):
                ends.add(i)
        for offset in soft:
            if _JA_FINAL.search(text[max(0, offset - 16):offset].rstrip()):
                ends.add(offset)
    else:
        for offset in soft:
            before, after = text[:offset].rstrip(), text[offset:].lstrip()
            if not any(ch in before for ch in ".?!") and after[:1].isupper() and after.split(" ", 1)[0] != "I" \
                    and before.split(" ")[-1].lower() not in _EN_OPEN_ENDED:
                ends.add(offset)  # unpunctuated Whisper output still starts its sentences with a capital
    ends.add(len(text))
    closed = set()
    for end in ends:  # an ending found by its words keeps the punctuation written after it
        while end < len(text) and (text[end] in _TERMINAL or text[end] in "」』）)"):
            end += 1
        closed.add(end)
    return sorted(e for e in closed if 0 < e <= len(text))


_EN_OPEN_ENDED = frozenset((  # a sentence does not end on these words
    "a", "an", "the", "and", "or", "but", "to", "of", "about", "through", "with", "for", "in", "on", "at",
    "from", "your", "my", "our", "you", "me", "us", "what", "how", "why", "when", "which", "who", "would",
    "could", "can", "do", "did", "is", "are", "was", "were", "if", "that", "this"))

# -- leading words that are not part of the question -----------------------------------------------

_JA_LEAD = re.compile(
    r"^(?:[\s、。，,.・…]|はい|ええ|えー(?:と|っと)?|えっと|あの(?:ー)?|まあ|なるほど(?:です)?(?:ね)?|"
    r"そうですか|そうなんですね|そうなんですか|ありがとうございま(?:す|した)|わかりました|分かりました|"
    r"承知しました|かしこまりました|では|それでは|じゃあ|じゃ|次に|続いて|続きまして|それから|"
    r"ちなみに|ところで|もう一つ|もうひとつ)+")
_EN_LEAD = re.compile(
    r"^(?:[\s,.;:!\-]|\b(?:yes|yeah|okay|ok|alright|all right|right|great|good|wonderful|excellent|perfect|"
    r"thanks|thank you(?: (?:for (?:that|sharing(?: that)?|your answer)|very much|so much))?|i see|interesting|"
    r"got it|sure|so|and|also|now|next|well|um|uh|er|then|lastly|finally|moving on|okay then)\b)+", re.IGNORECASE)


def strip_lead(text: str, language: str) -> int:
    """How many characters at the start of ``text`` are acknowledgements and linking words."""
    match = (_JA_LEAD if language == "ja" else _EN_LEAD).match(text)
    return match.end() if match else 0


# -- Japanese ----------------------------------------------------------------------------------------

_JA_PUNCT = re.compile(r"[\s、。，．,.？！?!「」『』（）()…・]+")
_JA_BACKCHANNEL = re.compile(
    r"(?:はい|ええ|うん|へえ|へー|ほう|ああ|おお|あー|えっ|え|なるほど|そう|そうですか|そうですね|そうなんですか|"
    r"そうなんですね|そうでしたか|そうだったんですか|そうだったんですね|本当ですか|ほんとですか|ほんとうですか|"
    r"そうなんだ|いいですね|すごいですね|素晴らしいですね|わかりました|分かりました|ありがとうございます|"
    r"ありがとうございました|承知しました|かしこまりました|大丈夫です|結構です|了解です|確かに|たしかに|"
    r"ですよね|ですね|ね|いや|いえ)+")
_JA_SMALL_TALK = re.compile(
    r"聞こえ(?:て)?(?:い)?ます|聞こえますでしょうか|音声|音(?:は|が)(?:大丈夫|聞こえ|途切れ)|映像|画面|カメラ|マイク|"
    r"ミュート|接続|回線|電波|通信(?:状況|環境)|映って|見えて(?:い)?ます|届いて(?:い)?ます|迷わず|道に迷|"
    r"(?:来られ|来ら|お越しにな|いらっしゃ)(?:れ)?ました|天気|お天気|暑かった|寒かった|雨の中|緊張|"
    r"(?:始め|進め|開始し|再開し|録音し|メモし)て(?:も)(?:よろしい|大丈夫|いい)|"
    r"(?:させ|らせ)て(?:いただいて|いただいても|もらって|頂いて)?も(?:よろしい|大丈夫|いい)|"
    r"準備(?:は|の方は)?(?:よろしい|大丈夫|いい|できて)|"
    r"お時間(?:は|の方は)?(?:大丈夫|よろしい)|お待ち(?:ください|下さい)|お待たせ|"
    r"(?:お|ご)(?:かけ|座り|確認|了承|協力)(?:ください|下さい)|お水|お茶")
_JA_QUESTION_END = re.compile(
    r"(?:です|ます|ません|でしょう|ました|ませんでした|でした|ございます|ございません)か(?:ね)?$")
_JA_ASSERTION = re.compile(r"(?:じゃない|じゃありません)(?:です)?か(?:ね)?$")
_JA_REQUEST = re.compile(
    r"(?:教え|聞かせ|話し|説明し|紹介し|述べ|答え|挙げ|伝え|アピールし|語っ|お話し|お聞かせ|ご説明|ご紹介|お答え|"
    r"お教え|お話|お伺い|伺わせ|聞かせ)(?:て)?(?:ください|下さい|くださいますか|くださいませんか|いただけ|頂け|"
    r"いただきたい|頂きたい|もらえ|もらいたい|ほしい|欲しい)|"
    r"(?:お伺い|伺い|お聞き|聞き|お尋ね|尋ね)(?:し)?(?:たい|ます|できれば|させて)|"
    r"(?:紹介|説明|PR|話)をして(?:ください|下さい|いただけ|もらえ)")
_JA_PLEASE = re.compile(r"お願い(?:します|いたします|致します|できますか|できますでしょうか|できれば)")


def _japanese_question(sentence: str) -> bool:
    core = _JA_PUNCT.sub("", unicodedata.normalize("NFKC", sentence))
    if not core or _JA_BACKCHANNEL.fullmatch(core) or _JA_SMALL_TALK.search(core):
        return False
    if _JA_ASSERTION.search(core):
        return False
    if re.search(r"[？?]\W*$", sentence):
        return True
    if _JA_QUESTION_END.search(core) or _JA_REQUEST.search(core):
        return True
    please = _JA_PLEASE.search(core)
    # ～をお願いします asks for something (自己紹介を, 一言で); よろしくお願いします is a greeting.
    return bool(please and "よろしく" not in core and re.search(r"[をでからに]お願い|簡単に|手短に|一言", core))


# -- English -----------------------------------------------------------------------------------------

_EN_BACKCHANNEL = re.compile(
    r"(?:(?:oh|ah|wow|hmm|mm|mhm|uh huh|mm hmm|okay|ok|yes|yeah|right|i see|great|sure|really|interesting|"
    r"got it|nice|cool|good|wonderful|excellent|perfect|thank you|thanks|makes sense|that makes sense|"
    r"is that (?:right|so|true|correct)|was it|did you|do you|are you|were you|have you|you did|"
    r"that's (?:great|interesting|good|fair|helpful|impressive|wonderful|amazing)|fair enough|"
    r"isn't it|wasn't it|right then)\W*)+")
_EN_SMALL_TALK = re.compile(
    r"\bcan you (?:hear|see) (?:me|us|my)|\bhear (?:me|us) (?:okay|ok|alright|all right|well|clearly)|"
    r"\b(?:see|share) my screen|\bscreen ?shar|\b(?:my|your|the) (?:audio|sound|mic|microphone|camera|video)\b|"
    r"\b(?:un)?mute|\bconnection\b|\bhow are you(?: doing)?(?: today| this morning| this afternoon)?\W*$|"
    r"\bhow(?:'s| is) it going|\bhow was your (?:weekend|day|trip|journey|morning)|"
    r"\bdid you find (?:us|the office|your way|the building|it|the place)|\btraffic\b|\bweather\b|"
    r"\bshall we (?:get started|start|begin)|\bready to (?:start|begin|get started)|\bgood time to (?:start|talk)|"
    r"\bstill a good time|\bdo you mind if (?:i|we)\b|\bis it (?:ok|okay|alright|all right) if (?:i|we)\b|"
    r"\bcan i get you\b|\bwould you like (?:some |a )?(?:water|coffee|tea|drink|glass)|"
    r"\bbefore we (?:start|begin|get started)\b|\bgive me a (?:second|moment|sec|minute)\b|\bbear with me\b|"
    r"\bone (?:moment|second|sec)\b|\bam i (?:audible|on mute|coming through)|\bcoming through\b")
_CLAUSE_ALTS = (r"^|[,;:—-]\s*|\b(?:and|so|but|then|okay|ok|now|also|well|alright|right|great|good|next|first|"
                r"finally|lastly|thanks|thank you|yes|yeah|perfect|wonderful|excellent|interesting|i see|sure|"
                r"nice|cool|got it|understood|makes sense)\s+")
_CLAUSE = f"(?:{_CLAUSE_ALTS})"
_EN_TRIGGERS = [
    re.compile(_CLAUSE + r"(?P<q>why\b)", re.IGNORECASE),
    re.compile(_CLAUSE + r"(?P<q>(?:how|when|where|who) (?:do|does|did|is|are|was|were|would|will|can|could|"
               r"should|have|has|had|many|much|long|often|come|about)\b)", re.IGNORECASE),
    re.compile(_CLAUSE + r"(?P<q>(?:what|which)(?:'s| about\b|(?: \w+){0,3}? (?:do|does|did|is|are|was|were|would|"
               r"will|can|could|should|have|has|had|made|makes|motivates|motivated|drew|draws|brought|brings|"
               r"interests|interested|attracted|attracts|excites|led|appeals)\b))", re.IGNORECASE),
    re.compile(_CLAUSE + r"(?P<q>(?:do|does|did|are|were|is|was|have|has|had|can|could|would|will|should|may|might)"
               r" (?:you|there|your|anything|anyone)\b)", re.IGNORECASE),
    re.compile(r"(?:\b(?:please|you to|you)\s+|" + _CLAUSE_ALTS + ")" +
               r"(?P<q>(?:tell|walk|take|talk) (?:me|us)\b|talk (?:to me|to us) about|describe|explain|share|"
               r"elaborate|introduce yourself|summari[sz]e|outline|expand on|(?:give|provide) (?:me|us) (?:an? |some "
               r"|one )?(?:example|instance|sense|overview|idea)|go through|run (?:me|us) through)\b", re.IGNORECASE),
    # an inverted question in the middle of a sentence: "... every two weeks do you have any questions"
    re.compile(r"(?P<q>\b(?:do|did|would|could|can|will|have|are|were) you (?!know\b|mean\b)\w+)", re.IGNORECASE),
    re.compile(r"(?P<q>\bi'?d (?:like|love) to (?:hear|know|learn|understand)|\bi'?m (?:curious|interested) "
               r"(?:about|to|why|how|what|in hearing)|\bi (?:would|want) (?:like )?to (?:hear|know)|\bi wonder(?:ed)? "
               r"(?:if|whether|why|how|what)|\blet'?s (?:talk|hear) about)\b", re.IGNORECASE),
]
_WH_BEFORE = re.compile(r"\b(?:what|how|why|when|where|which|who|whom|whose)(?:\s+\w+){0,3}\s+$", re.IGNORECASE)
_MID_SENTENCE = 5  # the trigger above whose question starts at the trigger itself
# "let me explain", "we'll walk you through": the interviewer speaking of themselves, not asking
_EN_NOT_ADDRESSED = re.compile(r"\b(?:i|we|let me|let us|i'll|we'll|i'd|we'd|i'm|we're|i will|we will)\s+"
                               r"(?:\w+\s+){0,2}$", re.IGNORECASE)


def _english_question(sentence: str) -> int | None:
    text = unicodedata.normalize("NFKC", sentence).replace("\u2019", "'").strip()
    bare = text.lower().strip(" \t.,;:!?-")
    if not bare or _EN_BACKCHANNEL.fullmatch(bare):
        return None
    triggers = set()
    for pattern in _EN_TRIGGERS:
        for match in pattern.finditer(text):
            if not _EN_NOT_ADDRESSED.search(text[:match.start("q")]):
                anchored = pattern is _EN_TRIGGERS[_MID_SENTENCE]
                if anchored and _WH_BEFORE.search(text[:match.start("q")]):
                    continue  # "how are you doing": a wh-question, judged as one above
                triggers.add(match.start("q") if anchored else _clause_start(text, match.start("q")))
    starts = sorted(triggers)
    for index, start in enumerate(starts):  # the first clause with a trigger that is not about the call
        clause = text[start:starts[index + 1] if index + 1 < len(starts) else len(text)]
        if not _EN_SMALL_TALK.search(clause.lower()):
            return start
    if not starts and text.rstrip().endswith("?") and not _EN_SMALL_TALK.search(text.lower()):
        return 0
    return None


_CLAUSE_START = re.compile(_CLAUSE_ALTS.replace("^|", "", 1), re.IGNORECASE)


def _clause_start(text: str, trigger: int) -> int:
    """Where the clause holding the trigger at ``trigger`` begins (after "so", "great," ...)."""
    start = 0
    for match in _CLAUSE_START.finditer(text, 0, trigger):
        start = match.end()
    return start


def question_start(sentence: str, language: str) -> int | None:
    """Where the question in ``sentence`` begins (leading acknowledgements skipped), or None if it asks nothing."""
    if language == "ja" or is_japanese(sentence):
        if not _japanese_question(sentence):
            return None
        return strip_lead(sentence, "ja")
    start = _english_question(sentence)
    if start is None:
        return None
    return start + strip_lead(sentence[start:], "en")
