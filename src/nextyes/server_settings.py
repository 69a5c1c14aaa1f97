"""Settings for `nextyes serve` (team mode), from a TOML file and the environment.

The environment wins over the file, and the command line over both. Every name:

    NEXTYES_SERVER_CONFIG         a TOML file with the keys below (the same as --config)
    NEXTYES_PUBLIC_URL            public_url = "https://nextyes.example.org": the address people
                                  use; its host is the only Host served, and https:// makes the
                                  session cookie Secure with the __Host- prefix
    NEXTYES_OPEN_SIGN_UP          open_sign_up = false: anyone may create an account (invitations
                                  always work)
    NEXTYES_SESSION_HOURS         session_hours = 336: a session ends this long after sign-in
    NEXTYES_SESSION_IDLE_HOURS    session_idle_hours = 72: ... or after this long without a visit
    NEXTYES_TRUSTED_PROXIES       trusted_proxies = ["127.0.0.1"]: addresses whose
                                  X-Forwarded-For / X-Forwarded-Proto headers are believed
    NEXTYES_POOL_SIZE             pool_size = 8: database connections per worker, at most
    NEXTYES_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _STARTTLS, _SENDER
                                  [smtp] host, port (587), username, password, starttls (true),
                                  sender: a mail server for invitations, resets and reminders
    NEXTYES_DATABASE_URL          database_url: as everywhere in nextyes
    NEXTYES_SECRET_KEY            secret_key: at least 32 random characters, the same on every
                                  machine; seals the secrets the server keeps (IMAP app
                                  passwords, single sign-on client secrets). Without it, none
                                  can be saved; the rule is in services/accounts/sealing.py
    NEXTYES_PREVIOUS_SECRET_KEYS  previous_secret_keys = []: keys used before (comma-separated in
                                  the environment); what they sealed still opens
    NEXTYES_JOB_WORKERS           job_workers = 1: threads per worker process that run queued
                                  background work (mail imports, IMAP fetches); 0 leaves it to
                                  other processes or machines
    [caseload]                    the thresholds of a coach's check-in signals (each also as
                                  NEXTYES_CASELOAD_<NAME>, e.g. NEXTYES_CASELOAD_QUIET_DAYS):
                                  quiet_days = 14, noes_in_a_row = 3, cool_down_days = 14,
                                  interview_days = 7, pipeline_days = 60,
                                  pipeline_wait_days = 14, pipeline_min = 15,
                                  pipeline_ratio = 0.5, away_days = 21, win_days = 7

Nothing here is read at import; `ServerSettings.load()` is called by the serving edge.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from nextyes.domain.caseload import CaseloadRules
from nextyes.errors import InvalidInput

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = True
    sender: str = "nextyes <nextyes@localhost>"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    public_url: str = DEFAULT_PUBLIC_URL
    open_sign_up: bool = False
    session_hours: int = 14 * 24
    session_idle_hours: int = 3 * 24
    trusted_proxies: tuple[str, ...] = ()
    pool_size: int = 8
    smtp: SmtpSettings | None = None
    database_url: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    previous_secret_keys: tuple[str, ...] = field(default=(), repr=False)
    job_workers: int = 1
    caseload: CaseloadRules = field(default_factory=CaseloadRules)

    @property
    def secure(self) -> bool:
        return self.public_url.startswith("https://")

    @property
    def host(self) -> str:
        """The Host header browsers send for the public URL (with a port when not the default)."""
        return urlsplit(self.public_url).netloc.lower()

    @property
    def origin(self) -> str:
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc.lower()}"

    @classmethod
    def load(
        cls, config: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
    ) -> ServerSettings:
        env = os.environ if env is None else env
        path = config or env.get("NEXTYES_SERVER_CONFIG")
        data = _read_toml(Path(path)) if path else {}
        smtp_data = data.get("smtp", {})
        if not isinstance(smtp_data, dict):
            raise InvalidInput("In the server settings, [smtp] should be a table of settings.")

        def pick(name: str, key: str, table: Mapping[str, Any] = data) -> Any:
            return env[name] if name in env else table.get(key)

        smtp_host = pick("NEXTYES_SMTP_HOST", "host", smtp_data)
        smtp = None
        if smtp_host:
            smtp = SmtpSettings(
                host=str(smtp_host),
                port=_whole(
                    pick("NEXTYES_SMTP_PORT", "port", smtp_data), "smtp port", 587, 1, 65535
                ),
                username=_text(pick("NEXTYES_SMTP_USERNAME", "username", smtp_data)),
                password=_text(pick("NEXTYES_SMTP_PASSWORD", "password", smtp_data)),
                starttls=_flag(
                    pick("NEXTYES_SMTP_STARTTLS", "starttls", smtp_data), "starttls", True
                ),
                sender=_text(pick("NEXTYES_SMTP_SENDER", "sender", smtp_data))
                or "nextyes <nextyes@localhost>",
            )
        proxies = pick("NEXTYES_TRUSTED_PROXIES", "trusted_proxies")
        if isinstance(proxies, str):
            proxies = [p.strip() for p in proxies.split(",") if p.strip()]
        return cls(
            public_url=_public_url(pick("NEXTYES_PUBLIC_URL", "public_url") or DEFAULT_PUBLIC_URL),
            open_sign_up=_flag(pick("NEXTYES_OPEN_SIGN_UP", "open_sign_up"), "open_sign_up", False),
            session_hours=_whole(
                pick("NEXTYES_SESSION_HOURS", "session_hours"), "session_hours", 336, 1, 24 * 90
            ),
            session_idle_hours=_whole(
                pick("NEXTYES_SESSION_IDLE_HOURS", "session_idle_hours"),
                "session_idle_hours",
                72,
                1,
                24 * 90,
            ),
            trusted_proxies=tuple(str(p) for p in (proxies or ())),
            pool_size=_whole(pick("NEXTYES_POOL_SIZE", "pool_size"), "pool_size", 8, 1, 200),
            smtp=smtp,
            database_url=_text(pick("NEXTYES_DATABASE_URL", "database_url")),
            secret_key=_secret_key(pick("NEXTYES_SECRET_KEY", "secret_key"), "secret_key"),
            previous_secret_keys=_previous_keys(
                pick("NEXTYES_PREVIOUS_SECRET_KEYS", "previous_secret_keys")
            ),
            job_workers=_whole(pick("NEXTYES_JOB_WORKERS", "job_workers"), "job_workers", 1, 0, 16),
            caseload=_caseload(data.get("caseload", {}), env),
        )

    def as_environment(self, config: str | None) -> dict[str, str]:
        """What a worker process needs to build the same settings (no secret is added here)."""
        values = {"NEXTYES_PUBLIC_URL": self.public_url}
        if config:
            values["NEXTYES_SERVER_CONFIG"] = str(Path(config).resolve())
        return values


# name -> (lowest, highest): the caseload's thresholds and the values each may take
CASELOAD_LIMITS: dict[str, tuple[float, float]] = {
    "quiet_days": (1, 365), "noes_in_a_row": (2, 50), "cool_down_days": (1, 90),
    "interview_days": (1, 60), "pipeline_days": (7, 365), "pipeline_wait_days": (0, 90),
    "pipeline_min": (3, 1000), "pipeline_ratio": (0.05, 1.0), "away_days": (1, 365),
    "win_days": (1, 60),
}  # fmt: skip


def _caseload(table: Any, env: Mapping[str, str]) -> CaseloadRules:
    if not isinstance(table, dict):
        raise InvalidInput("In the server settings, [caseload] should be a table of settings.")
    unknown = sorted(set(table) - set(CASELOAD_LIMITS))
    if unknown:
        raise InvalidInput(
            f"[caseload] has no setting {unknown[0]!r}; the settings are "
            + ", ".join(CASELOAD_LIMITS)
            + "."
        )
    values: dict[str, Any] = {}
    for name, (low, high) in CASELOAD_LIMITS.items():
        key = f"NEXTYES_CASELOAD_{name.upper()}"
        raw = env[key] if key in env else table.get(name)
        if raw is None or raw == "":
            continue
        if name == "pipeline_ratio":
            try:
                number: float = float(raw)
            except (TypeError, ValueError):
                raise InvalidInput(f"caseload {name} should be a number, not '{raw}'.") from None
            if not low <= number <= high:
                raise InvalidInput(f"caseload {name} should be from {low} to {high}, not {raw}.")
            values[name] = number
        else:
            values[name] = _whole(raw, f"caseload {name}", 0, int(low), int(high))
    return CaseloadRules(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"There is no server settings file at {path}. Check --config.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Could not read the server settings at {path}: {exc}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"The server settings at {path} are not valid TOML: {exc}.") from None


def _public_url(value: Any) -> str:
    text = str(value).strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise InvalidInput(
            f"public_url '{text}' should be the address people open, such as "
            "https://nextyes.example.org (a scheme and a host, no path)."
        )
    return text


MIN_SECRET_KEY = 32  # characters


def _secret_key(value: Any, name: str) -> str | None:
    key = _text(value)
    if key is not None and len(key.strip()) < MIN_SECRET_KEY:
        raise InvalidInput(
            f"{name} should be at least {MIN_SECRET_KEY} random characters, such as the output "
            "of `python -c 'import secrets; print(secrets.token_urlsafe(32))'`."
        )
    return None if key is None else key.strip()


def _previous_keys(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise InvalidInput('previous_secret_keys should be a list of keys, such as ["..."].')
    keys = (
        _secret_key(item, "Each of previous_secret_keys") for item in value if str(item).strip()
    )
    return tuple(key for key in keys if key)


def _text(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def _flag(value: Any, name: str, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise InvalidInput(f"{name} should be true or false, not '{value}'.")


def _whole(value: Any, name: str, default: int, low: int, high: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name} should be a whole number, not '{value}'.") from None
    if not low <= number <= high:
        raise InvalidInput(f"{name} should be from {low} to {high}, not {number}.")
    return number
