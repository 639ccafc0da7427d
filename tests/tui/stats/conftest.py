"""The stats tests' fixtures, defined in the flashcard tests' helpers.py."""

from ..flashcards.helpers import cards_app, cards_library, clock  # noqa: F401 -- pytest finds fixtures by name here
