"""The timed words of one answer, taken from a transcript.

Metrics work on a flat list of :class:`Token` (text with a start and an end
in milliseconds), built here from :class:`~core.transcription.model.Segment`:

* a segment's word timestamps (``Segment.words``) are used as they are;
* a segment without words, or one the user corrected (its words no longer
  match its text), gets times spread over its text in proportion to the
  characters: the segment's span (or its words' span) is shared out;
* segments flagged as probably invented by Whisper (text over silence, a
  stock phrase, a loop or a repeated short word, a very short segment over
  near silence, a language other than Japanese or English; see
  :mod:`core.transcription.guard`) are left out: they were not said.
  Low-confidence segments stay (they are usually real, unclear speech);
* a token belongs to the answer when its midpoint lies in the answer's span.

Counting rules (documented for users in the README):

* English words: runs of letters and digits, apostrophes inside a word kept
  (don't = 1 word), hyphens split (well-known = 2);
* Japanese characters: every letter and digit after NFKC normalisation,
  kana, kanji, the long-vowel mark ー and Latin letters alike; punctuation,
  symbols and spaces count nothing (「はい、そうです。」 = 6).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.transcription.model import INVENTED, Segment, Word

_EN_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True)
class Token:
    start_ms: int
    end_ms: int
    text: str  # as Whisper wrote it, leading space and punctuation included
    segment: int  # index of its segment: a new segment is a break for filler rules

    @property
    def mid_ms(self) -> float:
        return (self.start_ms + self.end_ms) / 2


def english_words(text: str) -> list[str]:
    return _EN_WORD.findall(unicodedata.normalize("NFKC", text).replace("-", " "))


def japanese_characters(text: str) -> int:
    text = unicodedata.normalize("NFKC", text)
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN")


def spoken_units(tokens: Iterable[Token], language: str) -> int:
    """English words or Japanese characters in ``tokens``."""
    if language == "ja":
        return japanese_characters("".join(t.text for t in tokens))
    return sum(len(english_words(t.text)) for t in tokens)  # each token is a word or more: never join two


def _spread(text: str, start_ms: int, end_ms: int, language: str, segment: int) -> list[Token]:
    """Tokens for ``text`` with times shared out over [start_ms, end_ms] by character."""
    pieces = list(text) if language == "ja" else re.findall(r"\s*\S+", text)
    total = sum(len(p.strip()) for p in pieces) or 1
    tokens, done = [], 0
    span = max(0, end_ms - start_ms)
    for piece in pieces:
        size = len(piece.strip())
        begin = start_ms + span * done // total
        done += size
        tokens.append(Token(begin, start_ms + span * done // total, piece, segment))
    return [t for t in tokens if t.text.strip()]


def segment_tokens(segment: Segment, language: str, index: int = 0) -> list[Token]:
    """The timed tokens of one segment (see the module docstring)."""
    words: Sequence[Word] = segment.words
    if words and segment.corrected_text is None:
        return [Token(w.start_ms, max(w.start_ms, w.end_ms), w.text, index) for w in words if w.text.strip()]
    start, end = segment.start_ms, segment.end_ms
    if words:  # corrected: keep the words' span, spread the corrected text over it
        start, end = words[0].start_ms, words[-1].end_ms
    return _spread(segment.display_text, start, end, language, index)


def answer_tokens(segments: Iterable[Segment], language: str, start_ms: int, end_ms: int) -> list[Token]:
    """The tokens of the answer spoken in [start_ms, end_ms), in time order."""
    tokens: list[Token] = []
    for index, segment in enumerate(segments):
        if segment.flags & INVENTED:
            continue
        tokens += [t for t in segment_tokens(segment, language, index) if start_ms <= t.mid_ms < end_ms]
    tokens.sort(key=lambda t: (t.start_ms, t.end_ms))
    return tokens
