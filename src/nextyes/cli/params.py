"""Parameter types that read dates, stages and durations the way people type them."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import click

from nextyes import content
from nextyes.domain.dates import DATE_HELP, is_bare_weekday, parse_date, parse_duration
from nextyes.domain.errors import NextyesError
from nextyes.domain.stages import Stage, parse_stage


class DateParam(click.ParamType[date, Any]):
    """A date: 2026-11-03, today, yesterday, '3 days ago', 'last friday'.

    `ahead` is for options about what is planned (a follow-up, an answer-by date): there a bare
    weekday is the coming one; elsewhere (applied on, heard on) the last one.
    """

    name = "date"

    def __init__(self, *, ahead: bool = False) -> None:
        self.ahead = ahead

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from nextyes.cli.context import get_app

        try:
            return read_date(str(value), get_app().today(), ahead=self.ahead)
        except NextyesError as exc:
            self.fail(exc.message, param, ctx)


class DateTextParam(DateParam):
    """A date checked now but read later, when the command knows which way it faces."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            parse_date(str(value), date.today())
        except NextyesError as exc:
            self.fail(exc.message, param, ctx)
        return str(value)


def read_date(text: str, today: date, *, ahead: bool) -> date:
    """Parse a date; a bare weekday, which could mean either week, is echoed with its date."""
    day = parse_date(text, today, ahead=ahead)
    if is_bare_weekday(text) and day != today:
        from nextyes import content

        words = content.load("common")
        which = words["weekday_ahead" if ahead else "weekday_past"]
        said = content.fill(words["date"], day=str(day.day), month=words["months"][day.month - 1])
        weekday = words["weekdays"][day.weekday()]
        click.echo(content.fill(which, text=text.strip(), weekday=weekday, date=said), err=True)
    return day


class WholeNumber(click.ParamType[int, Any]):
    """A whole number from `low` to `high`, refused with words a person can act on."""

    name = "integer"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(self._say("whole_not_a_number", str(value)), param, ctx)
        if not self.low <= number <= self.high:
            self.fail(self._say("whole_out_of_range", str(number), param), param, ctx)
        return number

    def _say(self, key: str, text: str, param: click.Parameter | None = None) -> str:
        from nextyes import content

        option = param.opts[0] if param is not None and param.opts else "this"
        return content.fill(
            content.load("common")[key],
            text=text, option=option, low=f"{self.low:,}", high=f"{self.high:,}",
        )  # fmt: skip

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"{self.low}-{self.high}"


class StageParam(click.ParamType[Stage, Any]):
    name = "stage"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Stage:
        if isinstance(value, Stage):
            return value
        try:
            return parse_stage(str(value))
        except NextyesError as exc:
            self.fail(exc.message, param, ctx)


class DurationParam(click.ParamType[timedelta, Any]):
    name = "duration"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> timedelta:
        if isinstance(value, timedelta):
            return value
        try:
            return parse_duration(str(value))
        except NextyesError as exc:
            self.fail(exc.message, param, ctx)


class TimeParam(click.ParamType[time, Any]):
    name = "time"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> time:
        if isinstance(value, time):
            return value
        text = str(value).strip().lower().replace(".", ":")
        try:
            if text.endswith(("am", "pm")):
                hour_text, _, minute_text = text[:-2].strip().partition(":")
                hour = int(hour_text) % 12 + (12 if text.endswith("pm") else 0)
                return time(hour, int(minute_text or 0))
            return time.fromisoformat(text if ":" in text else f"{int(text):02d}:00")
        except ValueError:
            said = content.fill(content.load("common")["params"]["not_a_time"], value=value)
            self.fail(said, param, ctx)


DATE = DateParam()
DATE_AHEAD = DateParam(ahead=True)
DATE_TEXT = DateTextParam()
STAGE = StageParam()
DURATION = DurationParam()
TIME = TimeParam()
__all__ = ["DATE", "DATE_AHEAD", "DATE_HELP", "DATE_TEXT", "DURATION", "STAGE", "TIME"]
