#!/usr/bin/env python3
"""Copy the translator's expected resources for SimpleTable, Application and StateMachine.

For each conformance pair whose input declares one of these types, writes
Tests/SAMConformance/types/NAME.json: the pair's errorMessage, or the resources made from those
SAM resources (a logical ID that is the SAM resource's or starts with it, and no longer SAM logical
ID of another type claims; of the types these expansions make), with all their keys. The inputs are
those of Tests/SAMConformance/input (the same pairs, copied by vendor-sam-conformance.py).
Usage: scripts/vendor-sam-types-conformance.py ../shared/sam-conformance
"""
import json
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance" / "types"
TYPES = {"AWS::Serverless::SimpleTable", "AWS::Serverless::Application", "AWS::Serverless::StateMachine"}
MADE = {"AWS::DynamoDB::Table", "AWS::CloudFormation::Stack", "AWS::StepFunctions::StateMachine",
        "AWS::StepFunctions::StateMachineVersion", "AWS::StepFunctions::StateMachineAlias", "AWS::IAM::Role",
        "AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::SQS::Queue"}


def main():
    source = Path(sys.argv[1])
    TARGET.mkdir(parents=True, exist_ok=True)
    for path in sorted((source / "input").glob("*.yaml")):
        template = yaml_parse(path.read_text())
        sam = {name: r.get("Type") for name, r in (template.get("Resources") or {}).items()
               if isinstance(r, dict) and isinstance(r.get("Type"), str) and r["Type"].startswith("AWS::Serverless::")}
        if not any(t in TYPES for t in sam.values()):
            continue
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            reduced = {"errorMessage": expected["errorMessage"]}
        else:
            def owner(name):
                prefixes = [sam_id for sam_id in sam if name.startswith(sam_id)]
                return max(prefixes, key=len) if prefixes else None
            reduced = {"Resources": {
                name: resource for name, resource in expected.get("Resources", {}).items()
                if owner(name) and sam[owner(name)] in TYPES and resource.get("Type") in MADE
            }}
        (TARGET / (path.stem + ".json")).write_text(json.dumps(reduced, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
