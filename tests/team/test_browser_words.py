"""The served pages speak to someone in a browser: every page of team mode, for a seeker, a coach
and an organisation's admin, and every form refused for bad input, says what to do on the page,
never a command to type, an option, or a word of the terminal's."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from nextyes.domain.accounts import Role
from nextyes.services.demo.build import fill_demo
from tests.conftest import NOW
from tests.team.conftest import Person, Team, make_team
from tests.web.test_browser_hints import _COMMAND, _OPTION, _every_page

_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.S)
# what a terminal says and a page should not: "run nextyes ...", "exit 2", "Ctrl+C", "stdin"
# settings in the server's environment are its administrator's, not the person's
_SETTING = re.compile(r"\bNEXTYES_[A-Z_]+\b")
# a file on the server is no concern of someone in a browser (nor is where it is kept)
_SERVER_PATH = re.compile(r"(?<![\w.:/])/(tmp|var|srv|home|root|etc)/\S*")
# what is true of nextyes on one's own computer, and not of a server
_LOCAL_ONLY = re.compile(r"\b(on this computer|over the network)\b", re.I)
_TERMINAL = re.compile(
    r"\b(run nextyes|exit (code )?\d|Ctrl\+C|standard input|stdin|command line|terminal)\b", re.I
)


def _said(response: Any) -> str:
    text = html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", response.text)))
    return " ".join(text.split())


def _terminal_words(what: str, response: Any) -> list[str]:
    """What on the page was written for a terminal (nothing, when it speaks to a browser)."""
    said = _said(response)
    found = [
        found[0]
        for p in (_COMMAND, _OPTION, _TERMINAL, _SERVER_PATH, _LOCAL_ONLY, _SETTING)
        if (found := p.search(said))
    ]
    found += ["`"] if "`" in said else []
    return [f"{what}: {' '.join(found)} in: {said[-400:]}"] if found else []


# Routes of the served app that are not pages, and what each is.
NOT_PAGES = {
    "/calendar/{secret}.ics": "a calendar feed",
    "/coach-notes.csv": "a coach's notes, to download",
    "/download": "the journal as JSON, to download",
    "/organisations/{organisation_id}/insights.csv": "a cohort's figures, to download",
    "/sso/{organisation_id}": "a redirect to the organisation's provider",
    "/healthz": "the health check",
    "/charts/{name}.svg": "a chart",
    "/data/backups/{name}": "a backup to download",
    "/data/export/{name}": "an export to download",
    "/icons/{name}": "an icon",
    "/jobs/{job_id}/status": "a job's progress, for the script",
    "/manifest.webmanifest": "the web app manifest",
    "/sw.js": "the service worker",
}


@pytest.fixture
def served(sqlite_team: Team) -> Team:
    return sqlite_team


@pytest.fixture
def people(served: Team) -> dict[str, Any]:
    """A seeker sharing with a coach, an organisation run by an admin, and their links."""
    seeker = served.person("sam@example.org")
    journal = served.journal().for_owner(seeker.user_id)
    try:
        fill_demo(journal.uow(), NOW, count=30)
    finally:
        journal.close()
    coach = served.person("cora@example.org")
    code = seeker.api("POST", "/api/v1/coach-invitations", {}).json()["code"]
    assert coach.api("POST", f"/api/v1/coach-invitations/{code}/accept").status_code == 200
    runner = served.person("runner@example.org", role=Role.ADMIN)
    made = runner.form("/organisations", {"name": "North Careers"})
    org_id = int(made.headers["location"].rsplit("/", 1)[1])
    invited = runner.form(f"/organisations/{org_id}/invitations", {"role": "member"})
    org_link = re.search(r"/join/organisation/([\w-]+)", invited.text)
    assert org_link, invited.text
    code = seeker.api("POST", "/api/v1/coach-invitations", {}).json()["code"]
    return {
        "seeker": seeker, "coach": coach, "runner": runner, "org_id": org_id,
        "org_token": org_link[1], "coach_code": code,
    }  # fmt: skip


class _AsLocal:
    """A signed-in seeker, as the local page walk expects a browser."""

    def __init__(self, person: Person) -> None:
        self.client = person.client
        self.token = person.csrf


def _served_routes(team: Team) -> set[str]:
    return {
        context.path_format
        for included in team.app.routes
        if hasattr(included, "effective_route_contexts")
        for context in included.effective_route_contexts()
        if "GET" in context.methods and not context.path_format.startswith("/api")
    }


def _team_pages(team: Team, people: dict[str, Any]) -> dict[str, list[tuple[str, Person]]]:
    seeker, coach, runner = people["seeker"], people["coach"], people["runner"]
    org, client = people["org_id"], seeker.user_id
    stranger = team.browser()
    return {
        "/sign-in": [("/sign-in", stranger)],
        "/sign-in/code": [("/sign-in/code", stranger)],
        "/sign-up": [("/sign-up", stranger)],
        "/welcome/{secret}": [("/welcome/not-a-link", stranger)],
        "/reset/{secret}": [("/reset/not-a-link", stranger)],
        "/forgot": [("/forgot", stranger)],
        "/unsubscribe/{token}": [("/unsubscribe/not-a-token", stranger)],
        "/account": [("/account", p) for p in (seeker, coach, runner)],
        "/coaching": [("/coaching", seeker), ("/coaching", coach)],
        "/coaching/coaches/{coach_id}/view": [(f"/coaching/coaches/{coach.user_id}/view", seeker)],
        "/clients": [("/clients", coach), ("/clients", seeker)],
        "/clients/{client_id}": [(f"/clients/{client}", coach), ("/clients/999", coach)],
        "/clients/{client_id}/applications/{application_id}": [
            (f"/clients/{client}/applications/1", coach),
            (f"/clients/{client}/applications/999999", coach),
        ],
        "/join/coach/{code}": [
            (f"/join/coach/{people['coach_code']}", stranger),
            (f"/join/coach/{people['coach_code']}", coach),
            ("/join/coach/not-a-code", stranger),
        ],
        "/organisations": [("/organisations", p) for p in (seeker, runner)],
        "/organisations/{organisation_id}": [
            (f"/organisations/{org}", runner),
            (f"/organisations/{org}", seeker),
            ("/organisations/999", runner),
        ],
        "/organisations/{organisation_id}/insights": [
            (f"/organisations/{org}/insights", runner),
            (f"/organisations/{org}/insights", seeker),
        ],
        "/join/organisation/{token}": [
            (f"/join/organisation/{people['org_token']}", stranger),
            (f"/join/organisation/{people['org_token']}", seeker),
            ("/join/organisation/not-a-token", stranger),
        ],
        "/sso/{organisation_id}/callback": [(f"/sso/{org}/callback?state=x&code=y", stranger)],
    }


def test_every_served_page_speaks_to_a_browser_user(served: Team, people: dict[str, Any]) -> None:
    seeker = people["seeker"]
    assert 'action="/mail/imap"' in seeker.get("/mail/import").text  # a key: the form is there
    organisation = people["runner"].get(f"/organisations/{people['org_id']}").text
    assert "cannot keep a client secret" not in organisation
    journal = served.journal().for_owner(seeker.user_id)
    try:
        local = _every_page(journal, _AsLocal(seeker), demo=True)  # type: ignore[arg-type]
    finally:
        journal.close()
    team = _team_pages(served, people)
    listed = set(local) | set(team) | set(NOT_PAGES)
    routes = _served_routes(served)
    assert "/clients/{client_id}" in routes, "the route table is read"
    assert routes <= listed, f"pages not in the list: {sorted(routes - listed)}"
    walked = [(path, seeker) for paths in local.values() for path in paths]
    walked += [visit for visits in team.values() for visit in visits]
    walked += _pages_after_actions(served, people)
    assert len(walked) >= 60
    problems = []
    for path, person in walked:
        shown = person.get(path)
        assert shown.status_code < 500, (path, shown.status_code)
        if shown.status_code in (301, 302, 303, 307):
            continue  # a redirect says nothing; where it goes is walked too
        assert "text/html" in shown.headers["content-type"], path
        problems += _terminal_words(f"{path} as {person.email or 'a visitor'}", shown)
    assert problems == [], "\n".join(problems)


def _pages_after_actions(team: Team, people: dict[str, Any]) -> list[tuple[str, Person]]:
    """Pages in the states actions leave them: a mailbox that could not be read, the second
    factor half set up, a new token shown once, an organisation's invitation link."""
    seeker, runner = people["seeker"], people["runner"]
    started = _upload(seeker, "/mail/import", "inbox.mbox", b"\x00\x01 not a mailbox")
    assert started.status_code == 303, started.text
    job = started.headers["location"]
    _finish(seeker, job)
    status = re.search(r'id="job-status"[^>]*>(.*?)</p>', seeker.get(job).text)
    assert status and status[1] == "Stopped.", "a job that failed does not say it is done"
    walked = [(job, seeker)]
    closed = _closed_port()
    connected = seeker.form(
        "/mail/imap", {"url": f"imap://me@127.0.0.1:{closed}/INBOX", "password": "app-password"}
    )
    assert connected.status_code == 303, connected.text
    fetch = seeker.form("/mail/imap/fetch").headers["location"]
    _finish(seeker, fetch)
    walked.append((fetch, seeker))
    for person, path, fields in (
        (seeker, "/account/two-step", {}),
        (seeker, "/account/tokens", {"name": "my script"}),
        (seeker, "/account/calendar", {}),
        (seeker, "/coaching/invite", {"scope": "plan"}),
        (runner, f"/organisations/{people['org_id']}/invitations", {"role": "coach"}),
    ):
        shown = person.form(path, fields)
        assert shown.status_code in (200, 303), (path, shown.status_code)
        if shown.status_code == 303:
            walked.append((shown.headers["location"], person))
        else:
            walked.append((path, _Shown(person, shown)))  # type: ignore[arg-type]
    return walked


def _finish(person: Person, job: str) -> None:
    deadline = time.monotonic() + 30
    while not person.get(f"{job}/status").json()["finished"]:
        assert time.monotonic() < deadline, f"{job} did not finish"
        time.sleep(0.1)


def _closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class _Shown:
    """A page a form answered with directly, walked like any other."""

    def __init__(self, person: Person, response: Any) -> None:
        self.email, self._response = person.email, response

    def get(self, path: str) -> Any:
        return self._response


def _refused_forms(team: Team, people: dict[str, Any]) -> dict[str, Any]:
    seeker, coach, runner = people["seeker"], people["coach"], people["runner"]
    org, client, token = people["org_id"], seeker.user_id, people["org_token"]
    stranger = team.browser()
    stranger.client.get("/sign-in")
    pre = stranger.csrf
    weak = {"password": "password", "again": "password"}
    return {
        "a wrong password": stranger.form(
            "/sign-in", {"email": "nobody@example.org", "password": "x"}, csrf=pre
        ),
        "sign-up when it is closed": stranger.form(
            "/sign-up", {"email": "new@example.org", **weak}, csrf=pre
        ),
        "a used welcome link": stranger.form("/welcome/not-a-link", weak, csrf=pre),
        "a used reset link": stranger.form("/reset/not-a-link", weak, csrf=pre),
        "a wrong current password": seeker.form(
            "/account/password", {"current": "wrong", "password": "x", "again": "x"}
        ),
        "a delete not confirmed": seeker.form(
            "/account/delete", {"email": "someone@else.org", "password": "x"}
        ),
        "someone else's session": seeker.form("/account/sessions/999999/end"),
        "a token without a name": seeker.form("/account/tokens", {"name": " "}),
        "someone else's token": seeker.form("/account/tokens/999999/revoke"),
        "a second factor not started": seeker.form("/account/two-step/confirm", {"code": "1"}),
        "a scope that is not one": seeker.form("/coaching/invite", {"scope": "everything"}),
        "scopes for no coach": seeker.form("/coaching/coaches/999999/scopes", {"scope": "plan"}),
        "revoking no coach": seeker.form("/coaching/coaches/999999/revoke"),
        "a decision that is not one": seeker.form("/coaching/suggestions/1/maybe"),
        "deciding no suggestion": seeker.form("/coaching/suggestions/999999/accept"),
        "an empty comment": coach.form(
            f"/clients/{client}/comments", {"target": "application", "text": " "}
        ),
        "an empty suggestion": coach.form(f"/clients/{client}/suggestions", {"title": " "}),
        "an empty coach note": coach.form(f"/clients/{client}/notes", {"text": " "}),
        "a note for no client": coach.form("/clients/999999/notes", {"text": "hello"}),
        "deleting no note": coach.form("/coach-notes/999999/delete"),
        "joining with a used code": coach.form("/join/coach/not-a-code"),
        "joining as oneself": seeker.form(f"/join/coach/{people['coach_code']}"),
        "signing up with a used code": stranger.form(
            "/join/coach/not-a-code/sign-up", {"email": "x@example.org", **weak}, csrf=pre
        ),
        "an organisation without a name": seeker.form("/organisations", {"name": " "}),
        "consent to no organisation": seeker.form("/organisations/999999/consent", {"on": "yes"}),
        "leaving no organisation": seeker.form("/organisations/999999/leave", {"how": "keep"}),
        "a group without a name": runner.form(
            f"/organisations/{org}/groups", {"kind": "cohort", "name": " "}
        ),
        "a group of no kind": runner.form(
            f"/organisations/{org}/groups", {"kind": "club", "name": "A"}
        ),
        "a member's group, not a member": runner.form(
            f"/organisations/{org}/members/999999/group", {"group_id": "1"}
        ),
        "an invitation with no role": runner.form(
            f"/organisations/{org}/invitations", {"role": "owner"}
        ),
        "a member inviting": seeker.form(f"/organisations/{org}/invitations", {"role": "member"}),
        "sign-on at no address": runner.form(
            f"/organisations/{org}/sso", {"issuer": "ftp://id", "client_id": "x"}
        ),
        "sign-on without a client": runner.form(
            f"/organisations/{org}/sso", {"issuer": "https://id.example.org", "client_id": " "}
        ),
        "an insight for a member": seeker.get(f"/organisations/{org}/insights.csv"),
        "joining with a used link": seeker.form("/join/organisation/not-a-token"),
        "signing up with a used link": stranger.form(
            "/join/organisation/not-a-token/sign-up", {"email": "x@example.org", **weak}, csrf=pre
        ),
        "a weak password to join": stranger.form(
            f"/join/organisation/{token}/sign-up", {"email": "x@example.org", **weak}, csrf=pre
        ),
        "a mailbox at no address": seeker.form(
            "/mail/imap", {"url": "mail.example.org", "password": "p"}
        ),
        "a mailbox without a user": seeker.form(
            "/mail/imap", {"url": "imap://mail.example.org/INBOX", "password": "p"}
        ),
        "a mailbox without a password": seeker.form(
            "/mail/imap", {"url": "imap://me@mail.example.org/INBOX", "password": ""}
        ),
        "a mailbox address with its password": seeker.form(
            "/mail/imap", {"url": "imap://me:secret@mail.example.org/INBOX", "password": "p"}
        ),
        "fetching no mailbox": seeker.form("/mail/imap/fetch"),
        "a coach reading no client": coach.get("/clients/999999"),
        **_refused_uploads(seeker),
    }


def _upload(person: Person, path: str, name: str, data: bytes, **fields: str) -> Any:
    return person.client.post(
        path, data={"csrf_token": person.csrf, **fields}, files={"file": (name, data)},
        follow_redirects=False,
    )  # fmt: skip


def _refused_uploads(seeker: Person) -> dict[str, Any]:
    """Files that cannot be used, uploaded into a journal that has applications already."""
    journal_json = seeker.get("/data/export/journal.json")
    journal_file = seeker.get("/data/export/journal.db")
    assert journal_json.status_code == journal_file.status_code == 200
    some_db = journal_file.content
    return {
        "no mailbox chosen": seeker.form("/mail/import"),
        "no file to import": seeker.form("/data/import/json"),
        "a JSON that is not": _upload(seeker, "/data/import/json", "x.json", b"{not json"),
        "a journal into a full one": _upload(
            seeker, "/data/import/json", "journal.json", journal_json.content
        ),
        "a CSV that is not": _upload(seeker, "/data/import/csv", "x.csv", b"\x00\x01\x02"),
        "a journal file that is not": _upload(
            seeker, "/data/import/journal-file", "journal.db", b"not a database"
        ),
        "a journal file into a full one": _upload(
            seeker, "/data/import/journal-file", "journal.db", some_db
        ),
        "a backup to put back": _upload(
            seeker, "/data/restore", "journal.db", some_db, confirm="1"
        ),
        "a backup taken here": seeker.form("/data/backup"),
    }


def test_every_refused_served_form_explains_itself_without_commands(
    served: Team, people: dict[str, Any]
) -> None:
    problems = []
    for what, response in _refused_forms(served, people).items():
        if not 400 <= response.status_code < 500:
            problems.append(f"{what}: answered {response.status_code}, not a refusal")
        problems += _terminal_words(what, response)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def keyless(sqlite_team: Team) -> Iterator[Team]:
    yield from make_team(sqlite_team.settings, secret_key=None)


def test_without_a_secret_key_the_refusals_speak_to_a_browser_user(keyless: Team) -> None:
    seeker = keyless.person("sam@example.org")
    runner = keyless.person("runner@example.org", role=Role.ADMIN)
    made = runner.form("/organisations", {"name": "North Careers"})
    org = int(made.headers["location"].rsplit("/", 1)[1])
    refused = {
        "a mailbox": seeker.form(
            "/mail/imap", {"url": "imap://me@mail.example.org/INBOX", "password": "p"}
        ),
        "a sign-on secret": runner.form(
            f"/organisations/{org}/sso",
            {"issuer": "https://id.example.org", "client_id": "x", "client_secret": "s"},
        ),
    }
    page = seeker.get("/mail/import").text  # says so before anyone types a password
    assert "cannot keep mail passwords yet" in page and 'action="/mail/imap"' not in page
    assert "cannot keep a client secret yet" in runner.get(f"/organisations/{org}").text
    for what, response in refused.items():
        assert response.status_code == 400, (what, response.text)
        assert _terminal_words(what, response) == []


def test_a_forgotten_password_on_a_server_without_mail_says_who_to_ask(sqlite_team: Team) -> None:
    page = sqlite_team.browser().get("/forgot")
    assert page.status_code == 200
    said = _said(page)
    assert "ask the administrator who set up your account" in said
    assert 'action="/forgot"' not in page.text  # no form that could never send anything
    assert "command" not in said.lower()
    assert _terminal_words("/forgot", page) == []
