"""The catalogue check: every message of the English catalogue translated in every language, with
the same placeholders, every plural form of the language written, nothing fuzzy.

``python -m dashboard.i18n.check`` prints every problem of the three ``.po`` files (exit 1 if
any); the test suite runs the same check (tests/dashboard/test_catalogue.py).
"""

from __future__ import annotations

import gettext
import string
import sys
from collections.abc import Iterator, Mapping

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from dashboard.i18n import FALLBACK_LANG, LANGS, plural_categories, po_file

PLURAL_SAMPLE = (*range(0, 2_101), 1_000_000, 2_000_000, 1_000_001, 10_000_000)
"""Counts the Plural-Forms header is checked on against CLDR: small numbers, years, millions."""


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of ``text`` (raises ValueError on a stray brace)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return message.context, str(msgid)


def _name(key: tuple[str | None, str]) -> str:
    context, msgid = key
    return msgid if context is None else f"{context}|{msgid}"


def _forms(message: Message) -> list[str]:
    if isinstance(message.string, tuple | list):
        return [str(s) for s in message.string]
    return [str(message.string or "")]


def _header_problems(lang: str, catalog: Catalog) -> Iterator[str]:
    categories = plural_categories(lang)
    if catalog.num_plurals != len(categories):
        yield (
            f"{lang}: Plural-Forms has nplurals={catalog.num_plurals}, expected "
            f"{len(categories)} ({', '.join(categories)}: CLDR through Babel)"
        )
        return
    choose = gettext.c2py(catalog.plural_expr)
    rule = Locale.parse(lang).plural_form
    for n in PLURAL_SAMPLE:
        found, expected = categories[choose(n)], rule(n)
        if found != expected:
            yield f"{lang}: Plural-Forms gives {n} the form {found!r}, CLDR says {expected!r}"
            return


def problems(catalogues: Mapping[str, Catalog]) -> list[str]:
    """Every problem of ``catalogues`` (language → catalogue), measured against the English
    one: a message missing, extra, empty or fuzzy; placeholders that differ from the English
    or a stray brace; a count sentence without the language's plural forms; a Plural-Forms
    header that disagrees with CLDR."""
    reference = {_key(m): m for m in catalogues[FALLBACK_LANG] if m.id}
    found: list[str] = []
    for lang, catalog in catalogues.items():
        found += _header_problems(lang, catalog)
        if catalog.fuzzy:
            found.append(f"{lang}: the catalogue's header is marked fuzzy")
        messages = {_key(m): m for m in catalog if m.id}
        for key in reference.keys() - messages.keys():
            found.append(f"{lang}: {_name(key)} is missing")
        for key in messages.keys() - reference.keys():
            found.append(f"{lang}: {_name(key)} is not in the English catalogue")
        for key in reference.keys() & messages.keys():
            found += _message_problems(lang, catalog, messages[key], reference[key])
    return sorted(found)


def _message_problems(
    lang: str, catalog: Catalog, message: Message, english: Message
) -> Iterator[str]:
    name = _name(_key(message))
    if message.fuzzy:
        yield f"{lang}: {name} is fuzzy"
    if message.pluralizable != english.pluralizable:
        kind = "a count sentence" if english.pluralizable else "a plain message"
        yield f"{lang}: {name} is {kind} in English (msgid_plural) but not here"
        return
    forms = _forms(message)
    if message.pluralizable and len(forms) != catalog.num_plurals:
        yield f"{lang}: {name} has {len(forms)} plural forms, expected {catalog.num_plurals}"
    try:
        expected = placeholders(_forms(english)[-1])
    except ValueError:
        expected = set()
    for i, text in enumerate(forms):
        where = f"{name}[{i}]" if message.pluralizable else name
        if not text.strip():
            yield f"{lang}: {where} has no translation"
            continue
        try:
            fields = placeholders(text)
            text.format(**dict.fromkeys(fields, "x"))
        except (ValueError, IndexError, KeyError) as error:
            yield f"{lang}: {where} does not format ({error}): {text!r}"
            continue
        if fields != expected:
            yield (
                f"{lang}: {where} has placeholders {sorted(fields)}, the English "
                f"{sorted(expected)}: {text!r}"
            )


def read_catalogues() -> dict[str, Catalog]:
    """The three ``.po`` files as they are on disk."""
    catalogues = {}
    for lang in LANGS:
        with open(po_file(lang), "rb") as handle:
            catalogues[lang] = read_po(handle, locale=lang)
    return catalogues


def main() -> int:
    found = problems(read_catalogues())
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s) in {', '.join(str(po_file(lang)) for lang in LANGS)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
