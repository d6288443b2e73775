#!/usr/bin/env python3
"""Copy the translator's expected resources for functions' events into Tests/SAMConformance/events/.

For each conformance pair that is not an error, writes NAME.json with the resources the transform
makes for the events of AWS::Serverless::Function resources (a logical ID that starts with the
function's, no longer SAM logical ID claiming it): rules, schedules, their dead-letter queues and
queue policies, subscriptions, subscription filters, topic rules and the roles made for events
(every one but the function's own `<Function>Role`), with all their keys; and every
AWS::Lambda::EventSourceMapping, with all its keys (a connector adds to its DependsOn). Pairs with
none of these get no file. The inputs are those of Tests/SAMConformance/input.
Usage: scripts/vendor-sam-event-conformance.py ../shared/sam-conformance
"""
import json
import shutil
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "Tests" / "SAMConformance" / "events"
EVENT_TYPES = {"AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy",
               "AWS::SNS::Subscription", "AWS::Logs::SubscriptionFilter", "AWS::IoT::TopicRule", "AWS::IAM::Role"}


def main():
    source = Path(sys.argv[1])
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    for path in sorted((source / "input").glob("*.yaml")):
        expected = json.loads((source / "output" / (path.stem + ".json")).read_text())
        if "errorMessage" in expected:
            continue
        template = yaml_parse(path.read_text())
        sam = {name: r.get("Type") for name, r in (template.get("Resources") or {}).items()
               if isinstance(r, dict) and isinstance(r.get("Type"), str) and r["Type"].startswith("AWS::Serverless::")}

        def owner(name):
            prefixes = [sam_id for sam_id in sam if name.startswith(sam_id)]
            return max(prefixes, key=len) if prefixes else None

        resources = {}
        for name, resource in expected.get("Resources", {}).items():
            kind = resource.get("Type")
            if not isinstance(kind, str):
                continue
            if kind == "AWS::Lambda::EventSourceMapping":
                resources[name] = resource
            elif kind in EVENT_TYPES and owner(name) and sam[owner(name)] == "AWS::Serverless::Function" \
                    and name != owner(name) + "Role" and name != owner(name):
                resources[name] = resource
        if resources:
            (TARGET / (path.stem + ".json")).write_text(json.dumps({"Resources": resources}, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
