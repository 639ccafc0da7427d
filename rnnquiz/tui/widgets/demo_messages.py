"""What a demo's thread worker posts to its view: rendered frames, and why a run stopped."""

from __future__ import annotations

from textual.message import Message


class Frame(Message, bubble=False):
    """A rendered frame from the worker; a newer one of the same run replaces it in the queue."""

    def __init__(self, run: int, frame: object, view) -> None:
        super().__init__()
        self.run, self.frame, self.view = run, frame, view

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Frame) and message.run == self.run and not self.view.done


class Failed(Message, bubble=False):
    """The run raised: the view says so instead of crashing the app."""

    def __init__(self, run: int, reason: str) -> None:
        super().__init__()
        self.run, self.reason = run, reason
