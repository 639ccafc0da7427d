"""Plots as plain text: pure `data -> list[str]` renderers shared by the lab screen and stdout.

`ascii=True` gives 7-bit output for `--plain` (notes, pipes); otherwise Unicode blocks and box
lines. Nothing here emits escape sequences, and text from outside (course text, samples) goes
through `clean` first. Values that left float64 are never drawn as NaN: they are left out of the
plot and named in a note ("exploded" for inf, "vanished" for an exact zero on a log axis).

Hand-rendered rather than plotext: plotext 6 keeps one process-wide figure (unsafe from a worker
thread), and its frame is Unicode box drawing, so the ASCII variant would need this code anyway.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Mapping, Sequence

import numpy as np

from rnnquiz.rnn.arrays import Array, Bools, Series

MARKERS = {False: "●○◆▲■×", True: "*ox%#@"}
RAMPS = {False: " ·░▒▓", True: " .:-=+*%"}
SPARKS = {False: "▁▂▃▄▅▆▇█", True: "_.,-=+*#"}
FULL = {False: "█", True: "#"}
EXPLODED = {False: "!", True: "!"}
BOX = {  # vertical axis, corner, horizontal axis, y tick, x tick
    False: ("│", "└", "─", "┤", "┬"),
    True: ("|", "+", "-", "+", "+"),
}


def clean(text: str, ascii: bool = False) -> str:
    """Text safe to print: no control characters or escapes; with ascii, 7-bit only ('?' for the rest)."""
    out = []
    for ch in text.replace("\t", " ").replace("\n", " "):
        if unicodedata.category(ch)[0] == "C":
            continue
        if ascii and ord(ch) > 126:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            ch = base if len(base) == 1 and base.isprintable() else "?"
        out.append(ch)
    return "".join(out)


def fmt_number(v: float) -> str:
    """A value for a caption or table: 'exploded' for inf or nan, otherwise 3 significant digits."""
    if not math.isfinite(v):
        return "exploded"
    return f"{v:.3g}"


def _decade_label(k: int) -> str:
    return {0: "1", 1: "10", -1: "0.1"}.get(k, f"1e{k}")


def _y_axis(values: list[float], log_y: bool, y_range: tuple[float, float] | None,
            height: int) -> tuple[float, float, list[tuple[int, str]]]:
    """Bottom, top (in plot units) and the tick (row, label) pairs."""
    lo: float
    hi: float
    ticks: list[tuple[float, str]]
    if y_range is not None:
        lo, hi = (math.log10(y_range[0]), math.log10(y_range[1])) if log_y else y_range
    elif not values:
        lo, hi = (0.0, 1.0)
    elif log_y:
        lo, hi = math.floor(min(values)), math.ceil(max(values))
    else:
        lo, hi = min(values), max(values)
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    if log_y:
        step = max(1, math.ceil(2 * (hi - lo) / max(1, height - 1)))  # at least two rows apart
        first, last = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)
        ticks = [(k, _decade_label(k)) for k in range(first, last + 1) if k % step == 0]
    else:
        ticks = [(v, f"{v:.3g}") for v in (lo + (hi - lo) * i / 4 for i in range(5))]
    rows = [(round((hi - v) / (hi - lo) * (height - 1)), label) for v, label in ticks]
    return lo, hi, rows


def line_plot(
    series: Mapping[str, Series],
    *,
    x: Series | None = None,
    width: int = 72,
    height: int = 14,
    log_y: bool = True,
    y_range: tuple[float, float] | None = None,
    title: str = "",
    x_label: str = "",
    y_label: str = "",
    zero_note: str = "vanished (0)",
    ascii: bool = False,
) -> list[str]:
    """Several series against a shared x, with a y axis (log by default), ticks and a legend.

    On a log axis zeros cannot be drawn; they are named in a note as `zero_note`.
    """
    vbar, corner, hbar, ytick, xtick = BOX[ascii]
    names = list(series)
    ys = {n: np.asarray(series[n], dtype=float) for n in names}
    n_points = max((len(v) for v in ys.values()), default=0)
    xs = np.arange(n_points, dtype=float) if x is None else np.asarray(x, dtype=float)
    notes: list[str] = []
    pos: dict[str, Array] = {}
    shown: dict[str, Bools] = {}
    for name, v in ys.items():
        with np.errstate(divide="ignore", invalid="ignore"):
            pos[name] = np.log10(v) if log_y else v
        shown[name] = np.isfinite(pos[name])
        for what, bad in (("exploded (inf)", ~np.isfinite(v)), (zero_note, log_y & (v == 0))):
            if bad.any():
                notes.append(f"{name}: {what} from x = {xs[np.argmax(bad)]:g}")
    drawn = np.concatenate([pos[n][shown[n]] for n in names] + [np.empty(0)])
    visible = [float(drawn.min()), float(drawn.max())] if len(drawn) else []
    lo, hi, ticks = _y_axis(visible, log_y, y_range, height)
    labels = dict(ticks)
    gutter = max((len(label) for _, label in ticks), default=1)
    cols = max(8, width - gutter - 1)
    x0, x1 = (float(xs.min()), float(xs.max())) if len(xs) else (0.0, 1.0)
    span = (x1 - x0) or 1.0
    grid = [[" "] * cols for _ in range(height)]
    for i, name in reversed(list(enumerate(names))):  # the first series is drawn last, on top
        pts = [
            ((xx - x0) / span * (cols - 1), (hi - p) / (hi - lo) * (height - 1))
            for xx, p, good in zip(xs, pos[name], shown[name], strict=False)  # an x shorter than a series cuts it
            if good
        ]
        _draw(grid, pts, MARKERS[ascii][i % len(MARKERS[ascii])])
    lines = [title] if title else []
    if y_label:
        lines.append(y_label)
    for r in range(height):
        label = labels.get(r, "")
        lines.append(f"{label:>{gutter}}{ytick if label else vbar}" + "".join(grid[r]))
    lines += _x_axis(x0, x1, cols, gutter, corner, hbar, xtick)
    if x_label:
        lines.append(" " * (gutter + 1) + x_label)
    legend = "   ".join(f"{MARKERS[ascii][i % len(MARKERS[ascii])]} {n}" for i, n in enumerate(names))
    lines.append("legend: " + legend)
    lines += ["note: " + note for note in notes]
    return [clean(line, ascii) for line in lines]


def _draw(grid: list[list[str]], pts: list[tuple[float, float]], mark: str) -> None:
    """Each point, and a straight run of marks to the next one, so a series reads as a line."""
    height, cols = len(grid), len(grid[0])
    for (c0, r0), (c1, r1) in zip(pts, pts[1:] + pts[-1:], strict=True):
        n = max(1, math.ceil(max(abs(c1 - c0), abs(r1 - r0))))
        for s in range(n + 1):
            c, r = math.floor(c0 + (c1 - c0) * s / n + 0.5), math.floor(r0 + (r1 - r0) * s / n + 0.5)
            if 0 <= r < height and 0 <= c < cols:
                grid[r][c] = mark


def _x_axis(x0: float, x1: float, cols: int, gutter: int, corner: str, hbar: str, xtick: str) -> list[str]:
    """The x axis with tick marks, and the tick values under it (those that fit without overlapping)."""
    axis, under = [hbar] * cols, [" "] * (cols + 8)
    for c, text in _x_ticks(x0, x1, cols):
        axis[c] = xtick
        start = min(max(0, c - len(text) // 2), cols + 8 - len(text))
        if all(ch == " " for ch in under[max(0, start - 1) : start + len(text) + 1]):
            under[start : start + len(text)] = text
    return [" " * gutter + corner + "".join(axis), " " * (gutter + 1) + "".join(under).rstrip()]


def _x_ticks(x0: float, x1: float, cols: int) -> list[tuple[int, str]]:
    """About five round x values and their columns."""
    span = x1 - x0
    if span <= 0:
        return [(0, f"{x0:g}")]
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 5, 10) if m * mag >= raw), default=mag)
    first = math.ceil(x0 / step) * step
    values = np.arange(first, x1 + step * 1e-9, step)
    return [(round((v - x0) / span * (cols - 1)), f"{v:g}") for v in values]


def loss_curves(
    series: Mapping[str, Series],
    *,
    x: Series | None = None,
    width: int = 72,
    height: int = 12,
    ascii: bool = False,
    title: str = "",
) -> list[str]:
    """Training loss per step; log-scaled when it spans more than a factor of 30, so plunges show."""
    values = np.concatenate([np.asarray(v, dtype=float) for v in series.values()] + [np.empty(0)])
    values = values[np.isfinite(values) & (values > 0)]
    log_y = len(values) > 0 and values.max() / values.min() > 30
    return line_plot(series, x=x, width=width, height=height, log_y=log_y, title=title,
                     x_label="training step", y_label="loss", ascii=ascii)


def heatmap(
    matrix: Array,
    *,
    lo: float,
    hi: float,
    width: int = 72,
    row_labels: Sequence[str] | None = None,
    col_labels: Sequence[str] | None = None,
    full: Bools | None = None,
    ascii: bool = False,
) -> list[str]:
    """A shade per cell from lo (blank) up to hi; `full` cells get the solid block, inf/nan a '!'.

    With column labels (characters read) wide matrices wrap into panels; without, columns are
    merged so the whole time axis fits, each cell keeping its most extreme value.
    """
    m = np.asarray(matrix, dtype=float)
    rows, n_cols = m.shape
    full = np.zeros(m.shape, bool) if full is None else np.asarray(full, bool)
    row_labels = list(row_labels or [str(i + 1) for i in range(rows)])
    gutter = max(len(s) for s in row_labels) + 1
    cols = max(8, width - gutter)
    ramp = RAMPS[ascii]
    with np.errstate(invalid="ignore"):
        level = np.clip((m - lo) / ((hi - lo) or 1.0), 0, 1)
    chars = np.array(list(ramp))[np.minimum((np.nan_to_num(level) * len(ramp)).astype(int), len(ramp) - 1)]
    chars[full] = FULL[ascii]
    chars[~np.isfinite(m)] = EXPLODED[ascii]
    if col_labels is None and n_cols > cols:
        edges = np.linspace(0, n_cols, cols + 1).astype(int)
        rank = np.where(~np.isfinite(m), 3, np.where(full, 2, 1)) + np.nan_to_num(level, nan=0) * 0.5
        pick = [a + np.argmax(rank[:, a:b], axis=1) for a, b in itertools.pairwise(edges)]
        chars = np.stack([chars[np.arange(rows), p] for p in pick], axis=1)
        merged = [f"{row_labels[r]:>{gutter - 1}} " + "".join(chars[r]) for r in range(rows)]
        merged.append(" " * gutter + f"t = 1 .. {n_cols}, {n_cols / cols:.3g} steps per column")
        return [clean(line, ascii) for line in merged]
    lines: list[str] = []
    for start in range(0, n_cols, cols):
        stop = min(n_cols, start + cols)
        if start:
            lines.append("")
        lines += [f"{row_labels[r]:>{gutter - 1}} " + "".join(chars[r, start:stop]) for r in range(rows)]
        if col_labels is not None:
            space = "_" if ascii else "␣"
            labels = [clean(c, ascii)[:1] or "?" for c in col_labels[start:stop]]
            lines.append(" " * gutter + "".join(space if c == " " else c for c in labels))
        lines.append(" " * gutter + f"t = {start + 1} .. {stop}")
    return [clean(line, ascii) for line in lines]


def shade_legend(lo: float, hi: float, *, ascii: bool = False, full_means: str = "", what: str = "value") -> str:
    """One line saying what the shades stand for, from lo (blank) to hi."""
    extra = f", {FULL[ascii]} {full_means}" if full_means else ""
    return clean(f"shade of {what}: {lo:.3g} [{RAMPS[ascii]}] {hi:.3g}{extra}, {EXPLODED[ascii]} exploded", ascii)


def sparkline(values: Series, *, width: int | None = None, log: bool = False, ascii: bool = False) -> str:
    """One line of bars for a quick trend; the last `width` values; '!' where a value exploded."""
    v = np.asarray(values, dtype=float)[-width:] if width else np.asarray(values, dtype=float)
    ok = np.isfinite(v) & ((v > 0) if log else True)
    if not ok.any():
        return "".join(EXPLODED[ascii] if not np.isfinite(x) else " " for x in v)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.log10(v) if log else v
    lo, hi = w[ok].min(), w[ok].max()
    bars = SPARKS[ascii]
    idx = np.zeros(len(v), int)
    idx[ok] = ((w[ok] - lo) / ((hi - lo) or 1.0) * (len(bars) - 1)).round().astype(int)
    chars = [bars[i] if good else EXPLODED[ascii] if not np.isfinite(x) else bars[0]
             for i, good, x in zip(idx, ok, v, strict=True)]
    return "".join(chars)
