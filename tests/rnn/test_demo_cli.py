"""`rnnquiz demo NAME`, run in-process: plain output is 7-bit, JSON is checkable, bad input exits 1."""

import json
import subprocess
import sys
import warnings

import numpy as np
import pytest

from rnnquiz.cli import main

FAST = {
    "hidden-state": ["--text", "abc abc"],
    "gradient-decay": ["--steps", "12", "--hidden", "4"],
    "memory-task": ["--max-delay", "3", "--train-steps", "15", "--hidden", "4"],
    "clipping": ["--train-steps", "15", "--steps", "8"],
    "next-char": ["--train-steps", "20", "--hidden", "8", "--sample-length", "10"],
}


def run(capsys, *argv):
    code = main(["demo", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def strict_json(text):
    def refuse(name):
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("name", list(FAST))
def test_every_demo_prints_plain_ascii_with_a_caption(capsys, name):
    code, out, err = run(capsys, name, *FAST[name], "--plain")
    assert code == 0 and err == ""
    assert all(32 <= ord(ch) <= 126 for line in out.splitlines() for ch in line)
    assert "What you see:" in out


@pytest.mark.parametrize("name", list(FAST))
def test_every_demo_gives_strict_json(capsys, name):
    code, out, _ = run(capsys, name, *FAST[name], "--json")
    data = strict_json(out)
    assert code == 0 and data["demo"] == name and data["params"]["seed"] == 0


def test_default_output_is_unicode_without_escape_sequences(capsys):
    code, out, _ = run(capsys, "hidden-state", "--text", "\x1b[31mred\x1b]0;title\x07")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "│" in out or "█" in out or "░" in out


def test_gradient_decay_json_can_be_recomputed_independently(capsys):
    code, out, _ = run(capsys, "gradient-decay", "--cell", "rnn", "--rho", "1.1", "--steps", "25", "--json")
    d = strict_json(out)
    assert code == 0 and d["activation"] == "tanh"
    xs, h, w_xh, w_hh, b = (np.array(d[k]) for k in ("xs", "h0", "W_xh", "W_hh", "b_h"))
    assert np.max(np.abs(np.linalg.eigvals(w_hh))) == pytest.approx(1.1)
    jac, norms = np.eye(len(h)), [1.0]
    factors = []
    for x in xs:
        h = np.tanh(w_xh @ x + w_hh @ h + b)
        factors.append(np.diag(1 - h**2) @ w_hh)  # d h_t / d h_(t-1)
    for factor in reversed(factors):
        jac = jac @ factor
        norms.append(np.linalg.norm(jac, 2))
    assert len(d["jacobian_norms"]) == 26 and d["jacobian_norms"][0] == 1.0
    assert np.allclose(d["jacobian_norms"], norms, rtol=1e-9, atol=0)
    assert np.allclose(d["bound"], np.linalg.norm(w_hh, 2) ** np.arange(26), rtol=1e-12)
    assert set(d["compare"]) == {"rnn", "lstm", "gru"} and set(d["sweep"]) == {"0.5", "0.9", "1", "1.5"}


def test_extreme_settings_report_exploded_without_warnings(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code, out, _ = run(capsys, "gradient-decay", "--rho", "10", "--steps", "2000", "--activation", "relu",
                           "--hidden", "8", "--json")
        d = strict_json(out)
        assert code == 0 and d["exploded_from"] == 1 and all(v is None for v in d["jacobian_norms"][1:])
        code, out, _ = run(capsys, "gradient-decay", "--rho", "10", "--steps", "2000", "--activation", "relu",
                           "--hidden", "8", "--plain")
        assert code == 0 and "exploded" in out and "nan" not in out.lower()
        code, out, _ = run(capsys, "hidden-state", "--rho", "10", "--steps", "2000", "--signal", "step",
                           "--activation", "relu", "--plain")
        assert code == 0 and "exploded" in out and "!" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["gradient-decay", "--rho", "12"], "--rho: Input should be less than or equal to 10"),
        (["gradient-decay", "--cell", "transformer"], "--cell: Input should be 'rnn', 'lstm' or 'gru'"),
        (["gradient-decay", "--steps", "many"], "--steps: Input should be a valid integer"),
        (["gradient-decay", "--steps", "0"], "--steps: Input should be greater than or equal to 1"),
        (["gradient-decay", "--rho", "nan"], "--rho: Input should be a finite number"),
        (["gradient-decay", "--rho", "inf"], "--rho: Input should be a finite number"),
        (["gradient-decay", "--threshold", "2"], "gradient-decay does not take --threshold"),
        (["gradient-decay", "--width", "5"], "--width: expected a whole number from 40 to 200"),
        (["word-salad"], "unknown demo 'word-salad'; known demos: hidden-state, gradient-decay"),
    ],
)
def test_bad_parameters_exit_1_with_one_clear_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("rnnquiz demo: ") and message in err and "Traceback" not in err


def test_no_name_lists_the_demos_and_underscores_are_accepted(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and "gradient-decay" in out and "--max-delay" in out
    code, out, _ = run(capsys, "gradient_decay", *FAST["gradient-decay"], "--json")
    assert code == 0 and strict_json(out)["demo"] == "gradient-decay"


def test_heavy_imports_stay_out_of_the_command_module_and_textual_out_of_rnn():
    code = (
        "import sys, rnnquiz.commands.demo; assert 'numpy' not in sys.modules, 'numpy'; "
        "import rnnquiz.rnn.experiments, rnnquiz.rnn.report, rnnquiz.rnn.plot; "
        "assert 'textual' not in sys.modules, 'textual'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
