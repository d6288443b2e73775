#!/usr/bin/env python3
"""Refresh the vendored schemas (schemas/resources/) from an installed cfn-lint, and say what
becomes of each patch of schemas/patches.json on the new copies.

    scripts/refresh-schemas.py [--cfn-lint DIR] [--provider us_east_1] [--write]

Without --write nothing is changed: the script lists, for each vendored type, whether cfn-lint's
file differs from the copy, and for each patch, applied to cfn-lint's file, one of:

  applies   the patch changes the schema: the defect it fixes is still there;
  no-op     the patch applies and changes nothing: cfn-lint's schema already has what the patch
            adds (keep it as a guard against a later regression, or drop it);
  conflict  an operation fails (a `test` no longer matches, a path is gone): cfn-lambda would skip
            the patch (ResourceSchema.failedPatches); rewrite or drop it.

With --write the changed files are copied over the vendored ones (byte for byte) and their new
sha256 are printed for the provenance table of schemas/README.md. Exit status: 0, or 1 when a
patch conflicts or a vendored type is missing from cfn-lint, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import pathlib
import shutil
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SCHEMAS = REPOSITORY / "schemas"


def installed_cfn_lint() -> Path:
    import cfnlint  # noqa: PLC0415 (only needed without --cfn-lint)

    return Path(cfnlint.__file__).resolve().parent


def provider_files(cfn_lint: Path, provider: str) -> dict[str, str]:
    """The type -> file stem map of a cfn-lint provider module (data/schemas/providers/<provider>.py)."""
    text = (cfn_lint / "data" / "schemas" / "providers" / f"{provider}.py").read_text()
    return dict(re.findall(r'"([A-Za-z0-9:]+)":\s*"([0-9a-f]+)"', text))


def vendored_files() -> dict[str, Path]:
    """The vendored copies by the typeName they declare."""
    copies = {}
    for path in sorted((SCHEMAS / "resources").glob("*.json")):
        copies[json.loads(path.read_text())["typeName"]] = path
    return copies


class PatchFailure(Exception):
    pass


def pointer_tokens(pointer: str) -> list[str]:
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise PatchFailure(f"'{pointer}' is not a JSON Pointer")
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def parent_and_key(document, pointer: str):
    tokens = pointer_tokens(pointer)
    if not tokens:
        raise PatchFailure("the whole document cannot be the target")
    node = document
    for token in tokens[:-1]:
        node = child(node, token, pointer)
    return node, tokens[-1]


def child(node, token: str, pointer: str):
    if isinstance(node, dict) and token in node:
        return node[token]
    if isinstance(node, list) and token.isdigit() and int(token) < len(node):
        return node[int(token)]
    raise PatchFailure(f"{pointer}: '{token}' does not exist")


def value_at(document, pointer: str):
    node = document
    for token in pointer_tokens(pointer):
        node = child(node, token, pointer)
    return node


def add(document, pointer: str, value) -> None:
    parent, key = parent_and_key(document, pointer)
    if isinstance(parent, dict):
        parent[key] = value
    elif isinstance(parent, list) and (key == "-" or (key.isdigit() and int(key) <= len(parent))):
        parent.insert(len(parent) if key == "-" else int(key), value)
    else:
        raise PatchFailure(f"{pointer}: cannot add there")


def remove(document, pointer: str):
    parent, key = parent_and_key(document, pointer)
    if isinstance(parent, dict) and key in parent:
        return parent.pop(key)
    if isinstance(parent, list) and key.isdigit() and int(key) < len(parent):
        return parent.pop(int(key))
    raise PatchFailure(f"{pointer}: '{key}' does not exist")


def apply_patch(schema, operations):
    """RFC 6902, all or nothing, as cfn-lambda's JSONPatch applies it: the patched copy, or PatchFailure."""
    document = copy.deepcopy(schema)
    for operation in operations:
        op, path = operation["op"], operation["path"]
        if op == "test":
            if value_at(document, path) != operation["value"]:
                raise PatchFailure(f"test: {path} is not the expected value")
        elif op == "add":
            add(document, path, copy.deepcopy(operation["value"]))
        elif op == "remove":
            remove(document, path)
        elif op == "replace":
            remove(document, path)
            add(document, path, copy.deepcopy(operation["value"]))
        elif op == "move":
            add(document, path, remove(document, operation["from"]))
        elif op == "copy":
            add(document, path, copy.deepcopy(value_at(document, operation["from"])))
        else:
            raise PatchFailure(f"unknown operation '{op}'")
    return document


def classify(schema, operations) -> tuple[str, str]:
    """('applies' | 'no-op' | 'conflict', detail) of one patch on one schema."""
    try:
        patched = apply_patch(schema, operations)
    except PatchFailure as failure:
        return "conflict", str(failure)
    if patched == schema:
        return "no-op", "the schema already has what the patch sets"
    return "applies", "the schema still has the defect"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cfn-lint", type=Path, help="cfn-lint's package folder (default: the installed one)")
    parser.add_argument("--provider", default="us_east_1", help="the provider module whose files are vendored")
    parser.add_argument("--write", action="store_true", help="copy the changed files over the vendored ones")
    arguments = parser.parse_args(argv)

    cfn_lint = arguments.cfn_lint or installed_cfn_lint()
    try:
        upstream = provider_files(cfn_lint, arguments.provider)
    except OSError as error:
        print(f"refresh-schemas: cannot read cfn-lint's provider map: {error}", file=sys.stderr)
        return 2
    problems = 0
    new_schemas = {}
    print(f"cfn-lint: {cfn_lint}")
    for type_name, copy_path in vendored_files().items():
        stem = upstream.get(type_name)
        source = cfn_lint / "data" / "schemas" / "resources" / f"{stem}.json" if stem else None
        if source is None or not source.exists():
            print(f"  {type_name}: missing from cfn-lint's {arguments.provider} provider")
            problems += 1
            continue
        data = source.read_bytes()
        new_schemas[type_name] = json.loads(data)
        changed = data != copy_path.read_bytes()
        print(f"  {type_name}: {'changed' if changed else 'unchanged'} ({source.name} -> {copy_path.name})")
        if changed and arguments.write:
            shutil.copyfile(source, copy_path)
            print(f"    wrote {copy_path.relative_to(REPOSITORY)}, sha256 {hashlib.sha256(data).hexdigest()}")

    print("patches (schemas/patches.json) on cfn-lint's files:")
    patches = json.loads((SCHEMAS / "patches.json").read_text())["patches"]
    for type_name, entries in sorted(patches.items()):
        for entry in entries:
            if type_name not in new_schemas:
                status, detail = "conflict", "no schema for the type"
            else:
                status, detail = classify(new_schemas[type_name], entry["operations"])
            problems += status == "conflict"
            print(f"  {entry['id']} ({type_name}): {status}: {detail}")
    if arguments.write:
        # The binary carries schemas/ compiled in: regenerate its source.
        subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("embed-data.py"))], check=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
