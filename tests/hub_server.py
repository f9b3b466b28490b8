"""A real HTTP server on 127.0.0.1 that serves model repositories in the Hugging Face hub's layout.

No machine here reaches the hub, so the download path is tested against
this: ``HF_ENDPOINT`` points at it, exactly as it would point at a mirror.
What it answers, as the hub does (huggingface_hub 2.x reads the same):

* ``GET /api/models/{repo}/revision/{rev}?blobs=true``: ``{"id", "sha",
  "siblings": [{"rfilename", "size", "blobId", "lfs": {"size", "sha256",
  "pointerSize"}}]}`` (``lfs`` only for LFS files); 401 for an unknown repo.
* ``GET /{repo}/resolve/{rev}/{file}``: a plain file (``ETag`` = git blob id,
  ``X-Repo-Commit``), or for an LFS file a 302 to ``/cdn/{sha256}`` with
  ``X-Linked-Etag`` (the sha256), ``X-Linked-Size`` and ``X-Repo-Commit``;
  the CDN honours ``Range: bytes=N-`` with 206 and ``Content-Range``.

Faults, per file name: ``cut[name] = (after, times)`` closes the connection
after ``after`` bytes of a response (``times`` responses); ``corrupt`` serves
other bytes than listed; ``pause[name] = after`` stops after that many bytes
until :meth:`HubServer.resume` (``paused`` is set meanwhile);
``ignore_range`` answers 200 with the whole file.  ``requests`` logs
``(path, range header)``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

LFS_FILES = ("model.bin", "tokenizer.json")
CHUNK = 64 * 1024


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass
class Repo:
    files: dict[str, bytes]
    commit: str = "0123456789abcdef0123456789abcdef01234567"
    extra: dict[str, bytes] = field(default_factory=dict)  # listed and served, but not a model file (README.md)

    def all_files(self) -> dict[str, bytes]:
        return {**self.files, **self.extra}


class HubServer:
    def __init__(self) -> None:
        self.repos: dict[str, Repo] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.cut: dict[str, tuple[int, int]] = {}
        self.corrupt: set[str] = set()
        self.pause: dict[str, int] = {}
        self.ignore_range = False
        self.paused = threading.Event()
        self._resume = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

            def do_GET(self) -> None:
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="hub-server", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> HubServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._resume.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)

    def resume(self) -> None:
        self.pause.clear()
        self._resume.set()

    def file_requests(self, name: str) -> list[str | None]:
        """The Range headers of the requests that fetched ``name``'s content (None: no range)."""
        with self._lock:
            if name in LFS_FILES:  # the redirect, then the CDN: the CDN's requests carry the content
                return [rng for path, rng in self.requests if path.startswith(f"/cdn/{name}:")]
            return [rng for path, rng in self.requests if "/resolve/" in path and path.endswith("/" + name)]

    # -- answering -----------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(handler.path).path)
        with self._lock:
            self.requests.append((path, handler.headers.get("Range")))
        if path.startswith("/api/models/"):
            self._listing(handler, path.removeprefix("/api/models/"))
        elif path.startswith("/cdn/"):
            name, _, repo = path.removeprefix("/cdn/").partition(":")
            self._content(handler, self.repos[repo], name)
        elif "/resolve/" in path:
            repo_id, _, rest = path.lstrip("/").partition("/resolve/")
            revision, _, name = rest.partition("/")
            repo = self.repos.get(repo_id)
            if repo is None or revision not in ("main", repo.commit) or name not in repo.all_files():
                self._status(handler, 404)
            elif name in LFS_FILES:
                data = repo.all_files()[name]
                handler.send_response(302)
                handler.send_header("Location", f"/cdn/{name}:{repo_id}")
                handler.send_header("X-Linked-Etag", f'"{hashlib.sha256(data).hexdigest()}"')
                handler.send_header("X-Linked-Size", str(len(data)))
                handler.send_header("X-Repo-Commit", repo.commit)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
            else:
                self._content(handler, repo, name, commit=repo.commit)
        else:
            self._status(handler, 404)

    @staticmethod
    def _status(handler: BaseHTTPRequestHandler, code: int) -> None:
        body = json.dumps({"error": "Repository not found"}).encode()
        handler.send_response(code)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _listing(self, handler: BaseHTTPRequestHandler, rest: str) -> None:
        repo_id, _, revision = rest.partition("/revision/")
        repo = self.repos.get(repo_id)
        if repo is None or revision not in ("main", repo.commit):
            self._status(handler, 401)  # the hub answers 401 for a repository it does not show
            return
        siblings = []
        for name, data in repo.all_files().items():
            entry: dict[str, object] = {"rfilename": name, "size": len(data), "blobId": git_blob_id(data)}
            if name in LFS_FILES:
                entry["lfs"] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "pointerSize": 134}
                entry["blobId"] = git_blob_id(b"pointer " + name.encode())  # the pointer's blob, not the content's
            siblings.append(entry)
        body = json.dumps({"id": repo_id, "sha": repo.commit, "siblings": siblings}).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _content(self, handler: BaseHTTPRequestHandler, repo: Repo, name: str, commit: str | None = None) -> None:
        data = repo.all_files()[name]
        if name in self.corrupt:
            data = bytes(b ^ 0x5A for b in data[:64]) + data[64:]
        start = 0
        ranged = handler.headers.get("Range")
        if ranged and not self.ignore_range and ranged.startswith("bytes=") and ranged.endswith("-"):
            start = int(ranged[len("bytes="):-1])
            if start >= len(data):
                handler.send_response(416)
                handler.send_header("Content-Range", f"bytes */{len(data)}")
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_response(206)
            handler.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            handler.send_response(200)
        handler.send_header("Content-Length", str(len(data) - start))
        handler.send_header("ETag", f'"{git_blob_id(data) if commit else hashlib.sha256(data).hexdigest()}"')
        if commit:
            handler.send_header("X-Repo-Commit", commit)
        handler.end_headers()
        limit = len(data)
        with self._lock:
            cut = self.cut.get(name)
            if cut is not None and cut[1] > 0:
                limit = min(limit, start + cut[0])
                self.cut[name] = (cut[0], cut[1] - 1)
        pause_at = self.pause.get(name)
        position = start
        while position < limit:
            if pause_at is not None and position >= pause_at:
                self.paused.set()
                self._resume.wait(60)
                pause_at = None
            end = min(limit, position + CHUNK, pause_at if pause_at is not None and pause_at > position else limit)
            try:
                handler.wfile.write(data[position:end])
            except OSError:  # the client went away (cancelled)
                return
            position = end
        if limit < len(data):  # cut: the connection ends before the promised length
            handler.close_connection = True
            handler.wfile.flush()
            handler.connection.shutdown(2)

