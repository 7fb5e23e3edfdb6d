#!/usr/bin/python3
"""make-variants.py OUTDIR COUNT: seeds for the fuzzers that are valid JSON but break the format.

Takes the templates and the good fixtures and, COUNT times, puts a value of another type or
range (null, a boolean, a huge or negative number, a string, an array, an object) into one to
three random members, or removes one. Mutating bytes rarely gets that far, because almost every
mutation breaks the JSON first. Deterministic: the same COUNT gives the same files.
"""
import copy
import glob
import json
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
VALUES = [None, True, False, 0, -1, 1, 5, 6, 150, 151, 1e6, -1e6, 1.5, 1e308, 2**53 + 1, 2**63 - 1,
          "", "x", "#zzzzzz", "#3d7dd8", "p1", "t1", "u1", "l1", "solid", "dashed",
          "2026-11-22T10:00:00Z", "data:image/png;base64,", "data:image/jpeg;base64,/9j/",
          [], [1], ["a"], [None], {}, {"x": 1}, {"x": 1, "y": "2"}, [{"x": 1, "y": 2}],
          {"text": 1}, "\u202e\u0301" * 50, "a" * 5000]


def member_paths(node, prefix=()):
    if prefix:
        yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        yield from member_paths(child, prefix + (key,))


def parent_of(document, path):
    for key in path[:-1]:
        document = document[key]
    return document


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    sources = sorted(glob.glob(os.path.join(ROOT, "data/templates/*.kringel")) +
                     glob.glob(os.path.join(ROOT, "tests/data/good/*.kringel")))
    documents = [json.load(open(path, encoding="utf-8")) for path in sources]
    rng = random.Random(1)
    os.makedirs(out, exist_ok=True)

    for number in range(count):
        document = copy.deepcopy(documents[number % len(documents)])
        paths = list(member_paths(document))
        for _ in range(rng.choice([1, 1, 2, 3])):
            path = rng.choice(paths)
            parent_of(document, path)[path[-1]] = copy.deepcopy(rng.choice(VALUES))
            paths = list(member_paths(document))
        if rng.random() < 0.2:
            path = rng.choice(paths)
            del parent_of(document, path)[path[-1]]
        with open(os.path.join(out, f"variant-{number:04d}.kringel"), "w", encoding="utf-8") as file:
            json.dump(document, file, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
