"""What a demo's thread worker posts to its view: rendered frames, and why a run stopped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from rnnquiz.rnn.demos.spec import View


class Frame(Message, bubble=False):
    """A rendered frame from the worker; a newer one of the same run replaces it in the queue."""

    def __init__(self, run: int, frame: object, view: View) -> None:
        super().__init__()
        self.run, self.frame, self.view = run, frame, view

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Frame) and message.run == self.run and not self.view.done


class Failed(Message, bubble=False):
    """The run raised: the view says so instead of crashing the app."""

    def __init__(self, run: int, reason: str) -> None:
        super().__init__()
        self.run, self.reason = run, reason
