"""Synthetic one-microphone conversations with known speech turns, for speaker separation (core.diarization).

Two sources:

* :func:`mixed_dialogue`: tests/dialogue.py's online interview (4 turns), its
  microphone and call tracks mixed into one mono track, as one microphone in a
  room hears both people;
* :func:`conversation`: a longer interview of 10 turns (or 12 with a third
  voice), with pauses between turns from 0.2 to 0.9 s, in Japanese (Open JTalk
  with three vocal-tract settings) or English (three espeak-ng voices).

The reference turns are where each voice actually sounds: the synthesised
clip's runs above -40 dB of its peak, pauses under 0.25 s bridged (as
hand-made references mark a turn).  Audio comes back as 16-kHz mono float32
decoded by faster-whisper's decoder, the same path the app's audio takes.
PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
from faster_whisper import decode_audio

from tests.dialogue import RATE, make_dialogue
from tests.speech_fixtures import OPEN_JTALK_DICTIONARY, OPEN_JTALK_VOICE, open_jtalk_problem, unavailable

Turn = tuple[float, float, str]

# Voices a speaker-embedding model tells apart (CAM++ cosine of sentences: about 0.9 within a voice, 0.45-0.67
# between these).  Open JTalk's all-pass constant (-a) changes the apparent vocal tract, not just the pitch;
# tests/dialogue.py's two voices (pitch only; en-gb+f3 against en-us) score as alike as one voice with itself.
VOICES = {
    "ja": {"A": ["-a", "0.50", "-fm", "2"], "B": [], "C": ["-a", "0.35", "-fm", "-3", "-r", "0.9"]},
    "en": {"A": ["-v", "en-us+klatt"], "B": ["-v", "en-us"], "C": ["-v", "en-gb-x-rp+m7"]},
}

LINES = {
    "ja": [
        ("A", "本日はお越しいただきありがとうございます。まず自己紹介をお願いします。"),
        ("B", "山田太郎と申します。大学では情報工学を専攻し、ウェブサービスの開発を学びました。"),
        ("A", "学生時代に最も力を入れたことは何ですか。"),
        ("B", "サークルの代表として、新入生の勧誘方法を見直し、参加者を二倍に増やしました。"),
        ("C", "その際に一番苦労した点を教えてください。"),
        ("B", "先輩方の理解を得ることです。データを示して、少しずつ納得していただきました。"),
        ("A", "当社を志望した理由をお聞かせください。"),
        ("B", "御社のサービスを毎日使っており、より多くの人に届ける仕事に関わりたいと考えました。"),
        ("C", "入社後に挑戦したいことはありますか。"),
        ("B", "まずは開発の基礎を身につけ、三年後には新しい機能の企画にも携わりたいです。"),
        ("A", "最後に、何か質問はございますか。"),
        ("B", "はい、配属はいつ頃決まるのでしょうか。"),
    ],
    "en": [
        ("A", "Thank you for coming in today. Could you start by introducing yourself?"),
        ("B", "My name is Alex Morgan. I studied computer science and built web services for three years."),
        ("A", "What are you most proud of from your last role?"),
        ("B", "I led the move to a new billing system, and we finished it two months early."),
        ("C", "What was the hardest part of that project?"),
        ("B", "Getting every team to agree on the plan. I shared data and met each of them in person."),
        ("A", "Why do you want to work for our company?"),
        ("B", "I use your product every day, and I would like to help make it better for more people."),
        ("C", "Where do you see yourself in three years?"),
        ("B", "Leading a small team, and still writing code for the parts customers care about most."),
        ("A", "Finally, do you have any questions for us?"),
        ("B", "Yes. How soon would the new team start working on the mobile version?"),
    ],
}
PAUSES_S = (0.6, 0.3, 0.9, 0.2, 0.5, 0.7, 0.25, 0.8, 0.4, 0.6, 0.3)


@dataclass(frozen=True)
class Conversation:
    samples: np.ndarray  # 16 kHz mono float32
    turns: list[Turn]  # the reference
    speakers: int
    path: Path  # the mono file at 48 kHz

    @property
    def seconds(self) -> float:
        return len(self.samples) / 16000


def _check_tools(language: str) -> None:
    if language == "ja" and (problem := open_jtalk_problem()):
        unavailable(problem)
    if language == "en" and shutil.which("espeak-ng") is None:
        unavailable("espeak-ng is not installed (apt-get install espeak-ng)")


def _say(language: str, voice: str, text: str, wav: Path) -> np.ndarray:
    source = wav.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    if language == "ja":
        command = ["open_jtalk", "-x", str(OPEN_JTALK_DICTIONARY), "-m", str(OPEN_JTALK_VOICE),
                   *VOICES["ja"][voice], "-ow", str(wav), str(source)]
    else:
        command = ["espeak-ng", *VOICES["en"][voice], "-w", str(wav), "-f", str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    samples, rate = soundfile.read(wav, dtype="float32")
    if rate != RATE:
        positions = np.arange(0, len(samples), rate / RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    return np.asarray(samples, dtype=np.float32) * (0.5 / max(float(np.max(np.abs(samples))), 1e-6))


def active_runs(samples: np.ndarray, rate: int, offset_s: float = 0.0,
                bridge_s: float = 0.25) -> list[tuple[float, float]]:
    """Where ``samples`` sound (10-ms frames above -40 dB of the peak), shorter pauses than ``bridge_s`` bridged."""
    hop = rate // 100
    frames = len(samples) // hop
    if frames == 0:
        return []
    rms = np.sqrt(np.mean(samples[:frames * hop].reshape(frames, hop) ** 2, axis=1))
    loud = rms > max(float(rms.max()), 1e-9) * 10 ** (-40 / 20)
    runs: list[list[float]] = []
    for index in np.flatnonzero(loud):
        t = index / 100
        if runs and t - runs[-1][1] <= bridge_s:
            runs[-1][1] = t + 0.01
        else:
            runs.append([t, t + 0.01])
    return [(offset_s + a, offset_s + b) for a, b in runs]


def _decode(mono: np.ndarray, path: Path) -> np.ndarray:
    soundfile.write(path, mono, RATE, subtype="PCM_16")
    return np.asarray(decode_audio(str(path), sampling_rate=16000), dtype=np.float32)


def conversation(folder: Path, language: str, *, speakers: int = 2, repeat: int = 1) -> Conversation:
    """The scripted interview with ``speakers`` voices (2: A and B; 3: C asks some questions), ``repeat`` times."""
    _check_tools(language)
    lines = [(voice if speakers == 3 or voice != "C" else "A", text) for voice, text in LINES[language]]
    if speakers == 2:
        lines = lines[:10]
    clips = {index: _say(language, voice, text, folder / f"{language}-{index}.wav")
             for index, (voice, text) in enumerate(lines)}
    parts: list[np.ndarray] = [np.zeros(int(0.5 * RATE), dtype=np.float32)]
    turns: list[Turn] = []
    position = 0.5
    for round_ in range(repeat):
        for index, (voice, _) in enumerate(lines):
            clip = clips[index]
            turns += [(a, b, voice) for a, b in active_runs(clip, RATE, position)]
            pause = PAUSES_S[(index + round_) % len(PAUSES_S)]
            parts += [clip, np.zeros(int(pause * RATE), dtype=np.float32)]
            position += (len(clip) + int(pause * RATE)) / RATE
    mono = np.concatenate(parts)
    path = folder / f"conversation-{language}-{speakers}.wav"
    return Conversation(_decode(mono, path), turns, speakers, path)


def mixed_dialogue(folder: Path, language: str) -> Conversation:
    """tests/dialogue.py's two tracks mixed into one microphone."""
    dialogue = make_dialogue(folder, language)
    mic, _ = soundfile.read(dialogue.mic, dtype="float32")
    call, _ = soundfile.read(dialogue.call, dtype="float32")
    turns = [(a, b, "me") for a, b in active_runs(mic, RATE)] + \
            [(a, b, "interviewer") for a, b in active_runs(call[:, 0], RATE)]
    path = folder / "mixed.wav"
    return Conversation(_decode(mic + call[:, 0], path), sorted(turns), 2, path)
