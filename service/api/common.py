"""Helpers every API view shares: the current publisher, JSON intake rules, cursors."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from flask import current_app, g, request

from service import Candor
from service.errors import Problem
from storage import repo
from storage.models import Publisher

SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def candor() -> Candor:
    ext: Candor = current_app.extensions["candor"]
    return ext


def authenticate() -> Publisher:
    """The publisher behind the request's API key, or 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(
            401,
            "Send your API key as 'Authorization: Bearer <api_key>'.",
            headers={"WWW-Authenticate": 'Bearer realm="candor"'},
        )
    with candor().db.session() as session:
        publisher = repo.publisher_for_key(session, token.strip())
    if publisher is None:
        raise Problem(
            401,
            "The API key is unknown or revoked.",
            headers={"WWW-Authenticate": 'Bearer realm="candor", error="invalid_token"'},
        )
    g.publisher = publisher
    return publisher


def require_json_body() -> None:
    """415 unless a request body is JSON in UTF-8; a blueprint's before_request, ahead of webargs."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    if request.mimetype != "application/json":
        raise Problem(415, f"Send the request as application/json, not {request.mimetype or 'nothing'}.")
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise Problem(415, f"JSON must be UTF-8 encoded, not {charset}.")
    try:
        request.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Problem(415, f"The request body is not valid UTF-8 (byte {exc.start}).") from None


def check_text_field(name: str, value: str, max_bytes: int) -> None:
    """413 over the size limit; 415 for text that cannot be stored as Unicode."""
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise Problem(
            415,
            f"'{name}' contains unpaired surrogate escapes; it is not valid Unicode text.",
            errors={"json": {name: ["Not valid Unicode text."]}},
        ) from None
    if size > max_bytes:
        raise Problem(413, f"'{name}' is {size} bytes; the limit is {max_bytes} bytes.", limit=max_bytes)
    if "\x00" in value:
        raise Problem(
            415,
            f"'{name}' contains NUL characters; send text, not binary data.",
            errors={"json": {name: ["Contains NUL characters."]}},
        )


def encode_cursor(created_at: datetime, row_id: str) -> str:
    raw = f"{created_at.isoformat()}|{row_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, str] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, row_id = raw.split("|", 1)
        parsed = datetime.fromisoformat(at)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise Problem(400, "The cursor is not one this API returned.", slug="bad-cursor") from None
    if parsed.tzinfo is None:
        raise Problem(400, "The cursor is not one this API returned.", slug="bad-cursor")
    return parsed, row_id


def page(items: list[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    """Trim a ``limit + 1`` fetch to ``limit`` and give the cursor of the next page."""
    if len(items) > limit:
        items = items[:limit]
        last = items[-1]
        created_at, row_id = key(last)
        return items, encode_cursor(created_at, row_id)
    return items, None
