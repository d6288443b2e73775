"""Tests of refresh-schemas.py: `python3 -m pytest scripts/`.

The patches are classified on hand-made schemas and on a fake cfn-lint folder; cfn-lint is not needed.
"""

import importlib.util
import json
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("refresh_schemas", Path(__file__).with_name("refresh-schemas.py"))
refresh = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = refresh
_SPEC.loader.exec_module(refresh)

PATCHES = json.loads((refresh.SCHEMAS / "patches.json").read_text())["patches"]
FUNCTION_PATCH = next(p for p in PATCHES["AWS::Lambda::Function"] if p["id"] == "function-code-s3objectstoragemode")
MODE = {"enum": ["COPY", "REFERENCE"], "type": "string"}


def code_schema(properties, additional=False):
    return {"definitions": {"Code": {"additionalProperties": additional, "properties": properties}}}


def test_a_patch_that_adds_what_is_there_is_a_no_op():
    schema = code_schema({"S3Bucket": {"type": "string"}, "S3ObjectStorageMode": MODE})
    assert refresh.classify(schema, FUNCTION_PATCH["operations"])[0] == "no-op"


def test_a_patch_that_adds_what_a_refresh_dropped_applies():
    schema = code_schema({"S3Bucket": {"type": "string"}})
    status, _ = refresh.classify(schema, FUNCTION_PATCH["operations"])
    assert status == "applies"
    patched = refresh.apply_patch(schema, FUNCTION_PATCH["operations"])
    assert patched["definitions"]["Code"]["properties"]["S3ObjectStorageMode"] == MODE
    assert "S3ObjectStorageMode" not in schema["definitions"]["Code"]["properties"]  # the input is left alone


def test_a_failed_test_is_a_conflict_and_nothing_is_applied():
    schema = code_schema({}, additional=True)
    assert refresh.classify(schema, FUNCTION_PATCH["operations"]) == ("conflict", "test: /definitions/Code/additionalProperties is not the expected value")
    assert refresh.classify({}, FUNCTION_PATCH["operations"])[0] == "conflict"


def test_every_patch_applies_to_the_vendored_copies():
    copies = {name: json.loads(path.read_text()) for name, path in refresh.vendored_files().items()}
    statuses = {p["id"]: refresh.classify(copies[t], p["operations"])[0] for t, entries in PATCHES.items() for p in entries}
    assert statuses == {
        "function-code-s3objectstoragemode": "no-op",
        "layerversion-content-s3objectstoragemode": "applies",
        "layerversionpermission-principal-anchored": "applies",
    }


def test_a_refresh_that_drops_the_property_reports_the_patch_and_fails_on_conflicts(tmp_path, capsys):
    providers = tmp_path / "data" / "schemas" / "providers"
    resources = tmp_path / "data" / "schemas" / "resources"
    providers.mkdir(parents=True)
    resources.mkdir(parents=True)
    names = {}
    for index, (type_name, path) in enumerate(refresh.vendored_files().items()):
        document = json.loads(path.read_text())
        if type_name == "AWS::Lambda::Function":
            del document["definitions"]["Code"]["properties"]["S3ObjectStorageMode"]
        if type_name == "AWS::Lambda::LayerVersionPermission":
            document["properties"]["Principal"]["pattern"] = "^changed$"
        names[type_name] = f"{index:016x}"
        (resources / f"{names[type_name]}.json").write_text(json.dumps(document))
    (providers / "us_east_1.py").write_text("types = {\n" + "".join(f'    "{t}": "{n}",\n' for t, n in names.items()) + "}\n")

    assert refresh.main(["--cfn-lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "function-code-s3objectstoragemode (AWS::Lambda::Function): applies" in out
    assert "layerversionpermission-principal-anchored (AWS::Lambda::LayerVersionPermission): conflict: test: /properties/Principal/pattern is not the expected value" in out
    assert "AWS::Lambda::Function: changed" in out
