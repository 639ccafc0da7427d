from datetime import timedelta

import pytest
from fsrs import Rating, State

from rnnquiz.study.scheduler import StudyScheduler, format_interval, rating_for_score
from rnnquiz.study.typein import compare_typed

from .conftest import START


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=20), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=2), "2d"),
        (timedelta(days=91), "3mo"),
        (timedelta(days=511), "1.4y"),
        (timedelta(days=365 * 15), "15y"),
    ],
)
def test_format_interval(delta, text):
    assert format_interval(delta) == text


def test_new_card_previews_are_fsrs_learning_steps_without_fuzz(scheduler):
    labels = scheduler.preview_labels(None, START)
    assert labels[Rating.Again] == "Again · 1m"
    assert labels[Rating.Good] == "Good · 10m"
    assert labels[Rating.Easy].startswith("Easy · ") and labels[Rating.Easy].endswith("d")


def test_review_follows_fsrs_and_preview_matches_the_actual_interval(scheduler):
    first = scheduler.review(None, "c", "card", Rating.Good, START).item
    assert (first.state, first.step, first.reps, first.due) == (State.Learning, 1, 1, START + timedelta(minutes=10))
    at = first.due
    expected = scheduler.preview(first, at)[Rating.Good]
    second = scheduler.review(first, "c", "card", Rating.Good, at).item
    assert second.state == State.Review and second.due - at == expected and expected >= timedelta(days=1)


def test_lapses_count_only_forgotten_reviews_and_the_eighth_makes_a_leech():
    scheduler = StudyScheduler(enable_fuzzing=False)
    at = START
    item = scheduler.review(None, "c", "card", Rating.Easy, at).item
    results = []
    for _ in range(8):
        at = item.due
        result = scheduler.review(item, "c", "card", Rating.Again, at)  # review -> relearning: a lapse
        results.append(result)
        at = result.item.due
        item = scheduler.review(result.item, "c", "card", Rating.Good, at).item  # relearning -> review
    assert [r.lapsed for r in results] == [True] * 8
    assert [r.became_leech for r in results] == [False] * 7 + [True]
    assert item.lapses == 8 and item.leech and item.suspended


def test_fuzzing_is_off_when_asked_and_desired_retention_changes_intervals():
    lax = StudyScheduler(0.8, enable_fuzzing=False)
    strict = StudyScheduler(0.95, enable_fuzzing=False)
    item = lax.review(None, "c", "card", Rating.Easy, START).item
    assert lax.preview(item, item.due)[Rating.Good] > strict.preview(item, item.due)[Rating.Good]
    with pytest.raises(ValueError):
        StudyScheduler(1.5)


def test_rating_for_quiz_scores():
    assert [rating_for_score(s) for s in (0.0, 0.4, 0.5, 0.99, 1.0)] == [
        Rating.Again, Rating.Again, Rating.Hard, Rating.Hard, Rating.Good,
    ]


def test_type_in_comparison_shows_differences_and_suggests_a_rating():
    exact = compare_typed("  Hidden   STATE ", "hidden state")
    assert exact.exact and exact.suggested == Rating.Good
    typo = compare_typed("hiden state", "hidden state")
    assert not typo.exact and typo.suggested == Rating.Hard
    assert "".join(p.text for p in typo.parts if p.kind != "extra") == "hidden state"
    assert "".join(p.text for p in typo.parts if p.kind != "missing") == "hiden state"
    assert [p.text for p in typo.parts if p.kind == "missing"] == ["d"]
    wrong = compare_typed("gradient", ["hidden state", "h"])
    assert wrong.suggested == Rating.Again
    assert compare_typed("", "x").suggested == Rating.Again
    assert compare_typed("steps", ["time", "steps"]).exact


def test_a_typed_number_is_compared_as_a_number():
    for typed in ("10000", "10,000", "10 000", "1e4"):
        answer = compare_typed(typed, "10000")
        assert answer.exact and answer.suggested == Rating.Good, typed
    near = compare_typed("1000", "10000")  # one digit short: alike as text, a different number
    assert not near.exact and near.suggested == Rating.Again
    assert compare_typed("0.5", ".5").exact and not compare_typed("12", "1,2").exact
    assert compare_typed("tanhh", "tanh").suggested == Rating.Hard  # words keep the typo allowance


def test_type_in_reads_numbers_as_the_quiz_does():
    from rnnquiz.content.typed_numbers import parse_number

    for typed, expected in (("\u22123", "-3"), ("0,5", "0.5"), ("+2", "2")):
        assert parse_number(typed) == parse_number(expected)
        assert compare_typed(typed, expected).suggested == Rating.Good, typed
    assert not compare_typed("1e999", "10").exact  # not a finite number, so compared as text


# --- elapsed time in study days ---------------------------------------------------------------


def _one_day_card(scheduler: StudyScheduler, learnt_at):
    """A card learnt with Good, Good at `learnt_at` (fsrs gives it a first interval of days)."""
    first = scheduler.review(None, "c", "card", Rating.Good, learnt_at).item
    return scheduler.review(first, "c", "card", Rating.Good, first.due).item


def test_elapsed_time_is_counted_in_study_days_not_24_hour_periods():
    from datetime import UTC, datetime

    from fsrs import Scheduler

    from rnnquiz.study.clock import StudyDay

    day = StudyDay(rollover_hour=4, tz=UTC)
    scheduler = StudyScheduler(enable_fuzzing=False, study_day=day)
    learnt = _one_day_card(scheduler, datetime(2025, 3, 10, 9, 0, tzinfo=UTC))
    assert learnt.state == State.Review
    early_next_day = datetime(2025, 3, 11, 4, 30, tzinfo=UTC)  # 19.5 hours later, but the next study day
    assert scheduler.elapsed_days(learnt.last_review, early_next_day) == 1

    # What fsrs itself gives for one whole elapsed day: the same card reviewed 24 hours later.
    plain = Scheduler(enable_fuzzing=False)
    a_day_later = learnt.last_review + timedelta(days=1)
    by_fsrs = {r: plain.review_card(learnt.to_card(), r, review_datetime=a_day_later)[0] for r in Rating}
    ours = scheduler.preview(learnt, early_next_day)
    for rating in (Rating.Hard, Rating.Good, Rating.Easy):
        assert ours[rating] == by_fsrs[rating].due - a_day_later, rating
    assert ours[Rating.Good] > timedelta(days=1)  # not the same-day 1d of 24-hour counting
    good = scheduler.review(learnt, "c", "card", Rating.Good, early_next_day).item
    assert good.stability == pytest.approx(by_fsrs[Rating.Good].stability)
    assert good.last_review == early_next_day and good.due == early_next_day + ours[Rating.Good]


def test_the_same_study_day_is_a_same_day_review_even_across_midnight():
    from datetime import UTC, datetime

    from rnnquiz.study.clock import StudyDay

    scheduler = StudyScheduler(enable_fuzzing=False, study_day=StudyDay(rollover_hour=4, tz=UTC))
    evening, after_midnight = datetime(2025, 3, 10, 23, 0, tzinfo=UTC), datetime(2025, 3, 11, 3, 30, tzinfo=UTC)
    assert scheduler.elapsed_days(evening, after_midnight) == 0
    assert scheduler.elapsed_days(evening, datetime(2025, 3, 11, 4, 0, tzinfo=UTC)) == 1
    assert scheduler.elapsed_days(evening, datetime(2025, 3, 14, 3, 0, tzinfo=UTC)) == 3
