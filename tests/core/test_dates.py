from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tvdesk.core.dates import BRASILIA, hms, local_range, parse_api_datetime, parse_request_datetime


def test_local_range_covers_whole_days_with_the_offset():
    tz = timezone(timedelta(hours=-3))
    start, end = local_range(date(2018, 3, 14), date(2018, 3, 15), tz)
    assert start == "2018-03-14T00:00:00-03:00"
    assert end == "2018-03-15T23:59:59-03:00"


def test_local_range_uses_the_machine_zone_by_default():
    start, end = local_range(date(2024, 1, 10), date(2024, 1, 10))
    first, last = datetime.fromisoformat(start), datetime.fromisoformat(end)
    assert first.utcoffset() is not None and last.utcoffset() is not None
    assert (last - first) == timedelta(hours=23, minutes=59, seconds=59)


def test_local_range_rejects_reversed_ranges():
    with pytest.raises(ValueError):
        local_range(date(2024, 1, 2), date(2024, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-06-15T11:14:41-03:00", datetime(2019, 6, 15, 11, 14, 41, tzinfo=BRASILIA)),
        ("2019-06-15T11:14:41.250-03:00",
         datetime(2019, 6, 15, 11, 14, 41, 250000, tzinfo=BRASILIA)),
        ("2019-06-15T14:14:41Z", datetime(2019, 6, 15, 14, 14, 41, tzinfo=UTC)),
        ("2019-06-15T11:14:41-0300", datetime(2019, 6, 15, 11, 14, 41, tzinfo=BRASILIA)),
        ("2019-06-15 11:14:41", datetime(2019, 6, 15, 11, 14, 41, tzinfo=BRASILIA)),
    ],
)
def test_every_response_date_format_is_read(text, expected):
    assert parse_api_datetime(text) == expected


@pytest.mark.parametrize("bad", ["", "   ", "ontem", "2019-13-40T00:00:00", None, 5])
def test_unreadable_dates_raise_value_error(bad):
    with pytest.raises((ValueError, TypeError)):
        parse_api_datetime(bad)


def test_request_dates_read_by_the_simulator():
    assert parse_request_datetime("2018-03-15", BRASILIA) == datetime(2018, 3, 15,
                                                                      tzinfo=BRASILIA)
    end = parse_request_datetime("2018-03-15", BRASILIA, end_of_day=True)
    assert end == datetime(2018, 3, 15, 23, 59, 59, tzinfo=BRASILIA)
    # a '+' offset decoded as a space by a lenient query parser still reads back
    assert parse_request_datetime("2018-03-15T10:00:00 02:00").utcoffset() == timedelta(hours=2)


def test_hms():
    assert hms(0) == "00:00:00"
    assert hms(369) == "00:06:09"
    assert hms(90061) == "25:01:01"
