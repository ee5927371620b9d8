"""Attachments: local paths confined and measured, strict base64 decoded as a stream, safe file names."""

from __future__ import annotations

import base64
import io
import os
import random
import re
from pathlib import Path

import pytest

from adapters.attachments.files import Base64Stream, LocalAndInlineAttachments, content_type, safe_filename
from adapters.i18n import attachments as messages
from application.attachments import EncodedFile, gather_attachments
from domain.attachments import Attachment, AttachmentLimits
from domain.errors import InvalidInput

pytestmark = pytest.mark.anyio

LIMITS = AttachmentLimits(10, 1024)
STDIO = LocalAndInlineAttachments(hosted=False, allowed_dir=None)


def port_for(allowed: Path, hosted: bool) -> LocalAndInlineAttachments:
    """Over stdio, `allowed` is the operator's directory; hosted, the calling account's subfolder of it."""
    if not hosted:
        return LocalAndInlineAttachments(hosted=False, allowed_dir=allowed)
    return LocalAndInlineAttachments(
        hosted=True, allowed_dir=allowed.parent, account_folder=lambda: allowed.name
    )


def read_all(attachment: Attachment) -> bytes:
    with attachment.open() as stream:
        return stream.read()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


async def rejected_path(port: LocalAndInlineAttachments, path: str | Path) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        await port.from_path(str(path), field="files[0]", limits=LIMITS)
    return checked(caught.value, "files[0]")


async def rejected_base64(content: str, filename: str = "a.txt") -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        await STDIO.from_base64(content, filename, field="files_base64[0]", limits=LIMITS)
    return checked(caught.value, "files_base64[0]")


def checked(error: InvalidInput, field: str) -> InvalidInput:
    """The error names the field, and its message exists and fills in with its params in both languages."""
    assert error.field == field
    for catalogue in (messages.PT_BR, messages.EN):
        assert catalogue[f"rule.{error.rule}"].format(**error.params)
    return error


@pytest.fixture
def allowed(tmp_path: Path) -> Path:
    inside = tmp_path / "allowed"
    inside.mkdir()
    (inside / "report.pdf").write_bytes(b"%PDF-1.7 inside")
    (tmp_path / "secret.txt").write_bytes(b"outside")
    return inside


# --- local paths: where a path may point


async def test_stdio_reads_any_path_as_a_stream(tmp_path: Path) -> None:
    path = tmp_path / "relatório final.pdf"
    path.write_bytes(b"%PDF-1.7\x00\xff")
    attachment = await STDIO.from_path(str(path), field="files[0]", limits=LIMITS)
    assert (attachment.name, attachment.size, attachment.content_type) == (
        "relatório final.pdf",
        10,
        "application/pdf",
    )
    with attachment.open() as stream:
        assert isinstance(stream, io.BufferedReader)
        assert stream.read() == b"%PDF-1.7\x00\xff"
    assert read_all(attachment) == b"%PDF-1.7\x00\xff"  # every open starts afresh


async def test_stdio_resolves_relative_paths_against_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_bytes(b"hi")
    monkeypatch.chdir(tmp_path)
    attachment = await STDIO.from_path("notes.txt", field="files[0]", limits=LIMITS)
    assert (attachment.name, read_all(attachment)) == ("notes.txt", b"hi")


async def test_hosted_without_a_directory_reads_no_path(tmp_path: Path) -> None:
    path = tmp_path / "exists.txt"
    path.write_bytes(b"x")
    port = LocalAndInlineAttachments(hosted=True, allowed_dir=None)
    assert (await rejected_path(port, path)).rule == "path_not_allowed_hosted"
    assert "TIFLUX_ATTACHMENTS_DIR" in messages.PT_BR["rule.path_not_allowed_hosted"]


@pytest.mark.parametrize("hosted", [True, False])
async def test_inside_the_allowed_directory_relative_or_absolute(allowed: Path, hosted: bool) -> None:
    (allowed / "sub").mkdir()
    port = port_for(allowed, hosted)
    for path in ("report.pdf", "./sub/../report.pdf", str(allowed / "report.pdf")):
        attachment = await port.from_path(path, field="files[0]", limits=LIMITS)
        assert (attachment.name, read_all(attachment)) == ("report.pdf", b"%PDF-1.7 inside")


@pytest.mark.parametrize("hosted", [True, False])
@pytest.mark.parametrize("path", ["../secret.txt", "sub/../../secret.txt", "../missing.txt", "/etc/passwd"])
async def test_escaping_the_allowed_directory_is_refused(allowed: Path, hosted: bool, path: str) -> None:
    port = port_for(allowed, hosted)
    error = await rejected_path(port, path)
    # "outside" even when the target does not exist: nothing tells what exists beyond the directory;
    # hosted, not even where the directory is.
    expected = ("path_outside_hosted", {}) if hosted else ("path_outside", {"dir": str(allowed)})
    assert (error.rule, error.params) == expected


async def test_a_symlink_out_of_the_allowed_directory_is_refused(allowed: Path) -> None:
    (allowed / "link.txt").symlink_to(allowed.parent / "secret.txt")
    (allowed / "dangling.txt").symlink_to(allowed.parent / "nowhere.txt")
    (allowed / "door").symlink_to(allowed.parent)
    port = port_for(allowed, True)
    for path in ("link.txt", "dangling.txt", "door/secret.txt", str(allowed / "link.txt")):
        assert (await rejected_path(port, path)).rule == "path_outside_hosted", path


async def test_a_symlink_inside_the_allowed_directory_is_followed(allowed: Path) -> None:
    (allowed / "latest.pdf").symlink_to(allowed / "report.pdf")
    port = port_for(allowed, True)
    attachment = await port.from_path("latest.pdf", field="files[0]", limits=LIMITS)
    assert (attachment.name, read_all(attachment)) == ("latest.pdf", b"%PDF-1.7 inside")


async def test_the_allowed_directory_may_itself_be_reached_through_a_symlink(
    allowed: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(allowed)
    port = port_for(alias, True)
    attachment = await port.from_path("report.pdf", field="files[0]", limits=LIMITS)
    assert attachment.size == len(b"%PDF-1.7 inside")


async def test_hosted_each_account_reads_only_its_own_subfolder(tmp_path: Path) -> None:
    for account, name in (("user-201", "mine.pdf"), ("user-202", "theirs.pdf")):
        (tmp_path / account).mkdir()
        (tmp_path / account / name).write_bytes(b"%PDF")
    current: list[str | None] = ["user-201"]
    port = LocalAndInlineAttachments(hosted=True, allowed_dir=tmp_path, account_folder=lambda: current[0])
    assert (await port.from_path("mine.pdf", field="files[0]", limits=LIMITS)).name == "mine.pdf"
    for path in ("../user-202/theirs.pdf", str(tmp_path / "user-202" / "theirs.pdf"), "../user-202/none.pdf"):
        assert (await rejected_path(port, path)).rule == "path_outside_hosted", path
    assert (await rejected_path(port, "theirs.pdf")).rule == "file_not_found"
    current[0] = None  # a request whose account was never verified: nothing is looked at
    assert (await rejected_path(port, "mine.pdf")).rule == "path_not_allowed_hosted"
    current[0] = "../user-202"  # never a folder name, whatever reaches here
    assert (await rejected_path(port, "theirs.pdf")).rule == "path_not_allowed_hosted"


async def test_hosted_messages_show_no_server_path(tmp_path: Path) -> None:
    (tmp_path / "user-1").mkdir()
    port = LocalAndInlineAttachments(hosted=True, allowed_dir=tmp_path, account_folder=lambda: "user-1")
    error = await rejected_path(port, "/etc/passwd")
    for catalogue in (messages.PT_BR, messages.EN):
        text = catalogue[f"rule.{error.rule}"].format(**error.params)
        assert str(tmp_path) not in text and "/" not in text.replace("files_base64", "")


# --- local paths: what the path must be


async def test_a_missing_file(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path / "missing" / "deeper.txt", "bad\x00name"):
        assert (await rejected_path(STDIO, path)).rule == "file_not_found"


async def test_a_symlink_loop_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert (await rejected_path(STDIO, tmp_path / "a")).rule == "file_not_found"


async def test_a_directory_a_fifo_or_a_device_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo, Path("/dev/null")):
        assert (await rejected_path(STDIO, path)).rule == "not_a_file", path


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no procfs here")
async def test_a_kernel_file_is_never_attached(tmp_path: Path) -> None:
    """/proc/self/environ passed S_ISREG with a size of 0 and then uploaded the server's environment, its
    TiFlux key included; a link to it is no way round."""
    (tmp_path / "innocent.txt").symlink_to("/proc/self/environ")
    for path in (
        "/proc/self/environ",
        "/proc/self/cmdline",
        "/sys/kernel/../kernel",
        tmp_path / "innocent.txt",
    ):
        assert (await rejected_path(STDIO, path)).rule == "kernel_file", path


async def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"x")
    real_open = os.open

    def refusing_open(target: object, flags: int, *args: int) -> int:
        if Path(str(target)) == path.resolve():
            raise PermissionError(13, "Permission denied")
        return real_open(target, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    assert (await rejected_path(STDIO, path)).rule == "file_unreadable"


async def test_a_local_file_at_the_limit_passes_and_one_byte_more_does_not(tmp_path: Path) -> None:
    exact, over, empty = tmp_path / "exact.bin", tmp_path / "over.bin", tmp_path / "empty.txt"
    exact.write_bytes(b"x" * 1024)
    over.write_bytes(b"x" * 1025)
    empty.write_bytes(b"")
    assert (await STDIO.from_path(str(exact), field="files[0]", limits=LIMITS)).size == 1024
    error = await rejected_path(STDIO, over)
    assert (error.rule, error.params) == ("file_too_large", {"max_mb": 0, "size_mb": 0.1})
    attachment = await STDIO.from_path(str(empty), field="files[0]", limits=LIMITS)
    assert (attachment.size, read_all(attachment)) == (0, b"")


async def test_a_file_replaced_or_resized_after_the_check_is_not_sent(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"small")
    attachment = await STDIO.from_path(str(path), field="files[3]", limits=LIMITS)
    path.write_bytes(b"x" * 5000)  # grew past the limit after it was measured
    with pytest.raises(InvalidInput) as caught:
        attachment.open()
    assert (caught.value.field, caught.value.rule) == ("files[3]", "file_changed")
    path.write_bytes(b"small")
    attachment = await STDIO.from_path(str(path), field="files[3]", limits=LIMITS)
    replacement = tmp_path / "other.txt"
    replacement.write_bytes(b"SMALL")  # same size, another file (created while the first still exists)
    os.replace(replacement, path)
    with pytest.raises(InvalidInput):
        attachment.open()


async def test_the_name_of_a_local_file_is_sanitised(tmp_path: Path) -> None:
    path = tmp_path / 'line\nbreak "quoted".txt'
    path.write_bytes(b"x")
    attachment = await STDIO.from_path(str(path), field="files[0]", limits=LIMITS)
    assert attachment.name == 'linebreak "quoted".txt'


# --- base64


async def test_base64_is_decoded_as_a_stream() -> None:
    data = bytes(range(256)) * 3
    attachment = await STDIO.from_base64(b64(data), "dump.bin", field="files_base64[0]", limits=LIMITS)
    assert (attachment.name, attachment.size, attachment.content_type) == (
        "dump.bin",
        768,
        "application/octet-stream",
    )
    assert read_all(attachment) == data
    assert read_all(attachment) == data  # each open decodes afresh


@pytest.mark.parametrize("length", range(8))
async def test_every_padding_gives_the_exact_size(length: int) -> None:
    data = os.urandom(length)
    attachment = await STDIO.from_base64(b64(data), "x.bin", field="files_base64[0]", limits=LIMITS)
    assert (attachment.size, read_all(attachment)) == (length, data)


async def test_whitespace_and_line_breaks_are_ignored() -> None:
    data = os.urandom(700)
    wrapped = base64.encodebytes(data).decode()  # 76-character lines
    spaced = "  \n" + " ".join(b64(data)[i : i + 5] for i in range(0, len(b64(data)), 5)) + "\r\n\t"
    split_padding = b64(b"ab")[:-1] + "\n="
    for content, expected in ((wrapped, data), (spaced, data), (split_padding, b"ab")):
        attachment = await STDIO.from_base64(content, "x.bin", field="files_base64[0]", limits=LIMITS)
        assert (attachment.size, read_all(attachment)) == (len(expected), expected)


async def test_a_data_url_prefix_is_accepted_and_gives_the_type() -> None:
    png = b"\x89PNG\r\n\x1a\n"
    port = STDIO
    unnamed = await port.from_base64(
        f"data:image/png;base64,{b64(png)}", "screenshot", field="files_base64[0]", limits=LIMITS
    )
    assert (unnamed.content_type, read_all(unnamed)) == ("image/png", png)
    with_params = await port.from_base64(
        f" DATA:text/plain;charset=utf-8;BASE64,{b64(b'oi')}", "nota", field="f", limits=LIMITS
    )
    assert (with_params.content_type, read_all(with_params)) == ("text/plain", b"oi")
    named = await port.from_base64(f"data:image/png;base64,{b64(png)}", "a.pdf", field="f", limits=LIMITS)
    assert named.content_type == "application/pdf"  # the name wins
    bare = await port.from_base64(f"data:;base64,{b64(png)}", "blob", field="f", limits=LIMITS)
    assert bare.content_type == "application/octet-stream"


@pytest.mark.parametrize(
    "content",
    [
        "@@@",
        "QQ",  # padding missing
        "QQ=",  # padding short
        "QQ===",  # padding too long
        "QUJD=",
        "QQ==QQ==",  # padding in the middle
        "=QQ=",
        "QUJD-_==",  # URL-safe alphabet
        "QUJDRA\u00a0==",  # a non-breaking space is not whitespace here
        "QUJDé===",
        "data:image/png,QUJD",  # a data URL that is not base64
        "data:image/png;base64;QUJD",
    ],
)
async def test_anything_but_strict_standard_base64_is_refused(content: str) -> None:
    error = await rejected_base64(content, "planilha.xlsx")
    assert (error.rule, error.params) == ("base64", {"name": "planilha.xlsx"})


async def test_empty_content_is_an_empty_file() -> None:
    attachment = await STDIO.from_base64("", "empty.txt", field="files_base64[0]", limits=LIMITS)
    assert (attachment.size, read_all(attachment)) == (0, b"")


async def test_base64_at_the_limit_passes_and_one_byte_more_does_not() -> None:
    exact = await STDIO.from_base64(b64(b"x" * 1024), "a.bin", field="files_base64[0]", limits=LIMITS)
    assert exact.size == 1024
    error = await rejected_base64(b64(b"x" * 1025))
    assert (error.rule, error.params) == ("file_too_large", {"max_mb": 0, "size_mb": 0.1})


@pytest.mark.parametrize("filename", ["", "   ", ".", "..", "../", "dir/", "\x00\u200b"])
async def test_base64_needs_a_usable_name(filename: str) -> None:
    assert (await rejected_base64(b64(b"x"), filename)).rule == "file_name"


async def test_the_repr_of_an_inline_attachment_leaves_the_text_out() -> None:
    attachment = await STDIO.from_base64(b64(b"x" * 900), "a.bin", field="f", limits=LIMITS)
    assert b64(b"x" * 900) not in repr(attachment)


# --- the streaming decoder


def test_the_decoder_returns_the_exact_bytes_for_odd_read_sizes() -> None:
    data = os.urandom(200_003)
    text = base64.encodebytes(data).decode()
    rng = random.Random(7)
    for sizes in ([1], [3], [7, 1, 65536], [4095, 4097], [rng.randint(1, 9000) for _ in range(50)]):
        stream = Base64Stream(text, 0, len(data))
        out, turn = bytearray(), 0
        while chunk := stream.read(sizes[turn % len(sizes)]):
            assert len(chunk) <= sizes[turn % len(sizes)]
            out += chunk
            turn += 1
        assert bytes(out) == data, sizes
        assert stream.tell() == len(data)


def test_the_decoder_tells_its_length_the_way_httpx2_asks() -> None:
    data = os.urandom(10_000)
    stream = Base64Stream("data:;base64," + b64(data), len("data:;base64,"), len(data))
    with pytest.raises(OSError):
        stream.fileno()  # so httpx2 falls back to tell/seek
    assert stream.tell() == 0
    assert stream.seek(0, os.SEEK_END) == len(data)
    assert stream.read(10) == b""
    assert stream.seek(0) == 0
    assert stream.read(5) == data[:5]
    assert stream.seek(7777) == 7777
    assert stream.read(3) == data[7777:7780]
    assert stream.seek(-10, os.SEEK_CUR) == 7770
    assert stream.read() == data[7770:]
    stream.close()
    with pytest.raises(ValueError):
        stream.read(1)


# --- file names and types


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("relatório.pdf", "relatório.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\..\\nota fiscal.pdf", "nota fiscal.pdf"),
        ("a\x00b\x1f\x7fc\u0085.txt", "abc.txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),  # a right-to-left override would disguise the extension
        ("zero\u200bwidth\ufeff.txt", "zerowidth.txt"),
        ("\ud800broken.txt", "broken.txt"),  # a lone surrogate cannot be encoded
        ("line\u2028sep.txt", "linesep.txt"),
        ('  "cotação" v2.xlsx  ', '"cotação" v2.xlsx'),
        ('it\'s a \\"test\\".txt', '".txt'),
        ("relato\u0301rio.pdf", "relatório.pdf"),  # NFC, as typed
        (".env", ".env"),
        ("...", ""),
        ("..", ""),
        (".", ""),
        ("dir/", ""),
        (" \t ", ""),
    ],
)
def test_file_names_are_made_safe(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


@pytest.mark.parametrize(
    ("raw", "ending"),
    [
        ("a" * 300 + ".pdf", ".pdf"),
        ("é" * 200 + ".docx", ".docx"),
        ("ação" * 100, ""),
        ("x" * 300 + ".not an extension", "x"),
    ],
)
def test_long_names_are_cut_to_255_bytes_keeping_the_extension(raw: str, ending: str) -> None:
    safe = safe_filename(raw)
    assert len(safe.encode()) <= 255
    assert len(safe.encode()) >= 250
    assert safe.endswith(ending)
    assert safe.encode().decode() == safe  # never a split character


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.pdf", "application/pdf"),
        ("A.PNG", "image/png"),
        ("notes.txt", "text/plain"),
        ("backup.tar.gz", "application/gzip"),
        ("data.xyzzy", "application/octet-stream"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_content_types_come_from_the_name(name: str, expected: str) -> None:
    assert content_type(name) == expected


# --- the count, and the messages


async def test_more_files_than_the_limit_is_an_error_naming_both_lists(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"{i}.txt") for i in range(7)]
    encoded = [EncodedFile(b64(b"x"), f"{i}.txt") for i in range(4)]
    with pytest.raises(InvalidInput) as caught:
        await gather_attachments(STDIO, paths, encoded, LIMITS)
    error = checked(caught.value, "files")
    assert error.params == {"max": 10, "received": 11, "paths": 7, "encoded": 4}
    assert messages.PT_BR["rule.too_many_files"].format(**error.params) == (
        "no máximo 10 arquivos por envio (recebidos 11: 7 caminhos + 4 em base64); "
        "envie os demais em outra mensagem"
    )


def test_both_languages_have_the_same_messages_and_placeholders() -> None:
    assert set(messages.PT_BR) == set(messages.EN)
    for key, text in messages.PT_BR.items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", messages.EN[key])), key
