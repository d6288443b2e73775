#!/usr/bin/env python3
"""Copy the translator's expected resources for AWS::Serverless::CapacityProvider.

For each conformance pair whose input declares one, writes Tests/SAMConformance/capacity/NAME.json:
the pair's errorMessage, or the resources each capacity provider makes (its
AWS::Lambda::CapacityProvider and its `<Id>OperatorRole`) with all their keys.
Usage: scripts/vendor-sam-capacity-conformance.py ../shared/sam-conformance
"""
import json
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance" / "capacity"
TYPE = "AWS::Serverless::CapacityProvider"


def main():
    source = Path(sys.argv[1])
    TARGET.mkdir(parents=True, exist_ok=True)
    for path in sorted((source / "input").glob("*.yaml")):
        template = yaml_parse(path.read_text())
        providers = [name for name, r in (template.get("Resources") or {}).items()
                     if isinstance(r, dict) and r.get("Type") == TYPE]
        if not providers:
            continue
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            reduced = {"errorMessage": expected["errorMessage"]}
        else:
            made = set(providers) | {name + "OperatorRole" for name in providers}
            reduced = {"Resources": {name: resource for name, resource in expected.get("Resources", {}).items() if name in made}}
        (TARGET / (path.stem + ".json")).write_text(json.dumps(reduced, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
