"""The user's own voice profile (issue 14, item 3): made from practice recordings made alone, kept privately,
used to say which separated voice of a real interview is the user's, deleted on request."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core import paths
from core.consent import self_consent
from core.diarization import profile
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from tests.dialogue import closest_turn
from tests.test_cli import run_cli


def _unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(192).astype(np.float32)
    return vector / np.linalg.norm(vector)


def test_a_voice_is_the_users_only_when_it_matches_clearly():
    mine = _unit(1)
    other = _unit(2)
    close = (mine + 0.3 * other) / np.linalg.norm(mine + 0.3 * other)
    assert profile.match(mine, {0: other, 1: close}) == 1
    assert profile.match(mine, {0: other, 1: _unit(3)}) is None  # nobody sounds like the user
    assert profile.match(mine, {0: close, 1: close * 0.99 + 0.01 * other}) is None  # two alike: do not guess


def test_the_profile_is_private_reads_back_and_is_deleted(furikaeri_home):
    made = profile.VoiceProfile(tuple(float(v) for v in _unit(4)), 42.0, 3, datetime(2026, 12, 3, tzinfo=UTC))
    path = profile.save(made)
    assert path == paths.voice_profile_path() and oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert profile.load() == made
    path.write_text("{not json", "utf-8")
    with pytest.raises(profile.VoiceProfileError) as unreadable:
        profile.load()
    assert "cannot be read" in str(unreadable.value.message.render()) and "\n" not in unreadable.value.message.render()
    assert profile.delete() and not path.exists() and not profile.delete()


def test_without_practice_recordings_no_profile_is_made(tmp_path):
    result = run_cli("voice-profile", "create", tmp_path=tmp_path)
    assert result.returncode == 1 and "no practice recordings of you alone" in result.stderr
    assert "Traceback" not in result.stderr and not paths.voice_profile_path().exists()


def practice_alone(library: Library, wavs: list) -> None:
    """Practice answers recorded alone (self consent), as the recorder would have kept them."""
    interview = library.interviews.add(Interview(company="自己PR練習", kind=InterviewKind.MOCK))
    consent = library.consent.add(self_consent(interview.stored_id))
    for index, wav in enumerate(wavs):
        recording = library.recordings.begin(consent, f"{interview.id}/answer{index}.wav", 16000, 1)
        recording.path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wav, recording.path)
        library.recordings.finish(recording.id, RecordingState.COMPLETED, round(soundfile.info(wav).duration * 1000))


def practice_answers(folder: Path) -> list[Path]:
    """Three practice answers in the candidate's voice (B) of tests/diarization_corpus.py: enough speech for one."""
    from tests.diarization_corpus import RATE, _say

    answers = ["In my current role I lead a small team that builds tools for customer support, and last year we "
               "rebuilt the reporting system for our biggest client.",
               "My strength is listening carefully. I ask questions until I understand what the customer really "
               "needs, and then I explain the plan in simple words.",
               "I would like to grow into a role where I can design products with users, not only write the code."]
    wavs = []
    for index, text in enumerate(answers):
        wav = folder / f"practice{index}.wav"
        soundfile.write(wav, _say("en", "B", text, folder / f"raw{index}.wav"), RATE, subtype="PCM_16")
        wavs.append(wav)
    return wavs


@pytest.mark.slow
def test_with_a_profile_my_voice_is_me_and_the_other_the_interviewer(tmp_path, built_base_model):
    from tests.diarization_corpus import LINES, conversation

    with Library.open() as library:
        practice_alone(library, practice_answers(tmp_path))
    created = run_cli("voice-profile", "create", tmp_path=tmp_path)
    assert created.returncode == 0, created.stderr
    assert "stays on this computer" in created.stdout
    stored = json.loads(paths.voice_profile_path().read_text("utf-8"))
    assert stored["recordings"] == 3 and len(stored["vector"]) == 192

    talk = conversation(tmp_path, "en", speakers=2)
    result = run_cli("transcribe", str(talk.path), "--model", str(built_base_model), "--language", "en",
                     "--speakers", "2", "--format", "json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["transcript"]["extra"]["recognised_by_voice_profile"] is True
    lines = tuple(("A" if voice == "C" else voice, text) for voice, text in LINES["en"][:10])
    said: Counter[tuple[str, str]] = Counter()
    for segment in data["segments"]:
        said[closest_turn(segment["text"], lines)[0], segment["speaker"]] += len(segment["text"])
    right = said["B", "me"] + said["A", "interviewer"]
    assert right >= 0.85 * sum(said.values())

    deleted = run_cli("voice-profile", "delete", tmp_path=tmp_path)
    assert deleted.returncode == 0 and not paths.voice_profile_path().exists()
