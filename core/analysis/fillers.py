"""Filler words (えーと, um, ...) in timed transcript text.

The lists follow DOMAIN.md.  Words that are also ordinary words count only
where they stand apart from the sentence, which in a transcript means a
*break*: the start or end of a segment, punctuation, or a silence of at
least :data:`BREAK_MS` between two words.

English (case-insensitive, spelling variants included):

* um (umm, uhm), uh (uhh), er (erm): always;
* "you know", "I mean": when a break follows ("..., you know, ..."), except
  after *do/did/if/what...* ("Do you know?", "what I mean");
* "like", "so": only when isolated, a break on both sides ("I was, like,
  nervous", "So, I ..."); never "like this" or "and so on".

Japanese (katakana and hiragana alike):

* えー, えーと/ええと/えっと/えーっと, まあ/まー, and the drawn-out あのー,
  そのー, なんかー: always;
* あの, その, なんか: when a break follows (「あの、」 but not 「あの会社」);
* a lone え: with a break on both sides (「え、」 at a sentence start).

Whisper usually drops fillers unless prompted to keep them; see
:mod:`core.analysis.prompting`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from core.analysis.timeline import Token, answer_tokens
from core.transcription.model import Segment, Word

BREAK_MS = 300  # a silence this long between two words separates them like a comma

FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("um", "uh", "er", "you know", "I mean", "like", "so"),
    "ja": ("えー", "えーと", "えっと", "あの", "あのー", "その", "そのー", "まあ", "なんか"),
}

_ALWAYS, _BREAK_AFTER, _ISOLATED = "always", "after", "isolated"
_EN_EDGE_L, _EN_EDGE_R = r"(?<![\w'\u2019])", r"(?![\w'\u2019])"
_LONG = "[ーぉぇ〜~]+"
_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": tuple((re.compile(f"{_EN_EDGE_L}(?:{pattern}){_EN_EDGE_R}", re.IGNORECASE), rule) for pattern, rule in (
        (r"u+h*m+|u+h+|e+r+m*", _ALWAYS),
        (r"you\s+know|i\s+mean", _BREAK_AFTER),
        (r"like|so", _ISOLATED),
    )),
    "ja": tuple((re.compile(pattern), rule) for pattern, rule in (
        (r"え(?:[ーぇえ〜~]+っ?|っ)と", _ALWAYS),
        (r"え[ーぇ〜~]+", _ALWAYS),
        (r"ま[あぁー〜~]+", _ALWAYS),
        (rf"(?:あの|その|なんか){_LONG}", _ALWAYS),
        (r"(?:あの|その)う?|なんか", _BREAK_AFTER),
        (r"え", _ISOLATED),
    )),
}
# "Do you know?", "what I mean": the phrase is a question or an object there, not a filler.
_NOT_AFTER = frozenset({"do", "did", "don't", "didn't", "if", "whether", "what", "would", "could", "to"})
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


@dataclass(frozen=True)
class FillerHit:
    start_ms: int
    end_ms: int
    text: str  # as transcribed ("Um", "えーと")


def _is_pause_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "P" or ch in "…‥"


class _Stream:
    """One segment's tokens as a single string, each character knowing its token."""

    def __init__(self, tokens: list[Token], language: str) -> None:
        self.tokens = tokens
        self.text = "".join(t.text for t in tokens)
        self.owner = [i for i, t in enumerate(tokens) for _ in t.text]
        self.offsets = [0]
        for token in tokens:
            self.offsets.append(self.offsets[-1] + len(token.text))
        self.search = self.text.translate(_KATAKANA_TO_HIRAGANA) if language == "ja" else self.text

    def _silence_between(self, i: int) -> bool:
        """A silence of at least BREAK_MS between token ``i - 1`` and token ``i``."""
        return 0 < i < len(self.tokens) and self.tokens[i].start_ms - self.tokens[i - 1].end_ms >= BREAK_MS

    def break_before(self, pos: int) -> bool:
        before = self.text[:pos].rstrip()
        if not before or _is_pause_mark(before[-1]):
            return True
        i = self.owner[pos]
        return not self.text[self.offsets[i]:pos].strip() and self._silence_between(i)

    def break_after(self, end: int) -> bool:
        after = self.text[end:].lstrip()
        if not after or _is_pause_mark(after[0]):
            return True
        i = self.owner[end - 1]
        return not self.text[end:self.offsets[i + 1]].strip() and self._silence_between(i + 1)

    def previous_word(self, pos: int) -> str:
        words = re.findall(r"[\w'\u2019]+", self.text[:pos])
        return words[-1].lower().replace("\u2019", "'") if words else ""

    def hit(self, start: int, end: int) -> FillerHit:
        first, last = self.tokens[self.owner[start]], self.tokens[self.owner[end - 1]]
        return FillerHit(first.start_ms, max(first.start_ms, last.end_ms), self.text[start:end])


def _stream_fillers(stream: _Stream, language: str) -> list[FillerHit]:
    taken: list[tuple[int, int]] = []
    for pattern, rule in _PATTERNS[language]:
        for match in pattern.finditer(stream.search):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if rule == _BREAK_AFTER and not stream.break_after(end):
                continue
            if rule == _ISOLATED and not (stream.break_before(start) and stream.break_after(end)):
                continue
            if language == "en" and rule == _BREAK_AFTER and stream.previous_word(start) in _NOT_AFTER:
                continue
            taken.append((start, end))
    return [stream.hit(start, end) for start, end in sorted(taken)]


def _tokens(items: Iterable[Segment | Word | Token], language: str) -> list[Token]:
    items = list(items)
    segments = [item for item in items if isinstance(item, Segment)]
    if len(segments) == len(items):
        return answer_tokens(segments, language, -2**62, 2**62)
    tokens = []
    for item in items:
        if isinstance(item, Token):
            tokens.append(item)
        elif isinstance(item, Word):
            tokens.append(Token(item.start_ms, item.end_ms, item.text, 0))
        else:
            raise TypeError("find_fillers takes segments, or words/tokens, not a mixture")
    return tokens


def find_fillers(items: Iterable[Segment | Word | Token], language: str) -> tuple[FillerHit, ...]:
    """The fillers in ``items`` (the segments of a transcript, or a run of words), in time order.

    A segment boundary counts as a break; segments flagged as invented by
    Whisper are skipped.  ``language`` is ``"ja"`` or ``"en"``.
    """
    if language not in _PATTERNS:
        raise ValueError(f"no filler list for language {language!r}")
    hits: list[FillerHit] = []
    for _, group in groupby(_tokens(items, language), key=lambda t: t.segment):
        tokens = [t for t in group if t.text]
        if tokens:
            hits += _stream_fillers(_Stream(tokens, language), language)
    return tuple(sorted(hits, key=lambda h: h.start_ms))
