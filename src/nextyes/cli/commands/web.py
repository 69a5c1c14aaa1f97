"""`nextyes web`: the local web app, on 127.0.0.1."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import say
from nextyes.cli.params import WholeNumber
from nextyes.errors import InvalidInput

FACTORY = "nextyes.web.app:app_from_environment"


@click.command()
@click.option(
    "--port", type=WholeNumber(1, 65535), default=8765, show_default=True,
    help="The port on 127.0.0.1 to serve on.",
)  # fmt: skip
@click.option("--no-open", is_flag=True, help="Do not open a browser window.")
@pass_app
def web(app: AppContext, port: int, no_open: bool) -> None:
    """Open the local web app on 127.0.0.1.

    The same journal as the command line, in your browser: the dashboard, the board, every
    application, and the JSON API under /api/v1. Only you can reach it: the printed link carries
    a one-time key that your browser keeps, scripts send the token kept in your home
    (web-token), and other computers are refused. Ctrl+C stops it.
    """
    if not port_is_free(port):
        said = content.load("common")["web_command"]["port_in_use"]
        raise InvalidInput(content.fill(said, port=port, next=port + 1))
    from nextyes.services.journal import open_journal

    open_journal(app.settings).close()  # a journal that cannot open fails here, with its reason
    import os

    import uvicorn

    # The CLI and the web app are sibling edges, so the app is named, not imported: uvicorn
    # builds it with the factory, from the same settings, passed through the environment.
    from nextyes.services.settings.local_access import api_token, one_time_key

    key = one_time_key()
    _, token_file = api_token(app.settings.home)
    os.environ.update(
        NEXTYES_HOME=str(app.settings.home),
        NEXTYES_DATABASE_URL=app.settings.database_url,
        NEXTYES_WEB_PORT=str(port),
        NEXTYES_WEB_KEY=key,
    )
    url = f"http://127.0.0.1:{port}/?key={key}"
    words = content.load("common")["web_command"]
    say(content.fill(words["open_at"], url=url))
    say(content.fill(words["key_note"], token_file=token_file))
    if not no_open:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(FACTORY, factory=True, host="127.0.0.1", port=port, log_level="warning")


def port_is_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:`port`. Bound with address reuse, as uvicorn binds:
    connections left waiting out their close (TIME_WAIT) after a Ctrl+C do not count, so the
    app restarts at once on its own port."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
