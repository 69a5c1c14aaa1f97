"""`nextyes serve`: team mode, many people with their own journals, under uvicorn."""

from __future__ import annotations

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import say
from nextyes.cli.params import WholeNumber

FACTORY = "nextyes.web.team.app:served_app_from_environment"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (put a TLS reverse proxy in front).")  # fmt: skip
@click.option("--port", type=WholeNumber(1, 65535), default=8000, show_default=True,
              help="The port to listen on.")  # fmt: skip
@click.option("--workers", type=WholeNumber(1, 64), default=1, show_default=True,
              help="Worker processes; each has its own connection pool and no state of its own.")  # fmt: skip
@click.option("--config", metavar="FILE", type=click.Path(dir_okay=False),
              help="Server settings (TOML): public_url, open_sign_up, session_hours, smtp, ...")  # fmt: skip
@pass_app
def serve(app: AppContext, host: str, port: int, workers: int, config: str | None) -> None:
    """Serve nextyes for many people: accounts, each with their own journal.

    Usually on PostgreSQL (`--db postgresql://...` or NEXTYES_DATABASE_URL; run `nextyes db
    upgrade` first). Create the first account with `nextyes admin create-user`. docs/deploy.md
    goes from nothing to a running server behind TLS.
    """
    import logging.config
    import os
    import socket

    from nextyes.errors import InvalidInput
    from nextyes.server_settings import ServerSettings

    server = ServerSettings.load(config)
    settings = app.settings
    if server.database_url and not app.db and not os.environ.get("NEXTYES_DATABASE_URL"):
        from nextyes.config import Settings

        settings = Settings.from_env(home=app.home, db=server.database_url)
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InvalidInput(
                f"Cannot listen on {host}:{port} ({exc.strerror}). Choose another with --port."
            ) from None
    from nextyes.services.journal import open_journal

    open_journal(settings).close()  # a database that is unreachable or behind fails here, clearly
    from nextyes.services.accounts.sealing import server_sealer

    server_sealer(server, settings.home)  # an unreadable old key file fails here, not at sign-on
    from nextyes.cli import serving

    os.environ.update(
        NEXTYES_HOME=str(settings.home),
        NEXTYES_DATABASE_URL=settings.database_url,
        **server.as_environment(config),
    )
    logging.config.dictConfig(serving.LOG_CONFIG)
    say(
        f"nextyes serves {server.public_url} from {host}:{port} with {workers} worker(s) (Ctrl+C stops it)."
    )
    if server.secret_key is None:
        from nextyes import content

        say(content.load("accounts/messages")["sealing"]["started_without_key"])
    serving.run(
        FACTORY,
        workers=workers,
        factory=True,
        host=host,
        port=port,
        log_config=serving.LOG_CONFIG,  # applied in every worker
        log_level="warning",
        access_log=False,  # the app's own log leaves secrets out
        proxy_headers=bool(server.trusted_proxies),
        forwarded_allow_ips=",".join(server.trusted_proxies) or None,
        server_header=False,
    )
