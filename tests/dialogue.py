"""An online interview in two voices, as two tracks: the interviewer's questions (the call) and the candidate's
answers (the microphone), turn by turn, with the exact text of each turn.

The interviewer and the candidate have different voices: Open JTalk at two
pitches for Japanese, two espeak-ng voices for English.  ``bleed`` adds the
interviewer to the microphone track 12 dB lower and 30 ms late, as laptop
speakers do without headphones.  :func:`misattributed` checks a transcript
against the turns by their words.  PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from tests.speech_fixtures import OPEN_JTALK_DICTIONARY, OPEN_JTALK_VOICE, open_jtalk_problem, unavailable

RATE = 48000
GAP_S = 0.8  # silence between turns
BLEED_GAIN = 10 ** (-12 / 20)
BLEED_DELAY_S = 0.030

TURNS = {
    "ja": (
        ("interviewer", "それでは、簡単に自己紹介をお願いします。"),
        ("me", "山田太郎と申します。大学では情報工学を学び、ウェブサービスの開発に取り組んできました。"),
        ("interviewer", "当社を志望した理由を教えてください。"),
        ("me", "御社のサービスを毎日使っていて、より多くの人に届ける仕事に関わりたいと考えました。"),
    ),
    "en": (
        ("interviewer", "Thank you for joining us today. Could you tell me a little about yourself?"),
        ("me", "I am a software engineer, and for three years I have built tools for customer support teams."),
        ("interviewer", "Why do you want to work for our company?"),
        ("me", "I use your product every day, and I would like to help make it better for more people."),
    ),
}


@dataclass(frozen=True)
class Dialogue:
    language: str
    mic: Path  # the candidate (and, with bleed, the interviewer heard through the room)
    call: Path  # the interviewer, stereo, as the computer plays it
    turns: tuple[tuple[str, str], ...]  # (speaker, text) in order


def _say(language: str, speaker: str, text: str, wav: Path) -> np.ndarray:
    source = wav.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    if language == "ja":
        pitch = ["-fm", "5"] if speaker == "interviewer" else []  # a higher voice for the interviewer
        subprocess.run(["open_jtalk", "-x", str(OPEN_JTALK_DICTIONARY), "-m", str(OPEN_JTALK_VOICE), *pitch,
                        "-ow", str(wav), str(source)], check=True, capture_output=True, timeout=120)
    else:
        voice = "en-gb+f3" if speaker == "interviewer" else "en-us"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), "-f", str(source)], check=True,
                       capture_output=True, timeout=120)
    samples, rate = soundfile.read(wav, dtype="float32")
    if rate != RATE:
        positions = np.arange(0, len(samples), rate / RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    return np.asarray(samples, dtype=np.float32) * (0.5 / max(float(np.max(np.abs(samples))), 1e-6))


def make_dialogue(folder: Path, language: str, *, bleed: bool = False, name: str = "dialogue") -> Dialogue:
    """Write ``<name>.wav`` (microphone, mono) and ``<name>.wav.call.wav`` (call, stereo) into ``folder``."""
    if language == "ja" and (problem := open_jtalk_problem()):
        unavailable(problem)
    if language == "en" and shutil.which("espeak-ng") is None:
        unavailable("espeak-ng is not installed (apt-get install espeak-ng)")
    turns = TURNS[language]
    gap = np.zeros(int(GAP_S * RATE), dtype=np.float32)
    mic_parts: list[np.ndarray] = [gap]
    call_parts: list[np.ndarray] = [gap]
    for index, (speaker, text) in enumerate(turns):
        voice = _say(language, speaker, text, folder / f"{name}-{index}.wav")
        silence = np.zeros_like(voice)
        mic_parts += [silence if speaker == "interviewer" else voice, gap]
        call_parts += [voice if speaker == "interviewer" else silence, gap]
    mic, call = np.concatenate(mic_parts), np.concatenate(call_parts)
    if bleed:
        delay = int(BLEED_DELAY_S * RATE)
        mic[delay:] += BLEED_GAIN * call[:-delay]
    mic_path = folder / f"{name}.wav"
    soundfile.write(mic_path, mic, RATE, subtype="PCM_16")
    soundfile.write(folder / f"{name}.wav.call.wav", np.stack([call, call], axis=1), RATE, subtype="PCM_16")
    return Dialogue(language, mic_path, folder / f"{name}.wav.call.wav", turns)


def _letters(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if ch.isalnum())


def _shared(a: str, b: str) -> float:
    """The share of ``a``'s character bigrams found in ``b`` (robust to recognition errors)."""
    grams = [a[i:i + 2] for i in range(len(a) - 1)]
    return sum(gram in b for gram in grams) / len(grams) if grams else 0.0


def closest_turn(text: str, turns: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    letters = _letters(text)
    return max(turns, key=lambda turn: _shared(letters, _letters(turn[1])))


def misattributed(segments: list[dict], turns: tuple[tuple[str, str], ...]) -> list[str]:
    """Each segment (JSON export shape: ``text``, ``speaker``) whose words belong to the other speaker's turn."""
    wrong = []
    for segment in segments:
        if len(_letters(segment["text"])) < 4:
            continue  # too short to say whose it is
        speaker, text = closest_turn(segment["text"], turns)
        if segment["speaker"] != speaker:
            wrong.append(f"{segment['speaker']}: {segment['text']!r} (is {speaker}'s {text!r})")
    return wrong


def unheard_turns(segments: list[dict], turns: tuple[tuple[str, str], ...]) -> list[str]:
    """Turns no segment of the right speaker holds."""
    heard = {closest_turn(s["text"], turns) for s in segments
             if len(_letters(s["text"])) >= 4 and s["speaker"] == closest_turn(s["text"], turns)[0]}
    return [text for speaker, text in turns if (speaker, text) not in heard]
