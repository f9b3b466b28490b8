"""Who said what: a two-track recording's transcript attributes each turn to its speaker (issue 13, item 4, 6).

Real faster-whisper on a synthetic interview in two voices (tests/dialogue.py),
through ``main.py transcribe`` as a user runs it: no flag asks for speakers,
the call track beside the file is enough.
"""

from __future__ import annotations

import json

import pytest

from tests.dialogue import make_dialogue, misattributed, unheard_turns
from tests.test_cli import run_cli

pytestmark = pytest.mark.slow


def _transcribe_json(tmp_path, model, audio, *language: str) -> dict:
    result = run_cli("transcribe", str(audio), "--model", str(model), "--format", "json", *language,
                     tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_transcribe_json_of_a_two_track_recording_says_who_spoke(tmp_path, built_base_model, language):
    dialogue = make_dialogue(tmp_path, language)
    data = _transcribe_json(tmp_path, built_base_model, dialogue.mic)  # the language is detected

    segments = [s for s in data["segments"] if s["text"].strip()]
    assert data["transcript"]["language"] == language
    assert segments and {s["speaker"] for s in segments} == {"me", "interviewer"}
    assert misattributed(segments, dialogue.turns) == []
    assert unheard_turns(segments, dialogue.turns) == []
    names = {"ja": {"me": "自分", "interviewer": "面接官"}, "en": {"me": "Me", "interviewer": "Interviewer"}}[language]
    assert {s["speaker"]: s["speaker_name"] for s in segments} == names
    assert data["speakers"] == [{"id": key, "name": names[key]} for key in dict.fromkeys(s["speaker"] for s in
                                                                                         data["segments"])]
    assert all(w["speaker"] == s["speaker"] and w["speaker_name"] == s["speaker_name"]
               for s in segments for w in s["words"])
    starts = [s["start_ms"] for s in data["segments"]]
    assert starts == sorted(starts)  # one conversation in time order, not one track after the other


def test_the_interviewer_heard_through_laptop_speakers_is_not_attributed_to_me(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "ja", bleed=True)  # the questions also reach the microphone, -12 dB, 30 ms late
    data = _transcribe_json(tmp_path, built_base_model, dialogue.mic, "--language", "ja")

    segments = [s for s in data["segments"] if s["text"].strip()]
    assert misattributed(segments, dialogue.turns) == []
    assert unheard_turns(segments, dialogue.turns) == []
    questions = [text for speaker, text in dialogue.turns if speaker == "interviewer"]
    heard_twice = [s["text"] for s in segments if s["speaker"] == "interviewer"]
    assert len(heard_twice) <= 2 * len(questions)  # no question appears twice on the interviewer's side either


def test_without_its_call_track_a_recording_is_one_voice_as_before(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "en")
    dialogue.call.unlink()
    data = _transcribe_json(tmp_path, built_base_model, dialogue.mic, "--language", "en")
    assert data["speakers"] == []
    assert data["segments"] and all(s["speaker"] is None and s["speaker_name"] is None for s in data["segments"])
    assert "Why do you want" not in " ".join(s["text"] for s in data["segments"])  # only the microphone's side


def test_output_over_the_call_track_is_refused_and_loses_nothing(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "en")
    before = dialogue.call.read_bytes()
    result = run_cli("transcribe", str(dialogue.mic), "--model", str(built_base_model), "-o", str(dialogue.call),
                     tmp_path=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert dialogue.call.read_bytes() == before
