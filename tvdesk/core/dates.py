"""Dates to and from the API.

Requests send full ISO 8601 datetimes with the local offset: a date-only ``data_fim`` may be
read as midnight and drop the last day, so a range of days is sent as
``<first day>T00:00:00±hh:mm`` .. ``<last day>T23:59:59±hh:mm``.

Responses carry ISO 8601 with an offset, sometimes with milliseconds; naive values are read
as Brasília time (UTC-3, no DST since 2019), the vendor's own clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

BRASILIA = timezone(timedelta(hours=-3), "BRT")


def local_range(start: date, end: date, tz: tzinfo | None = None) -> tuple[str, str]:
    """``(data_inicio, data_fim)`` covering whole days ``start``..``end`` in ``tz`` (local)."""
    if end < start:
        raise ValueError("end date before start date")
    first = _aware(datetime.combine(start, time(0, 0, 0)), tz)
    last = _aware(datetime.combine(end, time(23, 59, 59)), tz)
    return first.isoformat(timespec="seconds"), last.isoformat(timespec="seconds")


def _aware(naive: datetime, tz: tzinfo | None) -> datetime:
    if tz is None:
        return naive.astimezone()  # the machine's local zone, with the offset of that date
    return naive.replace(tzinfo=tz)


def format_request_datetime(value: date | datetime, tz: tzinfo | None = None) -> str:
    """A single request date: datetimes keep their time, dates mean the start of that day."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else _aware(value, tz)
        return aware.isoformat(timespec="seconds")
    return _aware(datetime.combine(value, time(0, 0, 0)), tz).isoformat(timespec="seconds")


def parse_api_datetime(value: str) -> datetime:
    """Parse any date the API sends back into an aware datetime. Raises ``ValueError``."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=BRASILIA)
    return parsed


def parse_request_datetime(value: str, tz: tzinfo = BRASILIA, *, end_of_day: bool = False):
    """Parse a date a client sent (the simulator's side): date-only or full datetime.

    A date-only end means the whole day when ``end_of_day`` is set.
    """
    text = value.strip().replace(" ", "+") if "T" in value else value.strip()
    if len(text) == 10:
        day = date.fromisoformat(text)
        moment = time(23, 59, 59) if end_of_day else time(0, 0, 0)
        return datetime.combine(day, moment, tzinfo=tz)
    return parse_api_datetime(text)


def hms(seconds: int) -> str:
    """Seconds as the API's ``HH:MM:SS`` (hours may exceed 24)."""
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"
