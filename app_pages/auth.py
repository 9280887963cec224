"""The curator's door: a scrypt password hash from the environment, never a default password.

Set ``KB_CURATOR_PASSWORD_HASH`` to the output of ``kb hash-password``. Wrong passwords
are compared in constant time; five failures lock the door for five minutes, and a
signed-in session expires after an hour without activity.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from kb.passwords import verify_password

ENV_VAR = "KB_CURATOR_PASSWORD_HASH"
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300
SESSION_SECONDS = 3600


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
