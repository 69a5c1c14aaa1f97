"""The weekly review: the week's story as data, and as Markdown, HTML, a shareable page and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.errors import InvalidInput
from nextyes.domain.review import ReviewItem, ReviewSection, Week, WeeklyReview, parse_week
from nextyes.services.journal import Journal
from nextyes.services.review.weekly import weekly_review
from tests.conftest import NOW, TODAY, Cli

W47 = Week(2026, 47)  # Monday 16 to Sunday 22 November 2026; "today" is its Sunday


@pytest.fixture
def week_of_news(run: Cli) -> Cli:
    """A week with applications, a step forward, an interview ahead and two noes."""
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-02", "--source", "referral")
    run.ok("add", "Brightwell", "Analyst", "--on", "2026-11-16", "--source", "linkedin")
    run.ok("add", "Cobalt Health", "Nurse Manager", "--on", "2026-11-18", "--source", "linkedin")
    run.ok("add", "Dovetail", "Support Lead", "--on", "2026-11-19", "--yes")
    run.ok("move", "1", "interview", "--on", "2026-11-17", "--note", "panel with the data team")
    run.ok("move", "1", "final", "--on", "2026-11-25", "--at", "10:00")
    run.ok("reject", "2", "--on", "2026-11-20", "--reason", "We went with an internal candidate.")
    run.ok("reject", "4", "--on", "2026-11-21")
    run.ok("note", "2", "I felt flat on the call; sleep first next time.", "--private",
           "--on", "2026-11-20")  # fmt: skip
    run.ok("note", "2", "Recruiter was warm and open to staying in touch.", "--on", "2026-11-20")
    return run


def test_weeks_are_read_as_iso_weeks_last_or_a_date_inside() -> None:
    assert parse_week("2026-W47", TODAY) == W47
    assert parse_week(None, TODAY) == W47
    assert parse_week("last", TODAY) == Week(2026, 46)
    assert parse_week("2026-11-18", TODAY) == W47
    assert (W47.starts_on, W47.ends_on) == (date(2026, 11, 16), date(2026, 11, 22))
    assert parse_week("2026-W01", TODAY).starts_on == date(2025, 12, 29)


@pytest.mark.parametrize("text", ["2026-W54", "someday", "W47"])
def test_a_week_that_is_not_one_says_how_to_write_it(text: str) -> None:
    with pytest.raises(InvalidInput, match="2026-W47"):
        parse_week(text, TODAY)


def _section(review: WeeklyReview, key: str) -> ReviewSection:
    found = review.section(key)
    assert found is not None, [s.key for s in review.sections]
    return found


def test_the_review_tells_the_weeks_story_in_order(week_of_news: Cli, journal: Journal) -> None:
    review = weekly_review(journal.uow(), W47, NOW)
    keys = [s.key for s in review.sections]
    assert keys.index("applications") < keys.index("stages") < keys.index("rejections")
    assert keys[-1] == "focus"
    assert review.facts == {
        "wins": 2, "applications": 3, "steps_forward": 2, "interviews": 2, "offers": 0, "noes": 2,
    }  # fmt: skip
    assert "3 applications sent, 2 steps forward, 2 noes" in review.intro
    sent = _section(review, "applications")
    assert sent.summary == "3 applications sent this week."
    assert sent.items[0].text == "Where they went: linkedin 2."
    per_day = sent.charts[0]
    assert per_day.series[0].values == (1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0)
    assert "Monday 1" in per_day.alt
    trend = sent.charts[1]
    assert trend.labels[-1] == "W47" and trend.series[0].values[-3:] == (1.0, 0.0, 3.0)


def test_each_no_says_where_it_came_and_what_it_taught(week_of_news: Cli, journal: Journal) -> None:
    review = weekly_review(journal.uow(), W47, NOW)
    noes = _section(review, "rejections")
    texts = [i.text for i in noes.items]
    assert "Brightwell · Analyst, after you applied (Fri 20)" in texts
    brightwell = noes.items[texts.index("Brightwell · Analyst, after you applied (Fri 20)")]
    assert brightwell.detail == (
        "They said: “We went with an internal candidate.” Outside your control: internal candidate."
    )
    dovetail = next(i for i in noes.items if i.text.startswith("Dovetail"))
    assert dovetail.detail is not None and "polite request" in dovetail.detail
    private = [i for i in noes.items if i.private]
    assert [i.text for i in private] == [
        "Your note: I felt flat on the call; sleep first next time."
    ]


def test_feedback_themes_are_split_into_what_to_work_on_and_what_was_not_yours(
    week_of_news: Cli, journal: Journal
) -> None:
    with journal.uow() as uow:
        uow.feedback.add(2, "Strong, but we hired internally; work on STAR answers.", "recruiter",
                         date(2026, 11, 21), NOW,
                         themes=("behavioural_answers", "internal_candidate"), origin="cli")  # fmt: skip
        uow.commit()
    review = weekly_review(journal.uow(), W47, NOW)
    brightwell = next(i for i in _section(review, "rejections").items if "Brightwell" in i.text)
    assert "Worth working on: behavioural answers." in (brightwell.detail or "")
    assert "Outside your control: internal candidate." in (brightwell.detail or "")
    themes = _section(review, "themes")
    assert [(i.tags[0], i.text) for i in themes.items] == [
        ("internal_candidate", "Internal candidate: 2 times"),
        ("behavioural_answers", "Behavioural answers: 1 time"),
    ]
    assert themes.summary == "From 2 pieces of feedback and reasons given in the last 30 days."
    focus = _section(review, "focus")
    assert any("behavioural answers" in i.text for i in focus.items)


def test_what_is_coming_up_is_named_and_becomes_part_of_the_focus(
    week_of_news: Cli, journal: Journal
) -> None:
    review = weekly_review(journal.uow(), W47, NOW)
    coming = _section(review, "coming_up")
    assert [i.text for i in coming.items] == [
        "Acme Robotics · Data Analyst: final interview, Wed 25 10:00"
    ]
    assert "Prepare for Acme Robotics · Data Analyst" in _section(review, "focus").items[0].text


def test_a_quiet_week_is_met_kindly(run: Cli, journal: Journal) -> None:
    review = weekly_review(journal.uow(), Week(2026, 40), NOW)
    assert "Quiet weeks count too" in review.intro
    assert [s.key for s in review.sections] == ["wins", "applications", "focus"]
    assert "They are there all the same" in (_section(review, "wins").summary or "")
    assert "fresh start" in (_section(review, "applications").summary or "")


def test_sharing_leaves_every_private_thing_out() -> None:
    review = WeeklyReview(
        week=W47, title="t", intro="i",
        sections=(
            ReviewSection("a", "A", items=(ReviewItem("open"), ReviewItem("mine", private=True))),
            ReviewSection("care", "Care", summary="slept well", private=True),
            ReviewSection("b", "B", items=(ReviewItem("only mine", private=True),)),
        ),
    )  # fmt: skip
    shared = review.shared(footer="f")
    assert [s.key for s in shared.sections] == ["a"]
    assert [i.text for i in shared.sections[0].items] == ["open"]
    assert shared.shared_view and shared.footer == "f"


# --- rendered -------------------------------------------------------------------------------


def test_the_markdown_review_reads_top_to_bottom(week_of_news: Cli) -> None:
    text = week_of_news.ok("review", "week").output
    assert text.startswith("# Your week: 16 November 2026 to 22 November 2026\n")
    assert text.index("## Applications") < text.index("## Noes, and what each taught")
    assert "| Applications | 1 | 0 | 1 | 1 | 0 | 0 | 0 |" in text
    assert "I felt flat on the call" in text


def test_the_html_review_is_one_self_contained_page(week_of_news: Cli, tmp_path: Path) -> None:
    out = tmp_path / "week.html"
    week_of_news.ok("review", "week", "--format", "html", "--out", str(out))
    page = out.read_text()
    assert page.count('src="data:image/svg+xml;base64,') == 2
    assert not re.search(r"""(src|href)=["'](?!data:|#)""", page)
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert 'alt="Applications sent each day this week: Monday 1' in page
    assert "I felt flat on the call" in page and "private" in page


def test_a_shared_review_leaves_private_notes_out(week_of_news: Cli, tmp_path: Path) -> None:
    out = tmp_path / "mentor.html"
    week_of_news.ok("review", "week", "--share", "--out", str(out))
    page = out.read_text()
    assert page.startswith("<!doctype html>")
    assert "I felt flat on the call" not in page
    assert "Recruiter was warm" in page
    assert "Private notes, reflections, mood and self-care stay with their owner" in page


def test_html_in_journal_text_is_shown_as_text(run: Cli) -> None:
    run.ok("add", "<script>alert(1)</script>", "Analyst", "--on", "2026-11-18")
    run.ok("reject", "1", "--reason", "<b>no</b>")
    page = run.ok("review", "week", "--format", "html").output
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;no&lt;/b&gt;" in page


def test_the_same_week_renders_the_same_page(week_of_news: Cli) -> None:
    first = week_of_news.ok("review", "week", "--format", "html").output
    assert week_of_news.ok("review", "week", "--format", "html").output == first


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_the_pdf_review_has_a_first_page_with_ink_on_it(week_of_news: Cli, tmp_path: Path) -> None:
    from PIL import Image, ImageStat

    out = tmp_path / "week.pdf"
    week_of_news.ok("review", "week", "--format", "pdf", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF-")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        dark = sum(grey.histogram()[:200])
        assert width > 300 and height > 400
        assert dark / (width * height) > 0.01, "the page is blank"
        assert ImageStat.Stat(grey).stddev[0] > 10
        top = grey.crop((0, 0, width, height // 4))
        assert sum(top.histogram()[:128]) > 100, "no title at the top of the page"


def test_a_bad_week_is_refused_clearly(run: Cli) -> None:
    assert "2026-W47" in run.fails("review", "week", "--week", "soon").output


@given(st.text(max_size=20))
def test_any_week_text_is_a_week_or_a_clear_refusal(text: str) -> None:
    try:
        week = parse_week(text, TODAY)
    except InvalidInput as exc:
        assert "2026-W47" in exc.message
    else:
        assert week.starts_on.weekday() == 0 and week.ends_on - week.starts_on == timedelta(6)


def test_a_reflection_adds_what_the_no_taught_privately_and_a_request_shows_its_status(
    week_of_news: Cli, journal: Journal, tmp_path: Path
) -> None:
    from nextyes.domain.recovery import StageGroup

    with journal.uow() as uow:
        uow.feedback_requests.add(2, date(2026, 11, 21), date(2026, 11, 28), NOW)
        uow.reflections.add(
            2, StageGroup.SCREEN_OUT, NOW, NOW, 20, NOW, mood_before=2, mood_after=3,
            answers={"keep-doing": "Tailoring the first paragraph.",
                     "next-time-one-change": "Lead with the budget project."},
            attributions={},
        )  # fmt: skip
        uow.commit()
    review = weekly_review(journal.uow(), W47, NOW)
    noes = _section(review, "rejections")
    brightwell = next(i for i in noes.items if i.text.startswith("Brightwell"))
    assert "You asked for feedback (Sat 21 Nov); no answer yet." in (brightwell.detail or "")
    private = [i.text for i in noes.items if i.private]
    assert "From your reflection, to keep: Tailoring the first paragraph." in private
    assert "From your reflection, one change: Lead with the budget project." in private
    out = tmp_path / "share.html"
    week_of_news.ok("review", "week", "--share", "--out", str(out))
    page = out.read_text()
    assert "Tailoring the first paragraph" not in page and "You asked for feedback" in page


@pytest.fixture
def week_with_momentum(week_of_news: Cli) -> Cli:
    run = week_of_news
    run.ok("goal", "set", "applications", "2/week")
    run.ok("win", "A recruiter called me back within a day")
    run.ok("care", "log", "exercise", "45m", "long walk by the river")
    run.ok("care", "log", "social", "1h")
    run.ok("mood", "log", "2", "flat after the Brightwell no")
    run.ok("why", "set", "Work where my analysis changes decisions, near home")
    return run


def test_wins_come_first_then_the_goal_beside_the_applications(
    week_with_momentum: Cli, journal: Journal
) -> None:
    review = weekly_review(journal.uow(), W47, NOW)
    assert review.sections[0].key == "wins"
    wins = [i.text for i in review.sections[0].items]
    assert "Sun 22: A recruiter called me back within a day" in wins
    assert any("an interview at Acme Robotics" in w for w in wins)
    applications = _section(review, "applications")
    goal = next(i for i in applications.items if "goal" in i.tags)
    assert goal.text == "Goal met: 3 applications, with 2 as the goal."
    assert goal.detail == "Reached on Wednesday."
    assert applications.charts[1].targets[-1] == 2.0


def test_care_and_mood_are_private_and_the_why_is_shown(
    week_with_momentum: Cli, journal: Journal, tmp_path: Path
) -> None:
    review = weekly_review(journal.uow(), W47, NOW)
    care = _section(review, "care")
    assert care.private
    texts = [i.text for i in care.items]
    assert "2 times for yourself: exercise 1, time with people 1. About 1.8 hours in all." in texts
    assert "Sun, 2/5: flat after the Brightwell no" in texts
    assert care.charts[0].series[0].values[-1] == 2.0 and care.charts[0].y_max == 5.0
    why = _section(review, "why")
    assert why.items[0].text == "Work where my analysis changes decisions, near home"
    keys = [s.key for s in review.sections]
    assert keys.index("rejections") < keys.index("care") < keys.index("why") < keys.index("focus")
    out = tmp_path / "mentor.html"
    week_with_momentum.ok("review", "week", "--share", "--out", str(out))
    page = out.read_text()
    assert "flat after the Brightwell no" not in page and "long walk" not in page
    assert "Care and mood" not in page
    assert "Work where my analysis changes decisions" in page
    assert "A recruiter called me back" in page


def test_the_plan_part_tells_what_moved_and_the_focus_comes_from_the_plan(
    week_of_news: Cli, journal: Journal
) -> None:
    run = week_of_news
    run.ok("plan", "add", "Rehearse three STAR stories aloud", "--theme", "behavioural_answers")
    run.ok("plan", "add", "Rewrite the résumé summary", "--kind", "materials")
    run.ok("plan", "add", "SQL window functions", "--kind", "skill")
    run.ok("plan", "add", "Old course", "--kind", "learning")
    run.ok("plan", "start", "1")
    run.ok("plan", "start", "4")
    run.ok("plan", "finish", "4", "--evidence", "Certificate")
    run.ok("practice", "log", "beh-01", "--rating", "3", "--plan-item", "1")
    review = weekly_review(journal.uow(), W47, NOW)
    plan = _section(review, "plan")
    texts = [i.text for i in plan.items]
    assert texts[:2] == ["Done: Old course", "Started: Rehearse three STAR stories aloud"]
    assert "1 practice session this week." in texts
    assert plan.summary == "1 done this week, 1 under way, 2 waiting their turn."
    focus = [i.text for i in _section(review, "focus").items]
    assert focus == [
        "Keep going with: Rehearse three STAR stories aloud",
        "Next from your plan: Rewrite the résumé summary",
        "Prepare for Acme Robotics · Data Analyst: the role, the people, and two stories that fit it.",
    ]


def test_the_demo_gives_the_review_something_in_every_part(run: Cli, tmp_path: Path) -> None:
    run.ok("demo")
    text = run.ok("review", "week").output
    for heading in ("Wins first", "Applications", "Stage changes", "Noes, and what each taught",
                    "Themes in recent feedback", "Your plan", "Care and mood", "Your why",
                    "Focus for next week"):  # fmt: skip
        assert f"## {heading}" in text, heading
    out = tmp_path / "share.html"
    run.ok("review", "week", "--share", "--out", str(out))
    shared = out.read_text()
    assert "The recruiter was kind on the phone" in shared
    assert "Felt flat all afternoon" in text and "Felt flat all afternoon" not in shared
