"""Server-rendered pages: one Jinja environment per app, every value escaped."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from nextyes.domain.dates import describe_day
from nextyes.domain.errors import Words
from nextyes.domain.links import is_safe_link
from nextyes.domain.offers import describe_pay
from nextyes.domain.stages import Stage

if TYPE_CHECKING:
    import jinja2

    from nextyes.web.state import WebState

FLASH_COOKIE = "nextyes_flash"
# (address, label): the main navigation, in order. Features add their pages here.
NAV: list[tuple[str, str]] = [
    ("/", "Dashboard"),
    ("/board", "Board"),
    ("/applications", "Applications"),
    ("/offers", "Offers"),
    ("/insights", "Insights"),
    ("/plan", "Plan"),
    ("/contacts", "People"),
    ("/wins", "Wins"),
    ("/journal", "Journal"),
    ("/mail", "Mail"),
    ("/review", "Review"),
    ("/data", "Your data"),
    ("/settings", "Settings"),
]


def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("nextyes.web", "templates"),
        autoescape=True,  # every template, whatever its name: user text is always escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["for_browser"] = for_browser
    # Agenda items whose action is a page of its own (instead of the command `today` prints).
    env.globals["web_links"] = {"review": "/review", "why": "/settings#why", "contact": "/contacts"}
    env.filters["day"] = long_day
    env.tests["safe_link"] = is_safe_link  # only http(s) and mailto become links
    env.filters["short_day"] = short_day
    env.filters["iso"] = lambda d: d.isoformat() if d else ""
    env.filters["stage_label"] = lambda s: Stage(s).label
    env.filters["theme"] = theme_label
    env.globals["static"] = static_url
    env.globals["describe_day"] = describe_day
    env.globals["describe_pay"] = describe_pay
    env.globals["nav"] = NAV
    env.globals["offline_words"] = offline_words()
    return env


def offline_words() -> Markup:
    """The note the service worker shows on a kept page; it fills in the time."""
    from nextyes import content

    note = escape(content.load("web")["offline"]["note"])
    return Markup(note.replace("{saved}", Markup("<time data-saved></time>")))


def theme_label(theme: object) -> str:
    """A feedback theme in words ("Preparation and company knowledge")."""
    from nextyes.domain.themes import LABELS, Theme

    value = getattr(theme, "value", theme)
    try:
        return LABELS[Theme(str(value))]
    except ValueError:
        return str(value).replace("_", " ")


def long_day(day: date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def short_day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


@cache
def static_url(name: str) -> str:
    """The address of a static file, with its content's digest so browsers refetch changes."""
    data = resources.files("nextyes.web").joinpath("static", name).read_bytes()
    return f"/static/{name}?v={hashlib.sha256(data).hexdigest()[:10]}"


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.nextyes
    return state


def page(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    state = state_of(request)
    flash = request.cookies.get(FLASH_COOKIE)
    values = {
        "csrf": request.scope.get("state", {}).get("csrf_token", ""),
        "signed_in": request.scope.get("state", {}).get("signed_in"),
        "served": "team" in request.scope.get("state", {}),
        "today": state.today(),
        "path": request.url.path,
        "flash": unquote(flash)[:500] if flash else None,
        **context,
    }
    text = state.templates.get_template(template).render(values)
    response = HTMLResponse(text, status_code=status)
    if flash:
        response.delete_cookie(FLASH_COOKIE, httponly=True, samesite="lax")
    return response


def words(key: str, section: str = "saved", **values: object) -> str:
    """A sentence from content/web.toml, filled in."""
    from nextyes import content

    return content.fill(content.load("web")[section][key], **values)


def filled(said: Words) -> str:
    """A sentence named by Words, from its content file, with its values (Words too) filled."""
    from nextyes import content

    table: Any = content.load(said.file)
    for part in said.key.split("."):
        table = table[part]
    values = {k: filled(v) if isinstance(v, Words) else v for k, v in said.values.items()}
    return content.fill(str(table), **values)


def redirect(to: str, flash: str | None = None) -> RedirectResponse:
    """See-other after a form: the next page shows `flash` once."""
    response = RedirectResponse(to, status_code=303)
    if flash:
        response.set_cookie(FLASH_COOKIE, quote(flash[:500]), httponly=True, samesite="lax")
    return response


_QUOTED = re.compile(r"`([^`]+)`")
_TRAILING = re.compile(r"[\s:;,(]*\bnextyes\s+(?P<command>[a-z][^`]*)$", re.S)


@cache
def _pages_for_commands() -> dict[str, tuple[str, str]]:
    """Command (without `nextyes`) -> (how the browser names it, its page or "")."""
    from nextyes import content

    table = content.load("web")["commands"]
    return {command: (entry["say"], entry.get("href", "")) for command, entry in table.items()}


def _page_for(command: str) -> tuple[str, str] | None:
    """The page that does what `command` does: the longest known command it starts with."""
    words = command.removeprefix("nextyes ").split()
    known = _pages_for_commands()
    for size in range(len(words), 0, -1):
        found = known.get(" ".join(words[:size]))
        if found:
            return found
    return None


def for_browser(text: str | None) -> Markup:
    """A sentence written for the terminal, as it reads in the browser.

    A quoted command (`nextyes plan suggest`) becomes the page that does the same, linked; a
    command line closing the sentence is left out, since the page offers the action itself;
    what is left with fewer than three words disappears. Everything else is escaped."""
    if not text:
        return Markup("")
    trailing = _TRAILING.search(text)
    if trailing and _page_for(trailing["command"]) is not None:
        text = text[: trailing.start()].strip()
    if len(_QUOTED.sub("x", text).split()) < 3:
        return Markup("")
    pieces: list[str] = []
    at = 0
    for quoted in _QUOTED.finditer(text):
        pieces.append(escape(text[at : quoted.start()]))
        so_far = text[: quoted.start()].rstrip()
        pieces.append(_named(quoted[1], opening=not so_far or so_far[-1] in ".!?"))
        at = quoted.end()
    pieces.append(escape(text[at:]))
    return Markup("").join(pieces)


def _named(command: str, opening: bool = False) -> Markup:
    """The page that does `command`, named (and linked) as a page says it; `opening`: it
    begins a sentence, so it begins with a capital."""
    found = _page_for(command)
    if found is None:
        return Markup("<code>{}</code>").format(command)
    say, href = found
    if opening:
        say = say[:1].upper() + say[1:]
    return Markup('<a href="{}">{}</a>').format(href, say) if href else escape(say)
