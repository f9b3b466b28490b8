"""Speaker separation for one microphone (core.diarization): scoring, models, cancel, silence, and the DER on
synthetic two-voice interviews in both languages (tests/diarization_corpus.py)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from core.diarization import clustering
from core.diarization import der as der_module
from core.diarization.assign import assign
from core.diarization.clustering import cluster
from core.diarization.der import der, score
from core.diarization.models import EMBEDDING, SEGMENTATION, DiarizationModelError, load, models_dir, verify
from core.diarization.pipeline import Cancelled, Turn, diarize
from core.transcription.model import Segment, Word
from tests.diarization_corpus import conversation

# --- the error rate, against hand-computed cases ------------------------------------------------------------


def test_der_is_zero_for_the_reference_itself_and_ignores_label_names():
    reference = [(0.0, 4.0, "me"), (5.0, 9.0, "interviewer")]
    assert der(reference, [(0.0, 4.0, 7), (5.0, 9.0, 3)]) == 0.0


def test_der_counts_missed_false_alarm_and_confusion_outside_the_collar():
    reference = [(0.0, 10.0, "A"), (10.0, 20.0, "B")]
    # Collars: [0, 0.25], [9.75, 10.25], [19.75, 20] are not scored: 19 s of reference speech scored.
    # Hypothesis: A right 0-8, nothing 8-10 (missed 1.75 s scored), B labelled A 10-12 (confusion 1.75 s),
    # B right 12-20, and speech 21-22 (false alarm 1 s).
    hypothesis = [(0.0, 8.0, "x"), (10.0, 12.0, "x"), (12.0, 20.0, "y"), (21.0, 22.0, "y")]
    result = score(reference, hypothesis)
    assert result.scored_s == pytest.approx(19.0)
    assert result.missed_s == pytest.approx(1.75)
    assert result.confusion_s == pytest.approx(1.75)
    assert result.false_alarm_s == pytest.approx(1.0)
    assert result.der == pytest.approx(4.5 / 19.0)


def test_der_does_not_score_overlap_and_maps_speakers_one_to_one():
    reference = [(0.0, 10.0, "A"), (5.0, 6.0, "B"), (10.0, 20.0, "B")]
    # One hypothesis speaker for everything (no collar): scored are A 0-5 and 6-10 (9 s), B 10-20 (10 s);
    # x maps onto B, with which it agrees longer, so A's 9 s are confusion.
    hypothesis = [(0.0, 20.0, "x")]
    result = score(reference, hypothesis, collar=0.0)
    assert result.scored_s == pytest.approx(19.0)  # 5-6 is overlap: not scored
    assert result.confusion_s == pytest.approx(9.0)
    assert result.missed_s == 0 and result.false_alarm_s == 0


def test_der_of_nothing_said_and_nothing_found_is_zero():
    assert der([], []) == 0.0
    assert der_module.score([], [(0.0, 1.0, "x")]).der == float("inf")


# --- clustering ---------------------------------------------------------------------------------------------


def _voices_and_a_mumble() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ten pieces of each of two voices (cosine about 0.75 within a voice, 0.45 between) and one odd piece, unlike
    both (a laugh, a cough: cosine about 0.35), holding 3% of the speech: the shape real calls gave."""
    rng = np.random.default_rng(7)
    axes = np.linalg.qr(rng.standard_normal((192, 3)))[0].T
    a, b = axes[0], 0.45 * axes[0] + np.sqrt(1 - 0.45**2) * axes[1]
    odd = 0.35 * (a + b) / np.linalg.norm(a + b) + np.sqrt(1 - 0.35**2) * axes[2]

    def around(centre: np.ndarray, count: int) -> np.ndarray:
        noise = rng.standard_normal((count, 192))
        noise -= np.outer(noise @ centre, centre)
        noise /= np.linalg.norm(noise, axis=1, keepdims=True)
        return 0.87 * centre + 0.5 * noise

    vectors = np.vstack([around(a, 10), around(b, 10), odd[None]]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    truth = np.array([0] * 10 + [1] * 10 + [-1])
    weights = np.array([1.0] * 20 + [0.65])
    return vectors, weights, truth


@pytest.mark.parametrize("speakers", [2, None])
def test_an_odd_piece_is_not_a_speaker_of_its_own(speakers):
    vectors, weights, truth = _voices_and_a_mumble()
    labels = clustering.cluster(vectors, weights, speakers)
    assert len(set(labels.tolist())) == 2
    voices = labels[truth >= 0]
    assert len(set(voices[:10].tolist())) == 1 and len(set(voices[10:].tolist())) == 1
    assert voices[0] != voices[10]


# --- turns onto transcript segments -------------------------------------------------------------------------


def _words(*spec: tuple[int, int, str]) -> tuple[Word, ...]:
    return tuple(Word(a, b, text, 0.9) for a, b, text in spec)


def test_a_segment_is_split_where_the_speaker_changes_between_its_words():
    segment = Segment(0, 4000, "Thank you. I am Alex.", words=_words(
        (0, 500, " Thank"), (500, 1200, " you."), (1900, 2300, " I"), (2300, 2800, " am"), (2800, 4000, " Alex.")),
        id=12)
    turns = [Turn(0, 1300, 0), Turn(1800, 4100, 1)]
    parts = assign([segment], turns)
    assert [(p.start_ms, p.end_ms, p.text, p.speaker) for p in parts] == [
        (0, 1200, "Thank you.", "S1"), (1900, 4000, "I am Alex.", "S2")]
    assert all(w.speaker == p.speaker for p in parts for w in p.words)
    assert [p.id for p in parts] == [None, None]


def test_a_one_voice_segment_keeps_its_id_and_a_short_stray_word_does_not_split_it():
    words = _words((0, 1000, "はい"), (1000, 1150, "、"), (1150, 3000, "そうです"))
    segment = Segment(0, 3000, "はい、そうです", words=words, id=5)
    turns = [Turn(0, 1100, 0), Turn(1100, 1160, 1), Turn(1160, 3000, 0)]
    [part] = assign([segment], turns)
    assert (part.id, part.speaker, part.text) == (5, "S1", "はい、そうです")


def test_a_segment_without_words_takes_the_speaker_of_most_of_its_time_or_none_far_from_speech():
    near = Segment(1000, 3000, "hello")
    far = Segment(60000, 61000, "...")
    assert [s.speaker for s in assign([near, far], [Turn(0, 1500, 0), Turn(1500, 3000, 1)])] == ["S2", None]


# --- the models ---------------------------------------------------------------------------------------------


def test_the_shipped_models_match_their_pinned_checksums():
    assert verify() is None


@pytest.mark.parametrize("damage", ["changed", "missing"])
def test_a_damaged_or_missing_model_is_refused_with_one_sentence(tmp_path, damage):
    folder = tmp_path / "models"
    shutil.copytree(models_dir(), folder)
    target = folder / (EMBEDDING if damage == "changed" else SEGMENTATION)
    if damage == "changed":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x01
        target.write_bytes(bytes(data))
    else:
        target.unlink()
    with pytest.raises(DiarizationModelError) as caught:
        load(folder)
    text = str(caught.value.message)
    assert target.name in text
    assert ("damaged" if damage == "changed" else "missing") in text
    assert "\n" not in text and text.count(". ") <= 1


def _voice(rng, centre, count, spread):
    vectors = centre + spread * rng.standard_normal((count, centre.shape[-1]))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("outliers", [0, 1, 5, 8])
def test_a_few_odd_pieces_do_not_hide_the_second_voice(outliers):
    """An hour of interview has coughs and laughs: pieces unlike anything.  Absorbing them is the least alike
    merge of all; counted as a change of voice, it made the whole hour one speaker."""
    rng = np.random.default_rng(7)
    shared = rng.standard_normal(192)
    me = _voice(rng, shared + 0.9 * rng.standard_normal(192), 300, 0.9)
    them = _voice(rng, shared + 0.9 * rng.standard_normal(192), 200, 0.9)
    odd = _voice(rng, rng.standard_normal((outliers, 192)), outliers, 0.0) if outliers else np.zeros((0, 192))
    vectors = np.vstack([me, them, odd]).astype(np.float32)
    labels = cluster(vectors, np.full(len(vectors), 16000.0))
    assert int(labels.max()) + 1 == 2
    assert len(set(labels[:300])) == 1 and len(set(labels[300:500])) == 1 and labels[0] != labels[300]


def test_one_voice_with_odd_pieces_stays_one_voice():
    rng = np.random.default_rng(8)
    voice = _voice(rng, rng.standard_normal(192), 400, 0.5)
    odd = _voice(rng, rng.standard_normal((6, 192)), 6, 0.0)
    labels = cluster(np.vstack([voice, odd]).astype(np.float32), np.full(406, 16000.0))
    assert set(labels.tolist()) == {0}


# --- the pipeline -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def models():
    return load(threads=1)


def test_silence_gives_no_turns(models):
    assert diarize(np.zeros(16000 * 20, dtype=np.float32), models=models) == []
    assert diarize(np.zeros(100, dtype=np.float32), models=models) == []


def test_cancel_stops_the_work_between_batches(models):
    noise = (0.05 * np.random.default_rng(1).standard_normal(16000 * 40)).astype(np.float32)
    seen: list[float] = []
    with pytest.raises(Cancelled):
        diarize(noise, models=models, progress=seen.append, cancelled=lambda: bool(seen))
    assert len(seen) == 1 and seen[0] < 0.4


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ja"])
def test_two_voices_on_one_microphone_are_told_apart(tmp_path, models, language):
    talk = conversation(tmp_path, language, speakers=2)
    fractions: list[float] = []
    turns = diarize(talk.samples, models=models, progress=fractions.append)
    hypothesis = [(a / 1000, b / 1000, k) for a, b, k in turns]
    assert der(talk.turns, hypothesis) <= 0.15
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    forced = diarize(talk.samples, speakers=2, models=models)
    assert {k for *_, k in forced} == {0, 1}
    assert der(talk.turns, [(a / 1000, b / 1000, k) for a, b, k in forced]) <= 0.15
