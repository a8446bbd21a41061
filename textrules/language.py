"""In which language a record's text is shown on a screen in ``es``, ``en`` or ``fr``.

Records carry English text always (``title_en``, ``subject_en``) and Spanish text where their
sources give it (``title_es``, ``subject_es``); none has French. A screen shows the Spanish text
on a Spanish screen when there is one and the English text otherwise: never a silent mix, so
what is shown in another language than the screen's is marked ("(en inglés)") or the screen
says once that record text is in its sources' language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

RECORD_LANGUAGE: Final = "en"
"""The language every record's text is written in."""
ALSO_WRITTEN_IN: Final = ("es",)
"""The languages some records' text is also written in, where their sources give it."""


@dataclass(frozen=True, slots=True)
class ShownText:
    text: str
    language: str
    """The language ``text`` is in."""
    foreign: bool
    """Whether ``text`` is in another language than the screen's (mark it so)."""


def text_language(lang: str, *, has_spanish: bool) -> str:
    """The language a record's text is shown in on a ``lang`` screen."""
    return lang if lang in ALSO_WRITTEN_IN and has_spanish else RECORD_LANGUAGE


def shown_text(english: str | None, spanish: str | None, lang: str) -> ShownText:
    """A record's text (its English and Spanish versions) as a ``lang`` screen shows it."""
    language = text_language(lang, has_spanish=bool(spanish))
    text = (spanish if language == "es" else english) or ""
    return ShownText(text, language, bool(text) and language != lang)


def marks_each_text(lang: str) -> bool:
    """Whether a ``lang`` screen marks each record text shown in another language: a screen
    in a language some records are written in (Spanish) marks those that are not; a French
    screen, where none is, says so once (:func:`notes_record_language`)."""
    return lang in ALSO_WRITTEN_IN


def notes_record_language(lang: str) -> bool:
    """Whether a ``lang`` screen says that record text (titles, publishers, quotations) is in
    its sources' language: on every screen but the one of :data:`RECORD_LANGUAGE`."""
    return lang != RECORD_LANGUAGE
