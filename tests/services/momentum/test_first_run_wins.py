"""New people in the network make one win a day at most, after the real progress."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.stages import Stage
from nextyes.domain.wins import WinKind
from nextyes.services.journal import Journal
from nextyes.services.momentum.wins import list_wins, week_wins
from nextyes.services.people import contacts
from tests.conftest import NOW, TODAY
from tests.services.momentum.momentum_helpers import applied, moved


def test_many_new_people_in_one_day_make_one_win_after_the_progress(journal: Journal) -> None:
    app_id = applied(journal, "Acme", TODAY - timedelta(days=9))
    moved(journal, app_id, Stage.INTERVIEW, TODAY - timedelta(days=1))
    for name in ("Ana Diaz", "Ben Cho", "Cleo Park", "Dev Rao"):
        contacts.add_contact(journal.uow(), name, NOW, company="Lumen")
    with journal.uow():
        week = week_wins(journal.uow(), NOW)
    kinds = [w.kind for w in week]
    assert kinds.count(WinKind.CONTACT) == 1
    assert len(kinds) > 1
    assert kinds[-1] is WinKind.CONTACT  # the interview's win comes first, though it is older
    contact_win = next(w for w in week if w.kind is WinKind.CONTACT)
    assert contact_win.text.startswith("4 new people in your network")
    stored = list_wins(journal.uow(), NOW)
    assert [w.kind for w in stored].count(WinKind.CONTACT) == 1
    contacts.add_contact(journal.uow(), "Eve Lund", NOW + timedelta(hours=1))
    later = list_wins(journal.uow(), NOW + timedelta(hours=1))
    assert [w.kind for w in later].count(WinKind.CONTACT) == 1  # still one for the day
