#!/usr/bin/env python3
"""Furikaeri (振り返り): interview practice and review, entirely on this computer.

    uv run main.py              open the desktop app
    uv run main.py doctor       check that everything needed is in place
    uv run main.py --help       every command-line command
"""

from __future__ import annotations

import os
import sys

# No hub access unless the user explicitly asks for a model download.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# No library's telemetry: onnxruntime (faster-whisper's VAD) would write a persistent id and an event database
# when imported (the speech worker switches it off for itself too: core.transcription.worker.TELEMETRY_OFF).
os.environ["ORT_DISABLE_TELEMETRY"] = "1"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        import core.library  # noqa: F401 - before Qt: PySide6 inspects every module imported after it (start-up)
        from gui.app import run

        return run(sys.argv[:1])
    from core.cli import main as cli_main
    from core.program import for_this_copy
    from core.settings import LANGUAGE, Settings
    from gui.i18n import cli_translate

    return cli_main(args, translate=for_this_copy(cli_translate(Settings().get(LANGUAGE))),
                    translator_for=lambda language: for_this_copy(cli_translate(language)))


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # all freeze_support does; multiprocessing loads with the speech worker
        import multiprocessing

        multiprocessing.freeze_support()  # the speech worker is a spawned process, also in frozen builds
    sys.exit(main())
