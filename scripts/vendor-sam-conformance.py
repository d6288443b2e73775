#!/usr/bin/env python3
"""Copy aws-sam-translator's conformance pairs into Tests/SAMConformance/ for the Swift tests.

Inputs are copied as they are. Each output keeps only what the test compares: its errorMessage,
or the AWS::Lambda::* resources and the roles generated for functions (`<Function>Role`), with
their Type, Condition, DeletionPolicy, UpdateReplacePolicy, DependsOn and Properties. Pairs where SAM makes or
changes resources of other services that cfn-lambda writes too (CodeDeploy, a bucket's notification, a
user pool's triggers, queues) also get beyond/NAME.json: those resources, the aliases' UpdatePolicy and
the Conditions.
Usage: scripts/vendor-sam-conformance.py ../shared/sam-conformance
"""
import json
import shutil
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance"
KEYS = ("Type", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "DependsOn", "Properties")
BEYOND_TYPES = ("AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup", "AWS::S3::Bucket",
                "AWS::Cognito::UserPool", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy")
BEYOND_KEYS = KEYS + ("UpdatePolicy", "DependsOn")


def beyond_lambda(expected):
    """The resources of other services compared by SAMBeyondLambdaTests, or None when there are none."""
    resources = {}
    for name, r in expected.get("Resources", {}).items():
        kind = r.get("Type")
        if kind in BEYOND_TYPES or (kind == "AWS::IAM::Role" and name == "CodeDeployServiceRole"):
            resources[name] = {key: r[key] for key in BEYOND_KEYS if key in r}
        elif kind == "AWS::Lambda::Alias" and "UpdatePolicy" in r:
            resources[name] = {"Type": kind, "UpdatePolicy": r["UpdatePolicy"]}
    if not resources:
        return None
    return {"Conditions": expected.get("Conditions", {}), "Resources": resources}


def main():
    source = Path(sys.argv[1])
    (TARGET / "input").mkdir(parents=True, exist_ok=True)
    (TARGET / "output").mkdir(parents=True, exist_ok=True)
    (TARGET / "beyond").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "LICENSE", TARGET / "LICENSE")
    for path in sorted((source / "input").glob("*.yaml")):
        shutil.copyfile(path, TARGET / "input" / path.name)
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            reduced = {"errorMessage": expected["errorMessage"]}
        else:
            template = yaml_parse(path.read_text())
            functions = {name for name, r in (template.get("Resources") or {}).items()
                         if isinstance(r, dict) and r.get("Type") == "AWS::Serverless::Function"}
            beyond = beyond_lambda(expected)
            if beyond:
                (TARGET / "beyond" / (path.stem + ".json")).write_text(json.dumps(beyond, sort_keys=True, separators=(",", ":")) + "\n")
            reduced = {"Resources": {
                name: {key: r[key] for key in KEYS if key in r}
                for name, r in expected.get("Resources", {}).items()
                if str(r.get("Type", "")).startswith("AWS::Lambda::")
                or (r.get("Type") == "AWS::IAM::Role" and name.endswith("Role") and name[:-4] in functions)
            }}
        (TARGET / "output" / (path.stem + ".json")).write_text(json.dumps(reduced, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
