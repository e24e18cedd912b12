"""Every error the service returns is application/problem+json (RFC 9457)."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

PROBLEM_BASE = "https://candor.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

_TYPES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    429: "too-many-requests",
    500: "internal-error",
    503: "unavailable",
}


class Problem(HTTPException):
    """An HTTP error with a stable problem type, extra members and headers."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(description=detail)
        self.code = status
        self.slug = slug or _TYPES.get(status, "error")
        self.extra = extra
        self.problem_headers = headers or {}


def problem_response(
    status: int,
    title: str,
    detail: str,
    *,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    body = {
        "type": PROBLEM_BASE + (slug or _TYPES.get(status, "error")),
        "title": title,
        "status": status,
        "detail": detail,
        **extra,
    }
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def handle_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    title = error.name if not isinstance(error, Problem) else _title(status)
    if isinstance(error, Problem):
        return problem_response(
            status,
            title,
            error.description or title,
            slug=error.slug,
            headers=error.problem_headers,
            **error.extra,
        )
    extra: dict[str, Any] = {}
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    if errors:
        # webargs nests by location ("json", "query"); keep it, it tells the client where.
        extra["errors"] = errors
    detail = data.get("message") or error.description or title
    if status == 422 and errors:
        detail = "The request has invalid fields; see errors."
    headers = dict(data.get("headers") or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="candor"')
    return problem_response(status, title, str(detail), headers=headers, **extra)


def _title(status: int) -> str:
    from werkzeug.http import HTTP_STATUS_CODES

    return HTTP_STATUS_CODES.get(status, "Error")


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
