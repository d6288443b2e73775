#!/usr/bin/env python3
"""Compare cfn-lambda's SAM expansion with aws-sam-translator's, resource by resource.

For every SAM template of the given folders (default: ../shared/corpus), runs the installed
aws-sam-translator (PyPI `aws-sam-translator`, what cfn-lint runs) and `cfn-lambda expand --format
json`, and lists the differences in the resources cfn-lambda claims to reproduce: every
AWS::Lambda::* resource and each generated execution role (`<Function>Role`), compared on logical
ID, Type, Condition, DeletionPolicy, UpdateReplacePolicy and Properties (lists compared as sorted,
as the translator's own tests do). A template the translator rejects must make cfn-lambda exit 1.

With --expected DIR (the conformance pairs: DIR/input/NAME.yaml, DIR/output/NAME.json), the
stored outputs are the reference instead of a translator run, with the parameters and region of
the translator's own test harness (param1, param2, us-east-1).

Templates without `Transform: AWS::Serverless-2016-10-31` are given it (the translator's tests call
the transform directly). Markdown to standard output; exit 0 always unless cfn-lambda crashed.
Usage: scripts/compare-with-sam-translator.py [--cfn-lambda PATH] [--expected DIR] [FOLDER...]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSFORM = "AWS::Serverless-2016-10-31"
# The translator's test harness: its parameter values, and the region its pseudo parameters resolve
# to (its outputs show AWS::Region as ap-southeast-1, with ARNs in the aws partition).
HARNESS_PARAMETERS = {"param1": "value1", "param2": "value2", "AWS::Region": "ap-southeast-1", "AWS::Partition": "aws"}

COMPARED_KEYS = ("Type", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Properties")


def deep_sort(value):
    """Lists sorted by their JSON text, recursively: the translator's tests compare this way."""
    if isinstance(value, dict):
        return {key: deep_sort(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((deep_sort(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def sam_ids(template: dict) -> set[str]:
    resources = template.get("Resources") or {}
    return {name for name, resource in resources.items()
            if isinstance(resource, dict) and resource.get("Type") == "AWS::Serverless::Function"}


def compared(processed: dict, functions: set[str]) -> dict:
    """The resources cfn-lambda claims to reproduce, reduced to the compared keys."""
    result = {}
    for name, resource in (processed.get("Resources") or {}).items():
        if not isinstance(resource, dict):
            continue
        kind = str(resource.get("Type", ""))
        if kind.startswith("AWS::Lambda::") or (kind == "AWS::IAM::Role" and name.endswith("Role") and name[:-4] in functions):
            result[name] = deep_sort({key: resource[key] for key in COMPARED_KEYS if key in resource})
    return result


def differences(expected: dict, actual: dict) -> list[str]:
    lines = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual:
            lines.append(f"missing `{name}` ({expected[name].get('Type')})")
        elif name not in expected:
            lines.append(f"extra `{name}` ({actual[name].get('Type')})")
        elif expected[name] != actual[name]:
            keys = sorted({key for key in set(expected[name]) | set(actual[name]) if expected[name].get(key) != actual[name].get(key)})
            detail = ", ".join(keys)
            if keys == ["Properties"]:
                props_e, props_a = expected[name]["Properties"], actual[name]["Properties"]
                detail = "Properties: " + ", ".join(sorted(k for k in set(props_e) | set(props_a) if props_e.get(k) != props_a.get(k)))
            lines.append(f"`{name}` differs in {detail}")
    return lines


LOCAL_BUCKET = "local-artifact-uploaded-by-sam-package"


def packaged(template: dict) -> dict:
    """A local CodeUri/ContentUri (`src/`) as cfn-lambda reads it: the S3 location `sam package` will
    upload it to, here a placeholder bucket with the path as key (as `sam validate` substitutes one)."""
    def fix(properties, key):
        value = properties.get(key) if isinstance(properties, dict) else None
        if isinstance(value, str) and "://" not in value:
            properties[key] = f"s3://{LOCAL_BUCKET}/{value}"
    for resource in (template.get("Resources") or {}).values():
        if isinstance(resource, dict) and str(resource.get("Type", "")).startswith("AWS::Serverless::") \
                and isinstance(resource.get("Properties"), dict):
            fix(resource["Properties"], "CodeUri")
            fix(resource["Properties"], "ContentUri")
    fix((template.get("Globals") or {}).get("Function") if isinstance(template.get("Globals"), dict) else None, "CodeUri")
    return template


def translate(template: dict) -> dict:
    """The translator's output, or {'errorMessage': ...}."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    from samtranslator.translator.transform import transform  # noqa: PLC0415
    from samtranslator.model.exceptions import InvalidDocumentException  # noqa: PLC0415

    class NoCalls:
        def load(self):
            return {}

    try:
        return transform(packaged(json.loads(json.dumps(template, default=str))), {}, NoCalls())
    except InvalidDocumentException as error:
        return {"errorMessage": " ".join(cause.message for cause in error.causes)}
    except Exception as error:  # noqa: BLE001 - the translator's own failures are reported, not raised
        return {"errorMessage": f"translator failure: {error}"}


def load_yaml(path: Path):
    from samtranslator.yaml_helper import yaml_parse  # noqa: PLC0415
    return yaml_parse(path.read_text())


def run_cfn_lambda(binary: str, path: Path, parameters: dict, region: str | None) -> tuple[int, dict | None, str]:
    text = path.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=path.suffix, delete=False) as handle:
        if TRANSFORM not in text:
            if text.lstrip().startswith("{"):
                text = f'{{"Transform": "{TRANSFORM}", ' + text.lstrip()[1:]
            elif text.startswith("%"):
                head, _, body = text.partition("---\n")
                text = f"{head}---\nTransform: {TRANSFORM}\n{body}"
            else:
                text = f"Transform: {TRANSFORM}\n{text}"
        handle.write(text)
        temporary = handle.name
    command = [binary, "expand", "--format", "json"]
    for key, value in parameters.items():
        command += ["--parameters", f"{key}={value}"]
    if region:
        command += ["--region", region]
    try:
        done = subprocess.run(command + [temporary], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(temporary)
    try:
        output = json.loads(done.stdout) if done.returncode == 0 else None
    except json.JSONDecodeError:
        output = None
    return done.returncode, output, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cfn-lambda", default=str(ROOT / ".build" / "debug" / "cfn-lambda"))
    parser.add_argument("--expected", type=Path, help="conformance pairs: DIR/input/*.yaml and DIR/output/*.json")
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()

    cases = []
    if args.expected:
        for source in sorted((args.expected / "input").glob("*.yaml")):
            cases.append((source, json.loads((args.expected / "output" / (source.stem + ".json")).read_text())))
    else:
        folders = args.folders or [ROOT.parent / "shared" / "corpus"]
        for folder in folders:
            for source in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".template")):
                try:
                    template = load_yaml(source)
                except Exception:  # noqa: BLE001 - not a template we can read
                    continue
                if isinstance(template, dict) and sam_ids(template) | {
                        n for n, r in (template.get("Resources") or {}).items()
                        if isinstance(r, dict) and r.get("Type") == "AWS::Serverless::LayerVersion"}:
                    cases.append((source, None))

    passed = failed = crashed = 0
    report = []
    uncovered_passed = uncovered_total = 0
    def expand(case):
        source, _ = case
        return run_cfn_lambda(args.cfn_lambda, source, HARNESS_PARAMETERS if args.expected else {}, "us-east-1")

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = list(pool.map(expand, cases))
    for (source, expected), (code, actual, stderr) in zip(cases, runs):
        template = load_yaml(source)
        # What cfn-lambda says it does not expand (its sam.not-expanded warnings name the types), so
        # that this script never carries a list of covered types that goes stale.
        uncovered = sorted(set(re.findall(r"warning: (AWS::Serverless::\w+) is not expanded by cfn-lambda", stderr)))
        if uncovered:
            uncovered_total += 1
        if expected is None:
            expected = translate(template)
        if code not in (0, 1):
            crashed += 1
            report.append(f"- **{source.name}**: cfn-lambda exited {code}: {stderr.strip()[:300]}")
            continue
        if "errorMessage" in expected:
            if code == 1 and "[sam.invalid]" in stderr:
                passed += 1
                uncovered_passed += bool(uncovered)
            else:
                failed += 1
                report.append(f"- **{source.name}**: the translator fails ({expected['errorMessage'][:160]}…); cfn-lambda gives no sam.invalid error")
            continue
        if actual is None:
            failed += 1
            first = next((line for line in stderr.splitlines() if "error" in line), stderr.strip())
            report.append(f"- **{source.name}**: cfn-lambda fails where the translator does not: {first[:300]}")
            continue
        functions = sam_ids(template)
        lines = differences(compared(expected, functions), compared(actual, functions))
        if lines:
            failed += 1
            note = f" (also uses {', '.join(uncovered)}, not expanded)" if uncovered else ""
            report.append(f"- **{source.name}**{note}: " + "; ".join(lines))
        else:
            passed += 1
            uncovered_passed += bool(uncovered)
    total = passed + failed + crashed
    print(f"# cfn-lambda expand vs aws-sam-translator\n\n{passed} of {total} templates agree"
          f" ({100 * passed / max(total, 1):.1f}%); {failed} differ; {crashed} crashed.")
    covered = total - uncovered_total
    print(f"Of the {covered} templates whose SAM resources are all of types cfn-lambda expands,"
          f" {passed - uncovered_passed} agree ({100 * (passed - uncovered_passed) / max(covered, 1):.1f}%).\n")
    print("\n".join(report))
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
