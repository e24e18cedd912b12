"""The ``candor`` command line: run everything, manage publishers and the database, check files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import click

from config import load_settings


@click.group()
def main() -> None:
    """Candor: moderation of health articles."""


@main.command()
@click.option("--port", default=8000, show_default=True, help="Port of the API and dashboard.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--concurrency", default=2, show_default=True, help="Worker processes.")
def run(port: int, host: str, concurrency: int) -> None:
    """Run the API, a worker and beat together (embedded Redis and SQLite unless configured)."""
    from storage.db import upgrade
    from workers.broker import ensure_redis, stop_embedded_redis

    settings = ensure_redis(load_settings())
    upgrade(settings.database_url)
    env = dict(os.environ, REDIS_URL=settings.redis_url or "", DATABASE_URL=settings.database_url)
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    celery = [sys.executable, "-m", "celery", "-A", "workers.worker"]
    children = [
        subprocess.Popen(
            [
                *celery,
                "worker",
                "-Q",
                "candor",
                "--concurrency",
                str(concurrency),
                "--loglevel",
                settings.log_level,
            ],
            env=env,
        ),
        subprocess.Popen(
            [
                *celery,
                "beat",
                "--loglevel",
                settings.log_level,
                "--schedule",
                str(settings.var_dir / "celerybeat-schedule"),
            ],
            env=env,
        ),
    ]
    click.echo(f"Candor on http://{host}:{port}  (API docs /docs, dashboard /dashboard)")
    click.echo(f"  database {settings.database_url}\n  broker   {settings.redis_url}")
    try:
        from werkzeug.serving import run_simple

        from service import create_app

        app = create_app(settings, migrate=False)
        run_simple(host, port, app, threaded=True, use_reloader=False)
    except KeyboardInterrupt:
        pass
    finally:
        _stop(children)
        stop_embedded_redis()


def _stop(children: list[subprocess.Popen[Any]]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()


@main.group()
def publisher() -> None:
    """Manage publishers."""


@publisher.command("create")
@click.argument("name")
@click.option("--callback-url", default=None, help="Where verdict webhooks are POSTed.")
def publisher_create(name: str, callback_url: str | None) -> None:
    """Create a publisher; prints its id, API key and webhook secret as JSON (shown once)."""
    from storage import repo
    from storage.db import Database, upgrade
    from workers.callback_safety import UnsafeCallback, check_callback_url

    settings = load_settings()
    if callback_url:
        try:
            check_callback_url(callback_url, settings.callback_allowlist)
        except UnsafeCallback as exc:
            raise click.UsageError(str(exc)) from None
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    with db.session() as session:
        created = repo.create_publisher(session, name, callback_url)
    click.echo(
        json.dumps(
            {
                "publisher_id": created.publisher_id,
                "api_key": created.api_key,
                "webhook_secret": created.webhook_secret,
            }
        )
    )


@main.command()
@click.option(
    "--publisher", "publisher_id", default=None, help="Only this publisher's articles (default: all)."
)
@click.option("--since", default=None, help="ISO date-time: only articles submitted since.")
@click.option("--decision", type=click.Choice(["approve", "needs_review", "reject"]), default=None)
def rescan(publisher_id: str | None, since: str | None, decision: str | None) -> None:
    """Re-check stored articles with the current ruleset here and now; prints the summary JSON.

    Publishers whose verdicts change get a verdict.changed webhook (queued for the workers).
    """
    from datetime import datetime

    from storage import repo
    from storage.db import Database, upgrade
    from workers import dispatch, engine, pipeline
    from workers.broker import ensure_redis
    from workers.celery_app import create_celery

    settings = load_settings()
    filters = {k: v for k, v in {"since": since, "decision": decision}.items() if v}
    if since:
        try:
            if datetime.fromisoformat(since).tzinfo is None:
                raise ValueError("give a time zone, e.g. 2026-11-01T00:00:00+00:00")
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--since") from None
    upgrade(settings.database_url)
    database = Database(settings.database_url)
    with database.session() as session:
        rescan_id = repo.create_rescan(
            session, publisher_id=publisher_id, ruleset=engine.RULESET_VERSION, filters=filters
        ).id
    deliveries: list[str] = []
    while True:
        batch = pipeline.run_rescan_batch(database, settings, rescan_id)
        deliveries += batch.delivery_ids
        if not batch.more:
            break
    if deliveries and settings.redis_url:
        celery = create_celery(ensure_redis(settings))
        for delivery_id in deliveries:
            try:
                dispatch.enqueue_delivery(celery, delivery_id)
            except dispatch.BrokerUnavailable:
                break  # stored and due: the sweeper sends them
    with database.session() as session:
        done = repo.get_rescan(session, rescan_id)
        assert done is not None
        summary = {
            "id": done.id,
            "status": done.status,
            "ruleset": done.ruleset,
            "total": done.total,
            "processed": done.processed,
            "changed": repo.count_rescan_changes(session, rescan_id),
        }
    click.echo(json.dumps(summary))


@main.group()
def db() -> None:
    """Database commands."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply the Alembic migrations to DATABASE_URL (or the default SQLite file)."""
    from storage.db import upgrade

    settings = load_settings()
    upgrade(settings.database_url)
    click.echo(f"database at head: {settings.database_url}")


@main.command()
@click.option("--port", default=9000, show_default=True)
@click.option(
    "--secret", required=True, envvar="CANDOR_WEBHOOK_SECRET", help="The publisher's whsec_ secret."
)
def listen(port: int, secret: str) -> None:
    """A webhook receiver for trying Candor out: verifies each event and prints it."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from standardwebhooks import Webhook, WebhookVerificationError

    webhook = Webhook(secret)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                event = webhook.verify(body, headers)
            except WebhookVerificationError as exc:
                click.echo(f"REJECTED {headers.get('webhook-id')}: {exc}", err=True)
                self.send_response(401)
            else:
                data = event.get("data", {})
                decision = (data.get("verdict") or data.get("decision") or {}).get("decision")
                click.echo(
                    f"verified {event.get('type')} {headers['webhook-id']} article={data.get('article_id')} "
                    f"decision={decision}"
                )
                click.echo(json.dumps(event, indent=2))
                self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    click.echo(f"listening on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _register_optional() -> None:
    from service.dashboard.cli import demo_command, user_command
    from workers.checks.cli import check_command

    main.add_command(check_command)
    main.add_command(user_command)
    main.add_command(demo_command)


_register_optional()

if __name__ == "__main__":
    main()
