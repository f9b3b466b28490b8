"""The interview's own words for the speech model: what goes into the prompt and the hotwords, and from where."""

from __future__ import annotations

import pytest

from core.analysis.prompting import FILLER_PROMPTS, practice_settings
from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord, self_consent
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.ops import transcription as ops
from core.practice.run import AnswerSpan, EndReason
from core.settings import GLOSSARY, Settings
from core.transcription.context import (
    MAX_CONTEXT_CHARS,
    Context,
    glossary_terms,
    hotword_text,
    prompt,
    split_terms,
    with_context,
)
from core.transcription.decoding import whisper_options, with_language
from core.transcription.model import TranscriptionSettings

AOBA = Context(company="青葉精機株式会社", position="法人営業", stage="final",
               interviewers="佐々木様（人事部長）、田中様", glossary=("東都大学", "軽音楽部"))


def test_names_come_from_every_field_without_honorifics_and_each_once():
    assert AOBA.names() == ["青葉精機株式会社", "佐々木", "人事部長", "田中", "法人営業", "東都大学", "軽音楽部"]
    assert split_terms("Ms Lee, head of HR / Mr. Ito") == ["Ms Lee", "head of HR", "Mr. Ito"]
    assert Context(company="Acme", glossary=("acme", "ACME ", "")).names() == ["Acme"]


def test_a_glossary_is_typed_one_term_a_line_or_with_commas_and_sentences_are_not_terms():
    assert glossary_terms("東都大学\n軽音楽部、Python, SQL\n\n") == ("東都大学", "軽音楽部", "Python", "SQL")
    sentence = "私は大学で情報工学を学んで卒業後はソフトウェア会社でウェブサービスの開発に携わってきました"
    assert glossary_terms(sentence + "\nSQL") == ("SQL",)


def test_the_japanese_prompt_says_the_interview_then_its_words_then_the_fillers_last():
    text = prompt(AOBA, "ja")
    assert text.startswith("青葉精機株式会社 法人営業の最終面接。")
    assert "面接官は佐々木、人事部長、田中。" in text and "東都大学" in text and "御社の志望動機" in text
    assert "様" not in text
    assert text.endswith(FILLER_PROMPTS["ja"])  # the words nearest the speech set its style: fillers, 、。
    assert len(text) <= MAX_CONTEXT_CHARS["ja"] + len(FILLER_PROMPTS["ja"])


def test_the_english_prompt_is_a_sentence_in_english():
    text = prompt(Context(company="Acme Robotics", position="data analyst", stage="first", interviewers="Ms Lee"),
                  "en")
    assert text == "Acme Robotics data analyst first interview. Interviewers: Ms Lee. " + FILLER_PROMPTS["en"]
    assert text.endswith(FILLER_PROMPTS["en"])
    assert "御社" not in text


def test_a_long_context_is_cut_at_a_boundary_keeping_the_interview_first():
    many = Context(company="青葉精機", glossary=tuple(f"用語{i:02d}番" for i in range(40)),
                   questions=("学生時代に最も力を入れたことを教えてください。",) * 3)
    text = prompt(many, "ja")
    context = text[:-len(FILLER_PROMPTS["ja"])]
    assert len(context) <= MAX_CONTEXT_CHARS["ja"] and context.startswith("青葉精機の面接。")
    assert context.endswith(("。", "、"))


def test_without_anything_known_the_interview_words_are_still_given():
    phrase = "御社の志望動機と自己PR、ガクチカ、逆質問、内定、顧客、一員。"
    assert prompt(Context(), "ja") == phrase + FILLER_PROMPTS["ja"]
    assert prompt(Context(), "en") == FILLER_PROMPTS["en"]  # English: nothing generic before the fillers (loops)
    assert hotword_text(Context(), "en") == ""


def test_hotwords_put_the_misheard_words_of_interviews_first_in_japanese_and_the_names_first_in_english():
    assert hotword_text(AOBA, "ja") == ("御社 志望動機 自己PR ガクチカ 逆質問 内定 顧客 一員 "
                                    "青葉精機株式会社 佐々木 人事部長 田中 法人営業 東都大学 軽音楽部")
    english = hotword_text(AOBA, "en")
    assert english == "青葉精機株式会社 佐々木 人事部長 田中 法人営業 東都大学 軽音楽部"


def test_a_chosen_language_gets_its_own_prompt_and_hotwords_only_when_asked():
    told = with_context(TranscriptionSettings(language="ja"), AOBA, hotwords=True)
    assert told.initial_prompt == prompt(AOBA, "ja") and told.hotwords == hotword_text(AOBA, "ja")
    options = whisper_options(told)
    assert options["initial_prompt"] == told.initial_prompt and options["hotwords"] == told.hotwords
    assert options["repetition_penalty"] > 1.0  # hotwords behind the filler prompt loop without it
    plain = with_context(TranscriptionSettings(language="ja"), AOBA)
    assert plain.initial_prompt == told.initial_prompt and plain.hotwords is None
    assert whisper_options(plain)["repetition_penalty"] == 1.0 and whisper_options(plain)["hotwords"] is None


def test_a_detected_language_takes_its_prompt_and_hotwords_once_detected():
    told = with_context(practice_settings(None), AOBA, hotwords=True)
    assert told.initial_prompt is None and told.hotwords is None
    assert dict(told.prompts_by_language) == {"ja": prompt(AOBA, "ja"), "en": prompt(AOBA, "en")}

    settled = with_language(told, "en")  # as core.transcription.file_decode.settled does with the language detected
    assert settled.language == "en"
    assert settled.initial_prompt == prompt(AOBA, "en") and settled.hotwords == hotword_text(AOBA, "en")


def test_practice_keeps_its_fillers_and_the_callers_own_prompt_is_left_alone():
    assert with_context(practice_settings("en"), AOBA).initial_prompt == prompt(AOBA, "en")
    own = TranscriptionSettings(language="ja", initial_prompt="議事録です。")
    assert with_context(own, AOBA) == own
    other = TranscriptionSettings(language="fr")
    assert with_context(other, AOBA) == other


def test_settings_told_the_context_survive_a_round_trip_through_json_lists():
    told = with_context(TranscriptionSettings(), AOBA, hotwords=True)
    again = TranscriptionSettings(**{**told.__dict__, "hotwords_by_language": [list(p) for p in
                                                                              told.hotwords_by_language]})
    assert again == told


# --- where the context comes from -----------------------------------------------------------------------------


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _take(library: Library, interview: Interview):
    consent = library.consent.add(self_consent(interview.stored_id) if interview.kind is InterviewKind.MOCK else
                                  ConsentRecord(interview_id=interview.stored_id, purpose=ConsentPurpose.REAL,
                                                answer=ConsentAnswer.AGREED, who="佐々木様",
                                                method=ConsentMethod.IN_PERSON, asked_at=utc_now()))
    return library.recordings.begin(consent, f"{interview.id}/take-{consent.id}.wav", 48000, 1)


def test_a_real_interview_gives_its_company_position_stage_interviewers_and_the_glossary(library):
    Settings().set(GLOSSARY, "東都大学\n軽音楽部")
    interview = library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.REAL, position="法人営業",
                                                 stage="final", interviewers="佐々木様"))
    context = ops.context_for(library, _take(library, interview))
    assert context == Context(company="青葉精機", position="法人営業", stage="final", interviewers="佐々木様",
                              glossary=("東都大学", "軽音楽部"))
    assert ops.context_for(library, _take(library, interview), glossary="").glossary == ()


def test_a_practice_recording_gives_the_questions_answered_in_it(library):
    interview = library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.MOCK))
    recording = _take(library, interview)
    first, second = library.questions.all()[:2]
    session = library.practice.create_session(interview.stored_id, recording.id, "ja", (first.key, second.key))
    assert ops.context_for(library, recording, glossary="").questions == (first.text("ja"), second.text("ja"))
    library.practice.add_answer(session.id, AnswerSpan(0, second, second.text("ja"), 0, 5000, EndReason.NEXT))
    assert ops.context_for(library, recording, glossary="").questions == (second.text("ja"),)


def test_a_real_interview_is_given_hotwords_and_practice_only_the_prompt(library):
    """Hotwords get more names right but keep fewer fillers (docs/PERFORMANCE.md): names matter most in a real
    interview, fillers in practice."""
    from core.transcription.audio import AudioFileError
    from core.transcription.service import TranscriptionCancelled, TranscriptionService

    real = library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.REAL, interviewers="佐々木様"))
    mock = library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.MOCK))
    outcomes: list[object] = []
    with TranscriptionService() as service:
        jobs = [ops.start(library, service, _take(library, interview), TranscriptionSettings(language="ja"),
                          on_done=outcomes.append) for interview in (real, mock)]
        for job in jobs:
            job.cancel()
    told_real, told_mock = (job.settings for job in jobs)
    assert told_real.hotwords is not None and "青葉精機" in told_real.hotwords and "佐々木" in told_real.hotwords
    assert told_mock.hotwords is None
    assert "青葉精機" in told_real.initial_prompt and "青葉精機" in told_mock.initial_prompt
    assert len(outcomes) == 2  # cancelled, or refused at once: the files were never written
    assert all(isinstance(o, TranscriptionCancelled | AudioFileError) for o in outcomes)


def test_a_practice_transcript_told_the_context_is_still_the_one_made_to_keep_fillers():
    """The practice review reuses a transcript made with its filler-keeping settings; the context put before the
    prompt does not make it another one (else every review would transcribe again)."""
    from core.practice.review import _made_with

    wanted = practice_settings("ja", "base")
    assert _made_with(with_context(wanted, AOBA), wanted)
    assert _made_with(with_context(practice_settings(None), AOBA), practice_settings(None))
    assert not _made_with(with_context(practice_settings("en", "base"), AOBA), wanted)
    assert not _made_with(TranscriptionSettings(language="ja"), wanted)  # no prompt: fillers were not kept
    assert not _made_with(with_context(practice_settings("ja", "small"), AOBA), wanted)


def test_the_two_tracks_of_an_online_interview_are_not_prompted(library):
    """Each track is half silence (the other person speaking): a prompt's last words (はい。) were written there."""
    import numpy as np
    import soundfile

    from core.recording.files import call_track_path
    from core.transcription.service import TranscriptionService

    real = library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.REAL))
    recording = _take(library, real)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    for path in (recording.path, call_track_path(recording.path)):
        soundfile.write(path, np.zeros(16000, dtype=np.float32), 16000)
    with TranscriptionService() as service:
        job = ops.start(library, service, recording, TranscriptionSettings(language="ja"), on_done=lambda _: None)
        job.cancel()
    assert job.settings.initial_prompt is None and job.settings.hotwords is None
