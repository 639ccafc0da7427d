"""Review-unit ids: which flashcard a unit comes from. Import-free, so the home screen can use it cheaply.

A reversible card `id` gives the units `id` and `id~rev`; a cloze card gives `id#1`, `id#2`, ...
"""

REVERSE_SUFFIX = "~rev"
CLOZE_SEPARATOR = "#"


def card_id_of(unit_id: str) -> str:
    """The flashcard id a unit id comes from."""
    return unit_id.split(CLOZE_SEPARATOR, 1)[0].removesuffix(REVERSE_SUFFIX)
