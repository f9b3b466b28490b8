"""Download a bigger speech model, only when the user asks; remove it again.

:func:`download` is the one entry point that goes online (through
:mod:`core.speech.hub`).  What it promises:

* the hub's own listing gives each file's exact size and checksum; the free
  disk space is checked against what is still to fetch (plus a margin)
  before anything is written;
* files go into ``models_dir()/.<name>.partial``; an interrupted, cancelled
  or failed download keeps what arrived, and the next download resumes each
  file from where it stopped (if the hub's copy changed meanwhile, the
  partial folder is started afresh);
* every file is checked against the hub's checksum; a file that does not
  match is deleted and nothing is installed;
* the complete folder gets a manifest (sizes, sha256, the repository and
  commit), is flushed to disk and renamed to ``models_dir()/<name>`` in one
  step: an installed model is always whole;
* two downloads of the same model never run at once (a lock file).

``HF_HUB_OFFLINE`` stays ``1`` throughout: it keeps faster-whisper and
huggingface_hub from fetching anything implicitly, and this module does not
use them.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.fsutil import atomic_write_text, fsync_dir
from core.messages import QT_TRANSLATE_NOOP, Message
from core.paths import FILE_MODE, ensure_private_dir, models_dir
from core.speech import hub
from core.speech.assemble import MANIFEST_NAME, ManifestError, Pinned, Progress, manifest_files, read_manifest
from core.speech.assemble import write_manifest as _write_manifest
from core.speech.catalog import BUILTIN_MODELS, CONTEXT, DOWNLOADABLE_MODELS, DownloadableModel
from core.speech.models import ModelError, ModelState, ensure_offline, model_status

FREE_MARGIN = 64 << 20  # bytes kept free beyond the download, for the library and the system
STATE_NAME = "furikaeri-download.json"  # in the partial folder: where its files come from
WANTED = ("model.bin", "config.json", "tokenizer.json", "preprocessor_config.json", "vocabulary.txt",
          "vocabulary.json")  # what faster-whisper loads; the rest of a repository (README, ...) is left there
NEEDED = ("model.bin", "config.json", "tokenizer.json")
MB = 1_000_000


def _msg(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


class DownloadCancelled(ModelError):  # noqa: N818 - like TranscriptionCancelled
    """The user cancelled; what arrived is kept for the next download."""


@dataclass(frozen=True)
class PartialDownload:
    done: int  # bytes already downloaded
    total: int | None  # the whole download, as the hub listed it


def megabytes(size: int) -> int:
    return max(1, round(size / MB)) if size > 0 else 0


def downloadable(name: str) -> DownloadableModel:
    """The catalogue's entry for ``name``; :class:`ModelError` (one sentence) for any other name."""
    spec = DOWNLOADABLE_MODELS.get(name)
    if spec is None:
        raise ModelError(_msg(QT_TRANSLATE_NOOP("Models", "“{name}” cannot be downloaded. Choose one of: {available}."),
                              name=name, available=", ".join(DOWNLOADABLE_MODELS)))
    return spec


def partial_dir(name: str) -> Path:
    return models_dir() / f".{name}.partial"


def _read_state(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def partial_download(name: str) -> PartialDownload | None:
    """What an interrupted download of ``name`` left, if anything (no network)."""
    folder = partial_dir(name)
    if not folder.is_dir():
        return None
    state = _read_state(folder) or {"files": {}}
    sizes = {f: s for f, s in state["files"].items() if isinstance(f, str) and isinstance(s, int)}
    done = 0
    for path in folder.iterdir():
        if path.name != STATE_NAME and path.is_file():
            done += min(path.stat().st_size, sizes.get(path.name, path.stat().st_size))
    return PartialDownload(done, sum(sizes.values()) if sizes else None)


def installed_size(name: str) -> int | None:
    """The size of an installed download, from its manifest (no network)."""
    try:
        data = read_manifest(models_dir() / name)
        return sum(pin.size for pin in manifest_files(data).values()) if data else None
    except (ManifestError, OSError):
        return None


@contextmanager
def _only_one(name: str) -> Iterator[None]:
    """Hold ``.<name>.lock``; a second download or removal of the same model is refused at once."""
    try:
        fd = os.open(models_dir() / f".{name}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    except OSError as error:  # e.g. an unusable cache folder
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "Could not save the speech model “{name}” in {folder}: {error}"), name=name,
            folder=str(error.filename or ""), error=error.strerror or str(error))) from error
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ModelError(_msg(QT_TRANSLATE_NOOP(
                "Models", "The speech model “{name}” is being downloaded already (in another window or command). "
                "Wait until it has finished."), name=name)) from None
        yield
    finally:
        os.close(fd)


def _listing(spec: DownloadableModel) -> tuple[hub.Listing, list[hub.RemoteFile]]:
    try:
        listing = hub.list_files(spec.repo, spec.revision)
    except hub.HubError as error:
        raise _hub_problem(spec, error, 0) from error
    files = [f for f in listing.files if f.name in WANTED]
    names = {f.name for f in files}
    missing = [n for n in NEEDED if n not in names]
    if not names & {"vocabulary.txt", "vocabulary.json"}:
        missing.append("vocabulary.txt / vocabulary.json")
    if missing:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "The hub's copy of “{name}” ({repo}) is not a complete speech model ({missing} missing): "
            "nothing was downloaded."), name=spec.name, repo=spec.repo, missing=", ".join(missing)))
    return listing, files


def _hub_problem(spec: DownloadableModel, error: hub.HubError, kept: int) -> ModelError:
    where = hub.endpoint()
    if error.kind == "not_found":
        text = QT_TRANSLATE_NOOP("Models", "The hub at {where} has no model {repo}: nothing was downloaded.")
    elif error.kind in ("bad_listing", "changed"):
        text = QT_TRANSLATE_NOOP("Models", "The hub at {where} gave an unusable answer for {repo} ({detail}); "
                                           "nothing was installed. Try again later.")
    elif kept:
        text = QT_TRANSLATE_NOOP("Models", "The connection to {where} was lost ({detail}). The {megabytes} MB "
                                           "downloaded so far are kept; the next download continues from there.")
    else:
        text = QT_TRANSLATE_NOOP("Models", "Could not reach the hub at {where} ({detail}). Check the internet "
                                           "connection and try again.")
    return ModelError(_msg(text, where=where, repo=spec.repo, detail=error.detail or error.kind,
                           megabytes=megabytes(kept)))


def _prepare_partial(spec: DownloadableModel, listing: hub.Listing, files: list[hub.RemoteFile]) -> Path:
    """The partial folder, started afresh if it holds another commit's files; records where they come from."""
    folder = partial_dir(spec.name)
    state = _read_state(folder) if folder.is_dir() else None
    if folder.exists() and (state is None or state.get("repo") != spec.repo or state.get("commit") != listing.commit):
        shutil.rmtree(folder)
    ensure_private_dir(folder)
    for path in folder.iterdir():
        if path.name != STATE_NAME and path.name not in {f.name for f in files}:
            path.unlink()
    atomic_write_text(folder / STATE_NAME, json.dumps(
        {"repo": spec.repo, "commit": listing.commit, "files": {f.name: f.size for f in files}}, sort_keys=True))
    return folder


def _downloaded(folder: Path, files: list[hub.RemoteFile]) -> int:
    done = 0
    for remote in files:
        path = folder / remote.name
        if path.is_file():
            done += min(path.stat().st_size, remote.size)
    return done


def _check_space(spec: DownloadableModel, total: int, done: int) -> None:
    free = shutil.disk_usage(models_dir()).free
    needed = total - done + FREE_MARGIN
    if free < needed:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "Downloading “{name}” needs {needed} MB of free space in {folder}, but only {free} MB are "
            "free. Free some space and try again."),
            name=spec.name, needed=megabytes(needed), free=megabytes(free), folder=str(models_dir())))


def _install(spec: DownloadableModel, folder: Path, listing: hub.Listing, pinned: dict[str, Pinned]) -> Path:
    """Manifest last, then one rename: the model appears whole or not at all."""
    _write_manifest(folder, spec.name, pinned, extra={"repo": spec.repo, "commit": listing.commit,
                                                      "source": hub.endpoint()})
    (folder / STATE_NAME).unlink()  # after the manifest: a full disk there leaves a partial folder that resumes
    fsync_dir(folder)
    final = models_dir() / spec.name
    old = None
    if os.path.lexists(final):  # a damaged copy: out of the way first
        old = Path(tempfile.mkdtemp(prefix=f".{spec.name}.old-", dir=models_dir()))
        os.replace(final, old / spec.name)
    os.rename(folder, final)
    fsync_dir(models_dir())
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def download(name: str, progress: Progress | None = None, cancel: hub.Cancel | None = None) -> Path:
    """Download the model ``name`` (see :data:`DOWNLOADABLE_MODELS`) and install it; returns its folder.

    The ONLY function that goes online; call it only when the user asked.
    ``progress(done_bytes, total_bytes)`` is called from this thread as data
    arrives; ``cancel`` is anything with ``is_set()`` (a ``threading.Event``).
    Raises :class:`DownloadCancelled` or :class:`ModelError`, each with one
    sentence; what arrived is kept for the next attempt unless it was wrong.
    """
    spec = downloadable(name)
    ensure_offline()
    if model_status(name).state is ModelState.READY:
        return models_dir() / name
    report: Callable[[int, int], None] = progress or (lambda _done, _total: None)
    with _only_one(name):
        listing, files = _listing(spec)
        total = sum(f.size for f in files)
        folder = partial_dir(name)
        _check_space(spec, total, _downloaded(folder, files))  # before anything is written
        try:
            folder = _prepare_partial(spec, listing, files)
            pinned: dict[str, Pinned] = {}
            before = 0
            for remote in files:
                def on_bytes(length: int, before: int = before) -> None:
                    report(before + length, total)

                sha256 = hub.fetch(spec.repo, listing.commit, remote, folder / remote.name, on_bytes, cancel)
                pinned[remote.name] = Pinned(remote.size, sha256)
                before += remote.size
            return _install(spec, folder, listing, pinned)
        except hub.Cancelled:
            raise DownloadCancelled(_msg(QT_TRANSLATE_NOOP(
                "Models", "The download of “{name}” was cancelled. The {megabytes} MB downloaded so far are kept; "
                "the next download continues from there."), name=name,
                megabytes=megabytes(_downloaded(folder, files)))) from None
        except hub.HubError as error:
            raise _hub_problem(spec, error, _downloaded(folder, files)) from error
        except hub.ChecksumError as error:
            raise ModelError(_msg(QT_TRANSLATE_NOOP(
                "Models", "The downloaded file {file} of “{name}” does not match the hub's checksum: it was deleted "
                "and nothing was installed. Try again."), file=error.name, name=name)) from error
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise ModelError(_msg(QT_TRANSLATE_NOOP(
                    "Models", "The disk became full while downloading “{name}”: nothing was installed. The {megabytes} "
                    "MB downloaded so far are kept in {folder}; free some space and download again to continue, or "
                    "remove the model to delete them."), name=name, megabytes=megabytes(_downloaded(folder, files)),
                    folder=str(folder))) from error
            raise ModelError(_msg(QT_TRANSLATE_NOOP(
                "Models", "Could not save the speech model “{name}” in {folder}: {error}"), name=name,
                folder=str(folder), error=error.strerror or str(error))) from error
        finally:
            ensure_offline()


def remove(name: str) -> int:
    """Delete a downloaded model and anything a download of it left; returns the bytes freed.

    The built-in models cannot be removed (``base`` is rebuilt from the
    installed packages anyway).  Raises :class:`ModelError` with one sentence.
    """
    if name in BUILTIN_MODELS:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "“{name}” comes with Furikaeri and cannot be removed."), name=name))
    spec = downloadable(name)
    final, partial = models_dir() / spec.name, partial_dir(spec.name)
    if not os.path.lexists(final) and not partial.exists():
        raise ModelError(_msg(QT_TRANSLATE_NOOP("Models", "The speech model “{name}” is not downloaded."), name=name))
    with _only_one(name):
        freed = 0
        for folder in (final, partial):
            if not os.path.lexists(folder):
                continue
            aside = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=models_dir()))
            os.replace(folder, aside / folder.name)  # gone from its place at once, even if deleting is slow
            freed += sum(p.stat().st_size for p in aside.rglob("*") if p.is_file())
            shutil.rmtree(aside)
        fsync_dir(models_dir())
    return freed


def installed_downloads() -> list[str]:
    """The downloadable models that are installed (a cheap look for their manifests, no checks)."""
    return [name for name in DOWNLOADABLE_MODELS if (models_dir() / name / MANIFEST_NAME).is_file()]
