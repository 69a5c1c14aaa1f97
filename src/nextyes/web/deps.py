"""What routes receive: the app's state (settings, journal, caches)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nextyes.web.state import WebState


async def web_state(request: Request) -> WebState:
    # async on purpose: FastAPI would run a plain function in a worker thread, per request
    state: WebState = request.app.state.nextyes
    return state


WebDep = Annotated[WebState, Depends(web_state)]
