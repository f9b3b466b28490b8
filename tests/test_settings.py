from __future__ import annotations

import json
import stat

import pytest

from core import paths
from core.settings import LANGUAGE, Settings


def test_defaults_then_saved_and_reloaded():
    settings = Settings()
    assert settings.get(LANGUAGE) == "system"
    settings.set(LANGUAGE, "ja")
    assert Settings().get(LANGUAGE) == "ja"
    assert stat.S_IMODE(paths.settings_path().stat().st_mode) == 0o600


def test_invalid_values_are_refused():
    with pytest.raises(ValueError):
        Settings().set(LANGUAGE, "fr")
    assert not paths.settings_path().exists()


def test_damaged_file_is_kept_aside_and_defaults_used():
    paths.settings_path().write_text("{ not json")
    assert Settings().get(LANGUAGE) == "system"
    assert paths.settings_path().with_name("settings.json.damaged").read_text() == "{ not json"


def test_unknown_or_mistyped_values_fall_back():
    paths.settings_path().write_text(json.dumps({"language": 3, "nonsense": True}))
    assert Settings().get(LANGUAGE) == "system"
