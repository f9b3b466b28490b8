"""The interview's own words, given to the speech model before it listens.

Whisper writes what it expects to hear.  Told nothing, it hears 御社 as 本社
and 志望動機 as 死亡動機, and it has never heard of the user's company.  So
every transcription is given the context it has: the company and position,
the interviewers' names, the stage, the practice questions being answered,
the user's own glossary (Settings) and the common words of interviews.

Two channels carry it (faster-whisper 1.2):

* the **initial prompt**, a short punctuated text the decoder continues from:
  the context as a sentence, then the filler-keeping prompt of
  :mod:`core.analysis.prompting` (fillers stay, and Japanese gets its 、。);
* the **hotwords**, the words alone, placed before the prompt of every
  window (the initial prompt is only seen by the first window; later ones
  read the text decoded so far, mistakes included).

Both can also make Whisper drop or invent text; the worker's coverage check
(:mod:`core.transcription.coverage`) decodes again, without the prompt, any
speech left without words, and ``benchmarks/bench_context.py`` measures the
effect on interview answers (figures in docs/PERFORMANCE.md).  The prompt is
kept short: Whisper reads at most 223 tokens of prompt, and the words
nearest the speech count most, so the fillers come last.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from core.analysis.prompting import FILLER_PROMPTS
from core.labels import stage_text
from core.transcription.model import TranscriptionSettings

LANGUAGES = ("ja", "en")

# The words of interviews that a general model gets wrong most (御社 → 本社, 志望動機 → 死亡動機, 一員 → 一輪).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "ja": ("御社", "志望動機", "自己PR", "ガクチカ", "逆質問", "内定", "顧客", "一員", "貴社", "面接官", "入社後"),
    # English: none.  A list of generic words (STAR, stakeholders, KPI...) before the fillers set off loops at the
    # end of answers ("so, so, so...", WER 53% on the filler corpus) and English interview words are rarely misheard.
    "en": (),
}
MAX_NAMES = 24  # terms taken from the context, in order of importance
MAX_TERM_CHARS = 40  # a longer "term" is a sentence typed in the wrong box
MAX_CONTEXT_CHARS = {"ja": 120, "en": 320}  # the context part of the prompt (Japanese: about one token a character)
_SPLIT = re.compile(r"[、,，/／;；\n\t・]|\s{2,}| and | と |\(|\)|（|）|「|」")
_HONORIFIC = re.compile(r"(さん|様|さま|氏|殿)$")


@dataclass(frozen=True)
class Context:
    """What is known about the speech before it is heard; every field may be empty."""

    company: str = ""
    position: str = ""
    stage: str = ""  # a Stage value or the user's own words
    interviewers: str = ""  # free text: names and roles
    questions: tuple[str, ...] = ()  # the practice questions being answered, in the recording's language
    glossary: tuple[str, ...] = ()  # the user's own words (university, club, products, skills)

    def names(self) -> list[str]:
        """The proper names and terms worth hearing right, most important first, each once."""
        found = [self.company, *split_terms(self.interviewers), self.position, *self.glossary]
        return unique(term for term in (clean(t) for t in found) if term)[:MAX_NAMES]


def clean(term: str) -> str:
    """``term`` trimmed, one space between words, without an honorific (佐々木様 → 佐々木); "" if too long."""
    term = " ".join(unicodedata.normalize("NFKC", term).split()).strip(" 。.、,")
    term = _HONORIFIC.sub("", term).strip()
    return term if len(term) <= MAX_TERM_CHARS else ""


def split_terms(text: str) -> list[str]:
    """Free text (``佐々木様（人事部長）、田中様`` / ``Ms Lee, head of HR``) cut into its names and roles."""
    return [part for part in (clean(p) for p in _SPLIT.split(text or "")) if part]


def unique(terms: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for term in terms:
        key = term.casefold()
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def glossary_terms(text: str) -> tuple[str, ...]:
    """The glossary as typed in Settings (one term a line, or separated by commas) as a list of terms."""
    return tuple(unique(t for t in (clean(p) for p in re.split(r"[\n,，、;；]", text or "")) if t))


def _sentence(context: Context, language: str) -> str:
    """The context as the decoder should read it, in ``language``'s punctuation: what the interview is, who asks,
    the words of interviews in a phrase (御社の志望動機と自己PR), the user's own words, then the questions."""
    ja = language == "ja"
    stage = stage_text(context.stage, language) if context.stage else ""
    company, position = clean(context.company), clean(context.position)
    people = [n for n in (clean(t) for t in split_terms(context.interviewers)) if n]
    own = [n for n in (clean(t) for t in context.glossary) if n and n not in (company, position, *people)]
    vocabulary = VOCABULARY[language]
    parts = []
    about = " ".join(p for p in (company, position) if p)
    if ja:
        if about or stage:
            parts.append("".join((about, "の" if about else "", stage or "面接")) + "。")
        if people:
            parts.append("面接官は" + "、".join(people) + "。")
        parts.append(f"{vocabulary[0]}の{vocabulary[1]}と{vocabulary[2]}、" + "、".join(vocabulary[3:8]) + "。")
        if own:
            parts.append("、".join(own) + "。")
    else:
        if about or stage:
            line = " ".join(p for p in (about, stage or "interview") if p)
            parts.append(line[:1].upper() + line[1:] + ".")
        if people:
            parts.append("Interviewers: " + ", ".join(people) + ".")
        if own or vocabulary:
            parts.append(", ".join(unique([*own, *vocabulary])) + ".")
    parts += [question.strip() for question in context.questions]
    text = ("" if ja else " ").join(p for p in parts if p)
    limit = MAX_CONTEXT_CHARS[language]
    if len(text) > limit:  # cut at a sentence or list boundary, keeping the most important first part
        cut = max(text.rfind(mark, 0, limit) for mark in ("。", "、", ". ", ", "))
        text = text[:cut + 1] if cut > 0 else text[:limit]
    return text


def prompt(context: Context, language: str) -> str:
    """The initial prompt for speech in ``language``: the context, then the filler-keeping words."""
    if language not in LANGUAGES:
        raise ValueError(f"no interview context for language {language!r}")
    sentence = _sentence(context, language)
    return (sentence + ("" if language == "ja" else " ") + FILLER_PROMPTS[language]).strip()


def hotword_text(context: Context, language: str) -> str:
    """The words for every window, space-separated.  Japanese: the words of interviews most often misheard (御社,
    志望動機...) first, then the context's names (measured on tests/context_corpus.py: this order, with spaces, got
    the most right); English: the names alone."""
    if language not in LANGUAGES:
        raise ValueError(f"no interview context for language {language!r}")
    if language == "ja":
        return " ".join(unique([*VOCABULARY["ja"][:8], *context.names()]))
    return " ".join(unique([*context.names(), *VOCABULARY["en"]]))


def with_context(settings: TranscriptionSettings, context: Context, *, hotwords: bool = False
                 ) -> TranscriptionSettings:
    """``settings`` told the interview's words: a prompt per language, or for the language chosen; with
    ``hotwords``, the words again before every window.

    Hotwords get more of the words right (16 of 22 instead of 12 on tests/context_corpus.py) but, with the
    repetition penalty they need against loops, keep fewer fillers (English recall 68% instead of 100%,
    benchmarks/bench_fillers.py): the app uses them for real interviews, where names matter most, and not for
    practice, whose point is the fillers.  An initial prompt in ``settings`` other than the filler-keeping one
    is the caller's choice, kept as it is.
    """
    if settings.initial_prompt and settings.initial_prompt not in FILLER_PROMPTS.values():
        return settings
    if settings.language in LANGUAGES:
        return replace(settings, initial_prompt=prompt(context, settings.language),
                       hotwords=(hotword_text(context, settings.language) or None) if hotwords else None,
                       prompts_by_language=(), hotwords_by_language=())
    if settings.language:  # another language: no context words for it
        return settings
    return replace(settings, initial_prompt=None, hotwords=None,
                   prompts_by_language=tuple((lang, prompt(context, lang)) for lang in LANGUAGES),
                   hotwords_by_language=tuple((lang, hotword_text(context, lang)) for lang in LANGUAGES)
                   if hotwords else ())
