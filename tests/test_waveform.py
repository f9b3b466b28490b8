"""The waveform overview: peaks in the right places, the cache beside the audio, clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile as sf

from core import fsutil
from core.audio import waveform
from core.audio.waveform import Overview, WaveformError, cache_path, overview, remove_cache
from core.recording.wavfile import WavWriter

RATE = 48000


def envelope(rate: int = RATE) -> np.ndarray:
    """One second each of silence, a loud tone (0.8) and a quiet tone (0.1)."""
    tone = np.sin(2 * np.pi * 440 * np.arange(rate) / rate)
    return np.concatenate([np.zeros(rate), 0.8 * tone, 0.1 * tone]).astype(np.float32)


def write_pyav(path: Path, samples: np.ndarray, codec: str, rate: int = RATE) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate, layout="mono")
        for start in range(0, len(samples), 960):
            frame = av.AudioFrame.from_ndarray(samples[start:start + 960].reshape(1, -1), format="flt",
                                               layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def check_envelope(view: Overview, tolerance: float = 0.002) -> None:
    """With 30 buckets: rows 0-9 silent, 10-19 loud, 20-29 quiet (rows next to a change may borrow a little)."""
    peaks = view.peaks
    assert peaks.shape == (30, 2) and peaks.dtype == np.float32
    assert np.all(peaks[:, 0] <= peaks[:, 1])
    assert np.all(np.abs(peaks[1:9]) <= tolerance)
    assert np.allclose(peaks[11:19], [-0.8, 0.8], atol=tolerance + 0.01)
    assert np.allclose(peaks[21:29], [-0.1, 0.1], atol=tolerance + 0.01)
    assert peaks[10, 1] >= 0.7 and peaks[19, 1] >= 0.7 and peaks[29, 1] <= 0.1 + tolerance + 0.01


# -- peaks -----------------------------------------------------------------------


def test_known_envelope_lands_in_the_right_buckets(tmp_path):
    path = tmp_path / "answer.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    view = overview(path, buckets=30)
    assert view.duration_s == pytest.approx(3.0) and view.samplerate == RATE
    check_envelope(view, tolerance=1 / 32768)
    assert np.all(view.peaks[:10] == 0)  # digital silence stays exactly zero


@pytest.mark.parametrize("name,kwargs,tolerance", [
    ("float.wav", {"subtype": "FLOAT"}, 1e-4),
    ("pcm24.wav", {"subtype": "PCM_24"}, 1e-4),
    ("lossless.flac", {}, 1e-4),
    ("vorbis.ogg", {}, 0.05),
    ("lame.mp3", {}, 0.05),
])
def test_formats_soundfile_reads(tmp_path, name, kwargs, tolerance):
    path = tmp_path / name
    sf.write(path, envelope(), RATE, **kwargs)
    view = overview(path, buckets=30)
    assert view.duration_s == pytest.approx(3.0, abs=0.1) and view.samplerate == RATE
    check_envelope(view, tolerance)


@pytest.mark.parametrize("name,codec", [("browser.webm", "libopus"), ("phone.m4a", "aac")])
def test_formats_only_ffmpeg_reads(tmp_path, name, codec, monkeypatch):
    path = write_pyav(tmp_path / name, envelope(), codec)
    with pytest.raises(sf.LibsndfileError):
        sf.info(path)
    seen = []
    real = waveform._pyav_peaks
    monkeypatch.setattr(waveform, "_pyav_peaks", lambda p: seen.append(p) or real(p))
    view = overview(path, buckets=30)
    assert seen == [path]
    assert view.duration_s == pytest.approx(3.0, abs=0.1) and view.samplerate == RATE
    peaks = view.peaks
    assert np.all(np.abs(peaks[1:9]) < 0.02)
    assert np.all(peaks[12:18, 1] > 0.7) and np.all(peaks[12:18, 0] < -0.7)
    assert np.all(np.abs(peaks[23:29]) < 0.2)
    assert cache_path(path).exists()


def test_stereo_takes_both_channels(tmp_path):
    path = tmp_path / "stereo.wav"
    left = envelope()
    sf.write(path, np.stack([np.zeros_like(left), left], axis=1), RATE, subtype="PCM_16")
    check_envelope(overview(path, buckets=30), tolerance=1 / 32768)


def test_small_chunks_give_the_same_peaks(tmp_path, monkeypatch):
    """Peaks do not depend on where chunk boundaries fall (streaming, not whole-file reads)."""
    rng = np.random.default_rng(7)
    samples = (rng.standard_normal(RATE * 2) * 0.2).astype(np.float32)
    files = [tmp_path / "a.wav", tmp_path / "a.flac", write_pyav(tmp_path / "a.webm", samples, "libopus")]
    sf.write(files[0], samples, RATE, subtype="PCM_16")
    sf.write(files[1], samples, RATE)
    big = [waveform.compute_peaks(path)[0].data for path in files]
    monkeypatch.setattr(waveform, "CHUNK_BYTES", 1000)  # far smaller than a bucket: every carry path runs
    small = [waveform.compute_peaks(path)[0].data for path in files]
    for one, other in zip(big, small, strict=True):
        assert np.array_equal(one, other)


def test_more_buckets_than_samples(tmp_path):
    path = tmp_path / "click.wav"
    sf.write(path, np.array([0.0, 0.5, -0.5, 0.0] * 25, dtype=np.float32), RATE, subtype="PCM_16")
    view = overview(path, buckets=2000)
    assert view.peaks.shape == (2000, 2)
    assert view.peaks.max() == pytest.approx(0.5, abs=1e-4) and view.peaks.min() == pytest.approx(-0.5, abs=1e-4)


def test_bucket_count_must_be_positive(tmp_path):
    with pytest.raises(ValueError):
        overview(tmp_path / "any.wav", buckets=0)


# -- the cache ---------------------------------------------------------------------


def _no_decoding(monkeypatch):
    def refuse(path):
        raise AssertionError(f"decoded {path} again")

    monkeypatch.setattr(waveform, "compute_peaks", refuse)


def test_cache_is_written_private_and_reused(tmp_path, monkeypatch):
    path = tmp_path / "面接 録音.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    first = overview(path, buckets=30)
    cache = cache_path(path)
    assert cache.name == "面接 録音.wav.peaks"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert cache.stat().st_size < 100_000  # 3 s at the finest resolution
    assert sorted(p.name for p in tmp_path.iterdir()) == ["面接 録音.wav", "面接 録音.wav.peaks"]
    _no_decoding(monkeypatch)
    again = overview(path, buckets=30)
    assert np.array_equal(again.peaks, first.peaks) and again.duration_s == first.duration_s
    check_envelope(overview(path, buckets=30))
    assert np.allclose(overview(path, buckets=3).peaks, [[0, 0], [-0.8, 0.8], [-0.1, 0.1]], atol=1e-3)


def test_a_changed_file_is_decoded_again(tmp_path, monkeypatch):
    path = tmp_path / "take.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    overview(path, buckets=30)
    sf.write(path, envelope()[::-1].copy(), RATE, subtype="PCM_16")  # same size, new content
    calls = []
    real = waveform.compute_peaks
    monkeypatch.setattr(waveform, "compute_peaks", lambda p: calls.append(p) or real(p))
    reversed_view = overview(path, buckets=30)
    assert calls == [path]
    assert np.allclose(reversed_view.peaks[1:9], [-0.1, 0.1], atol=0.01)  # quiet, loud, silence now
    assert np.all(reversed_view.peaks[21:29] == 0)
    overview(path, buckets=30)
    assert calls == [path]  # and cached again


def test_mtime_alone_invalidates(tmp_path, monkeypatch):
    path = tmp_path / "take.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    overview(path)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    _no_decoding(monkeypatch)
    with pytest.raises(AssertionError, match="decoded"):
        overview(path)


@pytest.mark.parametrize("damage", [b"", b"FKPEAKS\0", b"garbage" * 20, "truncate"])
def test_damaged_cache_is_ignored(tmp_path, damage):
    path = tmp_path / "take.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    good = overview(path, buckets=30).peaks
    cache = cache_path(path)
    cache.write_bytes(cache.read_bytes()[:-2] if damage == "truncate" else damage)
    assert np.array_equal(overview(path, buckets=30).peaks, good)
    assert cache.stat().st_size > 1000  # rewritten whole


def test_recording_in_progress_leaves_no_cache(tmp_path):
    path = tmp_path / "live.wav"
    writer = WavWriter(path, RATE, 1)
    loud = (envelope()[RATE:2 * RATE] * 32767).astype("<i2")
    writer.write(np.zeros(RATE, dtype="<i2").tobytes())
    writer.sync()
    writer.write(loud.tobytes())  # not synced: the header still says one second
    view = overview(path, buckets=20)
    assert view.duration_s == pytest.approx(2.0)  # every frame on disk, not just what the header says
    assert np.all(view.peaks[:9] == 0) and view.peaks[11:].max() > 0.79
    assert not cache_path(path).exists()
    writer.close()
    assert overview(path, buckets=20).duration_s == pytest.approx(2.0)
    assert cache_path(path).exists()


def test_file_changing_while_read_leaves_no_cache(tmp_path, monkeypatch):
    path = tmp_path / "growing.flac"
    sf.write(path, envelope(), RATE)
    overview(path)
    old_cache = cache_path(path).read_bytes()
    sf.write(path, envelope()[::-1].copy(), RATE)  # changed: the cache no longer matches
    real = waveform.compute_peaks

    def append_meanwhile(p):
        result = real(p)
        with open(p, "ab") as handle:
            handle.write(b"\0" * 10)
        return result

    monkeypatch.setattr(waveform, "compute_peaks", append_meanwhile)
    overview(path)
    assert not cache_path(path).exists()  # neither the old peaks nor a snapshot of a moving file
    assert old_cache


def test_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    path = tmp_path / "take.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", refuse)
    check_envelope(overview(path, buckets=30))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["take.wav"]


def test_remove_cache(tmp_path):
    path = tmp_path / "take.wav"
    sf.write(path, envelope(), RATE, subtype="PCM_16")
    overview(path)
    remove_cache(path)
    remove_cache(path)
    assert not cache_path(path).exists()


# -- bad and empty files -------------------------------------------------------------


def test_empty_files_give_an_empty_overview(tmp_path):
    nothing = tmp_path / "nothing.wav"
    nothing.touch()
    view = overview(nothing)
    assert view.empty and view.peaks.shape == (0, 2) and view.duration_s == 0
    header_only = tmp_path / "header.wav"
    WavWriter(header_only, RATE, 1).close()
    view = overview(header_only)
    assert view.empty and view.samplerate == RATE and view.duration_s == 0
    assert not cache_path(nothing).exists() and not cache_path(header_only).exists()


def _message(error: pytest.ExceptionInfo) -> str:
    assert error.value.message.context == "Waveform"
    return str(error.value.message)


def test_missing_file(tmp_path):
    path = tmp_path / "gone.wav"
    cache_path(path).write_bytes(b"old peaks")
    with pytest.raises(WaveformError) as error:
        overview(path)
    assert _message(error) == "The audio file gone.wav does not exist (any more)."
    assert not cache_path(path).exists()  # no peaks of a deleted recording left behind


@pytest.mark.parametrize("name,content", [
    ("notes.txt", "これは音声ではありません。\n" * 50),
    ("fake.wav", b"RIFF\x10\x00\x00\x00WAVEjunkjunkjunk" + bytes(range(256)) * 4),
    ("noise.m4a", bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8))),
])
def test_not_audio(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(WaveformError) as error:
        overview(path)
    assert _message(error) == f"The file {name} is not audio that Furikaeri can read."
    assert not cache_path(path).exists()


def test_a_folder_is_not_audio(tmp_path):
    with pytest.raises(WaveformError) as error:
        overview(tmp_path)
    assert "is not audio" in _message(error)


def test_truncated_flac(tmp_path):
    path = tmp_path / "cut.flac"
    sf.write(path, envelope(), RATE)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    try:
        view = overview(path, buckets=30)
    except WaveformError as error:
        assert "is damaged" in str(error.message)
    else:  # libsndfile stops at the cut: what was there is shown
        assert view.peaks[12:15, 1].min() > 0.7


def test_the_call_lane_follows_the_microphones_time_scale(tmp_path):
    from core.audio.waveform import call_lane
    from core.recording.files import call_track_path

    audio = tmp_path / "take.wav"
    sf.write(audio, np.zeros(48000 * 4, dtype=np.float32), 48000, subtype="PCM_16")
    assert call_lane(audio) is None  # one track
    call = np.zeros((48000 * 2, 2), dtype=np.float32)
    call[48000:] = 0.5  # loud in its second second only
    sf.write(call_track_path(audio), call, 48000, subtype="PCM_16")
    lane = call_lane(audio, buckets=400)
    assert lane is not None and lane.shape == (400, 2)
    assert lane[:90, 1].max() < 0.01 and lane[110:190, 1].min() > 0.4  # seconds 1-2 of 4: buckets 100-200
    assert lane[210:, 1].max() == 0  # the call track is shorter: nothing drawn past its end
