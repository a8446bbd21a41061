"""The interface's words in Spanish, English and French, from gettext catalogues.

Every word a reader meets is a message of ``locales/<lang>/LC_MESSAGES/messages.po``: interface
text (no context), the labels of the codes the warehouse stores without labels (context: the
code list, ``kinds``), the words of download file names (context ``file name``) and the places
the records name (context ``place``). Names of Parties, bodies, topics and topic groups come from
the warehouse (``data/taxonomy.yaml``).

The msgid of a message is a stable key (``n_shown``, ``no_rows``), not the English sentence, and
``en.po`` holds the English like any other language: the code already asked for text by key, a
key survives a rewording of the English (which would otherwise orphan every translation of the
sentence), and the three languages are then checked by one rule. The ``.po`` files are the source
of truth; ``make install`` compiles them into the ``.mo`` files read here (docs/i18n.md).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from dashboard.i18n import format as formatting

LANGS: Final = ("es", "en", "fr")
DEFAULT_LANG: Final = "es"
FALLBACK_LANG: Final = "en"
LANG_NAMES: Final = {"es": "Español", "en": "English", "fr": "Français"}
LOCALES: Final = Path(__file__).resolve().parent / "locales"
DOMAIN: Final = "messages"
FILE_NAME: Final = "file name"
PLACE: Final = "place"
HOSTED_BY: Final = "hosted by"
"""Contexts of the file-name words, the place names and each Party's "hosted by" phrase (the
translator writes the article: "accueillies par les États-Unis"); every other context is a code
list."""
NOT_CODE_LISTS: Final = (FILE_NAME, PLACE, HOSTED_BY)


class _Missing(gettext.NullTranslations):
    """The end of every fallback chain: a key no catalogue holds is a bug, not a word to show."""

    def gettext(self, message: str) -> str:
        raise KeyError(f"{message!r} is in no catalogue: add it to every messages.po")

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(f"{msgid1!r} is in no catalogue as a count sentence (msgid_plural)")

    def pgettext(self, context: str, message: str) -> str:
        raise KeyError(f"{message!r} is in no catalogue under msgctxt {context!r}")


def po_file(lang: str) -> Path:
    """The catalogue translators edit: the source of truth."""
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _mo(lang: str) -> Path:
    return po_file(lang).with_suffix(".mo")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English for a language we do not have), falling back
    to English for a message ``lang`` lacks."""
    chain = [lang, FALLBACK_LANG] if lang in LANGS and lang != FALLBACK_LANG else [FALLBACK_LANG]
    missing = [str(_mo(code)) for code in chain if not _mo(code).is_file()]
    if missing:
        raise FileNotFoundError(
            f"expected compiled catalogues, found none at {', '.join(missing)}: "
            "run `make install` (it runs `pybabel compile -d dashboard/i18n/locales -D messages`)"
        )
    first, *rest = (gettext.translation(DOMAIN, LOCALES, languages=[code]) for code in chain)
    for fallback in rest:
        first.add_fallback(fallback)
    first.add_fallback(_Missing())
    return first


@cache
def catalogue(lang: str) -> Catalog:
    """The catalogue of ``lang`` as Babel reads it from its ``.po``, in the file's order (the
    order of a code list's messages is the order the app lists the codes in)."""
    with open(po_file(lang if lang in LANGS else FALLBACK_LANG), "rb") as handle:
        return read_po(handle)


@cache
def messages(lang: str) -> Mapping[str, str]:
    """Key → text of every message without a context and without plural forms."""
    return {
        str(m.id): str(m.string)
        for m in catalogue(lang)
        if m.id and not m.context and not m.pluralizable
    }


@cache
def plurals(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Key → {CLDR category ("one", "many", "other"): text} of every count sentence."""
    tags = plural_categories(lang)
    return {
        str(m.id[0]): dict(zip(tags, m.string, strict=True))
        for m in catalogue(lang)
        if m.pluralizable and isinstance(m.string, tuple | list)
    }


@cache
def in_context(context: str, lang: str) -> Mapping[str, str]:
    """msgid → text of the messages under ``context`` (a code list, :data:`FILE_NAME`,
    :data:`PLACE`)."""
    return {str(m.id): str(m.string) for m in catalogue(lang) if m.context == context}


@cache
def code_labels(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Code list → code → label: the labels of the codes the warehouse stores without labels."""
    lists: dict[str, dict[str, str]] = {}
    for m in catalogue(lang):
        if m.context and m.context not in NOT_CODE_LISTS:
            lists.setdefault(m.context, {})[str(m.id)] = str(m.string)
    return lists


@cache
def place_names() -> tuple[Mapping[str, str], ...]:
    """Each place the records name, as each language writes it ({lang: name}): a search for one
    spelling finds the others."""
    by_lang = {lang: in_context(PLACE, lang) for lang in LANGS}
    return tuple({lang: by_lang[lang][key] for lang in LANGS} for key in by_lang[FALLBACK_LANG])


PLURAL_ORDER: Final = ("zero", "one", "two", "few", "many", "other")
"""gettext numbers a language's plural forms in this order of CLDR categories (as Babel does)."""


def hosted_by(party: str, lang: str) -> str:
    """The words for "hosted by" the Party ``party`` (a code), as ``lang`` writes them with
    the country's article: "hosted by the United States", "accueillies par le Mexique"."""
    return in_context(HOSTED_BY, lang)[party]


def plural_categories(lang: str) -> tuple[str, ...]:
    """The CLDR plural categories of ``lang`` in the order of its ``msgstr[i]``: ("one",
    "other") in English, ("one", "many", "other") in Spanish and French ("many" is for exact
    millions: "1 000 000 d'événements")."""
    tags = Locale.parse(lang).plural_form.tags | {"other"}
    return tuple(tag for tag in PLURAL_ORDER if tag in tags)


def plural_form(lang: str, n: int) -> str:
    """CLDR's category for the integer ``n`` in ``lang``: French counts 0 and 1 as singular
    ("0 événement"), Spanish and English only 1."""
    return str(Locale.parse(lang).plural_form(n))


_FR_DE_PLACEHOLDER = re.compile(r"\bde \{(\w+)\}")
_VOWELS = "aeiouyàâäéèêëîïôöûùüÿæœ"


def fr_elide_de(text: str, values: Mapping[str, object]) -> str:
    """French ``de {name}`` written ``de l'{name}`` when the name filled in begins with a
    vowel ("la page de l'Examen conjoint"). Names here are institutions, which take the
    article; ``du``/``des`` before a consonant would need each name's gender and number."""

    def elided(match: re.Match[str]) -> str:
        value = str(values.get(match[1], "")).lstrip()
        return f"de l'{{{match[1]}}}" if value[:1].lower() in _VOWELS else match[0]

    return _FR_DE_PLACEHOLDER.sub(elided, text)


def _fill(text: str, lang: str, values: Mapping[str, object]) -> str:
    if not values:
        return text
    shown = formatting.values(values, lang if lang in LANGS else FALLBACK_LANG)
    if lang == "fr":
        text = fr_elide_de(text, shown)
    return text.format(**shown)


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to English), with ``values`` filled in,
    each written as ``lang`` writes it (:func:`dashboard.i18n.format.value`)."""
    return _fill(translations(lang).gettext(key), lang, values)


def t_n(key: str, lang: str, n: int, **values: object) -> str:
    """The count sentence ``key`` in the plural form ``lang``'s CLDR rule gives ``n``, with
    ``n`` and ``values`` filled in."""
    return _fill(translations(lang).ngettext(key, key, n), lang, {"n": n, **values})


def label_value(label: str, value: str, lang: str) -> str:
    """ "Label: value", as the translator of ``lang`` writes it ("{label} : {value}" in
    French)."""
    return t("label_value", lang, label=label, value=value)


def _file_word_runs(what: str) -> list[tuple[str, str | None]]:
    """``what``'s hyphenated tokens grouped into the longest runs that are file-name words (with
    the key), and the tokens that are not (codes, ids, with ``None``)."""
    words = in_context(FILE_NAME, FALLBACK_LANG)
    tokens = what.lower().split("-")
    runs: list[tuple[str, str | None]] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            run = "-".join(tokens[i:j])
            if run in words:
                runs.append((run, run))
                i = j
                break
        else:
            runs.append((tokens[i], None))
            i += 1
    return runs


def file_words(what: str, lang: str) -> str:
    """``what`` (hyphenated English words and codes: "events-over-time", "case-X-sources") in
    ``lang``'s words for a file name: the longest run of words with a file-name message is
    translated, codes and ids are kept."""
    translated = translations(lang)
    return "-".join(
        run if key is None else translated.pgettext(FILE_NAME, key)
        for run, key in _file_word_runs(what)
    )


def words_kept_in_file_name(what: str) -> list[str]:
    """The tokens of ``what`` that :func:`file_words` keeps as they are: they must be codes or
    ids, never an English word without an entry (tested over every download of every page)."""
    return [run for run, key in _file_word_runs(what) if key is None]


def column_headers(columns: list[str], lang: str) -> dict[str, str]:
    """Column name → header in ``lang`` for the columns the catalogue names; others keep
    their name."""
    known = messages(lang)
    return {c: known[c] for c in columns if c in known}
