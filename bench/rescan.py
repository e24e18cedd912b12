"""Re-scan throughput: articles re-checked per second by the batch loop, in one process.

Stores N articles with verdicts from an older ruleset (bulk insert), then runs the same
batches the `candor.rescan` task runs. SQLite in a temp dir, or $DATABASE_URL. Prints JSON.

    python bench/rescan.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config import load_settings
from storage import repo
from storage.db import Database, upgrade
from storage.models import Article, Verdict, new_id
from workers import engine, pipeline

BODY = (
    "Stem cell injections are offered for knee arthritis. Early trials were small and results are mixed. "
    "Our clinic's treatment cures pain for good. Reported harms include infection. Talk to your doctor. "
) * 50


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="candor-bench-"))
    env = {k: v for k, v in os.environ.items() if k == "DATABASE_URL"}
    env["CANDOR_VAR_DIR"] = str(tmp)
    settings = load_settings(env)
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    with db.session() as session:
        publisher_id = repo.create_publisher(session, "bench", None).publisher_id
    start = datetime.now(UTC) - timedelta(days=1)
    with db.session() as session:
        for i in range(args.articles):
            article_id = new_id()
            at = start + timedelta(milliseconds=i)
            session.add(
                Article(
                    id=article_id,
                    publisher_id=publisher_id,
                    body=BODY,
                    content_type="text/plain",
                    content_hash=repo.sha256_hex(BODY),
                    status="done",
                    created_at=at,
                    updated_at=at,
                )
            )
            session.add(
                Verdict(
                    article_id=article_id,
                    content_hash=repo.sha256_hex(BODY),
                    ruleset="1999.1.1",
                    decision="approve",
                    payload={"decision": "approve"},
                    created_at=at,
                )
            )
    with db.session() as session:
        rescan_id = repo.create_rescan(
            session, publisher_id=None, ruleset=engine.RULESET_VERSION, filters={}
        ).id
    started = time.perf_counter()
    batches = 0
    while pipeline.run_rescan_batch(db, settings, rescan_id).more:
        batches += 1
    elapsed = time.perf_counter() - started
    with db.session() as session:
        rescan = repo.get_rescan(session, rescan_id)
        assert rescan is not None
        changed = repo.count_rescan_changes(session, rescan_id)
        processed = rescan.processed
    print(
        json.dumps(
            {
                "database": settings.database_url.split(":")[0],
                "article_bytes": len(BODY),
                "articles": args.articles,
                "processed": processed,
                "changed": changed,
                "batches": batches + 1,
                "seconds": round(elapsed, 2),
                "articles_per_s": round(processed / elapsed, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
