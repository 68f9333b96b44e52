#!/usr/bin/env python3
"""Prints the `use crate::` graph of src/ and fails on a circle between modules.

At every level of the module tree (the crate's top-level modules, then the modules inside each
folder) an edge A -> B means that some code of A names B (`crate::b::…`, `super::b::…`, or a
`use` of them). Test code is left out: `tests.rs` / `*_tests.rs` files, `testutil`, and the
`#[cfg(test)] mod tests` block at the end of a file. A circle means neither side can be read,
tested or changed alone; the script prints each one and exits 1.

    scripts/module-graph.py            # the circles, if any (exit 1), else a one-line summary
    scripts/module-graph.py --edges    # also every edge, level by level
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
TEST_FILE = re.compile(r"(^|_)tests?\.rs$|^testutil\.rs$")


def module_path(file: Path) -> tuple:
    """src/a/b.rs and src/a/b/mod.rs are both ('a', 'b'); lib.rs and main.rs are ()."""
    parts = list(file.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    if parts in (["lib"], ["main"]):
        return ()
    return tuple(parts)


def code_of(file: Path) -> str:
    text = file.read_text()
    cut = re.search(r"#\[cfg\(test\)\]\s*(pub\s+)?mod\s+\w+\s*\{", text)
    if cut:
        text = text[: cut.start()]
    # Comments name modules too, in prose; only code counts.
    text = re.sub(r"//[^\n]*", "", text)
    return text


def expand_use(tree: str) -> list:
    """`a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e']."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix: str, s: str):
        depth, start, items = 0, 0, []
        for i, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                items.append(s[start:i])
                start = i + 1
        items.append(s[start:])
        for item in filter(None, items):
            if "{" in item:
                head, rest = item.split("{", 1)
                walk(prefix + head, rest[: rest.rindex("}")])
            else:
                out.append(prefix + item)

    walk("", tree)
    return out


def references(module: tuple, code: str) -> set:
    """Absolute module paths that `code` (of `module`) names."""
    paths = []
    for tree in re.findall(r"\buse\s+([^;]+);", code):
        paths += expand_use(tree)
    paths += re.findall(r"\b((?:crate|super)(?:::\w+)+)", code)
    found = set()
    for path in paths:
        parts = path.split("::")
        if parts[0] == "crate":
            target = parts[1:]
        elif parts[0] == "super":
            base = list(module)
            while parts and parts[0] == "super":
                base = base[:-1]
                parts = parts[1:]
            target = base + parts
        elif parts[0] == "self":
            target = list(module) + parts[1:]
        else:
            continue
        found.add(tuple(target))
    return found


def main() -> int:
    modules = {}
    for file in sorted(SRC.rglob("*.rs")):
        if TEST_FILE.search(file.name):
            continue
        modules[module_path(file)] = code_of(file)
    known = set(modules)

    def resolve(target: tuple) -> tuple:
        """The longest known module that `target` (a path to an item) lies in."""
        while target and target not in known:
            target = target[:-1]
        return target

    # level (a parent module) -> child -> set of children it names
    levels = defaultdict(lambda: defaultdict(set))
    for module, code in modules.items():
        for target in references(module, code):
            target = resolve(target)
            # the deepest common parent, and the two children of it on each side
            common = 0
            while common < min(len(module), len(target)) and module[common] == target[common]:
                common += 1
            if common == len(module) or common == len(target):
                continue  # a module naming itself, its parent or its own child
            parent = module[:common]
            levels[parent][module[common]].add(target[common])

    show_edges = "--edges" in sys.argv
    circles = []
    for parent in sorted(levels):
        graph = levels[parent]
        name = "::".join(parent) or "crate"
        if show_edges:
            print(f"{name}:")
            for child in sorted(graph):
                print(f"  {child} -> {', '.join(sorted(graph[child]))}")
        circles += [(name, c) for c in strongly_connected(graph) if len(c) > 1]
    for name, circle in circles:
        print(f"circle in {name}: {' <-> '.join(sorted(circle))}")
    if circles:
        return 1
    edges = sum(len(t) for g in levels.values() for t in g.values())
    print(f"{len(modules)} modules, {edges} edges between siblings, no circle")
    return 0


def strongly_connected(graph: dict) -> list:
    """Tarjan's algorithm."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            out.append(component)

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


if __name__ == "__main__":
    sys.exit(main())
