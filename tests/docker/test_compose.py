"""Docker cannot run here; check that the compose file and Dockerfile say what they must."""

from __future__ import annotations

from pathlib import Path

import yaml

DOCKER = Path(__file__).resolve().parents[2] / "docker"


def test_compose_names_the_services_with_healthchecks():
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    services = compose["services"]
    assert {"api", "worker", "beat", "redis", "postgres"} <= set(services)
    for name in ("api", "worker", "redis", "postgres"):
        assert "healthcheck" in services[name], name
    assert "gunicorn" not in str(services["worker"]) and "celery" in " ".join(services["beat"]["command"])
    assert services["api"]["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")


def test_dockerfile_is_multi_stage_and_non_root():
    text = (DOCKER / "Dockerfile").read_text()
    assert text.count("\nFROM ") + text.startswith("FROM ") >= 2 or text.count("FROM ") >= 2
    assert "AS build" in text and "COPY --from=build" in text
    assert "USER candor" in text and "gunicorn" in text
