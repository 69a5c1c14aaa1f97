"""Sentences written for the terminal read naturally in the browser: commands become pages."""

from __future__ import annotations

import html
import re

import click
import pytest

from nextyes.cli.main import cli
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.web.rendering import NAV, for_browser
from tests.conftest import NOW
from tests.web.conftest import Browser

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


@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_no_page_asks_a_browser_user_to_type_a_command(
    browser: Browser, journal: Journal, demo: bool
) -> None:
    if demo:
        fill_demo(journal.uow(), NOW, count=60)
    paths = [path for path, _ in NAV] + ["/practice", "/applications/new"]
    if demo:
        paths += ["/applications/1", "/applications/2/reject", "/contacts/1"]
    for path in paths:
        title, text = _words_on(browser, path)
        assert "<" not in title and len(title) < 80, (path, title)
        assert "`" not in text, path
        assert not _COMMAND.search(text), (path, _COMMAND.search(text))


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
    }
    for what, response in refused.items():
        assert 400 <= response.status_code < 500, (what, response.status_code)
        said = _problem_on(response)
        assert "quotes" not in said, (what, said)
        assert not _COMMAND.search(said), (what, said)
        assert not _OPTION.search(said), (what, said)
        assert "`" not in said, (what, said)
