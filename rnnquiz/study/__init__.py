"""Flashcard review under spaced repetition: review units, the fsrs scheduler, the SQLite progress
store, the due queue and statistics.

Nothing here imports Textual: screens call these modules, and tests call them without an event loop.
Every learner action is one method call on `ReviewSession` (or `Store`) and one SQLite transaction.
"""
