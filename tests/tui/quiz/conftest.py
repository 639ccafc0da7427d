"""The quiz tests' fixtures, defined in helpers.py."""

from .helpers import clock, quiz_app, quiz_library, quiz_store  # noqa: F401 -- pytest finds fixtures by name here
