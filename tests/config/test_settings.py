"""Settings come from the environment, one variable each, with defaults that need nothing installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import load_settings
from config.settings import DEFAULT_RETRY_SCHEDULE


def test_defaults_need_nothing_installed(tmp_path):
    settings = load_settings({"CANDOR_VAR_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'candor.db'}"
    assert settings.redis_url is None and settings.embedded_redis
    assert settings.max_body_bytes == 2 * 1024 * 1024
    assert (
        settings.retry_schedule
        == DEFAULT_RETRY_SCHEDULE
        == (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
    )
    assert settings.callback_allowlist == ()
    assert settings.task_time_limit < settings.visibility_timeout


def test_every_variable_is_read():
    settings = load_settings(
        {
            "DATABASE_URL": "postgresql+psycopg://u@h/db",
            "REDIS_URL": "redis://h:1/2",
            "CANDOR_VAR_DIR": "/x",
            "CANDOR_SECRET_KEY": "s3cret",
            "CANDOR_MAX_BODY_BYTES": "1000",
            "CANDOR_RETRY_SCHEDULE": "0, 10,20",
            "CANDOR_CALLBACK_ALLOWLIST": "127.0.0.1, 10.0.0.0/8",
            "CANDOR_WEBHOOK_TIMEOUT": "2.5",
            "CANDOR_QUEUE_MAX_LENGTH": "7",
            "CANDOR_STALE_AFTER": "9",
            "CANDOR_SWEEP_INTERVAL": "0.5",
            "CANDOR_TASK_TIME_LIMIT": "30",
            "CANDOR_VISIBILITY_TIMEOUT": "600",
            "CANDOR_LOG_LEVEL": "debug",
        }
    )
    assert settings.database_url == "postgresql+psycopg://u@h/db" and settings.redis_url == "redis://h:1/2"
    assert settings.var_dir == Path("/x") and settings.secret_key == "s3cret"
    assert settings.max_body_bytes == 1000 and settings.retry_schedule == (0, 10, 20)
    assert settings.callback_allowlist == ("127.0.0.1", "10.0.0.0/8")
    assert settings.webhook_timeout == 2.5 and settings.queue_max_length == 7
    assert settings.stale_after_seconds == 9 and settings.sweep_interval_seconds == 0.5
    assert (
        settings.task_time_limit == 30
        and settings.visibility_timeout == 600
        and settings.log_level == "DEBUG"
    )


def test_bad_number_is_an_error():
    with pytest.raises(ValueError):
        load_settings({"CANDOR_MAX_BODY_BYTES": "two megabytes"})


def test_time_limit_must_stay_below_visibility_timeout(tmp_path):
    from workers.celery_app import create_celery

    settings = load_settings(
        {
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "CANDOR_TASK_TIME_LIMIT": "100",
            "CANDOR_VISIBILITY_TIMEOUT": "100",
        }
    )
    with pytest.raises(ValueError, match="below"):
        create_celery(settings)
    good = create_celery(settings.with_overrides(task_time_limit=60))
    assert good.conf.task_acks_late and good.conf.task_reject_on_worker_lost
    assert good.conf.worker_prefetch_multiplier == 1 and good.conf.task_time_limit == 60
    assert good.conf.broker_transport_options["visibility_timeout"] == 100
    assert good.conf.beat_schedule["candor-sweep"]["task"] == "candor.sweep"
