"""The curator's door: a scrypt password hash from the environment, never a default password.

Set ``KB_CURATOR_PASSWORD_HASH`` to the output of ``kb hash-password``. Wrong passwords are
compared in constant time and throttled per client (five failures lock that client out for
five minutes) and, against a distributed guesser, for everyone after fifty failures in that
time. A signed-in session lasts an hour without activity; a signed token (never the
password) lets a reload of the page keep it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from kb.passwords import verify_password

ENV_VAR = "KB_CURATOR_PASSWORD_HASH"
MAX_FAILURES = 5
"""Failures one client may make within LOCKOUT_SECONDS before it is locked out."""
MAX_FAILURES_ALL = 50
"""Failures from all clients together within LOCKOUT_SECONDS before the door closes for everyone."""
LOCKOUT_SECONDS = 300
SESSION_SECONDS = 3600
TOKEN_COOKIE = "praxis_curator"


def configured_hash() -> str | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return value or None


def _wait(failures: list[float], limit: int, now: float) -> int:
    return int(LOCKOUT_SECONDS - (now - failures[-limit])) if len(failures) >= limit else 0


@dataclass
class Door:
    """Failed attempts per client and in all, shared by every session of the app process."""

    failures: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    revoked: set[str] = field(default_factory=set)  # session tokens of curators who signed out
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _forget_old(self, now: float) -> list[float]:
        for client in list(self.failures):
            self.failures[client] = [t for t in self.failures[client] if now - t < LOCKOUT_SECONDS]
            if not self.failures[client]:
                del self.failures[client]
        return sorted(t for times in self.failures.values() for t in times)

    def locked_for(self, client: str = "", now: float | None = None) -> int:
        """Seconds this client must wait before trying again (0: it may try now)."""
        now = now or time.time()
        with self._lock:
            everyone = self._forget_old(now)
            mine = self.failures.get(client, [])
            return max(_wait(mine, MAX_FAILURES, now), _wait(everyone, MAX_FAILURES_ALL, now))

    def try_password(self, password: str, stored: str, client: str = "", now: float | None = None) -> bool:
        now = now or time.time()
        if self.locked_for(client, now):
            return False
        if verify_password(password, stored):
            with self._lock:
                self.failures.pop(client, None)
            return True
        with self._lock:
            self.failures[client].append(now)
        return False


def _key(stored: str) -> bytes:
    """Tokens are signed with a key derived from the password hash: a new password voids them."""
    return hashlib.sha256(b"praxis curator session\0" + stored.encode()).digest()


def issue_token(stored: str, now: float | None = None) -> str:
    """A token good until SESSION_SECONDS from now: '<expiry>.<HMAC-SHA256 of the expiry>'."""
    expiry = str(int((now or time.time()) + SESSION_SECONDS))
    return f"{expiry}.{hmac.new(_key(stored), expiry.encode(), hashlib.sha256).hexdigest()}"


def token_valid(token: str | None, stored: str, now: float | None = None) -> bool:
    expiry, _, signature = (token if isinstance(token, str) else "").partition(".")
    if not expiry.isdigit():
        return False
    expected = hmac.new(_key(stored), expiry.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(signature, expected) and int(expiry) > (now or time.time())


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
