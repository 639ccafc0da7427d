"""The GIFT reader on a realistic Moodle bank: every type, escapes, formats, feedback, weights."""

import pytest

from rnnquiz.interchange.gift import category_title, parse_gift
from rnnquiz.interchange.report import ImportFailed

from .conftest import as_data, sample

RECURRENCE = [
    {"id": "rec-hidden", "type": "single",
     "prompt": "What carries information from one time step to the next in a vanilla RNN?",
     "explain": "The hidden state is the network's memory: h_t = tanh(W_hh h_(t-1) + W_xh x_t).",
     "tags": ["hidden-state", "basics"],
     "choices": [{"text": "The input x_t", "feedback": "No: x_t only brings the present."},
                 {"text": "The hidden state h_(t-1)", "feedback": "Right."},
                 {"text": "The output y_t"},
                 {"text": "The learning rate", "feedback": "That is a training setting, not part of the model."}],
     "answer": 1},
    {"id": "weight-sharing-t-f", "type": "true_false", "prompt": "An RNN uses the same weights at every time step.",
     "explain": "Yes: that is parameter sharing.", "answer": True},
    {"id": "gated-cells", "type": "multiple", "prompt": "Which of these cells have gates?",
     "choices": [{"text": "LSTM", "feedback": "Input, forget and output gates."},
                 {"text": "GRU", "feedback": "Update and reset gates."},
                 {"text": "Elman RNN", "feedback": "No gates at all."}],
     "answer": [0, 1]},
    {"id": "unequal-weights", "type": "multiple", "prompt": "Which help against exploding gradients?",
     "choices": [{"text": "Gradient clipping"}, {"text": "Careful initialisation"}, {"text": "A larger learning rate"}],
     "answer": [0, 1]},
    {"id": "escapes-galore", "type": "short",
     "prompt": "Braces {like this}, a colon: an equals = a tilde ~ a hash # and a backslash \\ all survive;\n"
               "a second line too.",
     "answer": "a=b", "accept": ["a = b"]},
    {"id": "lstm-memory", "type": "cloze",
     "text": "An LSTM keeps its long-term memory in the {{cell state|memory cell}} and exposes h_t through the "
             "output gate."},
    {"id": "grant-s-tomb", "type": "single", "prompt": "Grant is _____ in Grant's tomb.",
     "choices": [{"text": "buried"}, {"text": "entombed"}, {"text": "living"}], "answer": 1},
    {"id": "who-invented-lstm", "type": "short", "prompt": "Who introduced the LSTM in 1997?",
     "answer": "Hochreiter and Schmidhuber", "accept": ["Hochreiter & Schmidhuber"]},
    {"id": "wildcard", "type": "short",
     "prompt": "Name the cell with a forget gate (any spelling of long short-term memory).",
     "answer": "long*memory", "accept": ["LSTM"], "pattern": "long.*memory"},
]

GRADIENTS = [
    {"id": "jacobian-product", "type": "numeric",
     "prompt": "If every one-step factor has norm 0.9, what bound is left after 20 steps? (2 decimals)",
     "explain": "0.9^20 ≈ 0.1216.", "answer": 0.12, "tolerance": 0.005},
    {"id": "year-of-lstm", "type": "numeric", "prompt": "In which year was the LSTM paper published?",
     "answer": 1997.0},
    {"id": "range", "type": "numeric", "prompt": "Give any whole number of time steps between 10 and 20.",
     "range": [10.0, 20.0]},
    {"id": "match-cells", "type": "match", "prompt": "Match each cell to its number of gates.",
     "explain": "Count the sigmoid gates.",
     "pairs": [{"left": "LSTM", "right": "three"}, {"left": "GRU", "right": "two"},
               {"left": "Elman RNN", "right": "none"}]},
    {"id": "activation-range", "type": "true_false",
     "prompt": "The output of tanh always lies in <-1, 1>.\nTrue or false?", "answer": True},
    {"id": "markdown-prompt", "type": "single",
     "prompt": {"markdown": "Which term *multiplies* the gradient at each step?"},
     "choices": [{"text": {"markdown": "The **bias**"}}, {"text": {"markdown": "The **Jacobian** ∂h_t/∂h_(t-1)"}},
                 {"text": "*just* the input"}],
     "answer": 1},
    {"id": "exploding", "type": "short", "prompt": "Gradients that grow without bound are called _____ gradients.",
     "answer": "exploding"},
]

REPORT = [
    "moodle.gift:19: question `weight-sharing-t-f`: feedback for a wrong answer not kept: 'Look at the recurrence again.'",
    "moodle.gift:29: question `unequal-weights`: weights 70%, 30% not kept: each right choice earns an equal share in rnnquiz",
    "moodle.gift:42: question `who-invented-lstm`: feedback for answer 'Hochreiter and Schmidhuber' not kept: 'Right.'",
    "moodle.gift:42: question `who-invented-lstm`: answer 'Hochreiter' worth 50% not kept: rnnquiz answers are right or wrong",
    "moodle.gift:42: question `who-invented-lstm`: feedback for answer 'Hochreiter' not kept: 'Only half of the pair.'",
    "moodle.gift:55: question `year-of-lstm`: feedback for other answers not kept: 'Way off.'",
    "moodle.gift:55: question `year-of-lstm`: feedback for answer '1997:0' not kept: 'Exactly.'",
    "moodle.gift:55: question `year-of-lstm`: feedback for answer '1997:2' not kept: 'Close.'",
    "moodle.gift:55: question `year-of-lstm`: answer '1997:2' worth 50% not kept: rnnquiz answers are right or wrong",
    "moodle.gift:63: question `match-cells`: extra right-hand item 'five' not kept: rnnquiz matching has no distractors",
    "moodle.gift:71: question `activation-range`: image tanh.png not imported",
    "moodle.gift:79: essay question `essay` not imported: rnnquiz has no essay questions (they need a human grader)",
    "moodle.gift:81: description 'This is a description item: it introduce' not imported: it has no answer block "
    "and rnnquiz has no text-only quiz items",
]


def test_realistic_bank_gives_exact_questions_in_category_sections():
    imported = parse_gift(sample("moodle.gift"))
    assert as_data(imported) == [("Default for RNN 101 / Recurrence", RECURRENCE),
                                 ("Default for RNN 101 / Gradients", GRADIENTS)]


def test_everything_not_mapped_is_reported_with_its_line():
    assert parse_gift(sample("moodle.gift")).report.lines("moodle.gift") == REPORT


def test_windows_line_ends_read_the_same():
    text = sample("moodle.gift")
    assert as_data(parse_gift(text.replace("\n", "\r\n").replace("\r\n", "\n"))) == as_data(parse_gift(text))


def test_malformed_questions_are_all_reported_with_lines():
    with pytest.raises(ImportFailed) as failed:
        parse_gift(sample("malformed/bad.gift"))
    assert [(e.line, e.message) for e in failed.value.errors] == [
        (3, "`{` is never closed before the blank line that ends the question (write a literal brace as \\{)"),
        (5, "'twelve' is not a number"),
        (7, "the `::` that starts a question title is never closed"),
    ]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Q {=a} and {=b}", 1, "a second answer block"),
    ("Q } {=a}", 1, "`}` without an opening `{`"),
    ("Q {\n~only one\n}", 2, "needs at least two choices"),
    ("Q {stray ~a =b}", 1, "text before the first `~` or `=`"),
    ("Q {=a -> b =c}", 1, "needs `->`"),
    ("Q {#5..1}", 1, "goes from high to low"),
    ("Q {#5:-1}", 1, "negative tolerance"),
    ("Q {#inf}", 1, "not a finite number"),
    ("Q {~ ~b}", 1, "an empty choice"),
])
def test_each_kind_of_malformed_block(text, line, message):
    with pytest.raises(ImportFailed) as failed:
        parse_gift(text)
    (error,) = failed.value.errors
    assert error.line == line and message in error.message


def test_questions_without_a_category_go_to_the_default_section_and_ids_are_unique():
    imported = parse_gift("::q::One {T}\n\n::q::Two {F}\n\nUntitled {T}\n")
    (section,) = imported.sections
    assert section.title is None
    assert [q.id for q in section.quiz] == ["q", "q-2", "untitled-f2b401ba"]
    assert imported.report.lines("f") == ["f:3: question id `q` is already used; this one became `q-2`"]


def test_untitled_ids_are_stable_across_imports_and_differ_by_content():
    first = parse_gift("Same text {T}\n\nOther text {T}\n").sections[0].quiz
    again = parse_gift("Same text {T}\n\nOther text {T}\n").sections[0].quiz
    assert [q.id for q in first] == [q.id for q in again]
    assert first[0].id != first[1].id


@pytest.mark.parametrize(("path", "title"), [
    ("$course$/top/Unit 1/Gradients", "Unit 1 / Gradients"),
    ("$module$/top", None),
    ("top/LSTM//GRU", "LSTM/GRU"),
    ("Plain", "Plain"),
])
def test_category_paths_become_section_titles(path, title):
    assert category_title(path) == title


def test_single_choice_with_two_right_answers_is_reported_not_guessed():
    imported = parse_gift("::two:: Q {=a =b ~c}")
    assert imported.count == 0
    assert imported.report.lines("f") == [
        "f:1: question `two`: not imported: 2 choices are fully right, and an rnnquiz single-choice question has exactly one"]


def test_partial_credit_in_single_choice_is_reported():
    imported = parse_gift("::p:: Q {=a ~%50%b ~c}")
    assert imported.sections[0].quiz[0].answer == 0
    assert imported.report.lines("f") == ["f:1: question `p`: partial credit 50% of choice 2 not kept: it counts as wrong"]


def test_category_and_question_in_one_block():
    imported = parse_gift("$CATEGORY: top/Cat\n::q:: Q {T}\n")
    assert [(s.title, [q.id for q in s.quiz]) for s in imported.sections] == [("Cat", ["q"])]
