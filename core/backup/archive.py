"""The backup archive's outer layer: a stream cut into sealed chunks (see docs/ARCHITECTURE.md, "Backups").

Layout::

    header   "FURIKAERI-BACKUP" (16 bytes) | version (1) | mode (1)
             encrypted only: log2(n) (1) | r (1) | p (1) | salt (16) | nonce prefix (8) | key check (16)
    frames   flags (1: bit 0 = last frame) | length (4, big-endian) | payload (length bytes)
    plain only, after the last frame: SHA-256 of every byte before it (32)

Encrypted (the default): the key is scrypt(passphrase, salt, n, r, p), 32 bytes, and each frame's payload is
its chunk (at most :data:`CHUNK` bytes) sealed with AES-256-GCM. A chunk's nonce is the archive's random
prefix followed by the chunk's number; the header, the chunk's number and its flags are bound as associated
data, so a changed byte, two chunks swapped, a chunk dropped from the middle or the end, or a changed header
all fail to open. The key check is the tag of an empty message sealed under a nonce no chunk uses: a wrong
passphrase is told apart from a damaged archive before anything is read.

Plain (``--no-encrypt``): the same frames unsealed, and a SHA-256 of the whole file at its end, which finds
damage but, having no key, not a deliberate change.

Both sides are streams: at most one chunk is held in memory whatever the archive's size.
"""

from __future__ import annotations

import hashlib
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

MAGIC = b"FURIKAERI-BACKUP"
VERSION = 1
PLAIN, ENCRYPTED = 0, 1
CHUNK = 1 << 20  # 1 MiB of the inner stream per frame
TAG = 16
LAST = 1
KDF_LOG2_N, KDF_R, KDF_P = 17, 8, 1  # scrypt: 128 MiB of memory, about half a second
MAX_LOG2_N = 22  # what a reader accepts from a header (4 GiB of memory would be a header made to hurt)
_FRAME = struct.Struct(">BI")
_CHECK_COUNTER = 0xFFFFFFFF  # the key check's nonce; chunks are numbered from 0 and stop before it


class BackupError(FurikaeriError):
    """A backup or restore that cannot go on; the message says why in one sentence."""


class BackupRefused(BackupError):  # noqa: N818 - a kind of BackupError, named for what happened
    """What was asked cannot be done as asked (a target in the library, a library that is not empty)."""


def _m(text: str, **params: object) -> Message:
    return Message("Backup", text, params)


def wrong_passphrase() -> BackupError:
    return BackupError(_m(QT_TRANSLATE_NOOP(
        "Backup", "The passphrase is not the one this backup was made with. Nothing was restored.")))


def damaged(detail: str, **params: object) -> BackupError:
    """``detail``: what was found, a sentence part marked with QT_TRANSLATE_NOOP("Backup", ...)."""
    return BackupError(_m(QT_TRANSLATE_NOOP(
        "Backup", "The backup is damaged or was changed ({detail}). Nothing was restored."),
        detail=_m(detail, **params)))


def not_a_backup() -> BackupError:
    return BackupError(_m(QT_TRANSLATE_NOOP(
        "Backup", "This file is not a Furikaeri backup. Nothing was restored.")))


def needs_passphrase() -> BackupError:
    return BackupError(_m(QT_TRANSLATE_NOOP(
        "Backup", "This backup is encrypted: a passphrase is needed to restore it. Nothing was restored.")))


def derive_key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + counter.to_bytes(4, "big")


def _associated(header: bytes, counter: int, flags: int) -> bytes:
    return header + counter.to_bytes(8, "big") + bytes([flags])


class SealedWriter:
    """A binary stream whose bytes go to ``out`` in frames, sealed when a passphrase is given."""

    def __init__(self, out: BinaryIO, passphrase: str | None, log2_n: int = KDF_LOG2_N) -> None:
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        self._digest = hashlib.sha256()
        self._aead: AESGCM | None = None
        if passphrase is None:
            self._header = MAGIC + bytes([VERSION, PLAIN])
            self._raw(self._header)
            return
        salt, self._prefix = os.urandom(16), os.urandom(8)
        self._header = MAGIC + bytes([VERSION, ENCRYPTED, log2_n, KDF_R, KDF_P]) + salt + self._prefix
        self._aead = AESGCM(derive_key(passphrase, salt, log2_n, KDF_R, KDF_P))
        check = self._aead.encrypt(_nonce(self._prefix, _CHECK_COUNTER), b"", self._header)
        self._raw(self._header + check)
        self._header += check

    def _raw(self, data: bytes) -> None:
        self._out.write(data)
        self._digest.update(data)

    def _frame(self, chunk: bytes, flags: int) -> None:
        if self._counter >= _CHECK_COUNTER:
            raise OverflowError("archive too large")
        if self._aead is not None:
            chunk = self._aead.encrypt(_nonce(self._prefix, self._counter), chunk,
                                       _associated(self._header, self._counter, flags))
        self._raw(_FRAME.pack(flags, len(chunk)))
        self._raw(chunk)
        self._counter += 1

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # a full chunk is sent only once more follows: the last one is marked
            self._frame(bytes(self._buffer[:CHUNK]), 0)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        """Write the last frame (and the plain archive's checksum); ``out`` stays open."""
        self._frame(bytes(self._buffer), LAST)
        self._buffer.clear()
        if self._aead is None:
            self._out.write(self._digest.digest())


class SealedReader:
    """Reads what a :class:`SealedWriter` wrote; every failure is a :class:`BackupError` sentence.

    :meth:`open_header` checks the header (and the passphrase) before any frame is read.
    """

    def __init__(self, source: BinaryIO) -> None:
        self._in = source
        self._digest = hashlib.sha256()
        self._aead: AESGCM | None = None
        self._header = b""
        self._prefix = b""
        self._counter = 0
        self._chunk = b""
        self._offset = 0
        self._ended = False
        self.encrypted = False

    def _exact(self, size: int) -> bytes:
        data = self._in.read(size)
        if len(data) != size:
            raise damaged(QT_TRANSLATE_NOOP("Backup", "it ends too early"))
        self._digest.update(data)
        return data

    def read_header(self) -> None:
        start = self._in.read(len(MAGIC) + 2)
        if len(start) < len(MAGIC) + 2 or not start.startswith(MAGIC):
            raise not_a_backup()
        self._digest.update(start)
        version, mode = start[-2], start[-1]
        if version != VERSION or mode not in (PLAIN, ENCRYPTED):
            raise BackupError(_m(QT_TRANSLATE_NOOP(
                "Backup", "This backup was made by a newer version of Furikaeri. Nothing was restored.")))
        self._header = start
        self.encrypted = mode == ENCRYPTED

    def unlock(self, passphrase: str | None) -> None:
        """Derive the key and check it (encrypted archives); raises at once for a wrong passphrase."""
        if not self.encrypted:
            return
        if not passphrase:
            raise needs_passphrase()
        params = self._exact(3 + 16 + 8)
        log2_n, r, p = params[0], params[1], params[2]
        if not (1 <= log2_n <= MAX_LOG2_N and 1 <= r <= 32 and 1 <= p <= 16):
            raise damaged(QT_TRANSLATE_NOOP("Backup", "its key parameters are impossible"))
        salt, self._prefix = params[3:19], params[19:27]
        self._header += params
        check = self._exact(TAG)
        self._aead = AESGCM(derive_key(passphrase, salt, log2_n, r, p))
        try:
            self._aead.decrypt(_nonce(self._prefix, _CHECK_COUNTER), check, self._header)
        except InvalidTag:
            raise wrong_passphrase() from None
        self._header += check

    def _next(self) -> None:
        flags, length = _FRAME.unpack(self._exact(_FRAME.size))
        if flags & ~LAST or length > CHUNK + (TAG if self._aead is not None else 0):
            raise damaged(QT_TRANSLATE_NOOP("Backup", "chunk {chunk} has an impossible header"),
                          chunk=self._counter + 1)
        payload = self._exact(length)
        if self._aead is not None:
            try:
                payload = self._aead.decrypt(_nonce(self._prefix, self._counter), payload,
                                             _associated(self._header, self._counter, flags))
            except InvalidTag:
                raise damaged(QT_TRANSLATE_NOOP("Backup", "chunk {chunk} does not match its seal"),
                              chunk=self._counter + 1) from None
        self._counter += 1
        self._chunk, self._offset = payload, 0
        if flags & LAST:
            self._ended = True
            self._finish()

    def _finish(self) -> None:
        if self._aead is None:
            expected = self._digest.digest()
            if self._in.read(32) != expected:
                raise damaged(QT_TRANSLATE_NOOP("Backup", "its checksum does not match"))
        if self._in.read(1):
            raise damaged(QT_TRANSLATE_NOOP("Backup", "there are bytes after its end"))

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        while wanted > 0:
            if self._offset >= len(self._chunk):
                if self._ended:
                    break
                self._next()
                continue
            piece = self._chunk[self._offset:self._offset + wanted]
            self._offset += len(piece)
            wanted -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def read_to_end(self) -> None:
        """Read (and so check) every remaining frame: the end must be there."""
        while self.read(CHUNK):
            pass
