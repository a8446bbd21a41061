"""Safe YAML reading: scalars stay as written, every key has its line, unsafe input refused."""

from __future__ import annotations

import pytest

from etl.yamlio import DuplicateKeys, YamlSyntaxError, parse


def test_dates_stay_text_and_years_stay_integers() -> None:
    doc = parse('a: 2023-09-21\nb: "2024-05"\nc: 2024\nd: 2023-02-30\n')
    assert doc.data == {"a": "2023-09-21", "b": "2024-05", "c": 2024, "d": "2023-02-30"}


def test_every_key_and_list_item_has_its_line() -> None:
    doc = parse(
        "id: x\nparticipants:\n  - name: A\n    level: minister\n  - name: B\ntopics: [a, b]\n"
    )
    assert doc.line_of(("id",)) == 1
    assert doc.line_of(("participants",)) == 2
    assert doc.line_of(("participants", 0)) == 3
    assert doc.line_of(("participants", 0, "level")) == 4
    assert doc.line_of(("participants", 1, "name")) == 5
    assert doc.line_of(("topics", 1)) == 6


def test_line_of_a_missing_path_is_its_nearest_ancestor() -> None:
    doc = parse("id: x\nparticipants:\n  - name: A\n")
    assert doc.line_of(("participants", 0, "level")) == 3
    assert doc.line_of(("absent",)) == 1


def test_empty_document_has_no_data() -> None:
    doc = parse("# only a comment\n")
    assert doc.data is None
    assert doc.line_of(("id",)) == 1


@pytest.mark.parametrize(
    ("text", "line", "pattern"),
    [
        pytest.param("a: 1\nb: c: d\n", 2, r"invalid YAML: mapping values", id="mapping-in-value"),
        pytest.param('a: 1\nb: "open\n', 3, r"invalid YAML: .*quoted scalar", id="unclosed-quote"),
        pytest.param(
            "a: 1\n---\nb: 2\n", 2, r"invalid YAML: .*single document", id="two-documents"
        ),
        pytest.param("a: &x 1\nb: *x\n", 2, r"YAML aliases \(\*name\) are not allowed", id="alias"),
        pytest.param(
            "base: &b {x: 1}\nother:\n  <<: *b\n",
            3,
            r"YAML aliases \(\*name\) are not allowed",
            id="merge-key",
        ),
        pytest.param(
            "a: !!python/object/apply:os.system ['true']\n",
            1,
            r"invalid YAML: .*could not determine a constructor",
            id="python-tag",
        ),
    ],
)
def test_unsafe_or_malformed_yaml_is_refused_with_its_line(
    text: str, line: int, pattern: str
) -> None:
    with pytest.raises(YamlSyntaxError, match=pattern) as raised:
        parse(text)
    assert raised.value.line == line


def test_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    with pytest.raises(YamlSyntaxError, match="aliases"):
        parse("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("a: 1\nb: 2\na: 3\n", [(("a",), 3, 1)], id="top-level"),
        pytest.param(
            "p:\n  - name: x\n    level: y\n    name: z\n",
            [(("p", 0, "name"), 4, 2)],
            id="in-a-list",
        ),
        pytest.param("a:\n  b:\n    c: 1\n    c: 1\n", [(("a", "b", "c"), 4, 3)], id="deep"),
        pytest.param("a: {b: 1, b: 2}\n", [(("a", "b"), 1, 1)], id="flow-mapping"),
        pytest.param("yes: 1\ntrue: 2\n", [(("true",), 2, 1)], id="same-key-spelt-twice"),
        pytest.param(
            "c: [{d: 1, d: 1}]\nb:\n  x: 1\n  x: 2\nc: 5\n",
            [(("c", 0, "d"), 1, 1), (("b", "x"), 4, 3), (("c",), 5, 1)],
            id="several-in-file-order",
        ),
    ],
)
def test_a_repeated_key_is_refused_with_both_lines(
    text: str, found: list[tuple[tuple[str | int, ...], int, int]]
) -> None:
    with pytest.raises(DuplicateKeys) as raised:
        parse(text)
    assert [(d.path, d.line, d.first_line) for d in raised.value.found] == found
    first = raised.value.found[0]
    assert raised.value.line == first.line
    assert raised.value.message == (
        f"duplicate key (expected each key once, found {first.key!r} again, "
        f"first on line {first.first_line})"
    )


def test_the_same_key_in_sibling_mappings_is_no_repetition() -> None:
    doc = parse("p:\n  - name: a\n  - name: b\nq: {name: c}\n1: x\n'1': y\n")
    assert doc.data == {"p": [{"name": "a"}, {"name": "b"}], "q": {"name": "c"}, 1: "x", "1": "y"}
