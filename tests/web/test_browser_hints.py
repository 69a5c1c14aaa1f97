"""Sentences written for the terminal read naturally in the browser: commands become pages."""

from __future__ import annotations

import ast
import html
import re
from datetime import timedelta
from pathlib import Path

import click
import pytest

import nextyes
from nextyes import content
from nextyes.cli.main import cli
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.offers import OfferTerms
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import offers
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.web.rendering import for_browser
from tests.conftest import NOW, TODAY
from tests.postings_server import closed_port, postings_site
from tests.web.conftest import Browser

__all__ = ["postings_site"]

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_CODE = re.compile(r"<code>.*?</code>", re.S)
_TAG = re.compile(r"<[^>]+>")
_COMMANDS = cli.list_commands(click.Context(cli))
_COMMAND = re.compile(rf"\bnextyes ({'|'.join(_COMMANDS)})\b")


def test_a_trailing_command_is_left_out_and_the_advice_kept() -> None:
    text = "A walk, an hour on a hobby, or an early night all count: nextyes care break 30m"
    assert for_browser(text) == "A walk, an hour on a hobby, or an early night all count"


def test_a_hint_that_is_only_a_command_disappears() -> None:
    assert for_browser("nextyes review week") == ""
    assert for_browser(None) == ""


def test_a_quoted_command_becomes_a_link_to_the_page_that_does_it() -> None:
    text = "That is within your control: `nextyes plan suggest` has ideas."
    assert (
        for_browser(text) == 'That is within your control: <a href="/plan">your plan</a> has ideas.'
    )
    assert (
        for_browser("Before `today` suggests one.")
        == 'Before <a href="/">the dashboard</a> suggests one.'
    )


def test_a_page_named_at_the_start_of_a_sentence_begins_with_a_capital() -> None:
    text = "No story 9. `nextyes story list` shows them; or `nextyes offer add 3` records one."
    assert for_browser(text) == (
        'No story 9. <a href="/practice#stories">Your stories</a> shows them; or the offer on '
        "the application&#39;s page records one."
    )


def test_the_longest_known_command_decides_and_an_unknown_one_stays_code() -> None:
    resume = for_browser("Log the version (`nextyes add ... --resume v4`) each time.")
    assert "Résumé version field" in resume
    assert "<code>nextyes frobnicate</code>" in for_browser("Then `nextyes frobnicate` it, please.")


def test_a_sentence_about_nextyes_itself_is_not_a_command() -> None:
    text = "Days after applying before nextyes suggests a follow-up."
    assert for_browser(text) == text


def test_the_text_around_a_command_is_escaped() -> None:
    assert for_browser("<b>bold</b> and `nextyes win` here") == (
        '&lt;b&gt;bold&lt;/b&gt; and <a href="/wins">Wins</a> here'
    )


def _words_on(browser: Browser, path: str) -> tuple[str, str]:
    page = browser.get(path)
    assert page.status_code == 200, path
    title = _TITLE.search(page.text)
    assert title, path
    text = html.unescape(_TAG.sub(" ", _CODE.sub(" ", page.text)))
    return title[1], text


# Every page of the local app, by its route; routes that are not pages say what they are.
NOT_PAGES = {
    "/charts/{name}.svg": "a chart (its words are checked with the page that shows it)",
    "/data/backups/{name}": "a backup to download",
    "/data/export/{name}": "an export to download",
    "/icons/{name}": "an icon",
    "/jobs/{job_id}/status": "a job's progress, for the script",
    "/manifest.webmanifest": "the web app manifest",
    "/sw.js": "the service worker",
}
WIZARD_STEPS = ("cool-down", "request", "reply", "reflect", "done")


def _every_page(journal: Journal, browser: Browser, demo: bool) -> dict[str, list[str]]:
    """Route -> the addresses that show it, on this journal (an empty one has fewer)."""
    pages: dict[str, list[str]] = {
        "/": ["/"], "/applications": ["/applications", "/applications?stage=rejected"],
        "/applications/new": ["/applications/new"], "/board": ["/board"],
        "/contacts": ["/contacts"], "/data": ["/data"], "/insights": ["/insights"],
        "/journal": ["/journal"], "/mail": ["/mail"], "/mail/import": ["/mail/import"],
        "/mail/applied": ["/mail/applied"],
        "/offers": ["/offers", "/offers?all=true"], "/plan": ["/plan"],
        "/practice": ["/practice"], "/review": ["/review", "/review?week=last"],
        "/settings": ["/settings"], "/wins": ["/wins"],
    }  # fmt: skip
    if not demo:
        return pages
    uow = journal.uow()
    cli = Origin.CLI
    fresh = svc.add_application(
        uow, NewApplication("Northwind Labs", "Data Analyst", TODAY), NOW, origin=cli
    )
    reject_and_recover(uow, fresh.id, TODAY, NOW, cool_down="none", origin=cli)
    offered = svc.add_application(
        uow, NewApplication("Saltmarsh", "Analyst", TODAY), NOW, origin=cli
    )
    terms = OfferTerms(answer_by=TODAY + timedelta(days=5))
    offers.record_offer(uow, offered.id, terms, NOW, origin=cli)
    offers.accept_offer(uow, offered.id, NOW, origin=cli)
    one = f"/applications/{offered.id}"
    mailbox = (EXAMPLES / "inbox.mbox").read_bytes()
    started = browser.client.post(
        "/mail/import", data={"csrf_token": browser.token},
        files={"file": ("inbox.mbox", mailbox)}, follow_redirects=False,
    )  # fmt: skip
    assert started.status_code == 303, started.text
    return {
        **pages,
        "/applications/{application_id}": [one, f"/applications/{fresh.id}", "/applications/1"],
        "/applications/{application_id}/delete": [f"{one}/delete"],
        "/applications/{application_id}/merge": [f"{one}/merge"],
        "/applications/{application_id}/offer/accepted": [f"{one}/offer/accepted"],
        "/applications/{application_id}/reject": ["/applications/2/reject"],
        "/applications/{application_id}/recovery/{step}": [
            f"/applications/{fresh.id}/recovery/{step}" for step in WIZARD_STEPS
        ],
        "/contacts/{contact_id}": ["/contacts/1"],
        "/jobs/{job_id}": [started.headers["location"]],
    }


def test_the_page_list_names_every_page_of_the_app(browser: Browser, journal: Journal) -> None:
    routes = {
        context.path_format
        for included in browser.client.app.routes  # type: ignore[attr-defined]
        if hasattr(included, "effective_route_contexts")  # the app's routers
        for context in included.effective_route_contexts()
        if "GET" in context.methods and not context.path_format.startswith("/api")
    }
    assert "/applications/{application_id}" in routes, "the route table is read"
    listed = set(_every_page(journal, browser, demo=True)) | set(NOT_PAGES)
    assert routes <= listed, f"pages not in the list: {sorted(routes - listed)}"
    assert set(NOT_PAGES) <= routes, "the list names only routes the app has"


@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_no_page_asks_a_browser_user_to_type_a_command(
    browser: Browser, journal: Journal, demo: bool
) -> None:
    if demo:
        fill_demo(journal.uow(), NOW, count=60)
    paths = [path for shown in _every_page(journal, browser, demo).values() for path in shown]
    assert len(paths) >= (33 if demo else 19)
    for path in paths:
        title, text = _words_on(browser, path)
        assert "<" not in title and len(title) < 80, (path, title)
        assert "`" not in text, path
        assert not _COMMAND.search(text), (path, _COMMAND.search(text))
        assert not _OPTION.search(text), (path, _OPTION.search(text))


_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def _problem_on(response: object) -> str:
    text = html.unescape(_TAG.sub(" ", response.text))  # type: ignore[attr-defined]
    return " ".join(text.split())


def test_a_form_refused_in_the_browser_explains_itself_without_commands(
    browser: Browser, journal: Journal
) -> None:
    fill_demo(journal.uow(), NOW, count=20)
    rejected = browser.get("/applications?stage=rejected").text
    ended = re.search(r'href="/applications/(\d+)"', rejected)
    assert ended
    refused = {
        "an empty name": browser.form("/contacts", {"name": "   "}),
        "an empty company": browser.form("/applications", {"company": " ", "role": "Analyst"}),
        "an empty plan item": browser.form("/plan", {"what": "  "}),
        "an empty story": browser.form("/stories", {"title": " "}),
        "an empty note": browser.form("/applications/1/notes", {"text": "  "}),
        "a mood that is not one": browser.form("/journal/mood", {"score": "great"}),
        "a move after the end": browser.form(
            f"/applications/{ended[1]}/move", {"stage": "interview"}
        ),
        "a no recorded as a move": browser.form("/applications/1/move", {"stage": "rejected"}),
        "a merge with itself": browser.form("/applications/1/merge", {"duplicate": "1"}),
        "pay that is no amount": browser.form("/applications/1/offer", {"pay_amount": "lots"}),
        "an offer after the end": browser.form(
            f"/applications/{ended[1]}/offer", {"answer_by": "2026-12-01"}
        ),
        "an empty win": browser.form("/wins", {"text": " "}),
        "an empty why": browser.form("/why", {"text": " "}),
        "an empty feedback": browser.form(f"/applications/{ended[1]}/feedback", {"text": " "}),
        "a question that is not listed": browser.form("/practice", {"question": "zzz"}),
        "a currency without pay": browser.form("/applications/1/offer", {"pay_currency": "EUR"}),
        "a round 0": browser.form("/applications/1/move", {"stage": "interview", "round": "0"}),
        "a round for a screening": browser.form(
            "/applications/1/move", {"stage": "screening", "round": "2"}
        ),
        "contact logged ahead": browser.form(
            "/contacts/1/interactions", {"kind": "call", "on": "2026-12-30"}
        ),
    }
    for what, response in refused.items():
        assert 400 <= response.status_code < 500, (what, response.status_code)
        said = _problem_on(response)
        assert "quotes" not in said, (what, said)
        assert not _COMMAND.search(said), (what, said)
        assert not _OPTION.search(said), (what, said)
        assert "`" not in said, (what, said)


def test_a_posting_that_cannot_be_read_is_explained_without_commands(
    browser: Browser, postings_site: str
) -> None:
    tried = {
        "not a posting": {"url": f"{postings_site}/not_a_posting.html"},
        "a closed posting": {"url": f"{postings_site}/closed_posting.html"},
        "a missing page": {"url": f"{postings_site}/gone.html"},
        "a page too large": {"url": f"{postings_site}/big"},
        "offline": {"url": f"http://127.0.0.1:{closed_port()}/job"},
        "nothing given": {},
    }
    for what, fields in tried.items():
        response = browser.form("/applications/new/from-posting", fields)
        assert response.status_code == 422, (what, response.status_code)
        found = re.search(r'<p class="problem" role="alert">(.*?)</p>', response.text, re.S)
        assert found, what
        said = _problem_on_text(found[1])
        assert len(said.split()) > 6, (what, said)
        assert not _COMMAND.search(said), (what, said)
        assert not _OPTION.search(said), (what, said)
        assert "Ctrl+S" not in said, (what, said)


def _problem_on_text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


# Every browser version a message names is in its content file, with every field it needs.
_SOURCE = Path(nextyes.__file__).parent
_FIELD = re.compile(r"(?<!\{)\{(\w+)\}")


def _words_named_in_code() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(_SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Words":
                found.append((f"{path.relative_to(_SOURCE)}:{node.lineno}", node))
    return found


def test_every_browser_version_named_in_code_is_in_a_content_file_with_its_fields() -> None:
    named = _words_named_in_code()
    assert len(named) >= 25, "the scan finds the browser versions"
    for where, call in named:
        file, key = (ast.literal_eval(arg) for arg in call.args[:2])
        table: object = content.load(file)
        for part in key.split("."):
            assert isinstance(table, dict) and part in table, (where, file, key)
            table = table[part]
        assert isinstance(table, str), (where, key)
        assert not _COMMAND.search(table) and not _OPTION.search(table), (where, table)
        given: set[str] = set()
        if len(call.args) > 2:
            values = call.args[2]
            assert isinstance(values, ast.Dict), (where, "values given as a dict")
            given = {ast.literal_eval(k) for k in values.keys if k is not None}
        assert set(_FIELD.findall(table)) == given, (where, key, given)


def test_no_browser_version_is_written_in_code() -> None:
    for path in sorted(_SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "web":
                written = isinstance(node.value, ast.Constant | ast.JoinedStr | ast.BinOp)
                assert not written, f"{path.relative_to(_SOURCE)}:{node.value.lineno}"
