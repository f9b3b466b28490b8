"""Reading audio for transcription: every format, any rate, and clear words for every bad file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile

from core.transcription.audio import (
    MIN_DURATION_S,
    SAMPLE_RATE,
    AudioFileError,
    TranscriptionError,
    decode,
    probe,
)


def tone(seconds: float, rate: int, channels: int = 1, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    mono = (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    return np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono


def encode(samples: np.ndarray, rate: int, path: Path, container: str, codec: str) -> Path:
    """Write float samples (frames x channels or mono) with PyAV's encoders."""
    data = samples if samples.ndim == 2 else samples[:, None]
    layout = "stereo" if data.shape[1] == 2 else "mono"
    with av.open(str(path), "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = layout
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray((data.T * 32767).astype(np.int16).T.reshape(1, -1)),
                                           format="s16", layout=layout)
        frame.sample_rate = rate
        resampler = av.AudioResampler(format=stream.codec_context.codec.audio_formats[0].name, layout=layout,
                                      rate=rate)
        for block in [*resampler.resample(frame), *resampler.resample(None), None]:
            for packet in stream.encode(block):
                out.mux(packet)
    return path


@pytest.fixture(scope="module")
def speech(english_speech) -> tuple[np.ndarray, int]:
    samples, rate = soundfile.read(english_speech.wav, dtype="float32")
    return samples, rate


@pytest.mark.parametrize(("suffix", "rate", "channels"), [
    ("wav", 48000, 1), ("wav", 44100, 2), ("flac", 22050, 1), ("mp3", 44100, 2), ("m4a", 48000, 1),
    ("ogg", 44100, 2), ("webm", 48000, 1),
])
def test_every_format_decodes_to_16_khz_mono(tmp_path, speech, suffix, rate, channels):
    samples, source_rate = speech
    resampled = np.interp(np.arange(int(len(samples) * rate / source_rate)) * source_rate / rate,
                          np.arange(len(samples)), samples).astype(np.float32)
    data = np.repeat(resampled[:, None], channels, axis=1) if channels == 2 else resampled
    path = tmp_path / f"answer.{suffix}"
    if suffix in ("wav", "flac"):
        soundfile.write(path, data, rate)
    elif suffix == "ogg":
        soundfile.write(path, data, rate, format="OGG", subtype="VORBIS")
    else:
        container, codec = {"mp3": ("mp3", "mp3"), "m4a": ("ipod", "aac"), "webm": ("webm", "libopus")}[suffix]
        encode(data, rate, path, container, codec)

    info = probe(path)
    assert info.samplerate == rate and info.channels == channels and info.codec
    expected = len(samples) / source_rate
    assert abs(info.duration_s - expected) < 0.15
    decoded = decode(path)
    assert decoded.samples.dtype == np.float32 and decoded.samples.ndim == 1
    assert abs(len(decoded.samples) / SAMPLE_RATE - expected) < 0.15
    assert decoded.problem is None and not decoded.silent
    # The same sound: compare loudness envelopes (codecs shift phase, so not samples).
    reference = decode(_reference_wav(tmp_path, samples, source_rate)).samples
    n = min(len(reference), len(decoded.samples)) // 1600 * 1600
    env_ref = np.abs(reference[:n]).reshape(-1, 1600).mean(axis=1)
    env_got = np.abs(decoded.samples[:n]).reshape(-1, 1600).mean(axis=1)
    assert np.corrcoef(env_ref, env_got)[0, 1] > 0.9  # AAC adds priming delay; garbage would be near 0


def _reference_wav(folder: Path, samples: np.ndarray, rate: int) -> Path:
    path = folder / "reference.wav"
    if not path.exists():
        soundfile.write(path, samples, rate)
    return path


def test_resampling_keeps_pitch_and_length(tmp_path):
    path = tmp_path / "tone.wav"
    soundfile.write(path, tone(2.0, 44100, channels=2), 44100)
    decoded = decode(path)
    assert len(decoded.samples) == pytest.approx(2 * SAMPLE_RATE, abs=32)
    spectrum = np.abs(np.fft.rfft(decoded.samples))
    peak_hz = np.argmax(spectrum) * SAMPLE_RATE / len(decoded.samples)
    assert peak_hz == pytest.approx(440, abs=2)


def _message(error: pytest.ExceptionInfo) -> str:
    assert isinstance(error.value, AudioFileError) and isinstance(error.value, TranscriptionError)
    assert error.value.message.context == "Transcription"
    return str(error.value)


def test_missing_empty_folder_and_not_audio(tmp_path):
    with pytest.raises(AudioFileError) as missing:
        probe(tmp_path / "nothing.wav")
    assert "does not exist" in _message(missing)

    empty = tmp_path / "empty.wav"
    empty.touch()
    with pytest.raises(AudioFileError) as error:
        decode(empty)
    assert "empty (0 bytes)" in _message(error)

    with pytest.raises(AudioFileError) as error:
        probe(tmp_path)
    assert "is a folder" in _message(error)

    text = tmp_path / "notes.wav"
    text.write_text("These are my interview notes, not a recording.\n" * 40)
    for call in (probe, decode):
        with pytest.raises(AudioFileError) as error:
            call(text)
        assert "is not an audio file" in _message(error) and str(text) in _message(error)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path, english_speech):
    locked = tmp_path / "locked.wav"
    shutil.copy(english_speech.wav, locked)
    locked.chmod(0)
    with pytest.raises(AudioFileError) as error:
        probe(locked)
    assert "cannot be read" in _message(error)


def test_damaged_files(tmp_path, english_speech, speech):
    data = english_speech.wav.read_bytes()
    header_only = tmp_path / "header_only.wav"
    header_only.write_bytes(data[:44])
    for call in (probe, decode):  # probe measures by decoding when the headers give no duration
        with pytest.raises(AudioFileError) as error:
            call(header_only)
        assert "no sound could be read" in _message(error)

    samples, rate = speech
    m4a = encode(samples, rate, tmp_path / "answer.m4a", "ipod", "aac")
    cut_m4a = tmp_path / "cut.m4a"
    cut_m4a.write_bytes(m4a.read_bytes()[: m4a.stat().st_size // 3])  # the index (moov) is at the end: lost
    with pytest.raises(AudioFileError) as error:
        decode(cut_m4a)
    assert "is not an audio file" in _message(error) and "damaged" in _message(error)


def test_a_file_cut_short_keeps_what_it_has(tmp_path, speech):
    samples, rate = speech
    mp3 = encode(samples, rate, tmp_path / "answer.mp3", "mp3", "mp3")
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(mp3.read_bytes()[: mp3.stat().st_size // 3])
    decoded = decode(cut)
    assert decoded.duration_s == pytest.approx(len(samples) / rate / 3, abs=0.5)
    assert decoded.problem is not None and "cut short" in str(decoded.problem)
    assert decoded.problem.params["decoded"] < decoded.problem.params["declared"]


def test_too_short(tmp_path):
    path = tmp_path / "blip.wav"
    soundfile.write(path, tone(0.2, 16000), 16000)
    info = probe(path)
    assert info.duration_s == pytest.approx(0.2)
    with pytest.raises(AudioFileError) as error:
        decode(path)
    text = _message(error)
    assert "too short" in text and "0.2 s" in text and f"{MIN_DURATION_S} s" in text


def test_silence_is_recognised_as_such(tmp_path):
    silent = tmp_path / "silent.wav"
    soundfile.write(silent, np.zeros(3 * 16000, np.float32), 16000)
    assert decode(silent).silent
    hiss = tmp_path / "hiss.wav"  # a quiet room through a real microphone, well below speech
    soundfile.write(hiss, (np.random.default_rng(0).standard_normal(3 * 16000) * 0.0003).astype(np.float32), 16000)
    assert decode(hiss).silent
    spoken = tmp_path / "tone.wav"
    soundfile.write(spoken, tone(1.0, 16000, amplitude=0.05), 16000)
    assert not decode(spoken).silent


def test_a_video_without_sound(tmp_path):
    path = tmp_path / "screen.mkv"
    with av.open(str(path), "w", format="matroska") as out:
        stream = out.add_stream("ffv1", rate=1)
        stream.width, stream.height, stream.pix_fmt = 16, 16, "yuv420p"
        frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24").reformat(format="yuv420p")
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    for call in (probe, decode):
        with pytest.raises(AudioFileError) as error:
            call(path)
        assert "contains no sound track" in _message(error)
