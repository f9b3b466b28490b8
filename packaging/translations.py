#!/usr/bin/env python3
"""Keep the Japanese catalogue in step with the source code.

    uv run packaging/translations.py           # lupdate + lrelease
    uv run packaging/translations.py --check   # exit 1 if the .ts is stale or unfinished

``lupdate`` collects every string marked with ``tr()``, ``translate()`` or
``QT_TRANSLATE_NOOP`` in ``core/``, ``gui/`` and ``main.py`` into
``resources/i18n/furikaeri_ja.ts`` (keeping existing translations); translate
new entries there (Qt Linguist: ``pyside6-linguist``), then ``lrelease``
compiles ``furikaeri_ja.qm``, which the app loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "furikaeri_ja.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[Path]:
    files = [ROOT / "main.py"]
    for folder in ("core", "gui"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        bin_dir = Path(sys.executable).parent
        candidate = bin_dir / f"pyside6-{name}"
        if candidate.exists():
            return str(candidate)
        raise SystemExit(f"pyside6-{name} not found: run inside the project environment (uv run)")
    return found


def lupdate(ts: Path) -> None:
    relative = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "ja", *relative, "-ts", str(ts)],
                   cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every entry without a finished Japanese translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not (translation.text or "").strip():
                missing.append((name, message.findtext("source", "")))
    return missing


def entries(ts: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def check() -> list[str]:
    """Problems with the committed catalogue, as sentences (empty when all is well)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        new = entries(fresh) - entries(TS)
        gone = entries(TS) - entries(fresh)
        if new:
            problems.append(f"strings missing from {TS.name} (run packaging/translations.py): {sorted(new)}")
        if gone:
            problems.append(f"strings no longer in the code but still in {TS.name}: {sorted(gone)}")
        problems += [f"no Japanese translation for [{c}] {s!r}" for c, s in unfinished(fresh)]
        compiled = Path(tmp) / QM.name
        lrelease(TS, compiled)
        if not QM.exists() or compiled.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.name} is out of date (run packaging/translations.py)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report problems")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    missing = unfinished(TS)
    print(f"{TS.relative_to(ROOT)}: {len(entries(TS))} strings, {len(missing)} without a Japanese translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
