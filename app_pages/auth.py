"""The curator's door: a scrypt password hash from the environment, never a default password.

Set ``KB_CURATOR_PASSWORD_HASH`` to the output of ``kb hash-password``. Wrong passwords
are compared in constant time; five failures lock the door for five minutes, and a
signed-in session expires after an hour without activity.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

ENV_VAR = "KB_CURATOR_PASSWORD_HASH"
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300
SESSION_SECONDS = 3600


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    encode = base64.b64encode
    return (
        f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${encode(salt).decode()}${encode(digest).decode()}"
    )


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), dklen=len(expected), n=int(n), r=int(r), p=int(p)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def configured_hash() -> str | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return value or None


@dataclass
class Door:
    """Failed attempts, shared by every session of the app process (a new tab cannot reset them)."""

    failures: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def locked_for(self, now: float | None = None) -> int:
        now = now or time.time()
        with self._lock:
            self.failures = [t for t in self.failures if now - t < LOCKOUT_SECONDS]
            recent = self.failures
            return int(LOCKOUT_SECONDS - (now - recent[-MAX_FAILURES])) if len(recent) >= MAX_FAILURES else 0

    def try_password(self, password: str, stored: str, now: float | None = None) -> bool:
        now = now or time.time()
        if self.locked_for(now):
            return False
        if verify_password(password, stored):
            with self._lock:
                self.failures.clear()
            return True
        with self._lock:
            self.failures.append(now)
        return False


@dataclass
class CuratorSession:
    """One browser session's sign-in, which expires after an hour without activity."""

    signed_in_at: float | None = None
    last_seen: float = 0.0

    def sign_in(self, now: float | None = None) -> None:
        self.signed_in_at = self.last_seen = now or time.time()

    def active(self, now: float | None = None) -> bool:
        now = now or time.time()
        if self.signed_in_at is None or now - self.last_seen > SESSION_SECONDS:
            self.signed_in_at = None
            return False
        self.last_seen = now
        return True

    def sign_out(self) -> None:
        self.signed_in_at = None
