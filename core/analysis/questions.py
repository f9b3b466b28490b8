"""The questions they asked: found in the interviewer's turns of a transcript that says who spoke.

::

    for question in find_questions(transcript):
        print(question.start_ms, question.text, question.answer_start_ms, question.answer_end_ms)

A transcript has speakers when it comes from a two-track recording (an
online interview, :mod:`core.transcription.speakers`) or from speaker
separation: every segment is the candidate's (``me``) or another voice's.
Here every voice but ``me`` is an interviewer.

How the questions are found:

1. The interviewer's segments are joined into *turns*: a turn ends when the
   candidate speaks, unless the interviewer has asked nothing yet and the
   candidate only acknowledged (はい, "mm-hm": at most
   :data:`BACKCHANNEL_CHARS` characters or :data:`BACKCHANNEL_WORDS` words
   within :data:`BACKCHANNEL_MS`).  So a question Whisper cut into two
   segments, or one the candidate acknowledged halfway, stays whole, and a
   one-word answer ("Yes.") still separates two questions.  Segments are
   first cut wherever the other side spoke between two of their words: each
   track is transcribed on its own, and Whisper may make one segment of two
   questions with the answer in the silence between them.
2. A turn is cut into sentences: at 。？！.?!, and where Whisper wrote no
   punctuation, at a segment boundary or space after an ending that closes
   a sentence (～ですか, ～ください, ～ます; in English a capital letter).
3. Each sentence is judged by :func:`core.analysis.question_text.question_start`
   (what counts and what does not is written there).
4. The questions of one turn are one question: an interviewer who asks
   "Why did you leave? And what did you do next?" in one breath gets one
   answer.  Its text runs from the first question's first word (after
   ありがとうございます。では、 or "Great, so") to the last question's end.
5. The answer to a question is what the candidate says after the
   interviewer's turn ends and before the next question begins: its span
   runs from the first of those ``me`` segments to the end of the last one
   (both None when the candidate said nothing).

Segments that Whisper probably invented (:data:`core.transcription.model.INVENTED`)
are ignored, as they are by the metrics.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from core.analysis.question_text import question_start, sentence_ends
from core.transcription.model import Segment, Transcript, Word
from core.transcription.speakers import ME

__all__ = ["AskedQuestion", "find_questions"]

BACKCHANNEL_CHARS = 8  # Japanese: "はい、そうですね" and shorter do not end the interviewer's turn
BACKCHANNEL_WORDS = 2  # English: "I see", "mm-hm" and shorter
BACKCHANNEL_MS = 2000
TURN_GAP_MS = 4000  # a silence this long between two interviewer segments ends a sentence


@dataclass(frozen=True)
class AskedQuestion:
    """One question the interviewer asked, and where the candidate's answer to it lies."""

    text: str  # as said (the user's corrections included), leading acknowledgements left out
    start_ms: int  # when the question begins
    end_ms: int  # when its last word ends
    turn_end_ms: int  # when the interviewer stopped speaking: the answer may start from here
    window_end_ms: int  # where the answer must end: the next question's start, or the end of the recording
    answer_start_ms: int | None  # the candidate's first segment after the turn; None: no answer was given
    answer_end_ms: int | None
    language: str

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start_ms": self.start_ms, "end_ms": self.end_ms,
                "answer_start_ms": self.answer_start_ms, "answer_end_ms": self.answer_end_ms}


@dataclass
class _Turn:
    text: str = ""
    times: list[tuple[int, int]] | None = None  # per character
    soft: set[int] | None = None  # offsets where a segment began (a possible sentence end)
    hard: set[int] | None = None  # offsets where a sentence must end (a long silence)
    end_ms: int = 0

    def add(self, segment: Segment, language: str) -> None:
        text = segment.display_text.strip()
        if self.times is None:
            self.times, self.soft, self.hard = [], set(), set()
        assert self.soft is not None and self.hard is not None
        if self.text:
            if segment.start_ms - self.end_ms >= TURN_GAP_MS:
                self.hard.add(len(self.text))
            self.soft.add(len(self.text))
            if language != "ja":
                self.text += " "
                self.times.append((self.end_ms, segment.start_ms))
        self.text += text
        self.times += _char_times(segment, text)
        self.end_ms = max(self.end_ms, segment.end_ms)


def _char_times(segment: Segment, text: str) -> list[tuple[int, int]]:
    """When each character of ``text`` (the segment's stripped text) was said."""
    words = segment.words
    if words and segment.corrected_text is None and "".join(w.text for w in words).strip() == text:
        times: list[tuple[int, int]] = []
        for word in words:
            times += [(word.start_ms, word.end_ms)] * len(word.text)
        lead = len("".join(w.text for w in words)) - len("".join(w.text for w in words).lstrip())
        return times[lead:lead + len(text)]
    span = max(0, segment.end_ms - segment.start_ms)
    count = max(1, len(text))
    return [(segment.start_ms + span * i // count, segment.start_ms + span * (i + 1) // count)
            for i in range(len(text))]


def _spoken(segment: Segment) -> bool:
    return not segment.invented and bool(segment.display_text.strip())


def _short(segments: Sequence[Segment], language: str) -> bool:
    """Whether the candidate's ``segments`` between two interviewer segments are only a backchannel."""
    text = "".join(s.display_text for s in segments) if language == "ja" else " ".join(
        s.display_text for s in segments)
    spoken_ms = sum(s.end_ms - s.start_ms for s in segments)
    if spoken_ms > BACKCHANNEL_MS:
        return False
    if language == "ja":
        return sum(ch.isalnum() for ch in text) <= BACKCHANNEL_CHARS
    return len(text.split()) <= BACKCHANNEL_WORDS


def _mids(segment: Segment) -> list[float]:
    """When each word of ``segment`` was said (its middle); the segment's middle without word times."""
    if segment.words:
        return [(w.start_ms + w.end_ms) / 2 for w in segment.words]
    return [(segment.start_ms + segment.end_ms) / 2]


def _usable_words(segment: Segment) -> bool:
    words = segment.words
    return bool(words) and segment.corrected_text is None and \
        "".join(w.text for w in words).strip() == segment.text.strip()


def _cut_where_others_spoke(segment: Segment, others: Sequence[float]) -> list[Segment]:
    """``segment`` cut between two of its words wherever the other side said a word (``others``: sorted times).

    Each track of a two-track recording is transcribed on its own, and with
    a prompt Whisper may make one segment of a whole track: two questions with
    the answer in the silence between them, or two answers around a question.
    """
    if not _usable_words(segment):
        return [segment]
    words = segment.words
    runs: list[list[Word]] = [[words[0]]]
    for previous, word in pairwise(words):
        at = bisect.bisect_left(others, previous.end_ms)
        if at < len(others) and others[at] <= word.start_ms:
            runs.append([])
        runs[-1].append(word)
    if len(runs) == 1:
        return [segment]
    return [replace(segment, start_ms=run[0].start_ms, end_ms=run[-1].end_ms, text="".join(w.text for w in run),
                    words=tuple(run)) for run in runs]


def _utterances(segments: Sequence[Segment]) -> list[Segment]:
    """The spoken segments in time order, each cut where the other side spoke in its midst."""
    spoken = [s for s in segments if _spoken(s)]
    mine = sorted(t for s in spoken if s.speaker in (ME, None) for t in _mids(s))
    theirs = sorted(t for s in spoken if s.speaker not in (ME, None) for t in _mids(s))
    cut = [piece for s in spoken for piece in _cut_where_others_spoke(s, theirs if s.speaker in (ME, None) else mine)]
    return sorted(cut, key=lambda s: (s.start_ms, s.end_ms))


def _turns(segments: Sequence[Segment], language: str) -> list[_Turn]:
    """The interviewer's turns in ``segments`` (see :func:`_utterances`)."""
    turns: list[_Turn] = []
    current: _Turn | None = None
    mine: list[Segment] = []
    for segment in segments:
        if segment.speaker == ME or segment.speaker is None:
            mine.append(segment)
            continue
        if current is None or (mine and (not _short(mine, language) or _questions_in(current, language))):
            current = _Turn()
            turns.append(current)
        mine = []
        current.add(segment, language)
    return turns


@dataclass(frozen=True)
class _Found:
    text: str
    start_ms: int
    end_ms: int
    turn_end_ms: int


def _questions_in(turn: _Turn, language: str) -> _Found | None:
    assert turn.times is not None and turn.soft is not None and turn.hard is not None
    text = turn.text
    ends = sorted(set(sentence_ends(text, language, frozenset(turn.soft))) | turn.hard)
    first: int | None = None
    last = 0
    begin = 0
    for end in ends:
        sentence = text[begin:end]
        offset = question_start(sentence, language)
        if offset is not None:
            # skip spaces and what question_start left out
            start = begin + offset
            while start < end and (text[start].isspace() or text[start] in "、,"):
                start += 1
            if start < end:
                first = start if first is None else first
                last = end
        begin = end
    if first is None:
        return None
    said = text[first:last].strip()
    start_ms = turn.times[first][0]
    end_ms = max(t[1] for t in turn.times[first:last])
    return _Found(said, start_ms, end_ms, turn.end_ms)


def find_questions(transcript: Transcript, language: str | None = None) -> list[AskedQuestion]:
    """The interviewer's questions in ``transcript``, in time order, each with the span of the answer after it.

    ``language`` ("ja" or "en") defaults to the transcript's; a transcript
    without speakers has no interviewer, so no questions.
    """
    language = language or transcript.language or "en"
    segments = _utterances(transcript.segments)
    found = [q for turn in _turns(segments, language) if (q := _questions_in(turn, language)) is not None]
    recording_end = max([transcript.duration_ms, *(s.end_ms for s in segments)])
    mine = [s for s in segments if s.speaker == ME]
    questions = []
    for index, question in enumerate(found):
        window_end = found[index + 1].start_ms if index + 1 < len(found) else recording_end
        answer = [s for s in mine if question.turn_end_ms <= (s.start_ms + s.end_ms) / 2 < window_end]
        questions.append(AskedQuestion(
            text=question.text, start_ms=question.start_ms, end_ms=question.end_ms,
            turn_end_ms=question.turn_end_ms, window_end_ms=max(window_end, question.turn_end_ms),
            answer_start_ms=min(s.start_ms for s in answer) if answer else None,
            answer_end_ms=max(s.end_ms for s in answer) if answer else None, language=language))
    return questions
