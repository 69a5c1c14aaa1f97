"""Parameter types that read dates, stages and durations the way people type them."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import click

from nextyes.domain.dates import DATE_HELP, parse_date, parse_duration
from nextyes.domain.errors import NextyesError
from nextyes.domain.stages import Stage, parse_stage


class DateParam(click.ParamType[date, Any]):
    """A date: 2026-11-03, today, yesterday, '3 days ago', 'last friday'."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from nextyes.cli.context import get_app

        try:
            return parse_date(str(value), get_app().today())
        except NextyesError as exc:
            self.fail(exc.message, param, ctx)


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
            self.fail(f"'{value}' is not a time. Give 14:30, 9am or 2:30pm.", param, ctx)


DATE = DateParam()
STAGE = StageParam()
DURATION = DurationParam()
TIME = TimeParam()
__all__ = ["DATE", "DATE_HELP", "DURATION", "STAGE", "TIME"]
