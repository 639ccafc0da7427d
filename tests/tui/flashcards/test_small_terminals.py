"""QA regressions found by reviewing flashcards on a small terminal."""

from __future__ import annotations

from ..helpers import flat, screen_text


async def test_the_answer_is_on_screen_after_the_flip_at_40x12(make_app):
    app = make_app(initial="study")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # show the answer
        await pilot.pause()
        await pilot.pause()
        card = app.screen.query_one("#card")
        unit = card.face.unit
        assert card.face.flipped
        shown = flat(screen_text(app))
        assert flat(unit.answer)[:20] in shown, screen_text(app)


async def test_a_card_that_fits_does_not_scroll_after_the_flip(make_app):
    app = make_app(initial="study")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        card = app.screen.query_one("#card")
        assert card.scroll_y == 0
        assert flat(card.face.unit.prompt)[:20] in flat(screen_text(app))
