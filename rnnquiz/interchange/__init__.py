"""Import from and export to other study tools: Anki, CSV, Moodle GIFT, Aiken.

Pure format logic, no Textual: each importer turns a file's text into rnnquiz models plus a report
of everything it could not carry over, and each exporter turns models into another tool's format.
The commands in `rnnquiz.commands` only read files, call these, and print.
"""
