"""Shared speech-model fixtures.

Building ``base`` streams and hashes 145 MB, so it is built once per session
(``built_base_model``) and copied into a test's own home when the test needs
it there (``base_model_in_home``).  ``english_speech`` is a short espeak-ng
clip with its reference text.

Load them with ``pytest_plugins = ["tests.model_fixtures"]`` (root conftest)
or by importing the fixture names into ``conftest.py``.  The test modules
that use them also list this module in ``pytest_plugins`` (a no-op once
conftest has it); PYTEST_DONT_REWRITE (this module has no asserts) keeps
pytest from warning that it was imported before being registered.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.paths import models_dir
from core.speech.models import resolve_model
from tests.audio_rig import skip_or_fail

ENGLISH_TEXT = (
    "Thank you for inviting me to this interview. I have five years of experience as a "
    "software engineer, and I enjoy solving difficult problems with my team."
)
_STOPWORDS = {
    "a", "an", "and", "as", "by", "for", "have", "i", "in", "is", "me", "my", "of", "our", "that", "the", "this", "to",
    "we", "with", "within", "you",
}


@dataclass(frozen=True)
class SpeechClip:
    wav: Path
    text: str

    @property
    def content_words(self) -> list[str]:
        return content_words(self.text)


def content_words(text: str) -> list[str]:
    """Lower-case words of ``text`` without punctuation and common function words."""
    return [word for word in re.findall(r"[a-z']+", text.lower()) if word not in _STOPWORDS]


def word_recall(expected: list[str], transcript: str) -> float:
    """Share of ``expected`` words found in ``transcript``."""
    found = set(re.findall(r"[a-z']+", transcript.lower()))
    return sum(word in found for word in expected) / len(expected)


@pytest.fixture(scope="session")
def built_base_model(tmp_path_factory) -> Path:
    """A READY ``base`` model folder built once per session.  Treat it as read-only."""
    home = tmp_path_factory.mktemp("shared_model_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FURIKAERI_HOME", str(home))
        return resolve_model("base")


@pytest.fixture
def base_model_in_home(built_base_model, furikaeri_home) -> Path:
    """A private copy of the built ``base`` at ``models_dir()/base`` of this test's home.

    The copy keeps modes and mtimes, so the manifest's stat still matches and
    the model is READY without rebuilding; tests may damage it freely.
    """
    dest = models_dir() / "base"
    shutil.copytree(built_base_model, dest, copy_function=shutil.copy2)
    return dest


@pytest.fixture(scope="session")
def english_speech(tmp_path_factory) -> SpeechClip:
    """About 9 s of American English from espeak-ng (22.05 kHz mono WAV)."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        skip_or_fail("espeak-ng is not installed (apt-get install espeak-ng)")
    wav = tmp_path_factory.mktemp("speech") / "english.wav"
    subprocess.run([espeak, "-v", "en-us", "-w", str(wav), ENGLISH_TEXT], check=True, capture_output=True)
    return SpeechClip(wav, ENGLISH_TEXT)
