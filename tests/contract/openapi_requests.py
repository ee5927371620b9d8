"""Every request that reaches the live stand-in, checked against `contracts/tiflux-api-v2.yaml`.

`problems(captured)` says, in one line each, how a recorded request breaks the contract: no operation for its
method and path, a path id that is not a positive integer, a query parameter the operation does not declare
(or repeats, or whose value does not fit its schema, CSV lists item by item), a required one missing, a
missing `Authorization: Bearer …`, a Content-Type the operation does not take (or any body, or Content-Type,
on a route that takes none), and a body that does not fit the schema: JSON as sent, form-urlencoded and
multipart text parts coerced by the schema's own types (`"14"` is an integer where the schema says integer,
`"false"` a boolean), multipart files by part name, filename and the `encoding.contentType` of the part.

Responses are open in the contract (the real API adds fields); requests are not: an object key, form field
or part that the request schema does not declare is reported, at any depth. That is how a typo in a field
name fails a test, although the schemas never say `additionalProperties: false`.

`validated_requests` is an autouse fixture: after a test that used `live_fake_api`, it fails the test with
the problems of every request captured during the test (a test module that sends hand-made, deliberately
off-contract requests overrides it with a no-op fixture of the same name).
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import jsonschema_rs
import pytest
import yaml

CONTRACT = Path(__file__).resolve().parents[2] / "contracts" / "tiflux-api-v2.yaml"
DOCUMENT: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
BASE_PATH: str = DOCUMENT["servers"][0]["url"].rstrip("/")
METHODS = ("get", "put", "post", "delete", "patch")
POSITIVE_INTEGER = re.compile(r"[1-9][0-9]*")
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
BEARER = re.compile(r"Bearer \S+")


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    pattern: re.Pattern[str]
    path_params: tuple[str, ...]
    spec: Mapping[str, Any]
    parameters: tuple[Mapping[str, Any], ...]

    @property
    def name(self) -> str:
        return str(self.spec.get("operationId", f"{self.method.upper()} {self.template}"))


def resolve(node: Any) -> Any:
    """Follow local `$ref`s (`#/components/...`) until a node without one."""
    seen = 0
    while isinstance(node, Mapping) and "$ref" in node:
        pointer = node["$ref"]
        if not pointer.startswith("#/"):
            raise ValueError(f"only local references are supported: {pointer}")
        node = DOCUMENT
        for token in pointer[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        seen += 1
        if seen > 50:
            raise ValueError(f"reference loop at {pointer}")
    return node


def _operations() -> list[Operation]:
    found = []
    for template, item in DOCUMENT["paths"].items():
        shared = [resolve(p) for p in item.get("parameters", [])]
        names = tuple(re.findall(r"{([^}/]+)}", template))
        regex = "".join(
            "([^/]+)" if part.startswith("{") else re.escape(part)
            for part in re.split(r"({[^}/]+})", template)
            if part
        )
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            own = [resolve(p) for p in spec.get("parameters", [])]
            keys = {(p["name"], p["in"]) for p in own}
            merged = tuple(own + [p for p in shared if (p["name"], p["in"]) not in keys])
            found.append(Operation(method, template, re.compile(regex + "$"), names, spec, merged))
    # Literal segments win over parameters: `/chats/inbox` before `/chats/{chat_id}`.
    found.sort(key=lambda op: (len(op.path_params), op.template))
    return found


OPERATIONS = _operations()


@cache
def _validator(schema_json: str) -> Any:
    root = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": DOCUMENT["components"],
        "allOf": [json.loads(schema_json)],
    }
    return jsonschema_rs.Draft202012Validator(root, validate_formats=True)


def schema_errors(instance: Any, schema: Mapping[str, Any]) -> list[str]:
    """The JSON Schema errors of `instance`, as `at <path>: <message>`; `$ref`s resolve in the document."""
    validator = _validator(json.dumps(schema, sort_keys=True))
    return [
        f"at /{'/'.join(str(step) for step in error.instance_path)}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def _types(schema: Mapping[str, Any]) -> set[str]:
    declared = resolve(schema).get("type")
    if declared is None:
        return set()
    return {declared} if isinstance(declared, str) else set(declared)


def _properties(schema: Mapping[str, Any]) -> dict[str, Any]:
    schema = resolve(schema)
    found = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        found.update(_properties(part))
    return found


def _required(schema: Mapping[str, Any]) -> set[str]:
    schema = resolve(schema)
    found = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        found |= _required(part)
    return found


def coerce(raw: str, schema: Mapping[str, Any]) -> Any:
    """A text value (query, form field, multipart part) as the schema's scalar type says; unchanged when it
    does not parse, so that the schema reports it."""
    types = _types(schema)
    if "integer" in types and INTEGER.fullmatch(raw):
        return int(raw)
    if "number" in types and NUMBER.fullmatch(raw):
        return float(raw)
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


def undeclared(instance: Any, schema: Mapping[str, Any], at: str = "") -> list[str]:
    """Object keys the request schema does not declare, at any depth (request schemas are read as closed)."""
    schema = resolve(schema)
    found = []
    if isinstance(instance, dict):
        declared = _properties(schema)
        if declared or "object" in _types(schema):
            for key, value in instance.items():
                if key not in declared:
                    found.append(f"at {at or '/'}: `{key}` is not declared")
                else:
                    found.extend(undeclared(value, declared[key], f"{at}/{key}"))
    elif isinstance(instance, list) and "items" in schema:
        for index, value in enumerate(instance):
            found.extend(undeclared(value, schema["items"], f"{at}/{index}"))
    return found


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _param(header: str, name: str) -> str | None:
    for match in re.finditer(r';\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))', header):
        if match.group(1).lower() == name:
            return match.group(2) if match.group(2) is not None else match.group(3)
    return None


def _media_matches(actual: str, allowed: str) -> bool:
    for option in (a.strip().lower() for a in allowed.split(",")):
        if option in ("*/*", actual) or (option.endswith("/*") and actual.startswith(option[:-1])):
            return True
    return False


def _find(method: str, path: str) -> tuple[Operation | None, list[str]]:
    if not path.startswith(BASE_PATH + "/"):
        return None, [f"the path is not under the server URL {BASE_PATH}"]
    relative = path[len(BASE_PATH) :]
    for op in OPERATIONS:
        match = op.pattern.match(relative)
        if match and op.method == method.lower():
            return op, []
    if any(op.pattern.match(relative) for op in OPERATIONS):
        return None, [f"the contract has no {method.upper()} on this path"]
    return None, ["no path of the contract matches"]


def _check_path(op: Operation, path: str) -> list[str]:
    found = []
    values = op.pattern.match(path[len(BASE_PATH) :]).groups()  # type: ignore[union-attr]
    declared = {p["name"]: p for p in op.parameters if p["in"] == "path"}
    for name, raw in zip(op.path_params, values, strict=True):
        if not POSITIVE_INTEGER.fullmatch(raw):
            found.append(f"path `{name}`={raw!r} is not a positive integer")
        elif name not in declared:
            found.append(f"path `{name}` is not declared")
        else:
            found.extend(
                f"path `{name}`={raw}: {e}" for e in schema_errors(int(raw), declared[name]["schema"])
            )
    return found


def _check_query(op: Operation, query: str) -> list[str]:
    found = []
    declared = {p["name"]: p for p in op.parameters if p["in"] == "query"}
    try:
        pairs = parse_qsl(
            query, keep_blank_values=True, strict_parsing=bool(query), encoding="utf-8", errors="strict"
        )
    except (ValueError, UnicodeDecodeError) as exc:
        return [f"query {query!r} does not parse: {exc}"]
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    for name, raws in values.items():
        param = declared.get(name)
        if param is None:
            found.append(
                f"query `{name}` is not declared (declared: {', '.join(sorted(declared)) or 'none'})"
            )
            continue
        schema = param.get("schema", {})
        is_array = "array" in _types(schema)
        explode = param.get("explode", param.get("style", "form") == "form")
        if len(raws) > 1 and not (is_array and explode):
            found.append(f"query `{name}` is sent {len(raws)} times")
            continue
        if is_array:
            items = resolve(schema).get("items", {})
            parts = raws if explode else raws[0].split(",")
            instance: Any = [coerce(part, items) for part in parts]
        else:
            instance = coerce(raws[0], schema)
        found.extend(f"query `{name}`={raws[0]!r}: {e}" for e in schema_errors(instance, schema))
    for name, param in declared.items():
        if param.get("required") and name not in values:
            found.append(f"required query `{name}` is missing")
    return found


@dataclass
class Part:
    name: str | None
    filename: str | None
    content_type: str | None
    content: bytes


def multipart_parts(body: bytes, content_type: str) -> list[Part]:
    """The parts of a multipart/form-data body, split on its declared boundary; ValueError if malformed."""
    boundary = _param(content_type, "boundary")
    if not boundary:
        raise ValueError("no boundary in the Content-Type")
    delimiter = b"--" + boundary.encode("latin-1")
    if not body.startswith(delimiter + b"\r\n"):
        raise ValueError("the body does not start with the boundary")
    closing = b"\r\n" + delimiter + b"--"
    end = body.rfind(closing)
    if end < 0 or body[end + len(closing) :] not in (b"", b"\r\n"):
        raise ValueError("the body does not end with the closing boundary")
    parts = []
    for chunk in body[len(delimiter) + 2 : end].split(b"\r\n" + delimiter + b"\r\n"):
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            raise ValueError("a part has no blank line after its headers")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, colon, value = line.partition(":")
            if not colon:
                raise ValueError(f"malformed part header {line!r}")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        if _media_type(disposition) != "form-data":
            raise ValueError(f"a part's Content-Disposition is not form-data: {disposition!r}")
        parts.append(
            Part(
                _param(disposition, "name"),
                _param(disposition, "filename"),
                headers.get("content-type"),
                content,
            )
        )
    return parts


def _check_multipart(body: bytes, content_type: str, media: Mapping[str, Any]) -> list[str]:
    try:
        parts = multipart_parts(body, content_type)
    except ValueError as exc:
        return [f"multipart body: {exc}"]
    schema = media.get("schema", {})
    declared = _properties(schema)
    encoding = media.get("encoding", {})
    found = []
    instance: dict[str, Any] = {}
    for part in parts:
        if part.name is None:
            found.append("multipart: a part has no name")
            continue
        if part.name not in declared:
            found.append(f"multipart part `{part.name}` is not declared (declared: {', '.join(declared)})")
            continue
        prop = resolve(declared[part.name])
        is_files = "array" in _types(prop)
        wants_file = resolve(prop.get("items", prop)).get("format") == "binary"
        if wants_file and part.filename is None:
            found.append(f"multipart part `{part.name}` should be a file (no filename)")
        if not wants_file and part.filename is not None:
            found.append(f"multipart part `{part.name}` is a file where text is expected")
        allowed = encoding.get(part.name, {}).get("contentType")
        if allowed and part.filename is not None:
            sent = _media_type(part.content_type or "text/plain")
            if not _media_matches(sent, allowed):
                found.append(f"multipart part `{part.name}` is sent as {sent}, the contract says {allowed}")
        if is_files:
            instance.setdefault(part.name, []).append(part.filename or "")
            continue
        if part.name in instance:
            found.append(f"multipart part `{part.name}` is sent more than once")
            continue
        try:
            text = part.content.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"multipart part `{part.name}` is not UTF-8 text")
            continue
        instance[part.name] = coerce(text, prop)
    found.extend(f"multipart body {e}" for e in schema_errors(instance, schema))
    return found


def _check_form(body: bytes, media: Mapping[str, Any]) -> list[str]:
    schema = media.get("schema", {})
    declared = _properties(schema)
    try:
        pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError) as exc:
        return [f"form body does not parse as application/x-www-form-urlencoded: {exc}"]
    found = []
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            found.append(f"form field `{name}` is sent more than once")
        fields[name] = value
    instance = {
        name: coerce(value, declared[name]) if name in declared else value for name, value in fields.items()
    }
    found.extend(f"form body {e}" for e in undeclared(instance, schema))
    found.extend(f"form body {e}" for e in schema_errors(instance, schema))
    return found


def _check_json(body: bytes, media: Mapping[str, Any]) -> list[str]:
    try:
        instance = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return [f"JSON body does not parse: {exc}"]
    schema = media.get("schema", {})
    return [f"JSON body {e}" for e in undeclared(instance, schema) + schema_errors(instance, schema)]


def _check_body(op: Operation, headers: Mapping[str, str], body: bytes) -> list[str]:
    content_type = headers.get("content-type")
    request_body = resolve(op.spec.get("requestBody")) if "requestBody" in op.spec else None
    length = headers.get("content-length", "")
    declared_length = int(length) if length.isdigit() else None
    if request_body is None:
        found = []
        if body or declared_length or "transfer-encoding" in headers:
            found.append(f"a {max(len(body), declared_length or 0)}-byte body on a route that takes none")
        if content_type:
            found.append(f"Content-Type {content_type!r} on a route that takes no body")
        return found
    if not content_type:
        return [f"no Content-Type (the route takes {', '.join(request_body['content'])})"]
    media_type = _media_type(content_type)
    media = request_body["content"].get(media_type)
    if media is None:
        return [
            f"Content-Type {media_type} is not one the route takes ({', '.join(request_body['content'])})"
        ]
    if declared_length is not None and len(body) < declared_length:
        return []  # the app standing in never read the body (a stalled write): only the media type is known
    if not body and request_body.get("required"):
        return ["the required body is empty"]
    if media_type == "application/json":
        return _check_json(body, media)
    if media_type == "application/x-www-form-urlencoded":
        return _check_form(body, media)
    if media_type == "multipart/form-data":
        return _check_multipart(body, content_type, media)
    return [f"no checker for {media_type}"]


def operation_for(captured: Any) -> Operation | None:
    """The contract operation a recorded request is for, if any."""
    return _find(captured.method, captured.path)[0]


def problems(captured: Any) -> list[str]:
    """How one recorded request (`tests.conftest.Captured`) breaks the contract; empty when it does not."""
    method = captured.method.upper()
    where = f"{method} {captured.path}" + (f"?{captured.query}" if captured.query else "")
    op, found = _find(method, captured.path)
    if op is None:
        return [f"{where}: {problem}" for problem in found]
    headers = {key.lower(): value for key, value in captured.headers.items()}
    if not BEARER.fullmatch(headers.get("authorization", "")):
        found.append("no `Authorization: Bearer <key>` header")
    found += _check_path(op, captured.path)
    found += _check_query(op, captured.query)
    found += _check_body(op, headers, captured.body)
    return [f"{where} ({op.name}): {problem}" for problem in found]


_CHECKED: dict[int, weakref.ReferenceType[Any]] = {}


def unchecked_problems(records: list[Any]) -> list[str]:
    """The problems of the records not checked before (a test that does not reset `captured` may still
    hold the previous test's requests)."""
    found = []
    for record in records:
        seen = _CHECKED.get(id(record))
        if seen is not None and seen() is record:
            continue
        key = id(record)
        _CHECKED[key] = weakref.ref(record, lambda _, key=key: _CHECKED.pop(key, None))
        found.extend(problems(record))
    return found


def fail_on_problems(request: Any) -> None:
    """Fail the current test if it used the live stand-in and any request it received breaks the contract."""
    if "live_fake_api" not in request.fixturenames:
        return
    found = unchecked_problems(request.getfixturevalue("live_fake_api").captured)
    if found:
        pytest.fail("requests that break contracts/tiflux-api-v2.yaml:\n" + "\n".join(found), pytrace=False)


@pytest.fixture(autouse=True)
def validated_requests(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the live stand-in (torn down last, so every request is in), check them all."""
    yield
    fail_on_problems(request)
