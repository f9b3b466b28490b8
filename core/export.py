"""Transcripts out of the library: plain text, subtitles (SRT, WebVTT), Markdown and JSON.

    from core.export import export_transcript
    text = export_transcript(transcript, "srt", Path("interview.srt"), language="ja")

:func:`export_transcript` returns the exported text and, given a ``path``,
writes it through :func:`core.fsutil.write_output`: atomically, as an
owner-only (0600) file (straight through for a FIFO or a device), never over
one of the ``inputs``; a failed export never leaves a half-written file or a
stray temporary one behind.

A two-track recording's transcript says who spoke: ``Name: text`` in TXT,
SRT and Markdown (the name in bold there), a WebVTT voice span
``<v Name>``, and in JSON a ``speaker`` id and ``speaker_name`` on every
segment and word (with the list of ``speakers``).

Every format shows the user's corrections (:attr:`Segment.display_text`);
only JSON also keeps what Whisper originally produced.  Segments whose text is
empty (the user deleted it) are left out of everything but JSON.

Privacy notice
    An interview transcript holds other people's words, so by default every
    export begins with one line saying that it is private and for the user's
    own review (:data:`PRIVACY_NOTICE`, in the user's language):

    * ``txt``: the first line; ``md``: the first line, as a block quote;
    * ``vtt``: a ``NOTE`` block right after the ``WEBVTT`` header (a comment
      players skip but anyone reading the file sees);
    * ``json``: a ``"notice"`` field, the first key;
    * ``srt``: **none** (see :data:`FORMATS_WITHOUT_NOTICE`).  SubRip has no
      comment syntax: any text outside a cue breaks strict parsers, and a
      notice cue would either be shown over the video (a real cue) or be an
      invalid zero-length cue that subtitle editors and upload checks reject
      or flag, while also shifting every cue number by one.  Callers that
      care (the CLI) remind the user instead.

Subtitle cue rules (SRT and WebVTT)
    * cues are ordered by start time; negative times are clamped to 0;
    * a segment of zero or negative length gets :data:`MIN_CUE_MS` (cut
      short at the next cue's start when that comes sooner, but never to
      nothing), so its words stay on screen long enough to read;
    * blank lines inside a segment's text would end the cue early, so lines
      are stripped and empty ones dropped;
    * ``-->`` inside text would read as a timing line: SRT gets ``→`` in its
      place, WebVTT escapes ``&``, ``<`` and ``>`` as its syntax requires
      (``--&gt;`` still displays as ``-->``).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any

from core.fsutil import OutputError, PathLike, write_output
from core.messages import Message, Translate, identity_translate
from core.recording.store import CONSENT_CLIP_LABEL, Marker
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word
from core.transcription.speakers import names as default_names

FORMATS = ("txt", "srt", "vtt", "md", "json")
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def format_of(path: PathLike, default: str | None = "txt") -> str | None:
    """The format a file's name asks for (``acme.srt``: ``srt``), else ``default``."""
    suffix = PurePath(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else default


def export_target(path: str, chosen: str) -> tuple[str, str]:
    """The file and format a save dialog's answer stands for: a name typed with one of :data:`FORMATS`' extensions
    keeps it and its format whatever filter was chosen (``acme.srt`` with "Text" chosen: subtitles, not
    ``acme.srt.txt``); any other name gets the ``chosen`` format's extension."""
    typed = format_of(path, None)
    if typed is not None:
        return path, typed
    return f"{path}.{chosen}", chosen


def suggested_name(company: str, when: datetime, fmt: str) -> str:
    """A file name for an export: the company and the recording's day (``青葉精機_2026-12-03.md``), nothing a file
    system refuses."""
    stem = _UNSAFE_IN_NAMES.sub("_", company).strip(" ._")
    day = when.astimezone().strftime("%Y-%m-%d")
    return f"{stem}_{day}.{fmt}" if stem else f"{day}.{fmt}"
FORMATS_WITHOUT_NOTICE = ("srt",)
JSON_FORMAT_VERSION = 1
MIN_CUE_MS = 1000  # how long a zero-length segment stays on screen

# Content, not UI: it goes into the user's files in the language they chose.
PRIVACY_NOTICE = {
    "en": "Private: for my own interview review only. It contains other people's words; "
          "do not publish or share it.",
    "ja": "非公開：自分の面接を振り返るための記録です。他の方の発言を含むため、公開・共有はしないでください。",
}

_LABELS = {
    "en": {
        "title": "Interview transcript", "language": "Language", "duration": "Duration", "model": "Model",
        "date": "Transcribed", "problem": "Note", "transcript": "Transcript", "markers": "Markers",
        "notes": "Notes", "no_label": "(no label)", "colon": ": ",
        "consent_clip": "Consent clip: permission asked and given",
    },
    "ja": {
        "title": "面接の文字起こし", "language": "言語", "duration": "長さ", "model": "モデル",
        "date": "文字起こし日時", "problem": "注意", "transcript": "文字起こし", "markers": "マーカー",
        "notes": "メモ", "no_label": "（ラベルなし）", "colon": "：",
        "consent_clip": "同意の録音：録音の許可を求め、得た部分",
    },
}
_LANGUAGE_NAMES = {
    "en": {"en": "English", "ja": "Japanese"},
    "ja": {"en": "英語", "ja": "日本語"},
}


ExportError = OutputError  # the export could not be written (refused or failed); ``message`` says why


def _content_language(language: str) -> str:
    return language if language in PRIVACY_NOTICE else "en"


# -- time formats -------------------------------------------------------------


def clock(ms: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from one hour on (rounded down to the second)."""
    seconds = max(int(ms), 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def subtitle_time(ms: int, separator: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``separator="."``, ``HH:MM:SS.mmm`` (WebVTT)."""
    ms = max(int(ms), 0)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _duration(ms: int) -> str:
    seconds = max(int(ms), 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


# -- text helpers -------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """The non-empty, stripped lines of ``text``."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _one_line(text: str) -> str:
    return " ".join(_lines(text))


def _spoken(transcript: Transcript) -> list[Segment]:
    """Segments with something to show, in the transcript's order."""
    return [s for s in transcript.segments if s.display_text.strip()]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    speaker: str | None = None


def cues(transcript: Transcript) -> list[Cue]:
    """The subtitle cues for ``transcript`` (see the module's rules), before any format escaping."""
    ordered = sorted(
        ((max(s.start_ms, 0), max(s.end_ms, 0), tuple(_lines(s.display_text)), s.speaker)
         for s in _spoken(transcript)),
        key=lambda item: item[0])
    starts = [item[0] for item in ordered]
    result = []
    for start, end, lines, speaker in ordered:
        if end <= start:
            following = bisect.bisect_right(starts, start)  # the next cue that starts later
            end = start + MIN_CUE_MS
            if following < len(starts):
                end = min(end, starts[following])
        result.append(Cue(start, end, lines, speaker))
    return result


# -- the formats --------------------------------------------------------------


def _said_by(speaker: str | None, names: Mapping[str, str]) -> str:
    """``"Name: "`` before a speaker's words; nothing for a transcript without speakers."""
    return "" if speaker is None else f"{_one_line(names.get(speaker, speaker))}: "


def _txt(transcript: Transcript, notice: str | None, times: bool, names: Mapping[str, str]) -> str:
    out = [notice, ""] if notice else []
    for segment in _spoken(transcript):
        text = _said_by(segment.speaker, names) + _one_line(segment.display_text)
        out.append(f"[{clock(segment.start_ms)}] {text}" if times else text)
    return "\n".join(out) + "\n"


def _srt(transcript: Transcript, names: Mapping[str, str]) -> str:
    blocks = []
    for number, cue in enumerate(cues(transcript), start=1):
        text = _said_by(cue.speaker, names) + "\n".join(line.replace("-->", "→") for line in cue.lines)
        blocks.append(f"{number}\n{subtitle_time(cue.start_ms)} --> {subtitle_time(cue.end_ms)}\n{text}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt(transcript: Transcript, notice: str | None, names: Mapping[str, str]) -> str:
    blocks = ["WEBVTT\n"]
    if notice:
        blocks.append(f"NOTE {notice.replace('-->', '→')}\n")
    for cue in cues(transcript):
        text = "\n".join(_vtt_escape(line) for line in cue.lines)
        if cue.speaker is not None:  # a voice span: players show or style the speaker
            text = f"<v {_vtt_escape(_one_line(names.get(cue.speaker, cue.speaker)))}>{text}"
        blocks.append(f"{subtitle_time(cue.start_ms, '.')} --> {subtitle_time(cue.end_ms, '.')}\n{text}\n")
    return "\n".join(blocks)


def _md(transcript: Transcript, notice: str | None, title: str, notes: str, language: str,
        markers: Sequence[Marker], translate: Translate, names: Mapping[str, str]) -> str:
    labels = _LABELS[language]
    out = [f"> {notice}", ""] if notice else []
    out += [f"# {_md_escape(_one_line(title)) or labels['title']}", ""]
    spoken_language = _LANGUAGE_NAMES[language].get(transcript.language, transcript.language)
    facts = [("language", _md_escape(spoken_language)), ("duration", _duration(transcript.duration_ms)),
             ("model", _md_escape(transcript.settings.model))]
    if transcript.created_at is not None:
        facts.append(("date", transcript.created_at.isoformat(sep=" ", timespec="minutes")))
    if transcript.problem is not None:
        facts.append(("problem", _md_escape(_one_line(transcript.problem.render(translate)))))
    out += [f"- {labels[key]}{labels['colon']}{value}" for key, value in facts]
    out += ["", f"## {labels['transcript']}", ""]
    for segment in _spoken(transcript):
        said_by = _said_by(segment.speaker, names)
        speaker = f"**{_md_escape(said_by.rstrip())}** " if said_by else ""
        out += [f"[{clock(segment.start_ms)}] {speaker}{_md_escape(_one_line(segment.display_text))}", ""]
    if markers:
        out += [f"## {labels['markers']}", ""]
        for marker in sorted(markers, key=lambda m: m.at_ms):
            if marker.label == CONSENT_CLIP_LABEL:
                label = labels["consent_clip"]
            else:
                label = _md_escape(_one_line(marker.label)) or labels["no_label"]
            out.append(f"- [{clock(marker.at_ms)}] {label}")
        out.append("")
    if notes.strip():
        out += [f"## {labels['notes']}", "", notes.strip("\n"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _json_safe(value: Any) -> Any:
    """``value`` with NaN and infinities (not valid JSON) as ``null``."""
    if isinstance(value, float):
        return _finite(value)
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return value


def _message_json(message: Message | None) -> dict[str, Any] | None:
    if message is None:
        return None
    return {"context": message.context, "text": message.text, "params": message.params}


def _segment_json(segment: Segment, names: Mapping[str, str]) -> dict[str, Any]:
    name = None if segment.speaker is None else names.get(segment.speaker, segment.speaker)
    return {
        "id": segment.id,
        "start_ms": segment.start_ms,
        "end_ms": segment.end_ms,
        "text": segment.text,
        "corrected_text": segment.corrected_text,
        "flags": sorted(flag.value for flag in segment.flags),
        "speaker": segment.speaker,
        "speaker_name": name,
        "avg_logprob": _finite(segment.avg_logprob),
        "no_speech_prob": _finite(segment.no_speech_prob),
        "words": [
            {"start_ms": w.start_ms, "end_ms": w.end_ms, "text": w.text, "probability": _finite(w.probability),
             "speaker": segment.speaker, "speaker_name": name}
            for w in segment.words
        ],
    }


def _questions_json(transcript: Transcript) -> list[dict[str, Any]] | None:
    """The interviewer's questions with the span of each answer (core.analysis.questions); None without speakers."""
    from core.analysis.questions import find_questions
    from core.transcription.speakers import has_speakers

    if not has_speakers(transcript.segments):
        return None
    return [question.to_dict() for question in find_questions(transcript)]


def _json(transcript: Transcript, notice: str | None, title: str, notes: str,
          markers: Sequence[Marker], names: Mapping[str, str]) -> str:
    speakers = dict.fromkeys(s.speaker for s in transcript.segments if s.speaker is not None)
    settings = transcript.settings
    document: dict[str, Any] = {"notice": notice} if notice else {}
    document.update({
        "format": JSON_FORMAT_VERSION,
        "title": title,
        "transcript": {
            "id": transcript.id,
            "source": transcript.source,
            "language": transcript.language,
            "duration_ms": transcript.duration_ms,
            "recording_id": transcript.recording_id,
            "created_at": transcript.created_at.isoformat() if transcript.created_at else None,
            "problem": str(transcript.problem) if transcript.problem is not None else None,
            "problem_message": _message_json(transcript.problem),
            "settings": {
                "model": settings.model,
                "language": settings.language,
                "vad": settings.vad,
                "word_timestamps": settings.word_timestamps,
                "beam_size": settings.beam_size,
                "initial_prompt": settings.initial_prompt,
                "hotwords": settings.hotwords,
            },
            "extra": {str(key): transcript.extra[key] for key in sorted(transcript.extra, key=str)},
        },
        "speakers": [{"id": speaker, "name": names.get(speaker, speaker)} for speaker in speakers],
        "segments": [_segment_json(segment, names) for segment in transcript.segments],
        "markers": [{"id": m.id, "at_ms": m.at_ms, "label": m.label} for m in sorted(markers, key=lambda m: m.at_ms)],
        "notes": notes,
    })
    if (questions := _questions_json(transcript)) is not None:
        document["questions"] = questions
    return json.dumps(_json_safe(document), ensure_ascii=False, indent=2, default=str, allow_nan=False) + "\n"


@dataclass(frozen=True)
class JsonExport:
    """A JSON export read back by :func:`parse_json_export`."""

    transcript: Transcript
    markers: tuple[Marker, ...] = ()
    title: str = ""
    notes: str = ""
    notice: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _float(value: Any) -> float:
    return float("nan") if value is None else float(value)


def parse_json_export(text: str) -> JsonExport:
    """Read a JSON export (format 1) back into the data model.  Raises ``ValueError`` for anything else."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT_VERSION:
        raise ValueError("not a Furikaeri transcript export (format 1)")
    meta = data["transcript"]
    problem = meta.get("problem_message")
    segments = tuple(
        Segment(start_ms=s["start_ms"], end_ms=s["end_ms"], text=s["text"],
                avg_logprob=_float(s["avg_logprob"]), no_speech_prob=_float(s["no_speech_prob"]),
                words=tuple(Word(w["start_ms"], w["end_ms"], w["text"], _float(w["probability"]), s.get("speaker"))
                            for w in s["words"]),
                flags=frozenset(SegmentFlag(flag) for flag in s["flags"]),
                corrected_text=s["corrected_text"], id=s["id"], speaker=s.get("speaker"))
        for s in data["segments"])
    transcript = Transcript(
        source=meta["source"], language=meta["language"], duration_ms=meta["duration_ms"],
        settings=TranscriptionSettings(**meta["settings"]), segments=segments,
        recording_id=meta["recording_id"],
        created_at=datetime.fromisoformat(meta["created_at"]) if meta["created_at"] else None,
        problem=Message(problem["context"], problem["text"], problem["params"]) if problem else None,
        id=meta["id"], extra=meta["extra"])
    markers = tuple(Marker(m["at_ms"], m["label"], m["id"]) for m in data["markers"])
    return JsonExport(transcript, markers, data.get("title", ""), data.get("notes", ""), data.get("notice"))


# -- the entry point ----------------------------------------------------------


def export_transcript(transcript: Transcript, fmt: str, path: PathLike | None = None, *, title: str = "",
                      notes: str = "", language: str = "en", privacy_notice: bool = True,
                      markers: Sequence[Marker] = (), times: bool = False,
                      translate: Translate = identity_translate, inputs: Iterable[PathLike] = (),
                      protected: Iterable[PathLike] = (), speaker_names: Mapping[str, str] | None = None) -> str:
    """``transcript`` as ``fmt`` (one of :data:`FORMATS`); written to ``path`` too when given.

    ``title``, ``notes`` (Markdown, included as given) and ``markers`` are
    used by ``md`` and ``json``; ``times`` prefixes ``txt`` lines with
    ``[mm:ss]``; ``language`` ("ja" or "en") is the language of the privacy
    notice and of Markdown's headings; ``translate`` renders the transcript's
    problem message in ``md`` (JSON keeps it in English).  ``inputs`` (files
    that must not be overwritten, such as the recording) and ``protected``
    (folders whose files must not be) go to :func:`core.fsutil.write_output`.
    ``speaker_names`` name the speakers of a two-track recording's transcript
    (:func:`core.transcription.speakers.names`; by default "Me" and
    "Interviewer" in ``language``).
    Raises ``ValueError`` for an unknown format and :class:`ExportError` when
    the file is refused or cannot be written (nothing is left behind then).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    language = _content_language(language)
    notice = PRIVACY_NOTICE[language] if privacy_notice else None
    names = speaker_names if speaker_names is not None else default_names(language)
    if fmt == "txt":
        text = _txt(transcript, notice, times, names)
    elif fmt == "srt":
        text = _srt(transcript, names)
    elif fmt == "vtt":
        text = _vtt(transcript, notice, names)
    elif fmt == "md":
        text = _md(transcript, notice, title, notes, language, markers, translate, names)
    else:
        text = _json(transcript, notice, title, notes, markers, names)
    if path is not None:
        write_output(path, text.encode("utf-8"), inputs=inputs, protected=protected)
    return text
