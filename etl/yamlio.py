"""Safe YAML reading that keeps line numbers, so every problem can point at its line.

Dates are *not* resolved by the YAML parser: PyYAML turns ``2023-02-30`` into an exception
rather than a value, and silently reads ``2023-09-21`` as a date but ``"2024-05"`` as a string.
Keeping every scalar a string (or int) lets the validator parse dates itself and report bad
ones like any other field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from etl.errors import EtlError

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


class RecordLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml's safe loader without the timestamp resolver (dates stay strings), which
    notes every key repeated in a mapping instead of silently keeping the last value."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[Repetition] = []


RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(EtlError):
    """A file is not a single well-formed YAML document; carries the 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key written twice in one mapping: PyYAML would silently keep only the last value."""

    path: Path
    """The repeated key's path (the mapping's path, then the key as text)."""
    key: Any
    """The key as YAML read it (``1`` and ``"1"`` differ; ``yes`` and ``true`` do not)."""
    line: int
    """The line of the repetition."""
    first_line: int

    @property
    def message(self) -> str:
        shown = repr(self.key)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return (
            f"duplicate key (expected each key once, found {shown} again, "
            f"first on line {self.first_line})"
        )


class DuplicateKeys(YamlSyntaxError):
    """A document repeats keys in a mapping (at any depth); carries every repetition, in
    the order of the file."""

    def __init__(self, found: list[DuplicateKey]) -> None:
        self.found = tuple(sorted(found, key=lambda d: (d.line, d.first_line)))
        super().__init__(self.found[0].line, self.found[0].message)


class Document:
    """A parsed YAML document; the 1-based line of every key and list item is worked out
    from its text only when a problem needs one (most documents never do)."""

    __slots__ = ("_lines", "data", "shallow", "text")

    def __init__(
        self,
        data: Any,
        text: str,
        lines: dict[Path, int] | None = None,
        shallow: dict[Path, int] | None = None,
    ) -> None:
        self.data = data
        self.text = text
        self._lines = lines
        self.shallow = shallow or {}
        """Lines of the top-level keys and of their list items, known without a second pass."""

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = index_lines(self.text)
        return self._lines

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor that has one (1 if none)."""
        if self._lines is None and path in self.shallow:
            return self.shallow[path]
        lines = self.lines
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get((), 1)


ALIAS_REFUSED = (
    "YAML aliases (*name) are not allowed in records (expected plain values, found an alias)"
)
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]+")


def _first_alias_line(text: str) -> int:
    """The line of the first ``*name`` outside quotes; libyaml's nodes only know where the
    anchor is, not where it is used."""
    for number, line in enumerate(text.splitlines(), start=1):
        unquoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "", line.split(" #")[0])
        if _ALIAS.search(unquoted):
            return number
    return 1


def _first_tag_line(text: str) -> int:
    """The line of the first explicit tag (``!!int``, ``!foo``) outside quotes, else 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        unquoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "", line.split(" #")[0])
        if re.search(r"(?:^|[\s\[{,:-])!", unquoted):
            return number
    return 1


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    """libyaml's error, located, with the start of the construct it was reading when that is
    elsewhere (an unclosed quote is only noticed lines later), and a hint for tabs."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    reason = " ".join(filter(None, [exc.context, exc.problem]))
    context = exc.context_mark
    if context is not None and context.line + 1 != line:
        reason += f" (the {exc.context.split()[-1] if exc.context else 'construct'} starts at "
        reason += f"line {context.line + 1})"
    lines = text.splitlines()
    if (
        0 < line <= len(lines)
        and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    ):
        reason += "; the line is indented with a tab: YAML indents with spaces only"
    unbalanced = next(
        (
            n
            for n, text_line in enumerate(lines[:line], start=1)
            if len(re.findall(r'(?<!\\)"', text_line.split(" #")[0])) % 2 == 1
        ),
        None,
    )
    if unbalanced is not None:
        reason += f"; line {unbalanced} opens a double quote that it does not close"
    return YamlSyntaxError(line, f"invalid YAML: {reason}")


def _index_lines(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int]) -> None:
    # Aliases make the node graph a DAG whose walk can explode ("billion laughs"); records
    # never need them, so the first node reached twice stops the parse. The node's own mark
    # is the anchor's (&name); the key that reached it again is where the alias (*name) is.
    if id(node) in seen:
        raise YamlSyntaxError(lines.get(path, node.start_mark.line + 1), ALIAS_REFUSED)
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*path, key)
            lines[child] = key_node.start_mark.line + 1
            _index_lines(value_node, child, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*path, i)
            lines[child] = item.start_mark.line + 1
            _index_lines(item, child, lines, seen)


def _shallow_lines(node: yaml.Node) -> dict[Path, int]:
    lines: dict[Path, int] = {(): node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            lines[(key_node.value,)] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    lines[(key_node.value, i)] = item.start_mark.line + 1
    return lines


def index_lines(text: str) -> dict[Path, int]:
    """The line of every key and list item of a document; raise on aliases."""
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    lines: dict[Path, int] = {}
    if node is not None:
        _index_lines(node, (), lines, set())
    return lines


class _AliasFound(Exception):
    """Raised by the constructor on the first node it meets twice."""


def _construct_object(self: yaml.SafeLoader, node: yaml.Node, deep: bool = False) -> Any:
    # A node constructed twice was reached through an alias. Refusing it here, in the single
    # pass that builds the data, costs nothing on alias-free records.
    if node in self.constructed_objects:
        raise _AliasFound
    return _BaseLoader.construct_object(self, node, deep)


def _construct_mapping(self: RecordLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    mapping = _BaseLoader.construct_mapping(self, node, deep)
    # A dict shorter than the mapping's key list means a key was repeated and its first value
    # silently replaced. Comparing lengths costs nothing on the files that have none.
    if len(mapping) != len(node.value):
        first: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.constructed_objects[key_node]
            if key in first:
                self.duplicate_keys.append((node, key, first[key], key_node))
            else:
                first[key] = key_node
    return mapping


RecordLoader.construct_object = _construct_object
RecordLoader.construct_mapping = _construct_mapping


def _paths_of(root: yaml.Node, wanted: set[int]) -> dict[int, Path]:
    """The path of each node whose id is in ``wanted`` (walked without recursion, so deep
    nesting cannot overflow the stack, and each node once)."""
    found: dict[int, Path] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack and len(found) < len(wanted):
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if id(node) in wanted:
            found[id(node)] = path
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                stack.append((value_node, (*path, key)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
    return found


Repetition = tuple[yaml.Node, Any, yaml.Node, yaml.Node]
"""A repeated key as the constructor met it: its mapping, the key, its first and its second
key node."""


def _duplicate_keys(root: yaml.Node, found: list[Repetition]) -> DuplicateKeys:
    paths = _paths_of(root, {id(mapping) for mapping, *_ in found})
    return DuplicateKeys(
        [
            DuplicateKey(
                (
                    *paths.get(id(mapping), ()),
                    again.value if isinstance(again, yaml.ScalarNode) else str(key),
                ),
                key,
                again.start_mark.line + 1,
                first.start_mark.line + 1,
            )
            for mapping, key, first, again in found
        ]
    )


def parse(text: str) -> Document:
    """Parse one YAML document safely; raise :class:`YamlSyntaxError` with a line on failure."""
    loader = RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(data=None, text=text, lines={})
        shallow = _shallow_lines(node)
        data = loader.construct_document(node)
    except _AliasFound:
        raise YamlSyntaxError(_first_alias_line(text), ALIAS_REFUSED) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from exc
    except RecursionError:
        raise YamlSyntaxError(
            1,
            "invalid YAML: nested too deeply (expected a record of "
            "fields and short lists, found deeply nested lists or maps)",
        ) from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        # PyYAML's builders raise plain Python errors for values they cannot build: explicitly
        # tagged scalars (``!!int abc``) or integers too long to convert.
        raise YamlSyntaxError(
            _first_tag_line(text),
            f"invalid YAML: a value cannot be read ({type(exc).__name__}: "
            f"{str(exc)[:80]}); write plain values without tags (!!int, !!timestamp, ...)",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if loader.duplicate_keys:
        raise _duplicate_keys(node, loader.duplicate_keys)
    return Document(data=data, text=text, shallow=shallow)
