"""The `candor` command line, including `candor run` as a user starts it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from click.testing import CliRunner
from standardwebhooks import Webhook

from service.cli import main
from storage import repo
from tests.conftest import wait_for
from workers.broker import free_port

REPO = Path(__file__).resolve().parents[2]


def test_publisher_create_prints_credentials_that_work(settings, db, monkeypatch, receiver):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("CANDOR_CALLBACK_ALLOWLIST", "127.0.0.1")
    result = CliRunner().invoke(main, ["publisher", "create", "Acme Health", "--callback-url", receiver.url])
    assert result.exit_code == 0, result.output
    created = json.loads(result.output)
    assert set(created) == {"publisher_id", "api_key", "webhook_secret"}
    with db.session() as session:
        publisher = repo.publisher_for_key(session, created["api_key"])
        assert publisher is not None and publisher.id == created["publisher_id"]
        assert publisher.callback_url == receiver.url


def test_publisher_create_refuses_private_callback(settings, db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("CANDOR_CALLBACK_ALLOWLIST", raising=False)
    result = CliRunner().invoke(main, ["publisher", "create", "X", "--callback-url", "http://192.168.1.5/h"])
    assert result.exit_code == 2 and "private address" in result.output


def test_db_upgrade_is_idempotent(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    for _ in range(2):
        result = CliRunner().invoke(main, ["db", "upgrade"])
        assert result.exit_code == 0 and "database at head" in result.output


def test_candor_run_serves_the_walkthrough_and_stops_on_ctrl_c(tmp_path, receiver):
    """`candor run` with nothing configured: embedded Redis, SQLite, API + worker + beat."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(CANDOR_VAR_DIR=str(tmp_path / "var"), CANDOR_CALLBACK_ALLOWLIST="127.0.0.1")
    candor = [sys.executable, "-m", "service.cli"]
    created = json.loads(
        subprocess.run(
            [*candor, "publisher", "create", "Walkthrough", "--callback-url", receiver.url],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    receiver.secret = created["webhook_secret"]
    proc = subprocess.Popen(
        [*candor, "run", "--port", str(port), "--concurrency", "1"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:

        def ready() -> bool:
            try:
                return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(ready, timeout=60, interval=0.2)
        headers = {"Authorization": f"Bearer {created['api_key']}"}
        response = httpx.post(
            f"{base}/v1/articles",
            headers=headers,
            timeout=10,
            json={
                "external_id": "cms-42",
                "title": "Stem cells",
                "content_type": "text/plain",
                "body": "Our stem cell therapy cures arthritis with no side effects.",
            },
        )
        assert response.status_code == 202
        event = wait_for(lambda: receiver.verified_events("verdict.created"), timeout=60)[0]
        assert event.payload["data"]["external_id"] == "cms-42"
        Webhook(created["webhook_secret"]).verify(event.body, event.headers)
        status = httpx.get(response.json()["status_url"], headers=headers, timeout=10).json()
        assert status["status"] == "done" and status["verdict"]["decision"] != "approve"
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            code = proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    assert code in (0, -signal.SIGINT, 130)

    def group_gone() -> bool:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return True
        return False

    # Worker, beat and the embedded Redis all stopped with it.
    wait_for(group_gone, timeout=20, interval=0.2)


def test_listen_verifies_signatures(tmp_path):
    from datetime import UTC, datetime

    from workers.webhooks import encode_payload, sign

    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "listen", "--port", str(port), "--secret", secret],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:

        def up() -> bool:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                return True
            except httpx.HTTPError:
                return False

        wait_for(up, timeout=20, interval=0.1)
        body = encode_payload(
            {
                "type": "verdict.created",
                "timestamp": "t",
                "data": {"article_id": "a1", "verdict": {"decision": "reject"}},
            }
        )
        headers = sign(secret, "msg_1", datetime.now(UTC), body)
        assert httpx.post(f"http://127.0.0.1:{port}/", content=body, headers=headers).status_code == 204
        headers["webhook-signature"] = "v1,AAAA"
        assert httpx.post(f"http://127.0.0.1:{port}/", content=body, headers=headers).status_code == 401
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    assert "verified verdict.created msg_1 article=a1 decision=reject" in out
    assert "REJECTED msg_1" in err
