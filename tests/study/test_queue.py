import sqlite3
from datetime import timedelta, timezone

import pytest
from fsrs import Rating, State

from rnnquiz.content.model import Flashcard
from rnnquiz.study.cards import expand, expand_all
from rnnquiz.study.queue import CramSession, QueueCounts, ReviewSession, StudyConfig
from rnnquiz.study.store import Store, StoreError

from .conftest import START, basic_units


def _dump(path) -> dict[str, list]:
    """Every row of every table, to prove an operation wrote nothing."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    dump = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    conn.close()
    return dump


def test_learning_first_then_reviews_then_new_in_content_order(store, clock, config, scheduler):
    units = basic_units(5)
    store.record_review("c003", "card", Rating.Easy, scheduler, at=START - timedelta(days=30))  # review, overdue
    store.record_review("c004", "card", Rating.Again, scheduler, at=START - timedelta(minutes=5))  # learning, due
    session = ReviewSession(store, units, config, clock)
    assert session.counts() == QueueCounts(new=3, learning=1, review=1)
    order = []
    for _ in range(5):
        unit = session.next()
        order.append(unit.id)
        session.answer(unit, Rating.Easy)
    assert order == ["c004", "c003", "c000", "c001", "c002"]
    assert session.next() is None and session.counts() == QueueCounts(0, 0, 0)


def test_previews_show_the_interval_each_rating_gives(store, clock, config):
    session = ReviewSession(store, basic_units(1), config, clock)
    unit = session.next()
    labels = session.previews(unit)
    assert labels[Rating.Good] == "Good · 10m" and labels[Rating.Again] == "Again · 1m"
    outcome = session.answer(unit, Rating.Good)
    assert outcome.interval == session.scheduler.preview(None, START)[Rating.Good]


def test_learning_cards_are_shown_early_only_when_nothing_else_is_left(store, clock, config):
    session = ReviewSession(store, basic_units(2), config, clock)
    first = session.next()
    session.answer(first, Rating.Good)  # learning, due in 10 minutes
    assert session.next().id == "c001"  # a new card before the early learning card
    session.answer(session.next(), Rating.Easy)
    assert session.next().id == "c000"  # within the 20-minute learn-ahead window
    clock.advance(minutes=10)
    session.answer(session.next(), Rating.Good)
    assert session.next() is None


def test_daily_new_limit_counts_per_study_day_and_resets_at_the_rollover_hour(store, clock):
    # UTC-5: the 04:00 local rollover is 09:00 UTC.
    config = StudyConfig(new_per_day=3, enable_fuzzing=False, tz=timezone(timedelta(hours=-5)))
    clock.set(START.replace(hour=20))  # 15:00 local on Monday
    session = ReviewSession(store, basic_units(10), config, clock)
    assert session.counts().new == 3
    for _ in range(3):
        session.answer(session.next(), Rating.Easy)
    assert session.next() is None and session.counts().new == 0
    tomorrow = START.replace(hour=9) + timedelta(days=1)
    assert session.next_due() == tomorrow
    clock.set(tomorrow - timedelta(minutes=1))  # 03:59 local: still Monday's study day
    assert session.next() is None
    clock.set(tomorrow)
    assert session.next().id == "c003" and session.counts().new == 3
    # Reopening the app the same day sees the same count: it comes from the log, not from memory.
    session.answer(session.next(), Rating.Easy)
    assert ReviewSession(store, basic_units(10), config, clock).counts().new == 2


def test_reviewing_one_sibling_buries_the_others_until_the_next_study_day(store, clock, config):
    card = Flashcard(id="rnn", type="reversible", front="RNN", back="recurrent neural network")
    cloze = Flashcard(id="cz", type="cloze", text="{{a}} and {{b}}")
    units = expand_all([card, cloze])
    session = ReviewSession(store, units, config, clock)
    session.answer(session.next(), Rating.Easy)  # rnn
    assert session.next().id == "cz#1"  # rnn~rev is buried
    session.answer(session.next(), Rating.Easy)
    assert session.next() is None and session.counts() == QueueCounts(0, 0, 0)
    clock.set(START.replace(hour=4) + timedelta(days=1))
    assert {session.next().id} <= {"rnn~rev", "cz#2"} and session.counts().new == 2


def test_a_learning_sibling_is_not_buried(store, clock, config):
    session = ReviewSession(store, expand(Flashcard(id="r", type="reversible", front="f", back="b")), config, clock)
    session.answer(session.next(), Rating.Again)  # r is learning, due in a minute
    clock.advance(minutes=1)
    assert session.next().id == "r"


def test_eight_lapses_make_a_leech_that_is_suspended_and_listed(store, clock, config):
    session = ReviewSession(store, basic_units(1), config, clock)
    session.answer(session.next(), Rating.Easy)
    outcomes = []
    for _ in range(8):
        clock.set(store.get_item("c000").due)
        outcomes.append(session.answer(session.next(), Rating.Again))
        clock.set(store.get_item("c000").due)
        if outcomes[-1].became_leech:
            break
        session.answer(session.next(), Rating.Good)
    assert [o.became_leech for o in outcomes] == [False] * 7 + [True]
    state = store.get_item("c000")
    assert state.suspended and state.leech and state.lapses == 8
    assert [(u.id, s.lapses) for u, s in session.leeches()] == [("c000", 8)]
    clock.advance(days=400)
    assert session.next() is None and session.next_due() is None
    assert session.unsuspend(session.units["c000"])
    assert session.next().id == "c000" and store.get_item("c000").leech


def test_undo_restores_state_and_log_and_shows_the_card_again(store, clock, config):
    session = ReviewSession(store, basic_units(3), config, clock)
    first = session.next()
    session.answer(first, Rating.Good)
    clock.advance(seconds=30)
    second = session.next()
    session.answer(second, Rating.Easy)
    before_counts = session.counts()
    assert session.undo() == second
    assert store.get_item(second.id) is None and [r.item_id for r in store.review_history(second.id)] == []
    assert session.next() == second
    assert session.counts() == QueueCounts(new=before_counts.new + 1, learning=1, review=0)
    assert session.undo() == first and store.get_item(first.id) is None
    assert not session.can_undo and session.undo() is None
    assert store.reviews_since(START - timedelta(days=1)) == []


def test_undo_after_another_copy_reviewed_the_card_is_refused(tmp_path, clock, config, scheduler):
    with Store.open(tmp_path, clock=clock) as mine, Store.open(tmp_path, clock=clock) as theirs:
        session = ReviewSession(mine, basic_units(1), config, clock)
        outcome = session.answer(session.next(), Rating.Good)
        theirs.record_review("c000", "card", Rating.Good, scheduler, at=outcome.item.due)
        with pytest.raises(StoreError, match="reviewed again"):
            session.undo()
        assert len(mine.review_history("c000")) == 2


def test_two_copies_never_introduce_the_same_new_card_twice(tmp_path, clock, config):
    with Store.open(tmp_path, clock=clock) as a, Store.open(tmp_path, clock=clock) as b:
        one, two = ReviewSession(a, basic_units(3), config, clock), ReviewSession(b, basic_units(3), config, clock)
        assert one.next().id == two.next().id == "c000"
        one.answer(one.next(), Rating.Easy)
        assert two.next().id == "c001"


def test_cards_removed_from_content_keep_progress_and_reworded_cards_keep_it_too(store, clock, config):
    session = ReviewSession(store, basic_units(2), config, clock)
    session.answer(session.next(), Rating.Easy)
    without = ReviewSession(store, basic_units(2)[1:], config, clock)
    assert without.next().id == "c001" and without.counts().new == 1
    assert store.get_item("c000").state == State.Review
    reworded = expand(Flashcard(id="c000", front="a new wording", back="and a new back"))
    back_again = ReviewSession(store, reworded, config, clock)
    assert back_again.counts() == QueueCounts(0, 0, 0) and back_again.state_of(reworded[0]).reps == 1


def test_nothing_due_says_when_the_next_card_is(store, clock, config):
    session = ReviewSession(store, basic_units(1), config, clock)
    outcome = session.answer(session.next(), Rating.Easy)
    assert session.next() is None
    assert session.next_due() == outcome.item.due


def test_cram_mode_reviews_everything_and_writes_nothing(store, clock, config, scheduler):
    units = basic_units(4)
    store.record_review("c002", "card", Rating.Easy, scheduler, at=START - timedelta(days=60))  # weakest
    store.record_review("c001", "card", Rating.Easy, scheduler, at=START - timedelta(days=1))
    before = _dump(store.path)
    cram = CramSession(store, units, config, clock)
    assert cram.counts() == QueueCounts(new=2, learning=0, review=2)
    seen = []
    while (unit := cram.next()) is not None and len(seen) < 20:
        seen.append(unit.id)
        outcome = cram.answer(unit, Rating.Again if unit.id == "c000" and seen.count("c000") == 1 else Rating.Good)
        assert outcome.review_id is None
    assert seen[:2] == ["c002", "c001"] and seen.count("c000") == 2
    assert cram.undo().id == seen[-1] and cram.next().id == seen[-1]
    cram.previews(cram.next())
    assert _dump(store.path) == before
    assert ReviewSession(store, units, config, clock).next().id == "c002"  # schedules untouched


def test_flagging_is_one_action_and_survives_in_the_store(store, clock, config):
    session = ReviewSession(store, basic_units(1), config, clock)
    unit = session.next()
    session.flag(unit, note="answer is wrong")
    assert session.is_flagged(unit)
    assert [(f.item_id, f.note) for f in store.flagged()] == [("c000", "answer is wrong")]


def test_settings_feed_the_config_and_bad_values_fall_back(store):
    store.set_setting("study.new_per_day", 7)
    store.set_setting("study.rollover_hour", "late")
    store.set_setting("study.desired_retention", 0.85)
    config = StudyConfig.from_store(store, enable_fuzzing=False)
    assert (config.new_per_day, config.rollover_hour, config.desired_retention) == (7, 4, 0.85)
    assert config.scheduler().desired_retention == 0.85 and not config.scheduler().enable_fuzzing
