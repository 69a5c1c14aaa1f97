"""`nextyes web`: the local web app, on 127.0.0.1."""

from __future__ import annotations

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import say
from nextyes.errors import InvalidInput

FACTORY = "nextyes.web.app:app_from_environment"


@click.command()
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
    help="The port on 127.0.0.1 to serve on.",
)  # fmt: skip
@click.option("--no-open", is_flag=True, help="Do not open a browser window.")
@pass_app
def web(app: AppContext, port: int, no_open: bool) -> None:
    """Open the local web app on 127.0.0.1.

    The same journal as the command line, in your browser: the dashboard, the board, every
    application, and the JSON API under /api/v1. Only this computer can reach it. Ctrl+C stops it.
    """
    import socket

    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise InvalidInput(
                f"Port {port} is already in use (nextyes may be open already: try "
                f"http://127.0.0.1:{port}/). Choose another with --port {port + 1}."
            ) from None
    from nextyes.services.journal import open_journal

    open_journal(app.settings).close()  # a journal that cannot open fails here, with its reason
    import os

    import uvicorn

    # The CLI and the web app are sibling edges, so the app is named, not imported: uvicorn
    # builds it with the factory, from the same settings, passed through the environment.
    os.environ.update(
        NEXTYES_HOME=str(app.settings.home),
        NEXTYES_DATABASE_URL=app.settings.database_url,
        NEXTYES_WEB_PORT=str(port),
    )
    url = f"http://127.0.0.1:{port}/"
    say(f"nextyes is open at {url} (Ctrl+C stops it).")
    if not no_open:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(FACTORY, factory=True, host="127.0.0.1", port=port, log_level="warning")
