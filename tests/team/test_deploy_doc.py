"""docs/deploy.md is tested: its settings file loads, and the commands it names exist."""

from __future__ import annotations

import re
from pathlib import Path

from nextyes.server_settings import ServerSettings
from tests.conftest import Cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def test_the_settings_file_in_the_guide_loads_as_written(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, re.S)
    assert block
    config = tmp_path / "server.toml"
    config.write_text(block.group(1), encoding="utf-8")
    loaded = ServerSettings.load(config, env={})
    assert loaded.public_url == "https://nextyes.example.org"
    assert loaded.secure and loaded.host == "nextyes.example.org"
    assert loaded.trusted_proxies == ("127.0.0.1",)
    assert loaded.smtp is not None and loaded.smtp.port == 587 and loaded.smtp.password is None
    env = ServerSettings.load(
        config, env={"NEXTYES_SMTP_PASSWORD": "from-env", "NEXTYES_POOL_SIZE": "3"}
    )
    assert env.smtp is not None and env.smtp.password == "from-env"
    assert env.pool_size == 3
    assert loaded.job_workers == 1 and loaded.secret_key is None
    keyed = ServerSettings.load(
        config, env={"NEXTYES_SECRET_KEY": "k" * 40, "NEXTYES_JOB_WORKERS": "0"}
    )
    assert keyed.secret_key == "k" * 40 and keyed.job_workers == 0
    assert "k" * 40 not in repr(keyed)  # a key never shows in a log of the settings


def test_every_nextyes_command_in_the_guide_exists(run: Cli) -> None:
    text = DOC.read_text(encoding="utf-8")
    commands = set(re.findall(r"nextyes (admin|db|serve)(?: --config \S+)? ?([a-z-]*)", text))
    assert ("admin", "create-user") in commands
    for group, sub in commands:
        args = [group, sub, "--help"] if sub and group != "serve" else [group, "--help"]
        run.ok(*args)


def test_bad_server_settings_say_what_to_fix(tmp_path: Path) -> None:
    import pytest

    from nextyes.errors import InvalidInput

    cases = {
        'public_url = "nextyes.example.org"': "public_url",
        "open_sign_up = 3": "open_sign_up should be true or false",
        "session_hours = 0": "session_hours should be from 1",
        "pool_size = 'many'": "pool_size should be a whole number",
        "job_workers = 99": "job_workers should be from 0 to 16",
        'secret_key = "too short"': "at least 32 random characters",
        "public_url = ": "not valid TOML",
    }
    for text, said in cases.items():
        config = tmp_path / "bad.toml"
        config.write_text(text + "\n", encoding="utf-8")
        with pytest.raises(InvalidInput, match=said):
            ServerSettings.load(config, env={})
    with pytest.raises(InvalidInput, match="no server settings file"):
        ServerSettings.load(tmp_path / "missing.toml", env={})


def test_serve_explains_a_missing_settings_file_and_starts_nothing(
    run: Cli, tmp_path: Path
) -> None:
    result = run.fails("serve", "--config", str(tmp_path / "missing.toml"))
    assert "no server settings file" in result.output
