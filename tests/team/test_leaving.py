"""A person deletes their own account: everything of theirs goes, nothing of anyone else's."""

from __future__ import annotations

from typing import Any

from nextyes.storage.schema import metadata
from tests.team.conftest import PASSWORD, Person, Team


def _rows_naming(team: Team, user_id: int) -> dict[str, int]:
    """For every table, how many rows name the user in a column that refers to accounts."""
    journal = team.journal()
    found: dict[str, int] = {}
    try:
        for table in metadata.sorted_tables:
            columns = [
                c.name
                for c in table.columns
                if any(fk.column.table.name == "users" for fk in c.foreign_keys)
            ]
            if table.name == "users":
                columns.append("id")
            if table.name == "journal_versions":
                columns.append("user_id")
            for column in columns:
                count = int(
                    journal.db.scalar(
                        f"SELECT count(*) FROM {table.name} WHERE {column} = :u", {"u": user_id}
                    )
                )
                if count:
                    found[f"{table.name}.{column}"] = count
        journal.db.rollback()
    finally:
        journal.close()
    return found


def _a_full_journal(person: Person) -> None:
    """Applications, a rejection with feedback, a win, a contact, a token, a calendar feed."""

    def made(method: str, path: str, body: Any) -> Any:
        answer = person.api(method, path, body)
        assert answer.status_code in (200, 201), (path, answer.text)
        return answer.json()

    app = made("POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Analyst"})
    made("POST", f"/api/v1/applications/{app['id']}/rejection", {"cool_down": "none"})
    made("POST", f"/api/v1/applications/{app['id']}/feedback", {"text": "Strong SQL, more depth"})
    made("POST", "/api/v1/wins", {"text": "Finished the take-home"})
    made("POST", "/api/v1/contacts", {"name": "Priya", "relation": "mentor"})
    made("PUT", "/api/v1/why", {"text": "Work that helps people"})
    assert person.form("/account/tokens", {"name": "a script"}).status_code == 200
    assert person.form("/account/calendar").status_code == 200


def test_a_person_deletes_their_account_and_nothing_of_theirs_is_left(team: Team) -> None:
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    _a_full_journal(ada)
    _a_full_journal(bo)
    code = ada.api("POST", "/api/v1/coach-invitations", {"scopes": ["applications"]}).json()
    assert bo.api("POST", f"/api/v1/coach-invitations/{code['code']}/accept").status_code == 200
    assert _rows_naming(team, ada.user_id)
    bos_before = _rows_naming(team, bo.user_id)

    answer = ada.form("/account/delete", {"email": " Ada@Example.org ", "password": PASSWORD})

    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/sign-in"
    assert answer.headers["clear-site-data"] == '"cache", "storage"'
    assert _rows_naming(team, ada.user_id) == {}
    bos_after = _rows_naming(team, bo.user_id)
    # Bo coached Ada: the share and the invitation Bo used went with her journal
    bos_before.pop("coach_shares.coach_id")
    bos_before.pop("coach_invitations.used_by")
    assert bos_after == bos_before
    assert ada.get("/").status_code == 303  # the old session is gone with the account
    again = team.browser().sign_in("ada@example.org")
    assert again.status_code == 400
    assert bo.api("GET", "/api/v1/applications").json()["total"] == 1


def test_deleting_needs_the_address_typed_and_the_password(team: Team) -> None:
    ada = team.person("ada@example.org")
    _a_full_journal(ada)
    before = _rows_naming(team, ada.user_id)

    wrong_address = ada.form("/account/delete", {"email": "bo@example.org", "password": PASSWORD})
    wrong_password = ada.form(
        "/account/delete", {"email": "ada@example.org", "password": "not my password"}
    )
    no_csrf = ada.client.post(
        "/account/delete",
        data={"email": "ada@example.org", "password": PASSWORD},
        follow_redirects=False,
    )

    assert wrong_address.status_code == 400
    assert "type its address (ada@example.org)" in wrong_address.text
    assert wrong_password.status_code == 400
    assert "not your current password" in wrong_password.text
    assert no_csrf.status_code in (400, 403)
    assert _rows_naming(team, ada.user_id) == before
    assert ada.api("GET", "/api/v1/applications").json()["total"] == 1


def test_the_last_administrator_cannot_delete_themselves(team: Team) -> None:
    from nextyes.domain.accounts import Role

    boss = team.person("boss@example.org", role=Role.ADMIN)
    answer = boss.form("/account/delete", {"email": "boss@example.org", "password": PASSWORD})
    assert answer.status_code == 400
    assert "last administrator" in answer.text
    assert boss.get("/account").status_code == 200


def test_a_script_deletes_its_account_through_the_api_with_the_password(team: Team) -> None:
    script = team.script("cleo@example.org")
    script.api("POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Analyst"})
    refused = script.api("POST", "/api/v1/account/deletion", {"email": "cleo@example.org"})
    assert refused.status_code == 400
    assert "not your current password" in refused.json()["message"]
    assert _rows_naming(team, script.user_id)
    done = script.api(
        "POST", "/api/v1/account/deletion", {"email": "cleo@example.org", "password": PASSWORD}
    )
    assert done.status_code == 204, done.text
    assert _rows_naming(team, script.user_id) == {}
    assert script.api("GET", "/api/v1/account").status_code == 401
