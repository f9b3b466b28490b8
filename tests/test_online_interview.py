"""An online interview end to end through a real sound server (issue 13, acceptance).

The rig's online layout: the interviewer plays to the speakers (the call),
the candidate speaks into the microphone.  ``main.py record --system-audio``
records both tracks; ``main.py transcribe`` of the recording then says who
said what, in Japanese and in English, with headphones and with laptop
speakers (the interviewer also reaching the microphone, 12 dB lower and
30 ms late).
"""

from __future__ import annotations

import json
import math

import pytest
import soundfile

from tests.dialogue import make_dialogue, misattributed, unheard_turns
from tests.test_call_audio import _recording_child
from tests.test_cli import run_cli

pytestmark = [pytest.mark.audio, pytest.mark.slow]


@pytest.mark.parametrize(("language", "bleed"), [("ja", False), ("en", False), ("ja", True)],
                         ids=["ja-headphones", "en-headphones", "ja-laptop-speakers"])
def test_an_online_interview_says_who_asked_and_who_answered(online_rig, tmp_path, built_base_model, language,
                                                             bleed):
    from core.library import Library

    dialogue = make_dialogue(tmp_path, language, bleed=bleed, name="played")
    seconds = math.ceil(soundfile.info(dialogue.mic).duration) + 3
    child = _recording_child(tmp_path, seconds=seconds)
    players = [online_rig.play_call(dialogue.call, wait=False), online_rig.play(dialogue.mic, wait=False)]
    out, err = child.communicate(timeout=seconds + 60)
    for player in players:
        assert player.wait(30) == 0
    assert child.returncode == 0, out + err

    with Library.open() as library:
        (recording,) = library.recordings.for_interview(library.interviews.all()[0].stored_id)
    result = run_cli("transcribe", str(recording.path), "--model", str(built_base_model), "--format", "json",
                     "--language", language, tmp_path=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    segments = [s for s in data["segments"] if s["text"].strip()]
    assert {s["speaker"] for s in segments} == {"me", "interviewer"}
    assert misattributed(segments, dialogue.turns) == []
    assert unheard_turns(segments, dialogue.turns) == []
