"""The base of every screen: `self.app` typed as the rnnquiz app, so screens call `open_screen`,
`action_back` and `context` with their real types instead of through `type: ignore`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from rnnquiz.tui.app import RnnQuizApp

ResultType = TypeVar("ResultType")


class AppScreen(Screen[None]):
    """A full screen of the app."""

    if TYPE_CHECKING:
        app = getters.app(RnnQuizApp)


class AppModal(ModalScreen[ResultType]):
    """A dialog over a screen of the app; `ResultType` is what it is dismissed with."""

    if TYPE_CHECKING:
        app = getters.app(RnnQuizApp)
