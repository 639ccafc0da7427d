"""Next character: a min-char-rnn trained on the course's own text, sampling as it learns."""

from __future__ import annotations

import math
from collections.abc import Iterator

from rnnquiz.content.demos import NextCharParams
from rnnquiz.rnn import learning, plot
from rnnquiz.rnn.demos.common import NULL_NOTE, jsonable, trend, wrap
from rnnquiz.rnn.demos.spec import DemoSpec, LiveRun, Outcome, Printing, Printout, Question, Refused, View
from rnnquiz.rnn.learning import NextCharFrame

REPORT_EVERY = 20
"""Training steps between live frames; fewer than the others', as each frame also samples a text."""
PRINTED_REPORTS = 5
"""Samples `rnnquiz demo` prints along the way."""


def frames(params: NextCharParams, run: LiveRun) -> Iterator[NextCharFrame]:
    yield from learning.next_char(params, run.text, report_every=REPORT_EVERY)


def header(params: NextCharParams, text_length: int, *, width: int = 72, ascii: bool = False) -> list[str]:
    title = (f"Next character: a {params.hidden}-unit RNN learns the course's own text ({text_length} "
             "characters), sampling as it learns")
    return wrap(title, width, ascii) + [""]


def progress(f: NextCharFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    """A report line and the sample, wrapped, for streaming output."""
    head = f"step {f.step}/{f.train_steps}  loss {plot.fmt_number(f.losses[-1])} nats/char"
    return [head] + ["  " + line for line in wrap(plot.clean(f.sample, ascii), width - 2, ascii)]


def lines(f: NextCharFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    """The loss curve and the caption."""
    out = plot.loss_curves({"smoothed loss": f.losses}, width=width, ascii=ascii, title="Next character: loss")
    text = (f"What you see: with {f.vocab_size} characters, a model that knows nothing pays ln {f.vocab_size} "
            f"= {math.log(f.vocab_size):.2f} nats per character; this one pays {plot.fmt_number(f.losses[-1])} "
            f"after {f.step} steps. Its samples move from noise to spaces, frequent words and, with time, the "
            "course's phrases.")
    return out + [""] + wrap(text, width, ascii)


def render(params: NextCharParams, f: NextCharFrame, width: int, found: Outcome | None) -> View:
    out = progress(f, width=width) + [""] + lines(f, width=width)
    status = f"step {f.step}/{f.train_steps}  loss {plot.fmt_number(f.losses[-1])} nats/char"
    return View(out, status, trend(f.losses), f.step, f.train_steps, found, f.done)


def printout(params: NextCharParams, out: Printing) -> Printout:
    """Streams each sample as the model learns; JSON gets the samples and the loss curve."""
    text = out.text
    if len(text) <= params.seq_length:
        raise Refused("seq_length", f"the course text has only {len(text)} characters")
    width, ascii = out.width, out.ascii
    if out.streaming:
        out.emit(header(params, len(text), width=width, ascii=ascii))
    samples: list[dict[str, object]] = []
    frame = None
    for frame in learning.next_char(params, text, report_every=max(1, params.train_steps // PRINTED_REPORTS)):
        samples.append({"step": frame.step, "loss": jsonable(frame.losses[-1]), "sample": frame.sample})
        if out.streaming:
            out.emit(progress(frame, width=width, ascii=ascii) + [""])
    assert frame is not None  # a run always ends with a done frame
    last = frame
    return Printout(lambda: lines(last, width=width, ascii=ascii), lambda: {
        "losses": jsonable(last.losses), "samples": samples, "vocab_size": last.vocab_size,
        "text_length": len(text), "non_finite": NULL_NOTE,
    })


def question(p: NextCharParams) -> Question:
    text = (f"A {p.hidden}-unit RNN reads the course's own text, {p.seq_length} characters at a time, for "
            f"{p.train_steps} training steps. Knowing nothing costs ln(V) nats per character (V: the number "
            "of different characters). Where does its loss end?")
    return Question(text, ("Barely lower: above 90% of that", "Clearly lower, but above half of it",
                           "Below half of it"))


def outcome(p: NextCharParams, f: NextCharFrame) -> Outcome:
    start, end = float(f.losses[0]), float(f.losses[-1])
    ratio = end / start if math.isfinite(end) and start > 0 else math.inf
    answer = 0 if ratio > 0.9 else 1 if ratio >= 0.5 else 2
    share = f" ({ratio:.0%} of the start)" if math.isfinite(ratio) else ""
    fact = (f"With V = {f.vocab_size} characters the loss started at ln {f.vocab_size} = {start:.2f} nats and "
            f"ends at {plot.fmt_number(end)} after {f.step} steps{share}.")
    if answer == 0:
        why = "That many steps are too few to learn much: try more train_steps."
    else:
        why = ("It learns which characters are common first, then spaces and short words; longer words take "
               "many more steps. The smoothed loss lags behind: it averages roughly the last hundred steps.")
    return Outcome(answer, f"{fact} {why}")


SPEC = DemoSpec(
    name="next-char", short="next-char", params=NextCharParams, frames=frames, render=render,
    question=question, outcome=outcome, printout=printout, reads_course_text=True,
)
