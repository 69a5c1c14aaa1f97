"""What routes receive: the app's state (settings, journal, caches)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from nextyes.web.rendering import state_of
from nextyes.web.state import WebState

WebDep = Annotated[WebState, Depends(state_of)]
