from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from rnnquiz.study.clock import ManualClock, StudyDay, from_ms, to_ms


def test_a_study_day_starts_at_the_rollover_hour_local_time():
    day = StudyDay(4, timezone(timedelta(hours=2)))
    assert day.day_of(datetime(2025, 3, 11, 1, 59, tzinfo=UTC)) == date(2025, 3, 10)  # 03:59 local
    assert day.day_of(datetime(2025, 3, 11, 2, 0, tzinfo=UTC)) == date(2025, 3, 11)  # 04:00 local
    assert day.start_of(date(2025, 3, 11)) == datetime(2025, 3, 11, 2, 0, tzinfo=UTC)


def test_study_days_follow_daylight_saving_time():
    day = StudyDay(4, ZoneInfo("Europe/Berlin"))
    start, end = day.bounds(datetime(2025, 3, 30, 12, tzinfo=UTC))  # clocks go forward that night
    assert start == datetime(2025, 3, 30, 2, tzinfo=UTC)  # 04:00 CEST
    assert day.start_of(date(2025, 3, 29)) == datetime(2025, 3, 29, 3, tzinfo=UTC)  # 04:00 CET
    assert end - start == timedelta(days=1)


def test_times_are_stored_as_utc_epoch_milliseconds():
    instant = datetime(2025, 1, 1, 12, 0, 0, 123000, tzinfo=timezone(timedelta(hours=5)))
    assert from_ms(to_ms(instant)) == instant and from_ms(to_ms(instant)).tzinfo == UTC
    with pytest.raises(ValueError):
        to_ms(datetime(2025, 1, 1))


def test_manual_clock_moves_only_when_told():
    clock = ManualClock(datetime(2025, 1, 1, tzinfo=UTC))
    assert clock.now() == clock.now()
    assert clock.advance(hours=1) == datetime(2025, 1, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        StudyDay(24)
