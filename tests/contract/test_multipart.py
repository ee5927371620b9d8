"""The multipart body on the wire: text parts, then `files[]` streams, escaped names, and a Content-Length."""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx2
import pytest

from adapters.attachments.files import LocalAndInlineAttachments
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.multipart import multipart_parts
from domain.attachments import Attachment, AttachmentLimits

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def validated_requests() -> None:
    """Hand-made multipart bodies, not the adapter's requests: not checked against the TiFlux contract."""


LIMITS = AttachmentLimits(10, 1024 * 1024)
PORT = LocalAndInlineAttachments(hosted=False, allowed_dir=None)


class Sink:
    """Reads every request body to the end (so the stand-in records it) and answers 201 JSON."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        await send(
            {
                "type": "http.response.start",
                "status": 201,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"id": 1}'})


@pytest.fixture
def live(live_fake_api: Any) -> Iterator[Any]:
    live_fake_api.app.target = Sink()
    live_fake_api.app.captured = []
    yield live_fake_api


async def post(live: Any, text_parts: dict[str, str], attachments: Sequence[Attachment]) -> Any:
    with contextlib.ExitStack() as stack:
        parts = multipart_parts(text_parts, attachments, stack)
        async with httpx2.AsyncClient(base_url=live.base_url, timeout=5) as http:
            response = await http.post("/tickets/1040/answers", files=parts)
    assert response.status_code == 201
    (request,) = live.captured
    return request


def parts_of(request: Any) -> list[tuple[list[bytes], bytes]]:
    """Each part's header lines and its raw content, split on the boundary the request declared."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    delimiter = b"--" + content_type.split("boundary=")[1].encode()
    body: bytes = request.body
    assert body.endswith(delimiter + b"--\r\n")
    chunks = body[: -len(delimiter + b"--\r\n")].split(delimiter + b"\r\n")
    assert chunks[0] == b""
    parts = []
    for chunk in chunks[1:]:
        assert chunk.endswith(b"\r\n")
        head, content = chunk[:-2].split(b"\r\n\r\n", 1)
        parts.append((head.split(b"\r\n"), content))
    return parts


def assert_sized(request: Any) -> None:
    assert "transfer-encoding" not in request.headers
    assert int(request.headers["content-length"]) == len(request.body)


async def test_text_parts_then_local_and_base64_files(live: Any, tmp_path: Path) -> None:
    pdf = os.urandom(70_000) + b"\r\n--not-a-boundary\r\n"
    local = tmp_path / "relatório técnico.pdf"
    local.write_bytes(pdf)
    csv = "preço;quantidade\n1,50;3\n".encode()
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(100)
    attachments = [
        await PORT.from_path(str(local), field="files[0]", limits=LIMITS),
        await PORT.from_base64(
            base64.encodebytes(csv).decode(), 'cotação "final".csv', field="files_base64[0]", limits=LIMITS
        ),
        await PORT.from_base64(
            "data:image/png;base64," + base64.b64encode(png).decode(),
            "captura",
            field="files_base64[1]",
            limits=LIMITS,
        ),
    ]
    request = await post(live, {"name": "<p>Segue o relatório.</p>", "with_signature": "false"}, attachments)
    assert (request.method, request.path) == ("POST", "/api/v2/tickets/1040/answers")
    assert_sized(request)
    assert parts_of(request) == [
        ([b'Content-Disposition: form-data; name="name"'], "<p>Segue o relatório.</p>".encode()),
        ([b'Content-Disposition: form-data; name="with_signature"'], b"false"),
        (
            [
                'Content-Disposition: form-data; name="files[]"; filename="relatório técnico.pdf"'.encode(),
                b"Content-Type: application/pdf",
            ],
            pdf,
        ),
        (
            [
                # httpx2 escapes the quote the HTML5 way (%22): the name cannot break out of the header.
                'Content-Disposition: form-data; name="files[]"; filename="cotação %22final%22.csv"'.encode(),
                b"Content-Type: text/csv",
            ],
            csv,
        ),
        (
            [
                b'Content-Disposition: form-data; name="files[]"; filename="captura"',
                b"Content-Type: image/png",
            ],
            png,
        ),
    ]


async def test_a_text_only_body_is_still_multipart(live: Any) -> None:
    request = await post(live, {"text": "<p>Fornecedor confirmou.</p>\n"}, [])
    assert_sized(request)
    assert parts_of(request) == [
        ([b'Content-Disposition: form-data; name="text"'], b"<p>Fornecedor confirmou.</p>\n")
    ]


async def test_local_files_alone_get_a_content_length(live: Any, tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(os.urandom(200_000))
    (tmp_path / "empty.txt").write_bytes(b"")
    attachments = [
        await PORT.from_path(str(tmp_path / name), field="files[0]", limits=LIMITS)
        for name in ("a.bin", "empty.txt")
    ]
    request = await post(live, {"text": "x"}, attachments)
    assert_sized(request)
    assert [content for _, content in parts_of(request)] == [
        b"x",
        (tmp_path / "a.bin").read_bytes(),
        b"",
    ]


async def test_base64_files_alone_get_a_content_length(live: Any) -> None:
    data = os.urandom(300_001)
    attachment = await PORT.from_base64(
        base64.b64encode(data).decode(), "dump.bin", field="files_base64[0]", limits=LIMITS
    )
    request = await post(live, {"text": "x"}, [attachment])
    assert_sized(request)
    assert parts_of(request)[1][1] == data


async def test_every_stream_is_closed_after_the_request(live: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"a")
    attachments = [
        await PORT.from_path(str(tmp_path / "a.txt"), field="files[0]", limits=LIMITS),
        await PORT.from_base64("Yg==", "b.txt", field="files_base64[0]", limits=LIMITS),
    ]
    with contextlib.ExitStack() as stack:
        parts = multipart_parts({"text": "x"}, attachments, stack)
        streams = [part[1][1] for part in parts[1:]]
        assert not any(stream.closed for stream in streams)
    assert all(stream.closed for stream in streams)


async def test_through_the_tiflux_client(live: Any, tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_bytes(b"line 1\n")
    attachment = await PORT.from_path(str(tmp_path / "log.txt"), field="files[0]", limits=LIMITS)
    with contextlib.ExitStack() as stack:
        async with httpx2.AsyncClient(base_url=live.base_url, timeout=5) as http:
            answer = await TifluxHttpClient(http).write(
                "k",
                "POST",
                "/tickets/1040/internal_communications",
                files=multipart_parts({"text": "<p>ok</p>"}, [attachment], stack),
            )
    assert answer == {"id": 1}
    (request,) = live.captured
    assert request.headers["authorization"] == "Bearer k"
    assert_sized(request)
    assert [content for _, content in parts_of(request)] == [b"<p>ok</p>", b"line 1\n"]
