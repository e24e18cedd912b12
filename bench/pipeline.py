"""Pipeline figures on this machine: intake requests/s and submit-to-webhook latency.

Runs the real app (werkzeug threaded server on 127.0.0.1), a real Celery worker (solo pool,
one process) on an embedded Redis (or $REDIS_URL), SQLite in a temp dir (or $DATABASE_URL),
and a real webhook receiver on 127.0.0.1. Prints one JSON object.

    python bench/pipeline.py [--articles 200] [--rate 50]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from werkzeug.serving import make_server

from config import load_settings
from storage import repo
from storage.db import Database, upgrade
from workers.broker import ensure_redis, stop_embedded_redis

ARTICLE = (
    "Stem cell injections are offered for knee arthritis. Early trials were small and results are mixed. "
    "Reported harms include infection and swelling. Talk to your doctor. "
) * 40


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0, help="submissions per second")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="candor-bench-"))
    env = {k: v for k, v in os.environ.items() if k in ("DATABASE_URL", "REDIS_URL")}
    env["CANDOR_VAR_DIR"] = str(tmp)
    settings = ensure_redis(load_settings(env)).with_overrides(callback_allowlist=("127.0.0.1",))
    upgrade(settings.database_url)

    received: dict[str, float] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            received[body["data"]["article_id"]] = time.perf_counter()
            self.send_response(204)
            self.end_headers()

        def log_message(self, *a: Any) -> None:
            pass

    hooks = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=hooks.serve_forever, daemon=True).start()
    with Database(settings.database_url).session() as session:
        pub = repo.create_publisher(session, "bench", f"http://127.0.0.1:{hooks.server_address[1]}/h")

    from celery.contrib.testing.worker import start_worker

    import workers.tasks  # noqa: F401
    from service import create_app

    app = create_app(settings, migrate=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    headers = {"Authorization": f"Bearer {pub.api_key}"}
    payload = {"title": "bench", "content_type": "text/plain", "body": ARTICLE}

    # 1. Intake alone (no worker): sequential requests from one client.
    with httpx.Client(headers=headers, timeout=10) as client:
        started = time.perf_counter()
        intake = []
        for _ in range(args.articles):
            t0 = time.perf_counter()
            assert client.post(f"{base}/v1/articles", json=payload).status_code == 202
            intake.append((time.perf_counter() - t0) * 1000)
        intake_rps = args.articles / (time.perf_counter() - started)

    # 2. Submit-to-webhook latency at a steady rate with one worker draining the queue.
    with start_worker(app.extensions["celery"], pool="solo", perform_ping_check=False, queues=["candor"]):
        deadline = time.monotonic() + 120
        while len(received) < args.articles and time.monotonic() < deadline:
            time.sleep(0.05)
        received.clear()
        sent: dict[str, float] = {}
        with httpx.Client(headers=headers, timeout=10) as client:
            for _ in range(args.articles):
                t0 = time.perf_counter()
                sent[client.post(f"{base}/v1/articles", json=payload).json()["id"]] = t0
                time.sleep(max(0.0, 1 / args.rate - (time.perf_counter() - t0)))
        deadline = time.monotonic() + 120
        while not set(sent) <= set(received) and time.monotonic() < deadline:
            time.sleep(0.05)
    latencies = [(received[i] - t) * 1000 for i, t in sent.items() if i in received]
    server.shutdown()
    hooks.shutdown()
    stop_embedded_redis()
    print(
        json.dumps(
            {
                "machine": {"cpus": os.cpu_count(), "database": settings.database_url.split(":")[0]},
                "article_bytes": len(ARTICLE),
                "intake": {
                    "requests": args.articles,
                    "requests_per_s": round(intake_rps, 1),
                    "p50_ms": percentile(intake, 0.5),
                    "p99_ms": percentile(intake, 0.99),
                },
                "submit_to_webhook": {
                    "articles": len(sent),
                    "delivered": len(latencies),
                    "rate_per_s": args.rate,
                    "p50_ms": percentile(latencies, 0.5),
                    "p95_ms": percentile(latencies, 0.95),
                    "p99_ms": percentile(latencies, 0.99),
                    "mean_ms": round(statistics.fmean(latencies), 2) if latencies else None,
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
