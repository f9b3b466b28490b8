"""Speakers of a two-track recording: bleed taken out, echoes dropped, names kept per recording, exports say
who spoke (issue 13, items 4-5).  No speech model here: see test_speakers_transcription.py for that."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from core.export import export_transcript, parse_json_export
from core.library import Library
from core.ops import Changes
from core.ops import transcription as ops
from core.transcription import bleed
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from core.transcription.speakers import INTERVIEWER, ME, drop_echoes, interviewer_name, merge, names
from tests.test_transcription_store import _recording

RATE = bleed.RATE


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _turns(seconds: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The call and the candidate taking 5-s turns: noise-like voices that never repeat."""
    rng = np.random.default_rng(seed)
    call = np.zeros(RATE * seconds, np.float32)
    me = np.zeros(RATE * seconds, np.float32)
    for start in range(0, len(call), RATE * 10):
        call[start:start + RATE * 5] = rng.standard_normal(RATE * 5) * 0.2
        me[start + RATE * 5:start + RATE * 10] = rng.standard_normal(RATE * 5) * 0.2
    return call, me


def _db(samples: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(samples.astype(np.float64) ** 2) + 1e-12))


# -- bleed ---------------------------------------------------------------------------------------------------------


def test_the_speakers_bleed_is_measured_and_taken_out_while_the_candidate_is_kept():
    call, me = _turns()
    delay = int(0.030 * RATE)
    mic = me.copy()
    mic[delay:] += 0.25 * call[:-delay]  # 12 dB lower, 30 ms late

    found = bleed.measure(mic, call)
    assert found is not None
    assert found.delay_ms == pytest.approx(30, abs=1) and found.gain_db == pytest.approx(-12, abs=0.5)
    cleaned, _ = bleed.clean(mic, call)
    interviewer_turn, my_turn = slice(RATE, 4 * RATE), slice(6 * RATE, 9 * RATE)
    assert _db(mic[interviewer_turn]) > -30 and _db(cleaned[interviewer_turn]) < -60  # the bleed is gone
    assert np.array_equal(cleaned[my_turn], mic[my_turn])  # the candidate untouched


def test_both_talking_at_once_keeps_the_candidates_voice():
    call, _ = _turns()
    me = (np.random.default_rng(5).standard_normal(len(call)) * 0.2).astype(np.float32)  # speaks all the time
    delay = int(0.030 * RATE)
    mic = me.copy()
    mic[delay:] += 0.25 * call[:-delay]
    cleaned, found = bleed.clean(mic, call)
    assert found is not None
    overlap = slice(RATE, 4 * RATE)
    assert np.corrcoef(cleaned[overlap], me[overlap])[0, 1] > 0.99  # what is left is the candidate


def test_with_headphones_there_is_no_bleed_and_the_microphone_is_untouched():
    call, me = _turns()
    cleaned, found = bleed.clean(me, call)
    assert found is None and cleaned is me
    silent_call = np.zeros_like(call)
    assert bleed.clean(me, silent_call) == (me, None)


# -- echoes and names -----------------------------------------------------------------------------------------------


def _segment(start: int, end: int, text: str, speaker: str | None) -> Segment:
    return Segment(start, end, text, words=(Word(start, end, text, 0.9),)).spoken_by(speaker)


def test_a_question_heard_again_by_the_microphone_is_dropped_and_answers_are_kept():
    question = _segment(1000, 4000, "当社を志望した理由を教えてください。", INTERVIEWER)
    echo = _segment(1050, 4100, "当社を志望した理由を教えて下さい", ME)
    fragment = _segment(2500, 4000, "理由を教えてください", ME)
    answer = _segment(4500, 9000, "御社のサービスを毎日使っています。", ME)
    interjection = _segment(3000, 3600, "はい", ME)  # said over the question: not an echo
    merged = merge([echo, fragment, answer, interjection], [question])
    assert [s.text for s in merged] == [question.text, echo.text, fragment.text, interjection.text, answer.text]
    assert drop_echoes(merged) == [question, interjection, answer]


def test_every_word_carries_its_segments_speaker():
    segment = _segment(0, 1000, "hello", ME)
    assert segment.speaker == ME and all(word.speaker == ME for word in segment.words)


@pytest.mark.parametrize(("written", "name"), [
    ("田中様（人事）、佐藤部長", "田中様（人事）"),
    ("Ms. Smith and Mr. Jones", "Ms. Smith"),
    ("  \n 鈴木様", "鈴木様"),
    ("", ""),
    ("a description of the panel, which was long and did not name anybody at all really", "a description of the panel"),
    ("one very long line without any separator that is really a description rather than a name", ""),
])
def test_the_interviewer_is_named_after_the_first_interviewer_written_down(written, name):
    assert interviewer_name(written) == name


def _two(named: dict[str, str]) -> dict[str, str]:
    return {speaker: named[speaker] for speaker in (ME, INTERVIEWER)}


def test_names_the_users_first_then_the_interview_then_the_default():
    assert _two(names("ja")) == {ME: "自分", INTERVIEWER: "面接官"}
    assert _two(names("en", "Ms. Smith")) == {ME: "Me", INTERVIEWER: "Ms. Smith"}
    assert _two(names("en", "Ms. Smith", {INTERVIEWER: "Kate", ME: "  "})) == {ME: "Me", INTERVIEWER: "Kate"}
    assert (names("en")["S2"], names("ja")["S1"]) == ("Speaker 2", "話者1")  # one microphone's voices


# -- the library ----------------------------------------------------------------------------------------------------


def _two_voice_transcript(recording_id: int | None = None) -> Transcript:
    return Transcript(source="x.wav", language="en", duration_ms=9000, settings=TranscriptionSettings(),
                      recording_id=recording_id,
                      segments=(_segment(1000, 3000, "Why do you want to join us?", INTERVIEWER),
                                _segment(3500, 8000, "I use your product every day.", ME)))


def test_speakers_are_stored_with_segments_and_words(library):
    _, recording = _recording(library)
    saved = library.transcripts.save(_two_voice_transcript(recording.id))
    loaded = library.transcripts.get(saved.id)
    assert [s.speaker for s in loaded.segments] == [INTERVIEWER, ME]
    assert [w.speaker for s in loaded.segments for w in s.words] == [INTERVIEWER, ME]
    corrected = library.transcripts.correct_segment(loaded.segments[1].id, "I use it daily.")
    assert corrected.speaker == ME and corrected.words[0].speaker == ME


def test_naming_a_speaker_is_kept_per_recording_and_reported(library):
    interview, recording = _recording(library)
    library.interviews.update(dataclasses.replace(interview, interviewers="Ms. Smith (HR), Mr. Jones"))
    _, other = _recording(library, company="Other")

    assert _two(ops.speaker_names(library, recording, "en")) == {ME: "Me", INTERVIEWER: "Ms. Smith (HR)"}
    result = ops.name_speaker(library, recording.id, INTERVIEWER, " Kate Smith ")
    assert result.value == {INTERVIEWER: "Kate Smith"}
    assert result.changes == Changes(transcripts=frozenset({recording.id}))
    assert _two(ops.speaker_names(library, recording, "ja")) == {ME: "自分", INTERVIEWER: "Kate Smith"}
    assert ops.speaker_names(library, other, "en")[INTERVIEWER] == "Interviewer"  # another recording's own

    assert ops.name_speaker(library, recording.id, INTERVIEWER, "").value == {}  # back to the interview's
    assert ops.speaker_names(library, recording, "en")[INTERVIEWER] == "Ms. Smith (HR)"
    with pytest.raises(ValueError):
        ops.name_speaker(library, recording.id, "someone", "X")

    ops.name_speaker(library, recording.id, ME, "Taro")
    library.delete_interview(interview.stored_id)
    assert library.transcripts.speaker_names(recording.id) == {}  # gone with its recording


# -- exports --------------------------------------------------------------------------------------------------------

NAMES = {ME: "Taro", INTERVIEWER: "Ms. Smith"}


def test_txt_srt_and_markdown_say_name_colon_text():
    transcript = _two_voice_transcript()
    txt = export_transcript(transcript, "txt", speaker_names=NAMES, privacy_notice=False)
    assert txt == "Ms. Smith: Why do you want to join us?\nTaro: I use your product every day.\n"
    timed = export_transcript(transcript, "txt", speaker_names=NAMES, privacy_notice=False, times=True)
    assert timed.splitlines()[0] == "[00:01] Ms. Smith: Why do you want to join us?"
    srt = export_transcript(transcript, "srt", speaker_names=NAMES)
    assert "00:00:01,000 --> 00:00:03,000\nMs. Smith: Why do you want to join us?\n" in srt
    md = export_transcript(transcript, "md", speaker_names=NAMES, privacy_notice=False)
    assert "[00:03] **Taro:** I use your product every day." in md


def test_webvtt_uses_voice_spans_with_escaped_names():
    vtt = export_transcript(_two_voice_transcript(), "vtt", speaker_names={INTERVIEWER: "R&D <lead>", ME: "Taro"})
    assert "00:00:01.000 --> 00:00:03.000\n<v R&amp;D &lt;lead&gt;>Why do you want to join us?\n" in vtt
    assert "<v Taro>I use your product every day." in vtt


def test_json_has_speaker_and_name_on_every_segment_and_word_and_reads_back():
    transcript = _two_voice_transcript()
    text = export_transcript(transcript, "json", speaker_names=NAMES)
    data = json.loads(text)
    assert data["speakers"] == [{"id": INTERVIEWER, "name": "Ms. Smith"}, {"id": ME, "name": "Taro"}]
    assert [(s["speaker"], s["speaker_name"]) for s in data["segments"]] == [(INTERVIEWER, "Ms. Smith"), (ME, "Taro")]
    assert [(w["speaker"], w["speaker_name"]) for s in data["segments"] for w in s["words"]] == [
        (INTERVIEWER, "Ms. Smith"), (ME, "Taro")]
    assert parse_json_export(text).transcript.segments == transcript.segments


def test_default_names_follow_the_export_language_and_one_voice_has_no_names():
    ja = export_transcript(_two_voice_transcript(), "txt", language="ja", privacy_notice=False)
    assert ja.splitlines() == ["面接官: Why do you want to join us?", "自分: I use your product every day."]
    one_voice = dataclasses.replace(_two_voice_transcript(),
                                    segments=tuple(s.spoken_by(None) for s in _two_voice_transcript().segments))
    assert export_transcript(one_voice, "txt", privacy_notice=False).splitlines()[0] == "Why do you want to join us?"
    assert "<v " not in export_transcript(one_voice, "vtt")
    assert json.loads(export_transcript(one_voice, "json"))["speakers"] == []


# -- search ---------------------------------------------------------------------------------------------------------


def test_search_hits_say_who_said_it_by_name_in_the_languages_default(library):
    interview, recording = _recording(library)
    library.interviews.update(dataclasses.replace(interview, interviewers="Ms. Smith (HR)"))
    library.transcripts.save(_two_voice_transcript(recording.id))

    (question,) = library.search.search("join us")
    assert (question.speaker, question.speaker_name) == (INTERVIEWER, "Ms. Smith (HR)")
    (answer,) = library.search.search("product every day", language="ja")
    assert (answer.speaker, answer.speaker_name) == (ME, "自分")
    ops.name_speaker(library, recording.id, ME, "Taro")
    assert library.search.search("product every day")[0].speaker_name == "Taro"


def test_search_hits_of_one_voice_have_no_speaker(library):
    _, recording = _recording(library)
    one_voice = _two_voice_transcript(recording.id)
    library.transcripts.save(dataclasses.replace(one_voice, segments=tuple(s.spoken_by(None)
                                                                          for s in one_voice.segments)))
    (hit,) = library.search.search("join us")
    assert hit.speaker is None and hit.speaker_name is None
