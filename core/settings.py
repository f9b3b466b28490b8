"""User settings, each declared once with its type, default and allowed values.

Stored as JSON in :func:`core.paths.settings_path`, written atomically.  An
unreadable file or a value of the wrong kind falls back to the default (the
damaged file is kept beside, renamed, so nothing is silently lost).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import paths
from core.fsutil import atomic_write_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    choices: tuple[Any, ...] | None = None

    def accepts(self, value: Any) -> bool:
        if type(value) is not type(self.default):
            return False
        return self.choices is None or value in self.choices


LANGUAGE = Setting("language", "system", ("system", "ja", "en"))
SPEECH_MODEL = Setting("speech_model", "base")
USER_NAME = Setting("user_name", "")  # as the user signs Japanese mails (山田 太郎)
USER_NAME_EN = Setting("user_name_en", "")  # as they sign English ones (Taro Yamada)
AUTO_TRANSCRIBE = Setting("auto_transcribe", False)  # transcribe each recording when it stops
# Transcribe each recording while it is being made, so that its transcript is ready at Stop (off: after Stop, for a
# slow computer that must give the recorder all it has).
LIVE_TRANSCRIBE = Setting("live_transcribe", True)
EXPORT_NOTICE = Setting("export_notice", True)  # exports start with a "private, do not publish" line
EXPORT_FOLDER = Setting("export_folder", "")  # where the last export went (the next one's dialog opens there)
EXPORT_FORMAT = Setting("export_format", "txt", ("txt", "srt", "vtt", "md", "json"))  # the last export's format
# The user's own words for the speech model (university, club, products, skills): one a line, any language.
GLOSSARY = Setting("glossary", "")
JAPANESE_MODEL_ADVICE_SHOWN = Setting("japanese_model_advice_shown", False)  # said once, on first use of Japanese
# Where each window was and how its splitters were set, by window name (gui.window_state): opened as it was left.
WINDOWS = Setting("windows", {})
# Retention (core.retention): the audio of a real interview is deleted this many days after its final result
# (0: never; the default). The choices are core.retention.DAY_CHOICES.
RETENTION_REAL_DAYS = Setting("retention_real_days", 0, (0, 7, 14, 30, 60, 90, 180, 365))
# The audio of practice recordings is deleted this many days after it was recorded; its metrics stay (0: never).
RETENTION_PRACTICE_DAYS = Setting("retention_practice_days", 0, RETENTION_REAL_DAYS.choices)

DECLARED: dict[str, Setting] = {s.key: s for s in (
    LANGUAGE, SPEECH_MODEL, USER_NAME, USER_NAME_EN, AUTO_TRANSCRIBE, EXPORT_NOTICE, GLOSSARY,
    JAPANESE_MODEL_ADVICE_SHOWN, LIVE_TRANSCRIBE, EXPORT_FOLDER, EXPORT_FORMAT, WINDOWS, RETENTION_REAL_DAYS,
    RETENTION_PRACTICE_DAYS)}


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else paths.settings_path()
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("settings file is not a JSON object")
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            backup = self.path.with_name(self.path.name + ".damaged")
            log.warning("settings file %s unreadable (%s); kept as %s, using defaults", self.path, error, backup)
            self.path.replace(backup)
            return {}
        return {k: v for k, v in raw.items() if k in DECLARED and DECLARED[k].accepts(v)}

    def get(self, setting: Setting) -> Any:
        return self._values.get(setting.key, setting.default)

    def reload(self) -> None:
        """Read the file again (after a restore put another one in its place)."""
        self._values = self._load()

    def set(self, setting: Setting, value: Any) -> None:
        if not setting.accepts(value):
            raise ValueError(f"{value!r} is not a valid value for {setting.key}")
        self._values[setting.key] = value
        paths.ensure_private_dir(self.path.parent)
        atomic_write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True))


def user_name(settings: Settings, language: str) -> str:
    """The name the user signs a message in ``language`` with: that language's, else the other one (a name in one
    script is better than a gap); "" when neither is set."""
    japanese, english = str(settings.get(USER_NAME)).strip(), str(settings.get(USER_NAME_EN)).strip()
    return (english or japanese) if language == "en" else (japanese or english)
