"""Counting Japanese morae (拍) in transcribed text.

A mora is the unit of Japanese rhythm: か, きゃ, っ, ん and the long-vowel
mark ー are one each.  Kanji carry no reading of their own, so the text is
first turned into kana by pykakasi, a dictionary-based reader that works
offline (about 10 MB, against about 250 MB for MeCab with UniDic).  Then:

* every kana counts one mora, except the small ゃゅょ, ぁぃぅぇぉ and ゎ
  (and their katakana), which join the kana before them (きゃ, ウェ);
  っ/ッ, ん/ン and ー each count one;
* Arabic numerals are read as Japanese numbers (2023 → にせんにじゅうさん,
  3.5 → さんてんご); long digit strings and those starting with 0 digit by digit;
* Latin letters: short all-capital words are spelled (AI → エーアイ, 4 morae);
  other Latin words are estimated from their vowel groups, about 1.5 morae
  per syllable (Python → about 3; パイソン has 4).  Whisper writes few of them
  in Japanese; the estimate is documented as such;
* punctuation, symbols and spaces count nothing.

Readings differ from pronunciation in ways that do not change the count
(東京 とうきょう = トーキョー, 4 morae; the particle は read ハ or ワ, 1 mora).
Where a kanji word has several readings (私: わたし or わたくし) the
dictionary's usual one is taken: counts on kanji-dense text are accurate to a
few percent, which is what a rate per minute needs.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

SMALL_KANA = frozenset("ゃゅょぁぃぅぇぉゎャュョァィゥェォヮㇷㇰ")
_DIGITS = ("ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
_SMALL_UNITS = ((1000, "せん"), (100, "ひゃく"), (10, "じゅう"))
_BIG_UNITS = ((10**12, "ちょう"), (10**8, "おく"), (10**4, "まん"))
# The katakana name of each Latin letter, as Japanese speakers spell abbreviations.
_LETTERS = {
    "a": "エー", "b": "ビー", "c": "シー", "d": "ディー", "e": "イー", "f": "エフ", "g": "ジー", "h": "エイチ",
    "i": "アイ", "j": "ジェー", "k": "ケー", "l": "エル", "m": "エム", "n": "エヌ", "o": "オー", "p": "ピー",
    "q": "キュー", "r": "アール", "s": "エス", "t": "ティー", "u": "ユー", "v": "ブイ", "w": "ダブリュー",
    "x": "エックス", "y": "ワイ", "z": "ゼット",
}
_SPELLED_MAX = 4  # all-capital Latin words up to this length are read letter by letter
_MORAE_PER_SYLLABLE = 1.5  # English loanwords gain vowels in Japanese (test → テスト)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LATIN = re.compile(r"[A-Za-z]+")

_kakasi: Any = None
_kakasi_lock = threading.Lock()


def _reader() -> Any:
    """pykakasi's converter, created once (loading its dictionaries takes about half a second)."""
    global _kakasi
    with _kakasi_lock:
        if _kakasi is None:
            import pykakasi

            _kakasi = pykakasi.kakasi()
        return _kakasi


def kana_morae(kana: str) -> int:
    """Morae in a kana string; characters that are not kana (or ー) count nothing."""
    count = 0
    for ch in kana:
        if ch in SMALL_KANA:
            continue
        if "\u3041" <= ch <= "\u3096" or "\u30a1" <= ch <= "\u30fa" or ch == "ー":
            count += 1
    return count


def _integer_reading(n: int) -> str:
    if n == 0:
        return _DIGITS[0]
    parts = []
    for unit, name in _BIG_UNITS:
        if n >= unit:
            parts.append(_below_10000(n // unit) + name)
            n %= unit
    parts.append(_below_10000(n))
    return "".join(parts)


def _below_10000(n: int) -> str:
    parts = []
    for unit, name in _SMALL_UNITS:
        digit, n = divmod(n, unit)
        if digit:
            parts.append(("" if digit == 1 else _DIGITS[digit]) + name)  # 百, not 一百
    if n:
        parts.append(_DIGITS[n])
    return "".join(parts)


def number_reading(digits: str) -> str:
    """A Japanese reading of Arabic numerals, in hiragana (sound changes such as ろっぴゃく ignored:
    they do not change the number of morae)."""
    whole, _, fraction = digits.partition(".")
    if len(whole) > 16 or (len(whole) > 1 and whole.startswith("0")):
        reading = "".join(_DIGITS[int(d)] for d in whole)  # a phone or ID number, read digit by digit
    else:
        reading = _integer_reading(int(whole))
    if fraction:
        reading += "てん" + "".join(_DIGITS[int(d)] for d in fraction)
    return reading


def latin_morae(word: str) -> int:
    """Morae of a Latin-letter word inside Japanese speech (spelled, or estimated; see the module)."""
    if (word.isupper() and len(word) <= _SPELLED_MAX) or len(word) == 1:
        return sum(kana_morae(_LETTERS[ch]) for ch in word.lower())
    syllables = len(re.findall(r"[aeiouy]+", word.lower())) or 1
    return max(1, round(syllables * _MORAE_PER_SYLLABLE))


def _non_kana_morae(text: str) -> tuple[int, str]:
    """Morae of the numbers and Latin words in ``text``, and ``text`` without them."""
    count = 0
    for match in _NUMBER.finditer(text):
        count += kana_morae(number_reading(match.group()))
    text = _NUMBER.sub(" ", text)
    for match in _LATIN.finditer(text):
        count += latin_morae(match.group())
    return count, _LATIN.sub(" ", text)


def count_morae(text: str) -> int:
    """The number of morae in (transcribed) Japanese ``text``."""
    text = unicodedata.normalize("NFKC", text)
    count, text = _non_kana_morae(text)
    if not text.strip():
        return count
    for item in _reader().convert(text):
        count += kana_morae(item["hira"])
    return count
