"""Moderator sign-in: argon2 password hashes, the session cookie, and failed-login throttling."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, g, redirect, request, session, url_for
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from storage import review
from storage.db import Database

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a miss costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("candor-no-such-user")

MIN_PASSWORD_LENGTH = 10

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"passwords need at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


@dataclass(frozen=True)
class CurrentUser:
    id: str
    email: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def authenticate(db: Database, email: str, password: str) -> CurrentUser | None:
    """The user whose password matches, else None (in constant-ish time either way)."""
    with db.session() as s:
        user = review.get_user_by_email(s, email)
        stored = user.password_hash if user else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        if _hasher.check_needs_rehash(stored):
            user.password_hash = _hasher.hash(password)
        return CurrentUser(user.id, user.email, user.role)


def login_user(user: CurrentUser) -> None:
    # A fresh session on sign-in: nothing from before (e.g. a planted cookie) carries over.
    session.clear()
    session["user_id"] = user.id
    session.permanent = True


def logout_user() -> None:
    session.clear()


def current_user() -> CurrentUser | None:
    return cast(CurrentUser | None, g.get("dashboard_user"))


def load_user(db: Database) -> CurrentUser | None:
    """Resolve the session's user from the database on every request (deleted users are out)."""
    user_id = session.get("user_id")
    if not user_id:
        return None
    with db.session() as s:
        user = review.get_user(s, str(user_id))
        if user is None:
            session.clear()
            return None
        return CurrentUser(user.id, user.email, user.role)


def login_required(view: F) -> F:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            return redirect(url_for("dashboard.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return cast(F, wrapped)


class LoginThrottle:
    """Counts failed sign-ins per e-mail and per client address in a moving window.

    Storage is the service's Redis when there is one (shared by every web process), else
    memory. While Redis is unreachable the counts fall back to this process's memory, so
    throttling weakens (per process) but never switches off, and sign-in keeps working.
    """

    def __init__(self, storage_uri: str, per_email: str, per_address: str) -> None:
        storage = storage_from_string(storage_uri)
        if not isinstance(storage, Storage):
            raise ValueError(f"not a synchronous rate-limit storage: {storage_uri}")
        self.limiter = MovingWindowRateLimiter(storage)
        self.fallback = MovingWindowRateLimiter(MemoryStorage())
        self.per_email: RateLimitItem = parse(per_email)
        self.per_address: RateLimitItem = parse(per_address)

    def _keys(self, email: str, address: str) -> list[tuple[RateLimitItem, str, str]]:
        return [
            (self.per_email, "candor-login-email", review.normalise_email(email)),
            (self.per_address, "candor-login-addr", address),
        ]

    def _run(self, action: Callable[[MovingWindowRateLimiter], T]) -> T:
        try:
            return action(self.limiter)
        except Exception:
            log.warning("login throttle storage unavailable; counting in memory", exc_info=True)
            return action(self.fallback)

    def blocked(self, email: str, address: str) -> bool:
        keys = self._keys(email, address)
        return self._run(lambda lim: any(not lim.test(item, ns, key) for item, ns, key in keys))

    def failed(self, email: str, address: str) -> None:
        keys = self._keys(email, address)
        self._run(lambda lim: [lim.hit(item, ns, key) for item, ns, key in keys])

    def succeeded(self, email: str) -> None:
        key = review.normalise_email(email)
        self._run(lambda lim: lim.clear(self.per_email, "candor-login-email", key))


def throttle() -> LoginThrottle:
    return cast(LoginThrottle, current_app.extensions["candor_login_throttle"])
