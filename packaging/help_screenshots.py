#!/usr/bin/env python3
"""Render Help (keyboard shortcuts, an online interview, the metrics) in Japanese and English.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run packaging/help_screenshots.py [--out DIR]

``help_shortcuts_{ja,en}.png``, ``help_online_{ja,en}.png``, ``help_metrics_{ja,en}.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from shots_session import start

    session = start(__doc__)
    from gui.help_dialog import METRICS, ONLINE, SHORTCUTS, HelpDialog

    dialog = HelpDialog()
    for language in ("ja", "en"):
        session.switcher.apply(language)
        for topic, name in ((SHORTCUTS, "shortcuts"), (ONLINE, "online"), (METRICS, "metrics")):
            dialog.show_topic(topic)
            session.app.processEvents()
            dialog.grab().save(str(session.out / f"help_{name}_{language}.png"))
    dialog.close()
    print(f"help screenshots written to {session.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
