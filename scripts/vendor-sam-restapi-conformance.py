#!/usr/bin/env python3
"""Copy the translator's expected API Gateway resources of REST APIs.

For each conformance pair of Tests/SAMConformance/input whose expected output makes an
AWS::ApiGateway::* resource, writes Tests/SAMConformance/restapi/NAME.json: those resources with
all their keys (RestApi with its Swagger Body, Deployment, Stage, domain, base path mappings,
usage plans, API keys). Pairs the translator rejects are covered by SAMConformanceTests already.
Usage: scripts/vendor-sam-restapi-conformance.py ../shared/sam-conformance
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance" / "restapi"


def main():
    source = Path(sys.argv[1])
    TARGET.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "Tests" / "SAMConformance" / "input").glob("*.yaml")):
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            continue
        made = {name: resource for name, resource in expected.get("Resources", {}).items()
                if isinstance(resource.get("Type"), str) and resource["Type"].startswith("AWS::ApiGateway::")}
        if made:
            (TARGET / (path.stem + ".json")).write_text(json.dumps({"Resources": made}, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
