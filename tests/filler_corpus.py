"""Synthetic answers with known fillers, and how a transcript's fillers are scored against them.

Shared by ``benchmarks/bench_fillers.py`` (the figures in docs/PERFORMANCE.md)
and ``tests/test_metrics_speech.py`` (the recall floor).  PYTEST_DONT_REWRITE
"""

from __future__ import annotations

from tests.scripted_speech import Part
from tests.speech_fixtures import ENGLISH_INTERVIEW_TEXT, JAPANESE_INTERVIEW_TEXT


def filler(text: str, pause: float = 0.0) -> Part:
    return Part(text, filler=True, pause_after_s=pause)


def plain(text: str, pause: float = 0.0) -> Part:
    return Part(text, pause_after_s=pause)


F, P = filler, plain  # short names: the corpus below is written with them

CORPUS: dict[str, list[list[Part]]] = {
    "ja": [
        [F("えーと", 0.4), P("私は大学で情報工学を学びました。", 0.6), F("あのー", 0.3),
         P("前職では、ウェブサービスの開発を担当していました。", 0.5), F("まあ"), P("小さなチームでしたので、", 0.2),
         F("その", 0.3), P("設計から運用まで、すべてに関わりました。", 0.8), F("えー", 0.5),
         P("特に力を入れたのは、お客様の声を聞くことです。", 0.6), F("なんか", 0.3),
         P("それが一番の強みだと思っています。", 0.4)],
        [F("えっと", 0.3), P("志望した理由は二つあります。", 0.6), F("あの", 0.2),
         P("一つ目は、御社の製品を長く使ってきたことです。", 0.5), F("えーと", 0.2),
         P("二つ目は、地域のお店を支える仕組みに共感したことです。", 0.7), F("まあ", 0.2),
         P("前の職場でも、", 0.2), F("その", 0.2), P("似たような課題に取り組んでいました。", 0.6), F("えー", 0.3),
         P("入社後は、", 0.1), F("なんか"), P("現場に近いところで働きたいです。", 0.3)],
        # fillers run into the sentence, and the same words used as ordinary words (あの会社, その結果)
        [F("えーと"), P("あの会社で三年間、営業を担当しました。", 0.5), F("まあ"), P("数字を追う仕事でしたが、", 0.2),
         F("あのー"), P("その結果、チームの売上は二割ほど伸びました。", 0.6), F("えっと"),
         P("失敗もありましたが、", 0.2), F("その"), P("経験から多くを学びました。", 0.4)],
        [P(JAPANESE_INTERVIEW_TEXT)],  # fluent: every filler found here is a false positive
    ],
    "en": [
        [F("Um,", 0.4), P("I studied computer science at university.", 0.6), F("Uh,", 0.3),
         P("in my last job I built the payment system,", 0.2), F("you know,", 0.2),
         P("the part that takes the money.", 0.7), F("I mean,", 0.2), P("it was a small team,", 0.3),
         F("so,", 0.3), P("we had to plan carefully.", 0.6), F("Er,", 0.4),
         P("my biggest weakness was saying yes to everything.", 0.5), F("Um,", 0.3),
         P("now I plan my week every Monday.", 0.4)],
        [F("Uh,", 0.3), P("I want to join your company because of your product.", 0.5), F("Like,", 0.3),
         P("I have used it for years.", 0.6), F("Um,", 0.2), P("when two teammates disagreed,", 0.2),
         F("uh,", 0.2), P("I asked each of them to write down their goals.", 0.7), F("You know,", 0.2),
         P("that helped a lot.", 0.5), F("So,", 0.3), P("in five years I hope to lead a team.", 0.3), F("Er,", 0.3),
         P("and mentor younger engineers.", 0.3)],
        # fillers run into the sentence, and the same words used as ordinary words (like this, so that)
        [F("Um"), P("I like working with people, so that part was easy.", 0.5), F("uh"),
         P("the hard part was the budget,", 0.1), F("I mean"), P("we had almost no money.", 0.5), F("um"),
         P("I would like to do things like this again.", 0.4), F("you know"), P("it was a good year.", 0.3)],
        [P(ENGLISH_INTERVIEW_TEXT)],  # fluent: every filler found here is a false positive
    ],
}
TOLERANCE_MS = 500


def match(found: list[tuple[int, int]], truth: list[tuple[int, int]]) -> int:
    """How many true fillers (start, end) have a found one (start, end) close by; one-to-one."""
    used: set[int] = set()
    matched = 0
    for start, end in truth:
        for i, (s, e) in enumerate(found):
            if i not in used and s <= end + TOLERANCE_MS and e >= start - TOLERANCE_MS:
                used.add(i)
                matched += 1
                break
    return matched


def evaluate(transcript, clip) -> tuple[int, int, int, int, int]:
    """(true fillers, found and matched, found without a true filler, edit distance, reference length)
    for one transcript of ``clip``; the distance is in characters (ja) or words (en), fillers included."""
    from core.analysis.fillers import find_fillers
    from tests.speech_fixtures import edit_distance, english_words, japanese_characters

    found = [(h.start_ms, h.end_ms) for h in find_fillers(transcript.segments, clip.language)]
    truth = [(s, e) for s, e, _ in clip.fillers]
    hits = match(found, truth)
    units = japanese_characters if clip.language == "ja" else english_words
    reference = units(clip.text)
    return len(truth), hits, len(found) - hits, edit_distance(reference, units(transcript.text)), len(reference)
