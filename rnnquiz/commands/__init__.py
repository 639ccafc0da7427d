"""The subcommands. Each built one is a module with HELP, add_arguments(parser) and run(args).

Modules here import only argparse-level things at import time; heavy imports happen inside run().
"""

COMMANDS: dict[str, str] = {
    "validate": "rnnquiz.commands.validate",
    "schema": "rnnquiz.commands.schema",
    "learn": "rnnquiz.commands.learn",
    "glossary": "rnnquiz.commands.glossary",
    "stats": "rnnquiz.commands.stats",
    "demo": "rnnquiz.commands.demo",
    "new": "rnnquiz.commands.new",
    "import": "rnnquiz.commands.import_",
    "export": "rnnquiz.commands.export",
}
"""Subcommand name -> module that implements it."""

PENDING: dict[str, str] = {
    "study": "flashcard review",
    "quiz": "the quiz screen",
    "lab": "the RNN lab",
    "preview": "previewing a content file",
}
"""Subcommands that are planned but not built yet: they say so and exit 2."""
