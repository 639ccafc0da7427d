"""Read aloud: engine detection and argv are pure; the Speaker runs a (fake) engine for real."""

import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

from rnnquiz.speech import ENGINES, Engine, Speaker, detect_engine, install_hint, utterance


def test_detects_the_first_engine_in_preference_order():
    found = {"spd-say": "/usr/bin/spd-say", "say": "/usr/bin/say"}
    assert detect_engine(found.get) == Engine("spd-say", "/usr/bin/spd-say")
    assert detect_engine(lambda name: None) is None
    assert ENGINES[0] == "espeak-ng"


@pytest.mark.parametrize("name", ENGINES)
def test_teacher_and_student_have_different_voices(name):
    engine = Engine(name, f"/bin/{name}")
    teacher, student = utterance(engine, "hi", "teacher"), utterance(engine, "hi", "student")
    assert teacher.argv[0] == f"/bin/{name}"
    assert teacher.argv != student.argv


def test_text_goes_on_stdin_never_in_argv():
    said = utterance(Engine("espeak-ng", "espeak-ng"), "--help me \x1b[31m", "teacher")
    assert said.argv == ["espeak-ng", "-v", "en+m3", "--stdin"]
    assert said.text == "--help me [31m"


def test_install_hint_names_a_way_to_get_an_engine():
    assert "espeak-ng" in install_hint("linux")
    assert "say" in install_hint("darwin")


def fake_engine(tmp_path: Path, sleep: float = 0.0) -> Engine:
    """A stand-in engine that records its argv and stdin, optionally taking a while to 'speak'."""
    script = tmp_path / "espeak-ng"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, time\n"
        "text = sys.stdin.read()\n"
        f"open({str(tmp_path / 'said.txt')!r}, 'a').write(repr(sys.argv[1:]) + ' ' + text + '\\n')\n"
        f"time.sleep({sleep})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return Engine("espeak-ng", str(script))


@pytest.mark.skipif(os.name == "nt", reason="uses a shebang script as the engine")
def test_speaker_feeds_the_text_to_the_engine(tmp_path):
    speaker = Speaker(fake_engine(tmp_path))
    assert speaker.speak("Hello [bold]class[/]", "student") == 0
    said = (tmp_path / "said.txt").read_text(encoding="utf-8")
    assert said == "['-v', 'en+f3', '--stdin'] Hello [bold]class[/]\n"


@pytest.mark.skipif(os.name == "nt", reason="uses a shebang script as the engine")
def test_stop_interrupts_a_long_utterance(tmp_path):
    speaker = Speaker(fake_engine(tmp_path, sleep=30))
    done = threading.Event()
    thread = threading.Thread(target=lambda: (speaker.speak("long"), done.set()))
    thread.start()
    deadline = time.monotonic() + 10
    while not (tmp_path / "said.txt").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    speaker.stop()
    assert done.wait(5)
    thread.join()


def test_a_speaker_without_an_engine_refuses():
    with pytest.raises(RuntimeError):
        Speaker(None).speak("x")
