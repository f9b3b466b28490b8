"""The crash-tolerant WAV writer, probe() and repair(), on hand-made files."""

from __future__ import annotations

import errno
import stat
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core.recording import wavfile
from core.recording.wavfile import (
    HEADER_SIZE,
    WavError,
    WavWriter,
    pcm16_header,
    probe,
    repair,
)

RATE = 16000


def samples(frames: int, channels: int = 1) -> np.ndarray:
    """Deterministic int16 frames (a ramp), shape (frames, channels)."""
    ramp = (np.arange(frames * channels) * 37 % 20000 - 10000).astype(np.int16)
    return ramp.reshape(frames, channels)


def crashed_wav(path: Path, frames: int, channels: int = 1, declared: int = 0, extra: bytes = b"") -> Path:
    """What a killed recorder leaves: a header saying ``declared`` data bytes, more bytes after it."""
    header = bytearray(pcm16_header(RATE, channels, declared))
    path.write_bytes(bytes(header) + samples(frames, channels).tobytes() + extra)
    return path


def sizes(path: Path) -> tuple[int, int]:
    """(RIFF size, data size) as the header says."""
    head = path.read_bytes()[:HEADER_SIZE]
    return struct.unpack_from("<I", head, 4)[0], struct.unpack_from("<I", head, 40)[0]


# -- the writer --------------------------------------------------------------------


def test_the_writer_makes_a_private_valid_wav(tmp_path):
    target = tmp_path / "take.wav"
    writer = WavWriter(target, RATE, 2)
    data = samples(1000, 2)

    writer.write(data[:300].tobytes())
    writer.write(data[300:].tobytes())
    writer.close()
    writer.close()  # closing twice is harmless

    read, rate = soundfile.read(target, dtype="int16")
    assert rate == RATE and np.array_equal(read, data)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    info = probe(target)
    assert (info.channels, info.frames, info.block_align, info.stale) == (2, 1000, 4, False)
    assert info.duration_s == pytest.approx(1000 / RATE)


def test_the_writer_never_overwrites(tmp_path):
    target = tmp_path / "taken.wav"
    target.write_bytes(b"keep me")

    with pytest.raises(FileExistsError):
        WavWriter(target, RATE, 1)

    assert target.read_bytes() == b"keep me"


def test_sync_makes_the_header_match_what_was_written(tmp_path):
    writer = WavWriter(tmp_path / "live.wav", RATE, 1)
    writer.write(samples(800).tobytes())
    assert probe(writer.path).stale  # written, not yet synced: what a crash would leave

    writer.sync()
    assert not probe(writer.path).stale and probe(writer.path).frames == 800

    writer.write(samples(200).tobytes())
    assert probe(writer.path).frames == 800  # the durable header lags by design...
    assert repair(writer.path).frames == 1000  # ...and repair recovers the rest
    writer.close()


def test_close_cuts_a_partial_frame_left_by_a_failed_write(tmp_path):
    writer = WavWriter(tmp_path / "cut.wav", RATE, 2)
    writer.write(samples(10, 2).tobytes() + b"\x01\x02\x03")  # 3 bytes of an 11th frame

    assert writer.frames == 10
    writer.close()

    assert probe(writer.path).file_size == HEADER_SIZE + 40
    assert np.array_equal(soundfile.read(writer.path, dtype="int16")[0], samples(10, 2))


def test_the_format_limit_stops_at_a_whole_frame(tmp_path, monkeypatch):
    monkeypatch.setattr(wavfile, "MAX_DATA_BYTES", 1001)  # 4 GiB in real life
    writer = WavWriter(tmp_path / "full.wav", RATE, 1)

    with pytest.raises(OSError) as full:
        writer.write(samples(600).tobytes())
    writer.close()

    assert full.value.errno == errno.EFBIG
    assert probe(writer.path).frames == 500
    assert not probe(writer.path).stale


def test_discard_removes_the_file(tmp_path):
    writer = WavWriter(tmp_path / "gone.wav", RATE, 1)
    writer.discard()
    assert not writer.path.exists()


# -- repair ------------------------------------------------------------------------


def test_repair_sets_sizes_from_the_file_length(tmp_path):
    path = crashed_wav(tmp_path / "crash.wav", 1234)
    assert probe(path).stale and probe(path).frames == 0

    result = repair(path)

    assert result.changed and result.frames == 1234
    assert result.duration_s == pytest.approx(1234 / RATE)
    assert sizes(path) == (HEADER_SIZE - 8 + 2468, 2468)
    assert np.array_equal(soundfile.read(path, dtype="int16")[0], samples(1234)[:, 0])


def test_repair_is_idempotent(tmp_path):
    path = crashed_wav(tmp_path / "crash.wav", 500, declared=600)
    first = repair(path)
    content = path.read_bytes()

    second = repair(path)

    assert first.changed and not second.changed
    assert first.frames == second.frames == 500
    assert path.read_bytes() == content


def test_repair_drops_a_trailing_partial_frame(tmp_path):
    path = crashed_wav(tmp_path / "partial.wav", 100, channels=2, extra=b"\x11\x22\x33")

    result = repair(path)

    assert result.frames == 100
    assert path.stat().st_size == HEADER_SIZE + 400
    assert np.array_equal(soundfile.read(path, dtype="int16")[0], samples(100, 2))


def test_repair_handles_a_size_larger_than_the_file(tmp_path):
    path = crashed_wav(tmp_path / "streaming.wav", 300, declared=0xFFFFFFFF)

    result = repair(path)

    assert result.changed and result.frames == 300
    assert sizes(path)[1] == 600


def test_repair_pads_odd_data_of_odd_sized_frames(tmp_path):
    path = tmp_path / "24bit.wav"
    soundfile.write(path, np.zeros(7), RATE, subtype="PCM_24")  # 21 data bytes + a pad byte
    content = bytearray(path.read_bytes())
    content[40:44] = struct.pack("<I", 0)  # data size lost
    content[4:8] = struct.pack("<I", 0)
    path.write_bytes(bytes(content[:-1]))  # and the pad byte not written yet

    result = repair(path)

    assert result.frames == 7
    assert path.stat().st_size % 2 == 0
    assert not repair(path).changed
    assert len(soundfile.read(path)[0]) == 7


def test_a_sound_file_with_a_trailing_chunk_is_left_alone(tmp_path):
    path = tmp_path / "tagged.wav"
    body = samples(50).tobytes()
    info = b"LIST" + struct.pack("<I", 12) + b"INFOISFT\0\0\0\0"
    riff = b"WAVE" + pcm16_header(RATE, 1, len(body))[12:] + body + info
    path.write_bytes(b"RIFF" + struct.pack("<I", len(riff)) + riff)
    before = path.read_bytes()

    result = repair(path)

    assert not result.changed and result.frames == 50
    assert path.read_bytes() == before


def test_only_a_wrong_riff_size_is_fixed_and_trailing_chunks_kept(tmp_path):
    path = tmp_path / "riff.wav"
    body = samples(50).tobytes()
    info = b"LIST" + struct.pack("<I", 4) + b"INFO"
    path.write_bytes(pcm16_header(RATE, 1, len(body)) + body + info)  # RIFF size misses the LIST

    result = repair(path)

    assert result.changed and result.frames == 50
    assert path.read_bytes().endswith(info)
    assert sizes(path) == (path.stat().st_size - 8, 100)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"ID3\x03\x00 this is an mp3", "is not a WAV"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "is not a WAV"),
        (b"RIFF\x04\x00\x00\x00WAVE", "no format description"),
        (b"RIFF\x0c\x00\x00\x00WAVEfmt \x02\x00\x00\x00\x01\x00", "too short"),
        (pcm16_header(RATE, 1)[:36], "no audio data"),
        (pcm16_header(RATE, 0, 8) + bytes(8), "impossible format"),
    ],
)
def test_what_is_not_a_readable_wav_gets_a_message(tmp_path, content, words):
    path = tmp_path / "input.wav"
    path.write_bytes(content)

    for action in (probe, repair):
        with pytest.raises(WavError) as refused:
            action(path)
        assert words in str(refused.value)
        assert "input.wav" in str(refused.value)
        assert refused.value.message.context == "Recorder"
    assert path.read_bytes() == content


def test_a_missing_file_gets_a_message(tmp_path):
    with pytest.raises(WavError) as refused:
        repair(tmp_path / "nowhere.wav")
    assert "nowhere.wav could not be opened" in str(refused.value)
