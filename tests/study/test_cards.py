from rnnquiz.content.model import Flashcard, MarkdownStr
from rnnquiz.study.cards import expand, expand_all
from rnnquiz.study.units import card_id_of


def test_basic_card_is_one_unit_with_the_card_id():
    [unit] = expand(Flashcard(id="vg-why", front="Why?", back="Because.", hint="think", tags=["x"]))
    assert (unit.id, unit.card_id, unit.variant) == ("vg-why", "vg-why", "basic")
    assert (unit.prompt, unit.answer, unit.expected) == ("Why?", "Because.", ("Because.",))
    assert unit.hint == "think" and unit.tags == ("x",) and not unit.type_in and unit.sibling_group == "vg-why"


def test_type_in_card_expects_the_back():
    [unit] = expand(Flashcard(id="t", type="type_in", front="2+2?", back="4"))
    assert unit.type_in and unit.variant == "type_in" and unit.expected == ("4",)


def test_reversible_card_gives_two_siblings_and_keeps_the_forward_id():
    forward, reverse = expand(Flashcard(id="rnn", type="reversible", front="RNN", back="recurrent network"))
    assert (forward.id, reverse.id) == ("rnn", "rnn~rev")
    assert (reverse.prompt, reverse.answer) == ("recurrent network", "RNN")
    assert forward.sibling_group == reverse.sibling_group == "rnn"
    assert card_id_of(reverse.id) == "rnn"


def test_cloze_card_gives_one_unit_per_blank_with_the_others_filled_in():
    card = Flashcard(id="cz", type="cloze", text="An {{RNN}} keeps a {{hidden state::h[t]}} over {{time|steps}}.")
    units = expand(card)
    assert [u.id for u in units] == ["cz#1", "cz#2", "cz#3"]
    assert units[0].prompt == "An [...] keeps a hidden state over time."
    assert units[1].prompt == "An RNN keeps a [h[t]] over time."
    assert units[2].expected == ("time", "steps")
    full = "An RNN keeps a hidden state over time."
    assert all(u.answer == full for u in units)
    start, end = units[1].answer_span
    assert full[start:end] == "hidden state"
    assert {u.sibling_group for u in units} == {"cz"} and card_id_of("cz#3") == "cz"


def test_markdown_is_remembered_and_order_is_card_order():
    md = Flashcard.model_validate({"id": "m", "front": {"markdown": "**bold**"}, "back": "b"})
    assert isinstance(md.front, MarkdownStr)
    units = expand_all([md, Flashcard(id="a", front="f", back="b")])
    assert units[0].markdown and not units[1].markdown
    assert [u.id for u in units] == ["m", "a"]


def test_every_course_introduces_new_cards_in_course_order_not_file_order(tmp_path):
    from rnnquiz.content.library import load_library
    from rnnquiz.study.cards import units_of

    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [zeta, alpha]\n", encoding="utf-8")
    for name in ("alpha", "zeta"):
        (tmp_path / f"{name}.yaml").write_text(
            f"section: {name}\ntitle: {name.title()}\nflashcards:\n"
            f"  - {{id: {name}-1, front: F, back: B}}\n  - {{id: {name}-2, front: F, back: B}}\n",
            encoding="utf-8")
    library = load_library([tmp_path])
    assert not library.problems, [str(p) for p in library.problems]
    expected = ["zeta-1", "zeta-2", "alpha-1", "alpha-2"]
    assert [u.id for u in units_of(library, "c")] == expected
    assert [u.id for u in units_of(library)] == expected  # "All courses" as well
