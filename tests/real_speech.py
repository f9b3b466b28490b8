"""Real recorded speech with references made by people, for measuring speaker separation and Whisper on real voices.

Synthetic voices flatter both (shared/ENGINEERING.md sections 8-9).  What is here, with its source,
licence and checksums, is listed in tests/data/real/PROVENANCE.md:

* :func:`conversations`: three real two-person recordings with the speaker turns their transcribers marked:
  an English telephone call from the pyannote.audio wheel (read from the installed package, not copied
  here), an English telephone call (CALLFRIEND) and a French radio opening (France Inter), both from
  Debian's ``transcriber`` package;
* :func:`read_sentences`: five sentences of a LibriVox audiobook (public domain) with CMU's verbatim
  transcripts, from Debian's ``pocketsphinx-testdata``.

Audio comes back as 16-kHz mono float32 decoded by faster-whisper's decoder, the path the app's audio takes
(a stereo telephone call, one side per channel, is mixed to one track as one microphone would hear it).
Every file is checked against its pinned sha256 first.  PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from faster_whisper import decode_audio

from tests.speech_fixtures import unavailable

DATA = Path(__file__).resolve().parent / "data" / "real"
Turn = tuple[float, float, str]

PYANNOTE_DISTRIBUTION = "pyannote-audio"
PYANNOTE_VERSION = "4.0.7"
SHA256 = {
    "pyannote/audio/sample/sample.wav": "c319b4abca767b124e41432d364fd7df006cb26bb79d09326c487d606a134e6e",
    "pyannote/audio/sample/sample.rttm": "d78fe62c69d8e6dcbb42c26adfce83faccb374c5a1e6d987fe37f85f1c173c87",
    "pyannote/audio/sample/sample.stm": "f861f3004927e1c4429199f9695bfd252def75d7d5e4bdf735d3d85fd4a667f7",
    "transcriber/know.sph": "d8890112bc0cf56c7d68f1210e2a8f67a4c14f49b8ec0cfa8580c5da6d5d09ba",
    "transcriber/know.trs": "467e209af83cf1660262a6f74a998d52b115cdbf4b9f0387b54936aeb2f853d8",
    "transcriber/frint980428.wav": "7b66d5d938012d53a66b84ce7a437e844df4e3ed1abc6b08e1cec9681d198377",
    "transcriber/frint980428.trs": "400983d0e96dfaeb81e5d83a42ab3c57255d14c736a381abfe782550e93ba69d",
    "librivox/transcription": "4cc29e04a6dcd29242893b3ee20470e50b6ace45f4387bb619e5218145c66f99",
    "librivox/sense_and_sensibility_01_austen_64kb-0870.wav":
        "b0557cf95c974d930577e58e46b7f068c432a6e3afcc286563d88922b2a5315c",
    "librivox/sense_and_sensibility_01_austen_64kb-0880.wav":
        "fbec491ef00ee734a67f0ee318e98c51c157b479e1629ff4f4426861ecac0414",
    "librivox/sense_and_sensibility_01_austen_64kb-0890.wav":
        "5793ffbdee55fb8bfd284943a6866864c832d9d4accf2661cabd39915c84ee10",
    "librivox/sense_and_sensibility_01_austen_64kb-0920.wav":
        "40882414ef4cc51f3ff7a63bad0c8c87e7f595ffeb8209fbf756c8ebc5c28a59",
    "librivox/sense_and_sensibility_01_austen_64kb-0930.wav":
        "954adbf0b56ac8a148cbe77b39ca18d76b5f2a1e1f405565bd786ce3e68a68b7",
}


@dataclass(frozen=True)
class Recording:
    name: str
    language: str
    what: str
    samples: np.ndarray  # 16 kHz mono float32
    turns: list[Turn]  # the reference speaker turns (empty for one voice)
    text: str  # the reference words, noise marks and cut-off fragments left out

    @property
    def seconds(self) -> float:
        return len(self.samples) / 16000


def _checked(path: Path, key: str) -> Path:
    if not path.is_file():
        unavailable(f"{path} is missing (see tests/data/real/PROVENANCE.md)")
    if hashlib.sha256(path.read_bytes()).hexdigest() != SHA256[key]:
        raise AssertionError(f"{path} is not the pinned file (sha256 differs; see tests/data/real/PROVENANCE.md)")
    return path


def _here(relative: str) -> Path:
    return _checked(DATA / relative, relative)


def _pyannote(relative: str) -> Path:
    try:
        distribution = importlib.metadata.distribution(PYANNOTE_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        unavailable(f"{PYANNOTE_DISTRIBUTION} is not installed (it is in the dev dependencies: uv sync)")
    if distribution.version != PYANNOTE_VERSION:
        unavailable(f"{PYANNOTE_DISTRIBUTION} {distribution.version} is installed, {PYANNOTE_VERSION} is pinned")
    return _checked(Path(str(distribution.locate_file(relative))), relative)


def _decode(path: Path) -> np.ndarray:
    return np.asarray(decode_audio(str(path), sampling_rate=16000), dtype=np.float32)


def _spoken(text: str) -> str:
    """Words as said: {noise} marks dropped, ((unsure)) words kept, cut-off fragments ("I-") dropped."""
    text = re.sub(r"\{[^}]*\}", " ", text).replace("((", " ").replace("))", " ")
    return " ".join(word for word in text.split() if not word.endswith("-"))


def _rttm(path: Path) -> list[Turn]:
    turns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and fields[0] == "SPEAKER":
            start, duration = float(fields[3]), float(fields[4])
            turns.append((start, start + duration, fields[7]))
    return turns


def _stm_text(path: Path) -> str:
    return " ".join(" ".join(line.split()[5:]) for line in path.read_text(encoding="utf-8").splitlines())


def _trs(path: Path) -> tuple[list[Turn], str]:
    """Transcriber's turns (one per speaker of a turn: a turn of two speakers is overlap) and its words."""
    turns: list[Turn] = []
    words: list[str] = []
    for turn in ET.parse(path).getroot().iter("Turn"):
        start, end = float(turn.attrib["startTime"]), float(turn.attrib["endTime"])
        turns += [(start, end, speaker) for speaker in turn.get("speaker", "").split()]
        words += [turn.text or ""] + [child.tail or "" for child in turn]
    return turns, _spoken(" ".join(words))


def pyannote_call() -> Recording:
    turns = _rttm(_pyannote("pyannote/audio/sample/sample.rttm"))
    text = _stm_text(_pyannote("pyannote/audio/sample/sample.stm"))
    return Recording("pyannote-call", "en", "English telephone call, 2 speakers, 30 s (pyannote.audio sample)",
                     _decode(_pyannote("pyannote/audio/sample/sample.wav")), turns, text)


def callfriend_call() -> Recording:
    turns, text = _trs(_here("transcriber/know.trs"))
    return Recording("callfriend-call", "en", "English telephone call, 2 speakers, 24 s (CALLFRIEND excerpt)",
                     _decode(_here("transcriber/know.sph")), turns, text)


def radio_opening() -> Recording:
    turns, text = _trs(_here("transcriber/frint980428.trs"))
    return Recording("france-inter", "fr", "French radio news opening, 2 speakers and music, 20 s",
                     _decode(_here("transcriber/frint980428.wav")), turns, text)


def conversations() -> list[Recording]:
    """The real two-person recordings, each with its reference turns."""
    return [pyannote_call(), callfriend_call(), radio_opening()]


def read_sentences() -> list[Recording]:
    """Five sentences of LibriVox's Sense and Sensibility, chapter 1, one reader (16 kHz), verbatim text."""
    lines = _here("librivox/transcription").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        found = re.fullmatch(r"<s> (.*) </s> \((.+)\)", line.strip())
        if found is None:
            continue
        text, name = found.groups()
        out.append(Recording(name, "en", "LibriVox reading, one speaker", _decode(_here(f"librivox/{name}.wav")),
                             [], text))
    return out


def word_errors(model, settings, recordings: list[Recording], show=None) -> tuple[int, int]:
    """Whisper's word errors on ``recordings`` against their transcripts, pooled: (errors, reference words).
    ``show(recording, heard)`` sees each text."""
    from core.transcription.decoding import decode_segments
    from tests.speech_fixtures import edit_distance, english_words

    wrong = total = 0
    for recording in recordings:
        heard = " ".join(s.text for s in decode_segments(model, recording.samples, settings))
        reference = english_words(recording.text)
        wrong += edit_distance(reference, english_words(heard))
        total += len(reference)
        if show is not None:
            show(recording, heard)
    return wrong, total
