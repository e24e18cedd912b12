"""The JSON API under /v1, documented by flask-smorest at /openapi.json and /docs."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Api as SmorestApi

from service import errors
from service.api.schemas import Problem as ProblemSchema


class Api(SmorestApi):
    """flask-smorest's Api answering every error as problem+json, and documenting it so."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: Any) -> Any:
        return errors.handle_http_exception(error)


def init_app(app: Flask) -> None:
    from service.api import articles, checks, deliveries, health, rescans

    app.config.update(
        API_TITLE="Candor",
        API_VERSION="1.0.0",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
        API_SPEC_OPTIONS={
            "info": {
                "description": "Risk-disclosure and overclaim checks for health articles, "
                "with verdicts delivered as Standard Webhooks. Errors are application/problem+json."
            },
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            },
        },
    )
    api = Api(app)
    for module in (articles, checks, deliveries, rescans, health):
        api.register_blueprint(module.bp)
    app.extensions["candor_api"] = api
