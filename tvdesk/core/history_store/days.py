"""Which days of a period are complete in the store, and which must still be fetched.

A day fetched after it ended, plus a grace period for records the server adds late, is
complete and never fetched again; today, and any day never fetched whole, is not.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

#: how long after a day ends its records may still change on the server
GRACE = timedelta(hours=3)


def day_ended_at(day: date, tz: tzinfo | None) -> datetime:
    """When ``day`` is over, plus the grace: from then on a fetch of it is final."""
    midnight = datetime.combine(day + timedelta(days=1), time(0, 0))
    midnight = midnight.astimezone() if tz is None else midnight.replace(tzinfo=tz)
    return midnight + GRACE


def is_complete(day: date, fetched: datetime, tz: tzinfo | None, today: date) -> bool:
    """A fetch at ``fetched`` was final for ``day``: the day was over (before ``today``,
    the app's own today) and so was its grace."""
    return day < today and fetched >= day_ended_at(day, tz)


def days_of(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def missing_ranges(start: date, end: date, complete: set[date], today: date
                   ) -> list[tuple[date, date]]:
    """The runs of days in ``start``..``end`` (none after today) not complete yet, as
    ``(first, last)`` ranges: each is one report request (its pages fetched concurrently)."""
    ranges: list[tuple[date, date]] = []
    for day in days_of(start, min(end, today)):
        if day in complete:
            continue
        if ranges and ranges[-1][1] == day - timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def without(ranges: list[tuple[date, date]], skip: tuple[date, date] | None
            ) -> list[tuple[date, date]]:
    """``ranges`` of days less the days of ``skip`` (none: all of them)."""
    if skip is None:
        return ranges
    out = []
    for first, last in ranges:
        if last < skip[0] or first > skip[1]:
            out.append((first, last))
            continue
        if first < skip[0]:
            out.append((first, skip[0] - timedelta(days=1)))
        if last > skip[1]:
            out.append((skip[1] + timedelta(days=1), last))
    return out


#: how far back a missed call still asks to be called back
CALL_BACK_DAYS = 7


def call_backs_since(today: date) -> datetime:
    """Where the call-back list begins: :data:`CALL_BACK_DAYS` before ``today``, at its
    midnight (this machine's)."""
    return datetime.combine(today - timedelta(days=CALL_BACK_DAYS), time.min).astimezone()
