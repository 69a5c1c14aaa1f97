"""Sentences written for the terminal read naturally in the browser: commands become pages."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import click
import pytest

import nextyes
from nextyes import content
from nextyes.cli.main import cli
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.web.rendering import NAV, for_browser
from tests.conftest import NOW
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
