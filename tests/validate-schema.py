#!/usr/bin/python3
"""Validate .kringel files against data/kringel.schema.json.

Usage: /usr/bin/python3 tests/validate-schema.py [--schema-only] SCHEMA FILE...

Needs Debian's python3-jsonschema (hence /usr/bin/python3).  The schema itself
is checked first (check_schema).  Each file is parsed strictly (no duplicate
keys, no NaN/Infinity), validated against the schema and, unless --schema-only
is given, checked for what JSON Schema cannot express: ids unique within their
kind and every reference resolving (docs/file-format.md, "Validity").

Prints "ok FILE" for a valid file, otherwise one "FILE: $.path: message" line
per problem.  Exits 0 when every file is valid, 1 when any is not, 2 on a
usage error or an invalid schema.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("validate-schema.py: python3-jsonschema is missing "
                     "(run it with /usr/bin/python3)\n")
    sys.exit(2)


class StrictError(ValueError):
    pass


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise StrictError("duplicate key %s" % json.dumps(key, ensure_ascii=False))
        obj[key] = value
    return obj


def _no_constant(name):
    raise StrictError("%s is not valid JSON" % name)


def load_strict(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")  # UnicodeDecodeError is a ValueError
    return json.loads(text, object_pairs_hook=_no_duplicates,
                      parse_constant=_no_constant)


def json_path(parts):
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += "[%d]" % p
        elif isinstance(p, str) and p.isidentifier():
            out += "." + p
        else:
            out += "[%s]" % json.dumps(p, ensure_ascii=False)
    return out


def check_references(doc):
    """Return [(path parts, message)] for duplicate ids and dangling references."""
    problems = []
    if not isinstance(doc, dict):
        return problems

    def ids_of(kind):
        seen = {}
        items = doc.get(kind, [])
        if not isinstance(items, list):
            return seen
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in seen:
                problems.append(([kind, i, "id"],
                                   "duplicate id %s (first at $.%s[%d])"
                                   % (json.dumps(item["id"], ensure_ascii=False),
                                      kind, seen[item["id"]])))
            else:
                seen[item["id"]] = i
        return seen

    phases = ids_of("phases")
    lanes = ids_of("lanes")
    personas = ids_of("personas")
    touchpoints = ids_of("touchpoints")
    ids_of("connections")

    tps = doc.get("touchpoints", [])
    if isinstance(tps, list):
        for i, tp in enumerate(tps):
            if not isinstance(tp, dict):
                continue
            ph = tp.get("phase")
            if isinstance(ph, str) and ph not in phases:
                problems.append((["touchpoints", i, "phase"],
                                   "no phase with id %s" % json.dumps(ph, ensure_ascii=False)))
            lane = tp.get("lane")
            if isinstance(lane, str) and lane not in lanes:
                problems.append((["touchpoints", i, "lane"],
                                   "no lane with id %s" % json.dumps(lane, ensure_ascii=False)))
            elif lane is None and lanes:
                problems.append((["touchpoints", i, "lane"],
                                   "must name a lane when the map has lanes"))
            pers = tp.get("personas", [])
            if isinstance(pers, list):
                for j, pid in enumerate(pers):
                    if isinstance(pid, str) and pid not in personas:
                        problems.append((["touchpoints", i, "personas", j],
                                           "no persona with id %s"
                                           % json.dumps(pid, ensure_ascii=False)))

    conns = doc.get("connections", [])
    if isinstance(conns, list):
        for i, c in enumerate(conns):
            if not isinstance(c, dict):
                continue
            for end in ("from", "to"):
                ref = c.get(end)
                if isinstance(ref, str) and ref not in touchpoints:
                    problems.append((["connections", i, end],
                                       "no touchpoint with id %s"
                                       % json.dumps(ref, ensure_ascii=False)))
    return problems


def main(argv):
    args = argv[1:]
    schema_only = False
    if args and args[0] == "--schema-only":
        schema_only = True
        args = args[1:]
    if len(args) < 2:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2

    schema_path, files = args[0], args[1:]
    try:
        schema = load_strict(schema_path)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError) as e:
        print("%s: %s" % (schema_path, e))
        return 2
    except jsonschema.exceptions.SchemaError as e:
        print("%s: invalid schema: %s at %s"
              % (schema_path, e.message, json_path(e.absolute_path)))
        return 2
    validator = cls(schema)

    failed = 0
    for path in files:
        problems = []
        try:
            doc = load_strict(path)
        except json.JSONDecodeError as e:
            problems.append("%s:%d:%d: %s" % (path, e.lineno, e.colno, e.msg))
        except (OSError, ValueError) as e:
            problems.append("%s: %s" % (path, e))
        else:
            errors = sorted(validator.iter_errors(doc),
                            key=lambda e: [str(p) for p in e.absolute_path])
            for e in errors:
                problems.append("%s: %s: %s" % (path, json_path(e.absolute_path), e.message))
            if not schema_only:
                for parts, msg in check_references(doc):
                    problems.append("%s: %s: %s" % (path, json_path(parts), msg))
        if problems:
            failed += 1
            for p in problems:
                print(p)
        else:
            print("ok %s" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
