"""The text plots, checked as plain strings."""

import numpy as np

from rnnquiz.rnn import plot


def is_plain(lines):
    return all(all(32 <= ord(ch) <= 126 for ch in line) for line in lines)


def test_log_line_plot_has_axes_ticks_legend_and_puts_points_on_their_decade():
    lines = plot.line_plot({"norm": [1.0, 0.1, 0.01, 0.001], "flat": [1.0] * 4}, width=40, height=7,
                           title="T", x_label="lag k", ascii=True)
    assert is_plain(lines) and lines[0] == "T"
    rows = {line.split("+")[0].strip(): line for line in lines if "+" in line[:6] and line.split("+")[0].strip()}
    assert set(rows) == {"1", "0.1", "1e-2", "1e-3"}
    assert rows["1"].endswith("o" * 30)  # "flat" sits on the 1 line, under "norm" where they meet
    assert rows["1e-3"].rstrip().endswith("*")  # the last point of "norm" is at the bottom right
    assert lines[-1] == "legend: * norm   o flat" and lines[-2].strip() == "lag k"
    axis = next(line for line in lines if line.strip() and set(line.strip()) <= {"+", "-"})
    assert axis.count("+") >= 3  # corner and x ticks


def test_unicode_plot_uses_box_drawing_and_no_escape_sequences():
    lines = plot.line_plot({"a": [1, 2, 3]}, log_y=False, width=30, height=9)
    text = "\n".join(lines)
    assert "└" in text and "│" in text and "●" in text and "\x1b" not in text


def test_exploded_and_zero_values_become_notes_not_nan():
    lines = plot.line_plot({"g": [1.0, 10.0, np.inf, np.inf], "v": [1.0, 0.0, 0.0, 0.0]}, width=40, ascii=True)
    text = "\n".join(lines)
    assert "note: g: exploded (inf) from x = 2" in text
    assert "note: v: vanished (0) from x = 1" in text
    assert "nan" not in text.lower() and "inf" not in text.replace("(inf)", "")


def test_all_exploded_series_still_renders():
    lines = plot.line_plot({"g": [np.inf, np.nan]}, width=30, ascii=True)
    assert "note: g: exploded (inf) from x = 0" in lines


def test_heatmap_shades_marks_and_labels():
    m = np.array([[0.0, 0.5, 0.99, np.inf], [0.2, 0.9, -0.3, 0.0]])
    full = np.abs(m) > 0.95
    lines = plot.heatmap(np.abs(m), lo=0, hi=0.95, full=full, row_labels=["h1", "h2"], col_labels=list("ab c"),
                         ascii=True)
    assert lines[0] == "h1  =#!"
    assert lines[1] == "h2 .%: "
    assert lines[2] == "   ab_c"
    assert lines[3] == "   t = 1 .. 4"


def test_heatmap_wraps_labelled_columns_and_merges_unlabelled_ones():
    m = np.zeros((1, 30))
    m[0, 25] = 1.0
    wrapped = plot.heatmap(m, lo=0, hi=1, col_labels=["x"] * 30, width=20, ascii=True)
    assert wrapped.count("") == 1 and "t = 1 .. 18" in wrapped[2] and "t = 19 .. 30" in wrapped[-1]
    m = np.zeros((1, 1000))
    m[0, 500] = np.inf
    merged = plot.heatmap(m, lo=0, hi=1, width=50, ascii=True)
    assert len(merged[0]) == 50 and merged[0].count("!") == 1  # one exploded step still shows
    assert "steps per column" in merged[1]


def test_sparkline_and_numbers():
    assert plot.sparkline([1, 2, 3, 4], ascii=True) == "_,+#"
    assert plot.sparkline([1, 10, 100, np.inf], log=True) == "▁▅█!"
    assert plot.fmt_number(np.inf) == "exploded" and plot.fmt_number(0.000123456) == "0.000123"


def test_clean_strips_escapes_and_makes_ascii():
    assert plot.clean("\x1b[31mred\x07\n") == "[31mred "
    assert plot.clean("café β", ascii=True) == "cafe ?"
    assert plot.shade_legend(0, 1, ascii=True, full_means="saturated", what="|h|") == (
        "shade of |h|: 0 [ .:-=+*%] 1, # saturated, ! exploded"
    )
