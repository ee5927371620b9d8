"""Local files and inline base64 turned into checked attachments that are streamed, never held whole.

Every check runs before any request: a path is resolved (symlinks and `..` included) and confined to the
operator's directory when one is set; base64 is validated strictly and its decoded size is computed from
its length. The opener of a local file re-checks that it is still the file that was measured.

Hosted, each account reads only its own subfolder of the directory (`<dir>/user-201/` for TiFlux user 201,
the account whose key the gate verified), and no message shows a server path.
"""

from __future__ import annotations

import binascii
import dataclasses
import errno
import io
import math
import mimetypes
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

import anyio.to_thread

from domain.attachments import MB, Attachment, AttachmentLimits
from domain.errors import InvalidInput

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

OCTET_STREAM = "application/octet-stream"
MAX_NAME_BYTES = 255


class LocalAndInlineAttachments:
    """The AttachmentsPort over this machine's files and the base64 text the model sends."""

    def __init__(
        self,
        *,
        hosted: bool,
        allowed_dir: Path | None,
        account_folder: Callable[[], str | None] | None = None,
    ) -> None:
        self._hosted = hosted
        self._allowed_dir = allowed_dir
        self._account_folder = account_folder or (lambda: None)

    async def from_path(self, path: str, *, field: str, limits: AttachmentLimits) -> Attachment:
        if not self._hosted:
            return await anyio.to_thread.run_sync(self._check_path, path, field, limits, self._allowed_dir)
        account = self._account_folder()
        if self._allowed_dir is None or account is None or not _FOLDER_NAME.fullmatch(account):
            # No folder, or a request whose account was never verified: the file system is not touched.
            raise InvalidInput(field, "path_not_allowed_hosted")
        folder = self._allowed_dir / account
        return await anyio.to_thread.run_sync(self._check_path, path, field, limits, folder)

    async def from_base64(
        self, content: str, filename: str, *, field: str, limits: AttachmentLimits
    ) -> Attachment:
        name = safe_filename(filename)
        if not name:
            raise InvalidInput(field, "file_name")
        # A 40 MB file is 53 MB of text to scan: off the event loop, like the file system calls.
        return await anyio.to_thread.run_sync(_check_base64, content, name, field, limits)

    def _check_path(self, path: str, field: str, limits: AttachmentLimits, root: Path | None) -> Attachment:
        resolved = self._resolve(path, field, root)
        if any(resolved.is_relative_to(root) for root in _KERNEL_ROOTS):
            raise InvalidInput(field, "kernel_file")
        try:
            info = resolved.stat()
        except FileNotFoundError as exc:
            raise InvalidInput(field, "file_not_found") from exc
        except OSError as exc:
            raise InvalidInput(field, "file_unreadable") from exc
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(field, "not_a_file")
        try:
            identity = _FileIdentity.probe(resolved)
        except OSError as exc:
            raise InvalidInput(field, "file_unreadable") from exc
        _check_size(identity.size, field, limits)
        name = safe_filename(Path(path).name) or safe_filename(resolved.name)
        if not name:
            raise InvalidInput(field, "file_name")
        return Attachment(name, identity.size, content_type(name), partial(identity.open, resolved, field))

    def _resolve(self, path: str, field: str, allowed: Path | None) -> Path:
        root = allowed.expanduser().resolve() if allowed else None
        try:
            candidate = Path(path).expanduser() if root is None else root / path
            # Containment is judged on the lenient resolution first, so a missing file outside the
            # directory says "outside", never "not found" (no probing of what exists elsewhere).
            if root is not None and not candidate.resolve().is_relative_to(root):
                raise self._outside(field)
            resolved = candidate.resolve(strict=True)
        except (FileNotFoundError, NotADirectoryError, RuntimeError, ValueError) as exc:
            # RuntimeError: a symlink loop (3.11, 3.12) or an unknown ~user; ValueError: a NUL byte.
            raise InvalidInput(field, "file_not_found") from exc
        except OSError as exc:  # no permission on a parent directory; ELOOP from 3.13
            rule = "file_not_found" if exc.errno == errno.ELOOP else "file_unreadable"
            raise InvalidInput(field, rule) from exc
        if root is not None and not resolved.is_relative_to(root):
            raise self._outside(field)
        return resolved

    def _outside(self, field: str) -> InvalidInput:
        if self._hosted:  # the server's folders are none of the caller's business
            return InvalidInput(field, "path_outside_hosted")
        return InvalidInput(field, "path_outside", {"dir": str(self._allowed_dir)})


_FOLDER_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


def safe_filename(raw: str) -> str:
    """The base name only, without control or format characters, trimmed, at most 255 UTF-8 bytes;
    "" when nothing usable is left (a name made only of dots is not a name)."""
    visible = "".join(ch for ch in raw if unicodedata.category(ch) not in _INVISIBLE)
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", visible)[-1]).strip()
    if not name.strip("."):
        return ""
    return _shorten(name)


def content_type(name: str, fallback: str | None = None) -> str:
    """The media type the name suggests, else `fallback` (a data URL's), else application/octet-stream."""
    guessed, encoding = mimetypes.guess_type(name)
    if encoding is not None:  # "x.tar.gz" is a gzip file, not a tar one
        return _COMPRESSED.get(encoding, OCTET_STREAM)
    return guessed or fallback or OCTET_STREAM


# --- local files

# Files the kernel makes up as they are read (procfs, sysfs): their size reads 0 whatever they hold, so no
# limit applies, and they are the server's own state (/proc/self/environ holds TIFLUX_API_KEY), never a
# document someone meant to attach.
_KERNEL_ROOTS = (Path("/proc"), Path("/sys"))

_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True)
class _FileIdentity:
    """Which file was measured: opening it later must find the very same one, the same size."""

    device: int
    inode: int
    size: int

    @classmethod
    def probe(cls, path: Path) -> _FileIdentity:
        # Opening proves it readable; O_NONBLOCK: a FIFO swapped in after the stat cannot hang us.
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            return cls.of(os.fstat(descriptor))
        finally:
            os.close(descriptor)

    @classmethod
    def of(cls, info: os.stat_result) -> _FileIdentity:
        return cls(info.st_dev, info.st_ino, info.st_size if stat.S_ISREG(info.st_mode) else -1)

    def open(self, path: Path, field: str) -> BinaryIO:
        """A binary stream of the checked file; InvalidInput if it was replaced or resized meanwhile."""
        try:
            descriptor = os.open(path, _OPEN_FLAGS)
        except OSError as exc:
            raise InvalidInput(field, "file_changed") from exc
        try:
            if _FileIdentity.of(os.fstat(descriptor)) != self:
                raise InvalidInput(field, "file_changed")
            return os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise


# --- base64

_WHITESPACE = " \t\r\n\f\v"
_LEADING_WHITESPACE = re.compile(r"[ \t\r\n\f\v]*")
_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SPACES = _WHITESPACE.encode()
_TOKEN = r"[A-Za-z0-9!#$&^_.+-]+"
_DATA_URL = re.compile(rf"data:(?P<mime>{_TOKEN}/{_TOKEN})?(?:;{_TOKEN}=[^;,\s]*)*;base64,", re.IGNORECASE)
_SCAN_CHARS = 64 * 1024


def _check_base64(content: str, name: str, field: str, limits: AttachmentLimits) -> Attachment:
    leading = _LEADING_WHITESPACE.match(content)
    start, declared = (leading.end() if leading else 0), None
    if prefix := _DATA_URL.match(content, start):
        start, declared = prefix.end(), (prefix["mime"] or "").lower() or None
    size = _decoded_size(content, start)
    if size is None:
        raise InvalidInput(field, "base64", {"name": name})
    _check_size(size, field, limits)
    return Attachment(name, size, content_type(name, declared), _InlineOpener(content, start, size))


def _decoded_size(text: str, start: int) -> int | None:
    """The decoded length of strict, padded, standard base64 in `text[start:]` (ASCII whitespace
    ignored), or None if it is not such base64. Scans in slices: the text is never copied whole."""
    end, padding = len(text), 0
    while end > start and (text[end - 1] in _WHITESPACE or text[end - 1] == "="):
        padding += text[end - 1] == "="
        end -= 1
    if padding > 2:
        return None
    symbols = 0
    for at in range(start, end, _SCAN_CHARS):
        piece = text[at : min(at + _SCAN_CHARS, end)]
        if not piece.isascii():
            return None
        raw = piece.encode("ascii")
        if raw.translate(None, _ALPHABET + _SPACES):  # anything left is outside the alphabet
            return None
        symbols += len(raw.translate(None, _SPACES))
    if (symbols + padding) % 4:
        return None
    return (symbols + padding) // 4 * 3 - padding


@dataclass(frozen=True)
class _InlineOpener:
    """Opens a fresh decoder; its repr leaves out the text, which may be tens of megabytes."""

    text: str = dataclasses.field(repr=False)
    start: int
    size: int

    def __call__(self) -> BinaryIO:
        return cast(BinaryIO, Base64Stream(self.text, self.start, self.size))


class Base64Stream(io.RawIOBase):
    """Decodes already validated base64 a slice at a time as it is read.

    `tell()` and `seek()` (to the start, the end, or anywhere by re-decoding) let httpx2 learn the length,
    so the multipart body carries a Content-Length.
    """

    _source: int
    _pending: str
    _decoded: bytearray
    _position: int

    def __init__(self, text: str, start: int, size: int) -> None:
        super().__init__()
        self._text, self._start, self._size = text, start, size
        self._rewind()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        self._check_open()
        view = memoryview(buffer).cast("B")
        wanted = len(view)
        while len(self._decoded) < wanted and self._source < len(self._text):
            self._decode_slice()
        count = min(wanted, len(self._decoded))
        view[:count] = self._decoded[:count]
        del self._decoded[:count]
        self._position += count
        return count

    def tell(self) -> int:
        self._check_open()
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._check_open()
        origin = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self._size}[whence]
        target = origin + offset
        if target < 0:
            raise ValueError("negative seek position")
        if target < self._position:
            self._rewind()
        if target >= self._size:
            self._source, self._pending, self._position = len(self._text), "", target
            self._decoded.clear()
        while self._position < target:
            self.readinto(bytearray(min(_SCAN_CHARS, target - self._position)))
        return self._position

    def _rewind(self) -> None:
        self._source = self._start
        self._pending = ""  # fewer than 4 symbols carried to the next slice
        self._decoded = bytearray()
        self._position = 0

    def _decode_slice(self) -> None:
        stop = min(self._source + _SCAN_CHARS, len(self._text))
        symbols = self._pending + "".join(self._text[self._source : stop].split())
        self._source = stop
        whole = len(symbols) - len(symbols) % 4
        self._pending = symbols[whole:]
        self._decoded += binascii.a2b_base64(symbols[:whole])

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed stream")


# --- shared helpers

# Control, format (bidi, zero-width), surrogates (not encodable) and line/paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_COMPRESSED = {"gzip": "application/gzip", "bzip2": "application/x-bzip2", "xz": "application/x-xz"}
_MAX_EXTENSION_BYTES = 32


def _check_size(size: int, field: str, limits: AttachmentLimits) -> None:
    if size > limits.max_bytes:
        # Rounded up, so a file one byte over never reads as exactly the limit.
        size_mb = math.ceil(size * 10 / MB) / 10
        raise InvalidInput(field, "file_too_large", {"max_mb": limits.max_megabytes, "size_mb": size_mb})


def _shorten(name: str) -> str:
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    suffix = dot + extension
    if not stem or not 1 < len(suffix.encode()) <= _MAX_EXTENSION_BYTES or " " in extension:
        stem, suffix = name, ""
    room = MAX_NAME_BYTES - len(suffix.encode())
    return stem.encode()[:room].decode("utf-8", "ignore").rstrip() + suffix
