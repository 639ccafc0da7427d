"""The subcommands. Each built one is a module with HELP, add_arguments(parser) and run(args).

Modules here import only argparse-level things at import time; heavy imports happen inside run().
"""

COMMANDS: dict[str, str] = {
    "validate": "rnnquiz.commands.validate",
    "schema": "rnnquiz.commands.schema",
}
"""Subcommand name -> module that implements it."""

PENDING: dict[str, str] = {
    "learn": "the lesson screen",
    "study": "flashcard review",
    "quiz": "the quiz screen",
    "lab": "the RNN lab",
    "demo": "printing a demo",
    "glossary": "the glossary screen",
    "stats": "statistics",
    "new": "course scaffolding",
    "import": "importing decks and quiz banks",
    "export": "exporting to Anki, CSV and GIFT",
    "preview": "previewing a content file",
}
"""Subcommands that are planned but not built yet: they say so and exit 2."""
