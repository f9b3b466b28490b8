"""Synthetic interview speech with its exact reference text, and the measures to compare against it.

* Japanese from Open JTalk (48 kHz, natural voice): ``japanese_interview_speech``
  (a self-introduction, about 25 s) and ``japanese_short_speech`` (about 3 s).
* English from espeak-ng (22.05 kHz): ``english_interview_speech`` (a
  behavioural answer, about 20 s).  The short ``english_speech`` lives in
  :mod:`tests.model_fixtures`.

Session-scoped; generated into a session temp folder.  When a synthesiser or
the Open JTalk voice is missing the tests skip, except with ``CI`` set, where
they fail: CI must really run them.  Load with ``pytest_plugins =
["tests.speech_fixtures"]`` or by importing the fixture names into
``conftest.py``.  PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.audio_rig import skip_or_fail
from tests.model_fixtures import SpeechClip

OPEN_JTALK_DICTIONARY = Path("/var/lib/mecab/dic/open-jtalk/naist-jdic")
OPEN_JTALK_VOICE = Path("/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice")

JAPANESE_INTERVIEW_TEXT = (
    "はじめまして、山田太郎と申します。大学では情報工学を学び、卒業後はソフトウェア会社でウェブサービスの開発に"
    "取り組んできました。私の強みは、相手の話をよく聞き、課題を分かりやすく説明できることです。"
    "本日はどうぞよろしくお願いいたします。"
)
JAPANESE_SHORT_TEXT = "本日はどうぞよろしくお願いいたします。"
ENGLISH_INTERVIEW_TEXT = (
    "In my current role, I lead a small team that builds tools for customer support. Last year, our biggest "
    "client asked for a new reporting feature with a very short deadline. I split the work into weekly goals, "
    "talked with the client every Friday, and we delivered the feature early. The client renewed the contract, "
    "and I learned that clear communication matters as much as good code."
)


unavailable = skip_or_fail  # skip, or fail when ``CI`` is set


def open_jtalk_problem() -> str | None:
    if shutil.which("open_jtalk") is None:
        return "open_jtalk is not installed (apt-get install open-jtalk open-jtalk-mecab-naist-jdic)"
    if not OPEN_JTALK_DICTIONARY.is_dir():
        return (f"the Open JTalk dictionary is missing: {OPEN_JTALK_DICTIONARY} "
                "(apt-get install open-jtalk-mecab-naist-jdic)")
    if not OPEN_JTALK_VOICE.is_file():
        return f"the Open JTalk voice is missing: {OPEN_JTALK_VOICE} (hts-voice-nitech-jp-atr503-m001, Debian contrib)"
    return None


def synthesize_japanese(text: str, wav: Path) -> Path:
    """``text`` spoken by Open JTalk into ``wav`` (48 kHz mono 16-bit)."""
    source = wav.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    subprocess.run(["open_jtalk", "-x", str(OPEN_JTALK_DICTIONARY), "-m", str(OPEN_JTALK_VOICE),
                    "-ow", str(wav), str(source)], check=True, capture_output=True, timeout=120)
    return wav


def synthesize_english(text: str, wav: Path) -> Path:
    """``text`` spoken by espeak-ng (American English) into ``wav`` (22.05 kHz mono 16-bit)."""
    source = wav.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), "-f", str(source)], check=True,
                   capture_output=True, timeout=120)
    return wav


def _japanese(tmp_path_factory, name: str, text: str) -> SpeechClip:
    problem = open_jtalk_problem()
    if problem:
        unavailable(problem)
    return SpeechClip(synthesize_japanese(text, tmp_path_factory.mktemp("speech_ja") / f"{name}.wav"), text)


@pytest.fixture(scope="session")
def japanese_interview_speech(tmp_path_factory) -> SpeechClip:
    """A Japanese self-introduction, about 25 s, 48 kHz (Open JTalk)."""
    return _japanese(tmp_path_factory, "self_introduction", JAPANESE_INTERVIEW_TEXT)


@pytest.fixture(scope="session")
def japanese_short_speech(tmp_path_factory) -> SpeechClip:
    """「本日はどうぞよろしくお願いいたします。」, about 3 s, 48 kHz (Open JTalk)."""
    return _japanese(tmp_path_factory, "greeting", JAPANESE_SHORT_TEXT)


@pytest.fixture(scope="session")
def english_interview_speech(tmp_path_factory) -> SpeechClip:
    """An English behavioural answer, about 21 s, 22.05 kHz (espeak-ng)."""
    if shutil.which("espeak-ng") is None:
        unavailable("espeak-ng is not installed (apt-get install espeak-ng)")
    wav = tmp_path_factory.mktemp("speech_en") / "answer.wav"
    return SpeechClip(synthesize_english(ENGLISH_INTERVIEW_TEXT, wav), ENGLISH_INTERVIEW_TEXT)


# --- measuring --------------------------------------------------------------


def edit_distance(reference: list[str] | str, hypothesis: list[str] | str) -> int:
    """Levenshtein distance (substitutions, insertions, deletions all cost 1)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


def japanese_characters(text: str) -> str:
    """``text`` without punctuation, symbols or spaces (NFKC), for a character error rate."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "S", "Z")))


def english_words(text: str) -> list[str]:
    """Lower-case words without punctuation (hyphens split words), for a word error rate."""
    return re.findall(r"[a-z0-9']+", unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'"))


def cer(reference: str, hypothesis: str) -> float:
    ref = japanese_characters(reference)
    return edit_distance(ref, japanese_characters(hypothesis)) / len(ref)


def wer(reference: str, hypothesis: str) -> float:
    ref = english_words(reference)
    return edit_distance(ref, english_words(hypothesis)) / len(ref)
