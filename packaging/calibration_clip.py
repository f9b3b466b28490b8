#!/usr/bin/env python3
"""Make resources/calibration/answer_ja.flac, the clip that measures each speech model's speed here.

    uv run packaging/calibration_clip.py

Open JTalk (Debian: open-jtalk, open-jtalk-mecab-naist-jdic and, from
contrib, hts-voice-nitech-jp-atr503-m001) reads a Japanese interview answer
of about 20 seconds; the result is stored as 16 kHz mono FLAC (what Whisper
works on), with its text beside it.  The voice is CC BY 3.0 (Nagoya
Institute of Technology): see resources/calibration/README.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = (
    "前職では、社内の業務システムを担当していました。利用者から届く問い合わせを毎週まとめて、よく使われる画面から"
    "改善を進めました。その結果、問い合わせの件数を三割ほど減らすことができました。御社でも、使う人の声を"
    "大切にしながら、チームで成果を出していきたいと考えています。"
)


def main() -> int:
    import numpy as np
    import soundfile as sf

    from core.transcription.audio import decode
    from tests.speech_fixtures import open_jtalk_problem, synthesize_japanese

    problem = open_jtalk_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    out = ROOT / "resources" / "calibration"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wav = synthesize_japanese(TEXT, Path(tmp) / "answer.wav")
        samples = np.asarray(decode(wav).samples, dtype=np.float32)  # 16 kHz mono, as the app decodes
    sf.write(out / "answer_ja.flac", samples, 16000, subtype="PCM_16")
    (out / "answer_ja.txt").write_text(TEXT + "\n", encoding="utf-8")
    print(f"{out / 'answer_ja.flac'}: {len(samples) / 16000:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
