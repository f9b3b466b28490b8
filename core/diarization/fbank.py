"""Kaldi-style log mel filterbank features in numpy, as CAM++ was trained on.

The definition is Kaldi's ``compute-fbank-feats`` with the options 3D-Speaker
uses (torchaudio's ``compliance.kaldi.fbank`` follows the same one): 25 ms
frames every 10 ms with ``snip_edges`` (only whole frames), no dither, the
frame's DC offset removed, pre-emphasis 0.97, the Povey window, a 512-point
FFT, the power spectrum through 80 triangular mel filters from 20 Hz to the
Nyquist frequency, the natural log floored at float32's epsilon.  The
features of one stretch are then mean-normalised over its frames.

``packaging/convert_diarization.py`` checks this against kaldi-native-fbank
(the Kaldi definition in C++) to within 1e-3 on every value.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

RATE = 16000
FRAME_LENGTH = 400  # 25 ms
FRAME_SHIFT = 160  # 10 ms
FFT_SIZE = 512
MEL_BINS = 80
LOW_HZ = 20.0
PREEMPHASIS = 0.97
_EPSILON = float(np.finfo(np.float32).eps)

Floats = npt.NDArray[np.float32]


def _mel(hz: npt.NDArray[np.float64] | float) -> npt.NDArray[np.float64]:
    return np.asarray(1127.0 * np.log(1.0 + np.asarray(hz, dtype=np.float64) / 700.0))


def _mel_banks() -> npt.NDArray[np.float32]:
    """(FFT_SIZE // 2 + 1, MEL_BINS) weights; Kaldi leaves the Nyquist bin out (its row is zero)."""
    low, high = float(_mel(LOW_HZ)), float(_mel(RATE / 2))
    delta = (high - low) / (MEL_BINS + 1)
    bins = np.arange(FFT_SIZE // 2)
    mel = _mel(bins * RATE / FFT_SIZE)
    weights = np.zeros((FFT_SIZE // 2 + 1, MEL_BINS), dtype=np.float64)
    for b in range(MEL_BINS):
        left, centre, right = low + b * delta, low + (b + 1) * delta, low + (b + 2) * delta
        up = (mel - left) / (centre - left)
        down = (right - mel) / (right - centre)
        inside = (mel > left) & (mel < right)
        weights[: FFT_SIZE // 2, b] = np.where(inside, np.where(mel <= centre, up, down), 0.0)
    return weights.astype(np.float32)


_BANKS = _mel_banks()
_WINDOW = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FRAME_LENGTH) / (FRAME_LENGTH - 1))) ** 0.85


def frame_count(samples: int) -> int:
    return 0 if samples < FRAME_LENGTH else 1 + (samples - FRAME_LENGTH) // FRAME_SHIFT


def fbank(samples: npt.NDArray[np.float32], *, normalise: bool = True) -> Floats:
    """(frames, 80) features of 16-kHz mono ``samples``; mean-normalised over the frames unless told not to."""
    count = frame_count(len(samples))
    if count == 0:
        return np.zeros((0, MEL_BINS), dtype=np.float32)
    wave = np.asarray(samples, dtype=np.float64)
    starts = np.arange(count) * FRAME_SHIFT
    frames = wave[starts[:, None] + np.arange(FRAME_LENGTH)[None, :]]
    frames -= frames.mean(axis=1, keepdims=True)
    emphasised = frames.copy()
    emphasised[:, 1:] -= PREEMPHASIS * frames[:, :-1]
    emphasised[:, 0] -= PREEMPHASIS * frames[:, 0]
    emphasised *= _WINDOW
    power = np.abs(np.fft.rfft(emphasised, n=FFT_SIZE, axis=1)) ** 2
    features: Floats = np.log(np.maximum(power.astype(np.float32) @ _BANKS, _EPSILON)).astype(np.float32)
    if normalise:
        features -= features.mean(axis=0, keepdims=True)
    return features
