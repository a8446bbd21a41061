"""Safe YAML reading: scalars stay as written, every key has its line, unsafe input refused."""

from __future__ import annotations

import pytest

from etl.yamlio import YamlSyntaxError, parse


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
