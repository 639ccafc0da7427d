"""HTML fields to text: line structure kept, media listed, entities decoded."""

import pytest

from rnnquiz.interchange.htmltext import clean_text, html_to_text, looks_like_html, strip_sounds


@pytest.mark.parametrize(("html", "text"), [
    ("<div>one</div><div>two</div>", "one\ntwo"),
    ("a<br>b<br/>c", "a\nb\nc"),
    ("<p>para</p><p>graph</p>", "para\n\ngraph"),
    ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
    ("<b>bold</b> and <i>it</i>&nbsp;&amp; &lt;tag&gt;", "bold and it & <tag>"),
    ("spaces   and\nnewlines  collapse", "spaces and newlines collapse"),
    ("<pre>keep   this\n  indent</pre>", "keep   this\n  indent"),
    ("h[t-1] stays [/bold] as written", "h[t-1] stays [/bold] as written"),
])
def test_html_to_text(html, text):
    assert html_to_text(html).text == text


def test_media_and_scripts_are_listed_as_dropped():
    converted = html_to_text('<img src="a.png"><audio src="b.mp3"></audio><style>.x{}</style><script>1</script>ok')
    assert converted.text == "ok"
    assert converted.dropped == ["image a.png", "sound b.mp3", "<style> content", "<script> content"]


def test_sound_references_are_removed_and_listed():
    converted = strip_sounds("word [sound:word.mp3] [sound:two.ogg]")
    assert (converted.text, converted.dropped) == ("word", ["sound word.mp3", "sound two.ogg"])


def test_clean_text_drops_controls_and_normalises_line_ends():
    assert clean_text("a\r\nb\rc\x1b[31md\x00e\tf") == "a\nb\nc[31mde\tf"


def test_looks_like_html():
    assert looks_like_html("a<br>b") and looks_like_html("x&nbsp;y")
    assert not looks_like_html("1 < 2 and h[t]")
