"""Transcription settings that keep filler words.

Whisper was trained mostly on subtitles, which leave out えーと and um, so it
tends to drop them.  An initial prompt written the way people really talk,
fillers included, makes it keep them: the decoder continues in the style of
its prompt.  ``benchmarks/bench_fillers.py`` measures the effect on
synthesized speech with known fillers (figures in docs/PERFORMANCE.md).

The prompts contain only fillers and neutral words, nothing an answer is
likely to contain, so they cannot leak content into a transcript.
"""

from __future__ import annotations

from core.transcription.model import TranscriptionSettings

FILLER_PROMPTS: dict[str, str] = {
    "ja": "えーと、あのー、まあ、そうですね、えー、その、なんか、えっと、はい。",
    "en": "Um, so, uh, I mean, like, you know, er, I think, um, yeah.",
}


def practice_settings(language: str | None, model: str = "base") -> TranscriptionSettings:
    """The settings for transcribing a practice answer in ``language`` ("ja" or "en") so that fillers stay.

    ``language=None`` detects the language and then uses its prompt.  Word
    timestamps and voice-activity detection are on (metrics need both).
    Raises ``ValueError`` for another language.
    """
    if language is None:
        return TranscriptionSettings(model=model, language=None, vad=True, word_timestamps=True,
                                     prompts_by_language=tuple(FILLER_PROMPTS.items()))
    if language not in FILLER_PROMPTS:
        raise ValueError(f"no filler-keeping settings for language {language!r}")
    return TranscriptionSettings(model=model, language=language, vad=True, word_timestamps=True,
                                 initial_prompt=FILLER_PROMPTS[language])
