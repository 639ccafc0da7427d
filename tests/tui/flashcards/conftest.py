"""The flashcards tests' fixtures, defined in helpers.py."""

from .helpers import cards_app, cards_library, clock  # noqa: F401 -- pytest finds fixtures by name here
