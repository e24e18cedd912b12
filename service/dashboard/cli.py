"""`candor user create` and `candor demo`: dashboard accounts and a populated demo database."""

from __future__ import annotations

import sys

import click

from config import Settings, load_settings
from service.dashboard.auth import MIN_PASSWORD_LENGTH, hash_password
from storage import repo, review
from storage.db import Database, upgrade

DEMO_PUBLISHER = "Demo Publisher"
DEMO_EMAIL = "demo@candor.local"
DEMO_PASSWORD = "candor-demo"


def _database(settings: Settings) -> Database:
    upgrade(settings.database_url)
    return Database(settings.database_url)


def _read_password() -> str:
    if sys.stdin.isatty():
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
    # Piped: the first line is the password (e.g. `printf '%s\n' "$PW" | candor user create ...`).
    return sys.stdin.readline().rstrip("\r\n")


@click.group("user")
def user_command() -> None:
    """Manage dashboard users (moderators and admins)."""


@user_command.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(review.ROLES), default="moderator", show_default=True)
def create_user(email: str, role: str) -> None:
    """Create EMAIL (or reset its password and role); the password is read from stdin."""
    if "@" not in email or len(email) > 320:
        raise click.BadParameter("not an e-mail address", param_hint="EMAIL")
    password = _read_password()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    db = _database(load_settings())
    try:
        with db.session() as session:
            _, created = review.upsert_user(session, email, hash_password(password), role)
    finally:
        db.dispose()
    click.echo(f"{'created' if created else 'updated'} {role} {review.normalise_email(email)}")


@click.command("demo")
def demo_command() -> None:
    """Load the demo articles, check them now (no worker needed) and create the demo moderator."""
    from service.demo import DEMO_ARTICLES
    from workers import pipeline

    settings = load_settings()
    db = _database(settings)
    try:
        with db.session() as session:
            publisher = next((p for p in repo.list_publishers(session) if p.name == DEMO_PUBLISHER), None)
            publisher_id = (
                publisher.id
                if publisher
                else repo.create_publisher(session, DEMO_PUBLISHER, None).publisher_id
            )
            ids = []
            for article in DEMO_ARTICLES:
                # The external id is the idempotency key, so a second run adds nothing.
                try:
                    stored, _ = repo.create_article(
                        session,
                        publisher_id=publisher_id,
                        body=article.body,
                        content_type=article.content_type,
                        request_hash=repo.sha256_hex(article.external_id + article.body),
                        idempotency_key=f"demo:{article.external_id}",
                        external_id=article.external_id,
                        title=article.title,
                        url=article.url,
                        language="en",
                    )
                except repo.IdempotencyConflict as conflict:
                    # Stored by an older version of the demo text: keep that one.
                    ids.append(conflict.article_id)
                    continue
                ids.append(stored.id)
            review.upsert_user(session, DEMO_EMAIL, hash_password(DEMO_PASSWORD), "moderator")
        for article_id in ids:
            pipeline.moderate_article(db, settings, article_id)
    finally:
        db.dispose()
    click.echo(f"{len(ids)} demo articles checked under {DEMO_PUBLISHER!r}.")
    click.echo(f"Sign in at /dashboard/login as {DEMO_EMAIL} with password {DEMO_PASSWORD}")
