"""Read lessons aloud through whatever local speech engine is installed.

The source page offers an audio lesson and an audiobook; the terminal version speaks a dialogue
line or a deep-dive item with a local engine. Detection and command building are pure functions
(tested without Textual or a sound card); `Speaker` owns the one running process so a new line
interrupts the previous one. Text goes in on stdin, never as an argument, so a line that starts
with `-` cannot be read as an option and nothing passes through a shell.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from rnnquiz.content.text import speakable

Role = Literal["teacher", "student", "narrator"]

ENGINES = ("espeak-ng", "espeak", "spd-say", "say")
"""Engines in order of preference: espeak-ng is the best-maintained and the most common on Linux."""

VOICES: dict[str, dict[str, list[str]]] = {
    # espeak voice variants: m3 is a lower male voice, f3 a higher female one.
    "espeak-ng": {"teacher": ["-v", "en+m3"], "student": ["-v", "en+f3"], "narrator": ["-v", "en"]},
    "espeak": {"teacher": ["-v", "en+m3"], "student": ["-v", "en+f3"], "narrator": ["-v", "en"]},
    # Speech Dispatcher picks a concrete voice for each voice type of the output module.
    "spd-say": {"teacher": ["-t", "male1"], "student": ["-t", "female1"], "narrator": []},
    # macOS voices present on every install since 10.7.
    "say": {"teacher": ["-v", "Alex"], "student": ["-v", "Samantha"], "narrator": []},
}

INPUT_ARGS: dict[str, list[str]] = {
    "espeak-ng": ["--stdin"],
    "espeak": ["--stdin"],
    "spd-say": ["--wait", "--pipe-mode"],  # wait, so the app knows when speaking ends
    "say": ["-f", "-"],
}
"""How each engine is told to read the text from stdin."""


@dataclass(frozen=True, slots=True)
class Engine:
    """An installed speech engine."""

    name: str
    path: str


@dataclass(frozen=True, slots=True)
class Utterance:
    """What to run to speak one piece of text: the argv, and the text to feed on stdin."""

    argv: list[str]
    text: str


def detect_engine(which: Callable[[str], str | None] = shutil.which) -> Engine | None:
    """The first speech engine found on PATH, or None."""
    for name in ENGINES:
        path = which(name)
        if path:
            return Engine(name, path)
    return None


def utterance(engine: Engine, text: str, role: Role = "narrator") -> Utterance:
    """The command that speaks `text` in the voice of `role`; control characters are dropped."""
    voice = VOICES.get(engine.name, {}).get(role, [])
    return Utterance([engine.path, *voice, *INPUT_ARGS.get(engine.name, [])], speakable(text))


def install_hint(platform: str = sys.platform) -> str:
    """One line telling the learner how to get a speech engine on their system."""
    if platform == "darwin":
        return "No speech engine found: macOS ships `say`; check that /usr/bin is on your PATH."
    if platform.startswith("win"):
        return "Reading aloud needs espeak-ng: install it from https://github.com/espeak-ng/espeak-ng/releases."
    return ("Reading aloud needs a speech engine: install espeak-ng "
            "(sudo apt install espeak-ng, sudo dnf install espeak-ng, or brew install espeak-ng).")


class Speaker:
    """Speaks one utterance at a time; starting a new one stops the one in progress."""

    def __init__(self, engine: Engine | None) -> None:
        self.engine = engine
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def speak(self, text: str, role: Role = "narrator") -> int:
        """Speak and wait until done (call from a worker thread); returns the engine's exit code."""
        if self.engine is None:
            raise RuntimeError("no speech engine")
        said = utterance(self.engine, text, role)
        with self._lock:
            self._stop_locked()
            process = subprocess.Popen(
                said.argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            self._process = process
        with contextlib.suppress(BrokenPipeError, OSError):  # stopped while we were still writing
            process.communicate(said.text.encode("utf-8"))
        return process.wait()

    def stop(self) -> None:
        """Silence whatever is being spoken."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None
