"""Libraries for the start-up and memory benchmarks, written through the core stores as the tests do.

Run in the benchmark's own process with ``FURIKAERI_HOME`` set to the library's
home (``core.paths`` reads it on every call).
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from core.consent.records import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import Recording, RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word

RATE = 48000  # what the recorder asks the microphone for

WORDS = ("そうですね", "前職では", "チームで", "請求システムを", "作り直しました", "一番", "難しかったのは",
         "優先順位を", "決めることで", "毎朝", "十分だけ", "話し合いました")


def synthetic_wav(path: Path, seconds: float, rate: int = RATE, seed: int = 16) -> None:
    """A mono 16-bit WAV of ``seconds``: quiet noise with tones of changing pitch and loudness (never silent)."""
    rng = np.random.default_rng(seed)
    chunk = rate * 60
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        done = 0
        total = int(seconds * rate)
        while done < total:
            n = min(chunk, total - done)
            t = (done + np.arange(n)) / rate
            loud = 0.5 + 0.4 * np.sin(2 * np.pi * t / 7.0)
            tone = np.sin(2 * np.pi * (180 + 60 * np.sin(2 * np.pi * t / 11.0)) * t)
            signal = 0.3 * loud * tone + 0.02 * rng.standard_normal(n)
            out.writeframes((np.clip(signal, -1, 1) * 32767).astype("<i2").tobytes())
            done += n


def transcript_for(recording: Recording, duration_ms: int, segments: int) -> Transcript:
    """``segments`` segments evenly over the recording, each with its words, the speakers alternating."""
    step = duration_ms // segments
    made = []
    for i in range(segments):
        start = i * step
        end = start + step - 200
        texts = [WORDS[(i + k) % len(WORDS)] for k in range(6)]
        span = (end - start) // len(texts)
        words = tuple(Word(start + k * span, start + (k + 1) * span, text, 0.9) for k, text in enumerate(texts))
        made.append(Segment(start, end, "".join(texts), avg_logprob=-0.3, words=words))
    return Transcript(source=recording.file, language="ja", duration_ms=duration_ms,
                      settings=TranscriptionSettings(), recording_id=recording.id, segments=tuple(made))


def add_recording(library: Library, interview_id: int, seconds: float, segments: int) -> Recording:
    consent = library.consent.add(self_consent(interview_id))
    recording = library.recordings.begin(consent, f"{interview_id}/take.wav", RATE, 1)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    synthetic_wav(recording.path, seconds)
    duration_ms = int(seconds * 1000)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, duration_ms)
    if segments:
        library.transcripts.save(transcript_for(library.recordings.get(recording.id), duration_ms, segments))
    return library.recordings.get(recording.id)


def populate(interviews: int = 6, recording_seconds: float = 0.0, segments: int = 0) -> list[Recording]:
    """A few interviews with notes; two mock ones (when ``recording_seconds``) with a transcribed recording."""
    companies = ("株式会社サンプル", "Acme Japan", "みらい商事", "Globex", "さくら銀行", "Initech")
    made = []
    with Library.open() as library:
        for i in range(interviews):
            kind = InterviewKind.MOCK if i % 2 else InterviewKind.REAL
            item = library.interviews.add(Interview(company=companies[i % len(companies)], kind=kind,
                                                    position="エンジニア"))
            library.notes.save(item.stored_id, f"# {item.company}\n- 自己紹介 [00:02]\n- 逆質問を三つ用意する\n")
            if recording_seconds and kind is InterviewKind.MOCK and len(made) < 2:  # self-consent: practice
                made.append(add_recording(library, item.stored_id, recording_seconds, segments))
    return made
