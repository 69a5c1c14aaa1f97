"""What routes receive: the app's state (settings, journal, caches).

In team mode the guard has already resolved who is asking and left a WebState scoped to that
person in the request's state; routes cannot tell the difference, and cannot reach anyone
else's journal.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nextyes.web.state import WebState


async def web_state(request: Request) -> WebState:
    # async on purpose: FastAPI would run a plain function in a worker thread, per request
    scoped: WebState | None = request.scope.get("state", {}).get("nextyes_web")
    if scoped is not None:
        return scoped
    state: WebState = request.app.state.nextyes
    return state


WebDep = Annotated[WebState, Depends(web_state)]
