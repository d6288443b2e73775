#!/usr/bin/env python3
"""Copy the translator's expected resources for HTTP APIs (AWS::Serverless::HttpApi, ServerlessHttpApi).

For each conformance pair whose input declares an AWS::Serverless::HttpApi or a function with an
HttpApi event, and whose output is a template, writes Tests/SAMConformance/httpapi/NAME.json: the
AWS::ApiGatewayV2 Api, Stage, DomainName and ApiMapping resources made for those APIs, the Route 53
record set groups aliasing their domains, their authorizers' permissions, and the conditions the
transform adds for them, with all their keys. The inputs are those of Tests/SAMConformance/input.
Usage: scripts/vendor-sam-httpapi-conformance.py ../shared/sam-conformance
"""
import json
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance" / "httpapi"
IMPLICIT = "ServerlessHttpApi"


def http_apis(template):
    """The logical IDs of the template's HTTP APIs, the implicit one included when an event makes it."""
    resources = template.get("Resources") or {}
    apis = {name for name, r in resources.items() if isinstance(r, dict) and r.get("Type") == "AWS::Serverless::HttpApi"}
    for resource in resources.values():
        if not isinstance(resource, dict) or resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties")
        events = properties.get("Events") if isinstance(properties, dict) else None
        if isinstance(events, dict) and any(isinstance(e, dict) and e.get("Type") == "HttpApi" for e in events.values()):
            apis.add(IMPLICIT)
    return apis


def main():
    source = Path(sys.argv[1])
    TARGET.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "Tests" / "SAMConformance" / "input").glob("*.yaml")):
        template = yaml_parse(path.read_text())
        apis = http_apis(template)
        if not apis:
            continue
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            continue
        made = expected.get("Resources", {})
        kept = {}
        for name, resource in made.items():
            kind = resource.get("Type")
            if kind == "AWS::ApiGatewayV2::Api" and name in apis:
                kept[name] = resource
            elif kind in ("AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::ApiMapping"):
                if resource.get("Properties", {}).get("ApiId", {}).get("Ref") in apis:
                    kept[name] = resource
            elif kind == "AWS::Lambda::Permission" and name.endswith("AuthorizerPermission") and any(name.startswith(a) for a in apis):
                kept[name] = resource
        domains = {m["Properties"]["DomainName"]["Ref"] for m in kept.values() if m["Type"] == "AWS::ApiGatewayV2::ApiMapping"}
        for name in domains:
            if name in made:
                kept[name] = made[name]
        for name, resource in made.items():
            if resource.get("Type") == "AWS::Route53::RecordSetGroup":
                aliases = {r.get("AliasTarget", {}).get("DNSName", {}).get("Fn::GetAtt", [None])[0]
                           for r in resource.get("Properties", {}).get("RecordSets", [])}
                if aliases & domains:
                    kept[name] = resource
        conditions = {name: value for name, value in (expected.get("Conditions") or {}).items()
                      if any(name.startswith(a) for a in apis) and name not in (template.get("Conditions") or {})}
        reduced = {"Resources": kept, "Conditions": conditions}
        (TARGET / (path.stem + ".json")).write_text(json.dumps(reduced, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
