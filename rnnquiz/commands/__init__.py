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
    "lab": "rnnquiz.commands.lab",
    "quiz": "rnnquiz.commands.quiz",
    "study": "rnnquiz.commands.study",
    "preview": "rnnquiz.commands.preview",
}
"""Subcommand name -> module that implements it."""
