"""One of Whisper's 30-s windows decoded as a whole-file decode decodes it, for live transcription.

faster-whisper's ``WhisperModel.transcribe`` turns a file's speech into log-mel
features once and then walks them in windows (``generate_segments``): the
window at frame ``seek`` is the 3,000 frames from there, prompted with the text
so far (since the last reset), and the next window begins where its last word
ended.  A live job cannot call ``transcribe`` per window and get the file's
windows: ``transcribe`` computes the features of what it is given, and a window's
audio on its own has other features at its edges.  So the live job keeps the
speech's features as the file would have them (:mod:`core.transcription.speech_stream`)
and decodes each window here, with the body of ``generate_segments``'s loop for
one window: the same options, prompt, fallback, splitting into segments, word
timestamps and next ``seek`` (``tests/test_live_window.py`` walks a whole file
window by window through :func:`decode_window` and gets ``transcribe``'s
segments, to the token).

The caller cuts the window out of the features (:func:`window_frames` frames
from ``seek``): a live job holds only the frames not yet decoded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from inspect import signature
from typing import Any

FRAMES = 3000  # a window: Whisper's 30 s in feature frames (10 ms)
PUNCTUATION = "\"'“¿([{-\"'.。,，!！?？:：”)]}、"  # generate_segments' own


@dataclass
class Prompting:
    """What ``generate_segments`` carries from one window to the next, besides ``seek``."""

    tokens: list[int] = field(default_factory=list)  # every token so far (the initial prompt's first)
    reset_since: int = 0  # the prompt is tokens[reset_since:] (a retry resets it)
    last_speech_s: float = 0.0  # the last word's end: where the next window's words may begin


@dataclass(frozen=True)
class Decoded:
    """A window's segments (faster-whisper's own, timed in the file's speech), where the next window begins, and
    the temperature it was decoded at (above ``prompt_reset_on_temperature``: a retry)."""

    segments: list[Any]
    seek: int
    temperature: float


def transcription_options(model: Any, tokenizer: Any, kwargs: dict[str, Any]) -> Any:
    """The ``TranscriptionOptions`` that ``model.transcribe(audio, **kwargs)`` would decode with."""
    from faster_whisper.tokenizer import Tokenizer  # noqa: F401 - the tokenizer passed is one of these
    from faster_whisper.transcribe import TranscriptionOptions, get_suppressed_tokens

    given = {name: parameter.default for name, parameter in signature(model.transcribe).parameters.items()}
    given.update(kwargs)
    temperature = given["temperature"]
    options = {name: given[name] for name in TranscriptionOptions.__dataclass_fields__ if name in given}
    options["temperatures"] = list(temperature) if isinstance(temperature, (list, tuple)) else [temperature]
    suppress = given["suppress_tokens"]
    options["suppress_tokens"] = get_suppressed_tokens(tokenizer, suppress) if suppress else suppress
    options["initial_prompt"] = None  # carried in Prompting.tokens
    return TranscriptionOptions(**options)


def tokenizer_for(model: Any, language: str) -> Any:
    from faster_whisper.tokenizer import Tokenizer

    return Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language)


def initial_tokens(tokenizer: Any, prompt: str | None) -> list[int]:
    """The initial prompt's tokens, as ``generate_segments`` puts them first."""
    return list(tokenizer.encode(" " + prompt.strip())) if prompt else []


def window_frames(seek: int, content_frames: int) -> int:
    """How many frames the window at ``seek`` takes of a file of ``content_frames`` (the last one may be short)."""
    return min(FRAMES, content_frames - seek)


def decode_window(model: Any, window: Any, seek: int, tokenizer: Any, options: Any, prompting: Prompting) -> Decoded:
    """Decode ``window``, the features (log-mel, floored as the file's) of the window at frame ``seek``, updating
    ``prompting`` as ``generate_segments`` does between windows."""
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.transcribe import Segment, Word
    from faster_whisper.utils import get_end

    if options.hallucination_silence_threshold is not None or options.multilingual:
        raise ValueError("not the options a file is transcribed with")  # their branches are not mirrored here
    extractor = model.feature_extractor
    time_offset = seek * extractor.time_per_frame
    segment_size = window.shape[-1]
    segment_duration = segment_size * extractor.time_per_frame
    previous_tokens = prompting.tokens[prompting.reset_since:]
    encoder_output = model.encode(pad_or_trim(window))
    prompt = model.get_prompt(tokenizer, previous_tokens, without_timestamps=options.without_timestamps,
                              prefix=options.prefix if seek == 0 else None, hotwords=options.hotwords)
    result, avg_logprob, temperature, compression_ratio = model.generate_with_fallback(
        encoder_output, prompt, tokenizer, options)
    if options.no_speech_threshold is not None:
        skip = result.no_speech_prob > options.no_speech_threshold
        if options.log_prob_threshold is not None and avg_logprob > options.log_prob_threshold:
            skip = False
        if skip:
            return Decoded([], seek + segment_size, temperature)
    previous_seek = seek
    current, seek, single_timestamp_ending = model._split_segments_by_timestamps(
        tokenizer=tokenizer, tokens=result.sequences_ids[0], time_offset=time_offset, segment_size=segment_size,
        segment_duration=segment_duration, seek=seek)
    if options.word_timestamps:
        model.add_word_timestamps([current], tokenizer, encoder_output, segment_size, options.prepend_punctuations,
                                  options.append_punctuations, last_speech_timestamp=prompting.last_speech_s)
        if not single_timestamp_ending:
            last_word_end = get_end(current)
            if last_word_end is not None and last_word_end > time_offset:
                seek = round(last_word_end * model.frames_per_second)
        last_word_end = get_end(current)
        if last_word_end is not None:
            prompting.last_speech_s = last_word_end
    found: list[Any] = []
    for segment in current:
        tokens = segment["tokens"]
        text = tokenizer.decode(tokens)
        if segment["start"] == segment["end"] or not text.strip():
            continue
        prompting.tokens.extend(tokens)
        found.append(Segment(
            id=len(found) + 1, seek=previous_seek, start=segment["start"], end=segment["end"], text=text,
            tokens=tokens, temperature=temperature, avg_logprob=avg_logprob, compression_ratio=compression_ratio,
            no_speech_prob=result.no_speech_prob,
            words=[Word(**word) for word in segment["words"]] if options.word_timestamps else None))
    if not options.condition_on_previous_text or temperature > options.prompt_reset_on_temperature:
        prompting.reset_since = len(prompting.tokens)
    return Decoded(found, seek, temperature)
