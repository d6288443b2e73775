#!/usr/bin/env python3
"""Compare cfn-lambda's and cfn-lint's error findings on the Lambda resources of many templates.

Runs `cfn-lambda validate --format json` once over every template of a directory and
`cfn-lint --format json --regions us-east-1` once per template (in parallel, with a timeout), then
reports, per Lambda resource, the ERROR findings that one tool reports and the other does not.
Two errors are "in both" when they are on the same resource of the same file and either start on
the same line or have a property path in common: cfn-lint's "'X' is a required property" (reported
at the mapping) is also about X's path, and a cfn-lint finding on an argument of an intrinsic
function (`.../Fn::Join/1`) also about the call. cfn-lint's E3019 (a FunctionName used twice, on
every resource of the set) is paired with cfn-lambda's lambda.function-name-unique on any of them.

Compared resource types: AWS::Lambda::Function, AWS::Lambda::LayerVersion and
AWS::Lambda::LayerVersionPermission (plain CloudFormation), and, counted separately,
AWS::Serverless::Function and AWS::Serverless::LayerVersion (SAM). A resource's type comes from
the template as cfn-lint's own decoder reads it (`cfnlint.decode.decode`, run in a subprocess of
this Python); when that fails, from cfn-lambda's `resourceType`; the report says where neither works.

cfn-lint's date-dependent runtime findings (rules E2531, E2533, W2531, and the same messages
reported through resolved parameters, "Runtime ... was deprecated on 'YYYY-MM-DD'") are ignored and
counted, because they change with the calendar, not with the template.

Markdown goes to standard output, progress to standard error. Exit status: 0 when both tools ran
on every file; 1 when a tool crashed on a file (a signal, a Python traceback from cfn-lint,
cfn-lambda exiting with anything but 0 or 1) or printed no readable JSON for it (the files are
listed); 2 for usage errors. cfn-lint timeouts are reported and do not change the exit status.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

LAMBDA_TYPES = (
    "AWS::Lambda::Function",
    "AWS::Lambda::LayerVersion",
    "AWS::Lambda::LayerVersionPermission",
)
SAM_TYPES = ("AWS::Serverless::Function", "AWS::Serverless::LayerVersion")
KINDS = ("cfn", "sam")
KIND_TITLES = {"cfn": "Lambda (CloudFormation)", "sam": "SAM"}

# cfn-lint 1.51.0, cfnlint/rules/resources/lmbd/: DeprecatedRuntimeCreate (E2531),
# DeprecatedRuntimeUpdate (E2533), DeprecatedRuntimeEol (W2531). They compare the runtime's
# lifecycle dates with today's date.
DATE_DEPENDENT_RULES = ("E2531", "E2533", "W2531")
# The same messages reach the output under other ids when the runtime comes from a parameter
# (W1030 "... when 'Ref' is resolved"), so they are recognised by their text as well.
DEPRECATED_RUNTIME_MESSAGE = re.compile(r"^Runtime .* was deprecated on '\d{4}-\d{2}-\d{2}'")
# E0001 (SAM transform failed) has no path; its message names the resource.
TRANSFORM_RESOURCE_MESSAGE = re.compile(r"Resource with id \[([^\]]+)\] is invalid")
# cfn-lint reports a missing property at the mapping that lacks it (E3003, E3678, ...).
REQUIRED_PROPERTY_MESSAGE = re.compile(r"^'([^']+)' is a required property$")
# E3019: "Primary identifiers {'FunctionName': 'x'} should have unique values across the resources {'A', 'B'}".
UNIQUE_IDENTIFIER_MESSAGE = re.compile(r"should have unique values across the resources \{([^}]*)\}")

TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")
CFN_LINT_ARGS = ("--format", "json", "--regions", "us-east-1")
CACHE_FORMAT = "compare-with-cfn-lint/1"
# The decoder helper's rows: [logical id, type, line, cfn-lint ignore_checks] since "decode/2".
DECODE_FORMAT = b"decode/2"
MESSAGE_LIMIT = 240
CFN_LINT_LEVELS = {"Error": "error", "Warning": "warning", "Informational": "info"}


# --------------------------------------------------------------------------------------------
# Findings and their normalisation (pure)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One finding of either tool, in a shape common to both."""

    file: str
    line: int
    column: int
    rule: str
    level: str  # "error", "warning" or "info"
    message: str
    tool: str  # "cfn-lambda" or "cfn-lint"
    resource: str | None = None
    path: str | None = None  # keys and indexes from the top of the template, joined with "/"
    reported_type: str | None = None  # cfn-lambda's resourceType; None for cfn-lint

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def sort_key(self) -> tuple[Any, ...]:
        """File, line, column, rule, then the rest; absent fields sort first, never compared with None."""
        return (
            self.file, self.line, self.column, self.rule, self.level, self.message, self.tool,
            self.resource or "", self.path or "", self.reported_type or "",
        )


def by_position(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def normalize_cfn_lambda(document: dict[str, Any]) -> list[Finding]:
    """Findings of a `cfn-lambda validate --format json` document."""
    findings = []
    for item in document.get("findings", []):
        findings.append(
            Finding(
                file=item["file"],
                line=int(item["line"]),
                column=int(item["column"]),
                rule=item["rule"],
                level=item["severity"],
                message=item["message"],
                tool="cfn-lambda",
                resource=item.get("resource"),
                path=item.get("path"),
                reported_type=item.get("resourceType"),
            )
        )
    return by_position(findings)


def normalize_cfn_lint(matches: list[dict[str, Any]], file: str) -> list[Finding]:
    """Findings of `cfn-lint --format json` for one file (named `file`, whatever cfn-lint says)."""
    findings = []
    for match in matches:
        location = match.get("Location") or {}
        start = location.get("Start") or {}
        raw_path = location.get("Path")
        path = "/".join(str(part) for part in raw_path) if raw_path else None
        resource = None
        if raw_path and len(raw_path) >= 2 and raw_path[0] == "Resources":
            resource = str(raw_path[1])
        message = match.get("Message", "")
        rule = match.get("Rule", {}).get("Id", "?")
        if resource is None and rule == "E0001":
            named = TRANSFORM_RESOURCE_MESSAGE.search(message)
            if named:
                resource = named.group(1)
        findings.append(
            Finding(
                file=file,
                line=int(start.get("LineNumber", 0)),
                column=int(start.get("ColumnNumber", 0)),
                rule=rule,
                level=CFN_LINT_LEVELS.get(match.get("Level", ""), str(match.get("Level", "")).lower()),
                message=message,
                tool="cfn-lint",
                resource=resource,
                path=path,
            )
        )
    return by_position(findings)


def ignored_reason(finding: Finding) -> str | None:
    """Why a cfn-lint finding is left out of the comparison, or None when it is compared."""
    if finding.tool != "cfn-lint":
        return None
    if finding.rule in DATE_DEPENDENT_RULES:
        return finding.rule
    if DEPRECATED_RUNTIME_MESSAGE.match(finding.message):
        return f"{finding.rule} (deprecated-runtime message)"
    return None


def split_ignored(findings: Iterable[Finding]) -> tuple[list[Finding], Counter[str]]:
    """The findings to compare and a count of the ignored ones by reason."""
    kept: list[Finding] = []
    ignored: Counter[str] = Counter()
    for finding in findings:
        reason = ignored_reason(finding)
        if reason is None:
            kept.append(finding)
        else:
            ignored[reason] += 1
    return kept, ignored


def kind_of(resource_type: str | None) -> str | None:
    """"cfn" for the compared Lambda types, "sam" for the compared SAM types, else None."""
    if resource_type in LAMBDA_TYPES:
        return "cfn"
    if resource_type in SAM_TYPES:
        return "sam"
    return None


def paths_of(finding: Finding) -> set[str]:
    """The property paths a finding is about.

    Its own path, and for cfn-lint two more: "'X' is a required property" is reported at the
    mapping that lacks X (cfn-lambda reports at X's path, `.../Properties/X`), and a finding on one
    argument of an intrinsic function (`.../Fn::Join/1`) is about the call (`.../Fn::Join`).
    """
    if finding.path is None:
        return set()
    paths = {finding.path}
    if finding.tool == "cfn-lint":
        required = REQUIRED_PROPERTY_MESSAGE.match(finding.message)
        if required:
            paths.add(f"{finding.path}/{required.group(1)}")
        parts = finding.path.split("/")
        if len(parts) >= 2 and parts[-2].startswith("Fn::") and parts[-1].isdigit():
            paths.add("/".join(parts[:-1]))
    return paths


def is_counterpart(a: Finding, b: Finding) -> bool:
    """Same file and resource, and the same start line or a property path in common (`paths_of`)."""
    if a.file != b.file or a.resource != b.resource:
        return False
    return a.line == b.line or not paths_of(a).isdisjoint(paths_of(b))


def cross_resource_pairs(cfn_lambda: list[Finding], cfn_lint: list[Finding]) -> set[Finding]:
    """Findings of one file that are about one problem shared by several resources.

    cfn-lint's E3019 (a primary identifier such as FunctionName used twice) is reported on every
    resource of the set it names; cfn-lambda's lambda.function-name-unique once, on the later
    resource. Both sides of such a pair count as matched, whichever resource they are on.
    """
    matched: set[Finding] = set()
    unique_names = [a for a in cfn_lambda if a.rule == "lambda.function-name-unique" and a.resource is not None]
    for b in cfn_lint:
        named = UNIQUE_IDENTIFIER_MESSAGE.search(b.message) if b.rule == "E3019" else None
        if named is None:
            continue
        members = set(re.findall(r"'([^']+)'", named.group(1)))
        partners = [a for a in unique_names if a.file == b.file and a.resource in members]
        if partners:
            matched.add(b)
            matched.update(partners)
    return matched


def match_errors(
    cfn_lambda: list[Finding], cfn_lint: list[Finding], matched: set[Finding] | None = None
) -> tuple[list[Finding], list[Finding], list[Finding], list[Finding]]:
    """(only cfn-lambda, only cfn-lint, cfn-lambda with a counterpart, cfn-lint with a counterpart).

    A finding is matched when the other tool has at least one counterpart, or when it is in
    `matched` (paired across resources by `cross_resource_pairs`); the matching is not
    one-to-one, so both matched counts are given.
    """
    matched = matched or set()
    only_a = [a for a in cfn_lambda if a not in matched and not any(is_counterpart(a, b) for b in cfn_lint)]
    only_b = [b for b in cfn_lint if b not in matched and not any(is_counterpart(a, b) for a in cfn_lambda)]
    both_a = [a for a in cfn_lambda if a not in only_a]
    both_b = [b for b in cfn_lint if b not in only_b]
    return by_position(only_a), by_position(only_b), by_position(both_a), by_position(both_b)


@dataclass(frozen=True)
class Inventory:
    """The resources of one template: logical id -> (type, line of the logical id)."""

    resources: dict[str, tuple[str | None, int | None]]
    error: str | None = None  # why the template's resources are unknown
    # Rules the template tells cfn-lint not to report on a resource (its Metadata cfn-lint config ignore_checks).
    ignored_checks: dict[str, tuple[str, ...]] = field(default_factory=dict)


def resource_type(
    resource: str, inventory: Inventory, findings: Iterable[Finding]
) -> tuple[str | None, str]:
    """The type of a resource and where it was found: "template", "cfn-lambda" or "unknown"."""
    known = inventory.resources.get(resource)
    if known is not None and known[0] is not None:
        return known[0], "template"
    for finding in findings:
        if finding.resource == resource and finding.reported_type is not None:
            return finding.reported_type, "cfn-lambda"
    return None, "unknown"


def compare_file(
    file: str,
    cfn_lambda: list[Finding],
    cfn_lint: list[Finding],
    inventory: Inventory,
) -> dict[str, Any]:
    """Compare the (already filtered) findings of one file; the result is JSON-ready."""
    everything = cfn_lambda + cfn_lint
    ids = set(inventory.resources)
    ids.update(f.resource for f in everything if f.resource is not None)
    resources = []
    other_errors = Counter()
    unknown_types = []
    errors = [f for f in everything if f.level == "error"]
    across = cross_resource_pairs([f for f in errors if f.tool == "cfn-lambda"], [f for f in errors if f.tool == "cfn-lint"])
    for resource in sorted(ids):
        rtype, source = resource_type(resource, inventory, everything)
        errors_a = [f for f in cfn_lambda if f.resource == resource and f.level == "error"]
        errors_b = [f for f in cfn_lint if f.resource == resource and f.level == "error"]
        kind = kind_of(rtype)
        if kind is None:
            other_errors["cfn-lambda"] += len(errors_a)
            other_errors["cfn-lint"] += len(errors_b)
            if rtype is None and (errors_a or errors_b):
                unknown_types.append(resource)
            continue
        only_a, only_b, both_a, both_b = match_errors(errors_a, errors_b, across)
        line = inventory.resources.get(resource, (None, None))[1]
        resources.append(
            {
                "file": file,
                "resource": resource,
                "type": rtype,
                "typeSource": source,
                "kind": kind,
                "line": line,
                "cfnLintIgnoredChecks": list(inventory.ignored_checks.get(resource, ())),
                "onlyCfnLambda": [f.to_json() for f in only_a],
                "onlyCfnLint": [f.to_json() for f in only_b],
                "bothCfnLambda": [f.to_json() for f in both_a],
                "bothCfnLint": [f.to_json() for f in both_b],
                "cfnLintRules": sorted(
                    Counter((f.rule, f.level) for f in cfn_lint if f.resource == resource).items()
                ),
                "cfnLambdaRules": sorted(
                    Counter((f.rule, f.level) for f in cfn_lambda if f.resource == resource).items()
                ),
            }
        )
    template_a = [f for f in cfn_lambda if f.resource is None and f.level == "error"]
    template_b = [f for f in cfn_lint if f.resource is None and f.level == "error"]
    only_a, only_b, both_a, both_b = match_errors(template_a, template_b)
    resources.sort(key=lambda r: (r["line"] if r["line"] is not None else sys.maxsize, r["resource"]))
    return {
        "file": file,
        "resources": resources,
        "templateLevel": {
            "onlyCfnLambda": [f.to_json() for f in only_a],
            "onlyCfnLint": [f.to_json() for f in only_b],
            "bothCfnLambda": [f.to_json() for f in both_a],
            "bothCfnLint": [f.to_json() for f in both_b],
        },
        "errorsOnOtherResources": {"cfn-lambda": other_errors["cfn-lambda"], "cfn-lint": other_errors["cfn-lint"]},
        "resourcesOfUnknownType": unknown_types,
        "inventoryError": inventory.error,
    }


# --------------------------------------------------------------------------------------------
# Summary and Markdown (pure)
# --------------------------------------------------------------------------------------------


def summarize(comparisons: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts over all compared files, per kind ("cfn", "sam")."""
    summary: dict[str, Any] = {
        kind: {"resources": 0, "onlyCfnLambda": 0, "onlyCfnLint": 0, "bothCfnLambda": 0, "bothCfnLint": 0}
        for kind in KINDS
    }
    for comparison in comparisons:
        for resource in comparison["resources"]:
            counts = summary[resource["kind"]]
            counts["resources"] += 1
            for key in ("onlyCfnLambda", "onlyCfnLint", "bothCfnLambda", "bothCfnLint"):
                counts[key] += len(resource[key])
    return summary


def rule_counts(comparisons: list[dict[str, Any]], key: str) -> list[tuple[str, str, int, int]]:
    """(rule, level, count on Lambda resources, count on SAM resources), sorted by rule and level."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for comparison in comparisons:
        for resource in comparison["resources"]:
            for (rule, level), count in resource[key]:
                counts.setdefault((rule, level), Counter())[resource["kind"]] += count
    return [(rule, level, c["cfn"], c["sam"]) for (rule, level), c in sorted(counts.items())]


def one_line(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > MESSAGE_LIMIT:
        flat = flat[: MESSAGE_LIMIT - 1] + "…"
    return flat.replace("`", "'")


def finding_line(finding: dict[str, Any]) -> str:
    return f"  - {finding['line']}:{finding['column']} `{finding['rule']}` {one_line(finding['message'])}"


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def render_unmatched(report: dict[str, Any], kind: str) -> list[str]:
    """Markdown lines for the resources of one kind with unmatched errors (none: an empty list)."""
    out: list[str] = []
    for comparison in report["comparisons"]:
        for resource in comparison["resources"]:
            if resource["kind"] != kind or not (resource["onlyCfnLambda"] or resource["onlyCfnLint"]):
                continue
            line = resource["line"] if resource["line"] is not None else "?"
            out.append("")
            out.append(f"### `{resource['file']}`:{line} {resource['resource']} {resource['type']}")
            if resource.get("cfnLintIgnoredChecks"):
                out.append(
                    "- the template tells cfn-lint to ignore "
                    + ", ".join(resource["cfnLintIgnoredChecks"])
                    + " on this resource (Metadata cfn-lint config ignore_checks)"
                )
            for tool, key in (("cfn-lambda", "onlyCfnLambda"), ("cfn-lint", "onlyCfnLint")):
                if resource[key]:
                    out.append(f"- only {tool}:")
                    out.extend(finding_line(f) for f in resource[key])
    return out


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown report of a `build_report` result."""
    out: list[str] = []
    summary = report["summary"]
    runs = report["runs"]
    out.append("# cfn-lambda vs cfn-lint")
    out.append("")
    out.append(
        f"{report['files']} files under `{report['directory']}`; cfn-lint {report['cfnLintVersion']}, "
        f"regions us-east-1; cfn-lambda {report['cfnLambdaVersion']}. Only ERROR findings are compared; "
        "\"both\" = same resource and same line, or same resource and a property path in common (cfn-lint's "
        "\"'X' is a required property\" is about X's path, a finding on an argument of an intrinsic function about the "
        "function's); E3019 and lambda.function-name-unique are paired across the resources E3019 names."
    )
    out.append("")
    out.append("| | count |")
    out.append("|---|---|")
    out.append(f"| files | {report['files']} |")
    out.append(f"| files cfn-lambda failed to process | {len(runs['cfnLambdaFailures'])} |")
    out.append(f"| files cfn-lint failed to process (crash or no JSON output) | {len(runs['cfnLintFailures'])} |")
    out.append(f"| files cfn-lint timed out on (after {report['timeout']:g} s) | {len(runs['cfnLintTimeouts'])} |")
    out.append(f"| files not compared (a tool failed or timed out on them) | {len(report['notCompared'])} |")
    out.append(
        f"| files whose resource types came not from cfn-lint's decoder | {len(report['inventoryErrors'])} |"
    )
    ignored = report["ignoredCfnLint"]
    ignored_text = ", ".join(f"{reason}: {count}" for reason, count in sorted(ignored.items()))
    out.append(
        f"| cfn-lint date-dependent runtime findings ignored | {sum(ignored.values())}"
        + (f" ({ignored_text})" if ignored_text else "")
        + " |"
    )
    out.append("")
    out.append("| | " + " | ".join(KIND_TITLES[k] for k in KINDS) + " |")
    out.append("|---|" + "---|" * len(KINDS))
    rows = (
        ("resources seen", "resources"),
        ("errors only in cfn-lambda", "onlyCfnLambda"),
        ("errors only in cfn-lint", "onlyCfnLint"),
    )
    for title, key in rows:
        out.append(f"| {title} | " + " | ".join(str(summary[k][key]) for k in KINDS) + " |")
    out.append(
        "| errors in both (cfn-lambda findings / cfn-lint findings) | "
        + " | ".join(f"{summary[k]['bothCfnLambda']} / {summary[k]['bothCfnLint']}" for k in KINDS)
        + " |"
    )
    totals = report["otherErrors"]
    out.append("")
    out.append(
        f"Not compared: errors on other resources (cfn-lambda {totals['resources']['cfn-lambda']}, "
        f"cfn-lint {totals['resources']['cfn-lint']}); template-level errors without a resource "
        f"(cfn-lambda {totals['template']['cfn-lambda']}, cfn-lint {totals['template']['cfn-lint']}, "
        f"of which on the same line {totals['template']['both']})."
    )

    timing = report["timing"]
    out.append("")
    out.append("## Time")
    out.append("")
    out.append("| tool | time | |")
    out.append("|---|---|---|")
    out.append(
        f"| cfn-lambda | {seconds(timing['cfnLambdaSeconds'])} | one process over all {report['files']} files |"
    )
    out.append(
        f"| cfn-lint | {seconds(timing['cfnLintSumSeconds'])} | sum of the per-file runs "
        f"({timing['cfnLintCached']} taken from the cache with the time measured when cached"
        f"{', timeouts counted at the limit' if runs['cfnLintTimeouts'] else ''}) |"
    )
    out.append(
        f"| cfn-lint, this run | {seconds(timing['cfnLintWallSeconds'])} | wall clock with --jobs {report['jobs']} |"
    )
    ratio = timing["ratio"]
    out.append(
        f"| ratio cfn-lint / cfn-lambda | {'%.0f×' % ratio if ratio is not None else 'n/a'} "
        "| per-file sum; each cfn-lint run pays its start-up |"
    )
    if timing.get("cfnLintBatchSeconds") is not None:
        out.append(
            f"| cfn-lint, one process | {seconds(timing['cfnLintBatchSeconds'])} "
            f"| all {report['files']} files in one run (--cfn-lint-batch), start-up paid once |"
        )
        batch_ratio = timing["batchRatio"]
        out.append(
            f"| ratio cfn-lint one process / cfn-lambda | {'%.0f×' % batch_ratio if batch_ratio is not None else 'n/a'} | |"
        )
    if timing["slowestCfnLint"]:
        out.append("")
        out.append(
            "Slowest cfn-lint files: "
            + ", ".join(f"`{name}` {seconds(value)}" for name, value in timing["slowestCfnLint"])
            + "."
        )

    problems = (
        ("cfn-lambda failures", runs["cfnLambdaFailures"]),
        ("cfn-lint failures", runs["cfnLintFailures"]),
        ("cfn-lint timeouts", runs["cfnLintTimeouts"]),
    )
    if any(items for _, items in problems) or runs["cfnLintRuleExceptions"] or report["inventoryErrors"]:
        out.append("")
        out.append("## Problems")
        for title, items in problems:
            if items:
                out.append("")
                out.append(f"{title}:")
                for item in items:
                    out.append(f"- `{item['file']}`: {one_line(item['reason'])}")
        if runs["cfnLintRuleExceptions"]:
            out.append("")
            out.append("cfn-lint rule exceptions (E0002, reported as findings; not crashes of the process):")
            for item in runs["cfnLintRuleExceptions"]:
                out.append(f"- `{item['file']}`:{item['line']}: {one_line(item['message'])}")
        if report["inventoryErrors"]:
            out.append("")
            out.append("Resource types not read by cfn-lint's decoder (taken from cfn-lambda's findings instead):")
            for item in report["inventoryErrors"]:
                out.append(f"- `{item['file']}`: {one_line(item['error'])}")
    unknown = [(c["file"], r) for c in report["comparisons"] for r in c["resourcesOfUnknownType"]]
    if unknown:
        out.append("")
        out.append(
            "Resources with errors whose type neither source knows (not in the source template, e.g. made by "
            "the SAM transform): " + ", ".join(f"`{file}` {name}" for file, name in unknown) + "."
        )

    out.append("")
    out.append("## Rules that fire on compared resources")
    for tool, key in (("cfn-lint", "cfnLintRules"), ("cfn-lambda", "cfnLambdaRules")):
        counts = rule_counts(report["comparisons"], key)
        out.append("")
        out.append(f"{tool}{' (date-dependent runtime rules ignored)' if tool == 'cfn-lint' else ''}:")
        out.append("")
        if not counts:
            out.append("none")
            continue
        out.append("| rule | level | " + " | ".join(KIND_TITLES[k] for k in KINDS) + " |")
        out.append("|---|---|" + "---|" * len(KINDS))
        for rule, level, cfn, sam in counts:
            out.append(f"| {rule} | {level} | {cfn} | {sam} |")

    for kind in KINDS:
        out.append("")
        out.append(f"## Unmatched errors: {KIND_TITLES[kind]}")
        out.extend(render_unmatched(report, kind) or ["", "none"])

    template_rows = [c for c in report["comparisons"] if c["templateLevel"]["onlyCfnLambda"] or c["templateLevel"]["onlyCfnLint"]]
    if template_rows:
        out.append("")
        out.append("## Unmatched template-level errors (no resource)")
        for comparison in template_rows:
            out.append("")
            out.append(f"### `{comparison['file']}`")
            for tool, key in (("cfn-lambda", "onlyCfnLambda"), ("cfn-lint", "onlyCfnLint")):
                if comparison["templateLevel"][key]:
                    out.append(f"- only {tool}:")
                    out.extend(finding_line(f) for f in comparison["templateLevel"][key])
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Running the tools
# --------------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def template_files(directory: Path) -> list[str]:
    """Template files under `directory`, relative to it, sorted."""
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders.sort()
        for name in names:
            if name.lower().endswith(TEMPLATE_SUFFIXES):
                found.append(os.path.relpath(os.path.join(folder, name), directory))
    return sorted(found)


def build_cfn_lambda(repo: Path) -> str:
    log("building cfn-lambda (swift build -c release)")
    subprocess.run(["swift", "build", "-c", "release"], cwd=repo, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return str(Path(bin_path) / "cfn-lambda")


@dataclass
class CfnLambdaRun:
    findings: list[Finding]
    seconds: float
    version: str
    failures: list[dict[str, str]]


def run_cfn_lambda(executable: str, directory: Path, files: list[str]) -> CfnLambdaRun:
    """One run over all files; when it does not exit 0 or 1, one run per file finds the culprits."""
    # cfn-lambda's own date-dependent runtime lifecycle rules are left out, as cfn-lint's are.
    date_dependent = ["lambda.runtime-update-blocked", "lambda.runtime-create-blocked",
                      "lambda.runtime-deprecated", "lambda.runtime-deprecation-soon"]
    command = [executable, "validate", "--format", "json"]
    for rule in date_dependent:
        command += ["--ignore", rule]
    command.append("--")
    started = time.monotonic()
    batch = subprocess.run(command + files, cwd=directory, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    document = parse_json(batch.stdout)
    if batch.returncode in (0, 1) and isinstance(document, dict):
        version = document.get("tool", {}).get("version", "?")
        return CfnLambdaRun(normalize_cfn_lambda(document), elapsed, version, [])
    log(f"cfn-lambda exited {batch.returncode} on the whole set; running it file by file")
    findings: list[Finding] = []
    failures = []
    version = "?"
    for file in files:
        single = subprocess.run(command + [file], cwd=directory, capture_output=True, text=True)
        document = parse_json(single.stdout)
        if isinstance(document, dict):
            version = document.get("tool", {}).get("version", version)
            findings.extend(normalize_cfn_lambda(document))
        if single.returncode not in (0, 1) or not isinstance(document, dict):
            failures.append({"file": file, "reason": describe_exit(single.returncode, single.stderr)})
    return CfnLambdaRun(by_position(findings), elapsed, version, failures)


def describe_exit(returncode: int, stderr: str) -> str:
    if returncode < 0:
        return f"killed by signal {-returncode}"
    tail = " ".join(stderr.strip().splitlines()[-2:])
    return f"exit {returncode}" + (f": {tail}" if tail else "")


def parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


@dataclass
class CfnLintResult:
    file: str
    returncode: int | None  # None on timeout
    stdout: str
    stderr: str
    seconds: float
    cached: bool = False


def cache_key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


def cfn_lint_crash(result: CfnLintResult) -> str | None:
    """Why a cfn-lint run counts as crashed or unusable, or None."""
    if result.returncode is None:
        return None
    if result.returncode < 0:
        return f"killed by signal {-result.returncode}"
    if "Traceback (most recent call last)" in result.stderr:
        lines = result.stderr.strip().splitlines()
        return "Python traceback: " + (lines[-1] if lines else "")
    if not isinstance(parse_json(result.stdout), list):
        return "no JSON output; " + describe_exit(result.returncode, result.stderr)
    return None


def run_cfn_lint_file(
    cfn_lint: str, directory: Path, file: str, timeout: float, cache: Path | None, version: str
) -> CfnLintResult:
    content = (directory / file).read_bytes()
    key = cache_key(CACHE_FORMAT.encode(), version.encode(), " ".join(CFN_LINT_ARGS).encode(), content)
    cache_file = cache / f"{key}.json" if cache is not None else None
    if cache_file is not None and cache_file.is_file():
        stored = parse_json(cache_file.read_text())
        if isinstance(stored, dict):
            return CfnLintResult(file, stored["returncode"], stored["stdout"], stored["stderr"], stored["seconds"], True)
    command = [cfn_lint, *CFN_LINT_ARGS, "--", file]
    started = time.monotonic()
    # A session of its own, so that a timeout ends cfn-lint and anything it started, and only those.
    process = subprocess.Popen(
        command, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        return CfnLintResult(file, None, "", stderr, time.monotonic() - started)
    result = CfnLintResult(file, process.returncode, stdout, stderr, time.monotonic() - started)
    if cache_file is not None and cfn_lint_crash(result) is None:
        cache_file.write_text(
            json.dumps(
                {
                    "returncode": result.returncode,
                    "stdout": result.stdout,
                    "stderr": result.stderr,
                    "seconds": result.seconds,
                }
            )
        )
    return result


def run_cfn_lint(
    cfn_lint: str, directory: Path, files: list[str], jobs: int, timeout: float, cache: Path | None, version: str
) -> tuple[list[CfnLintResult], float]:
    started = time.monotonic()
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_cfn_lint_file, cfn_lint, directory, f, timeout, cache, version) for f in files]
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            result = future.result()
            state = "cached" if result.cached else ("TIMEOUT" if result.returncode is None else f"exit {result.returncode}")
            log(f"[{done}/{len(files)}] cfn-lint {result.file}: {result.seconds:.1f} s, {state}")
            results.append(result)
    return sorted(results, key=lambda r: r.file), time.monotonic() - started


def time_cfn_lint_batch(cfn_lint: str, directory: Path, files: list[str]) -> float:
    """Wall-clock seconds of one cfn-lint process over all files (its start-up paid once)."""
    log(f"timing one cfn-lint process over all {len(files)} files")
    started = time.monotonic()
    subprocess.run(
        [cfn_lint, *CFN_LINT_ARGS, "--", *files], cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.monotonic() - started


DECODE_HELPER = r"""
import json, sys
try:
    from cfnlint.decode import decode
except Exception as error:
    print(json.dumps({"error": f"cannot import cfnlint.decode: {error}"}))
    sys.exit(0)
out = {}
for path in sys.argv[1:]:
    try:
        template, matches = decode(path)
    except Exception as error:
        out[path] = {"error": f"{type(error).__name__}: {error}"}
        continue
    resources = template.get("Resources") if isinstance(template, dict) else None
    if not isinstance(resources, dict):
        reason = "; ".join(str(m.message) for m in (matches or [])) or "no Resources mapping"
        out[path] = {"error": reason}
        continue
    rows = []
    for key, value in resources.items():
        rtype = value.get("Type") if isinstance(value, dict) else None
        mark = getattr(key, "start_mark", None)
        ignored = []
        try:
            checks = value["Metadata"]["cfn-lint"]["config"]["ignore_checks"]
            ignored = [str(check) for check in checks] if isinstance(checks, list) else []
        except Exception:
            pass
        rows.append([str(key), rtype if isinstance(rtype, str) else None, mark.line + 1 if mark else None, ignored])
    out[path] = {"resources": rows}
print(json.dumps({"files": out}))
"""


def read_inventories(
    directory: Path, files: list[str], timeout: float, cache: Path | None, version: str
) -> dict[str, Inventory]:
    """Each template's resources as cfn-lint's decoder reads them (one helper process, cached)."""
    inventories: dict[str, Inventory] = {}
    keys = {}
    missing = []
    for file in files:
        key = cache_key(CACHE_FORMAT.encode(), DECODE_FORMAT, version.encode(), (directory / file).read_bytes())
        keys[file] = key
        stored = parse_json((cache / f"{key}.json").read_text()) if cache and (cache / f"{key}.json").is_file() else None
        if isinstance(stored, dict):
            inventories[file] = inventory_from_json(stored)
        else:
            missing.append(file)
    if not missing:
        return inventories
    log(f"reading resource types of {len(missing)} templates with cfnlint.decode")
    try:
        done = subprocess.run(
            [sys.executable, "-c", DECODE_HELPER, *missing],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=max(timeout, 5.0 * len(missing)),
        )
        document = parse_json(done.stdout)
        failure = None if isinstance(document, dict) else describe_exit(done.returncode, done.stderr)
    except subprocess.TimeoutExpired:
        document, failure = None, "the decoder helper timed out"
    if isinstance(document, dict) and "error" in document:
        failure = document["error"]
    for file in missing:
        stored = document.get("files", {}).get(file) if isinstance(document, dict) else None
        if not isinstance(stored, dict):
            inventories[file] = Inventory({}, failure or "the decoder helper gave no result")
            continue
        inventories[file] = inventory_from_json(stored)
        if cache is not None:
            (cache / f"{keys[file]}.json").write_text(json.dumps(stored))
    return inventories


def inventory_from_json(stored: dict[str, Any]) -> Inventory:
    if "resources" not in stored:
        return Inventory({}, str(stored.get("error", "unknown error")))
    rows = stored["resources"]
    ignored = {row[0]: tuple(row[3]) for row in rows if len(row) > 3 and row[3]}
    return Inventory({row[0]: (row[1], row[2]) for row in rows}, ignored_checks=ignored)


def cfn_lint_version(cfn_lint: str) -> str:
    done = subprocess.run([cfn_lint, "--version"], capture_output=True, text=True)
    return done.stdout.strip().removeprefix("cfn-lint ").strip() or "?"


# --------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------


def build_report(
    directory: str,
    files: list[str],
    cfn_lambda: CfnLambdaRun,
    cfn_lint_results: list[CfnLintResult],
    cfn_lint_wall: float,
    inventories: dict[str, Inventory],
    cfn_lint_version_text: str,
    jobs: int,
    timeout: float,
    cfn_lint_batch_seconds: float | None = None,
) -> dict[str, Any]:
    lambda_by_file: dict[str, list[Finding]] = {f: [] for f in files}
    for finding in cfn_lambda.findings:
        lambda_by_file.setdefault(finding.file, []).append(finding)
    failures, timeouts, rule_exceptions, raw_lint = [], [], [], {}
    ignored: Counter[str] = Counter()
    lint_by_file: dict[str, list[Finding]] = {}
    for result in cfn_lint_results:
        if result.returncode is None:
            timeouts.append({"file": result.file, "reason": f"timed out after {result.seconds:.0f} s"})
            lint_by_file[result.file] = []
            continue
        crash = cfn_lint_crash(result)
        if crash is not None:
            failures.append({"file": result.file, "reason": crash})
            lint_by_file[result.file] = []
            continue
        findings = normalize_cfn_lint(parse_json(result.stdout), result.file)
        rule_exceptions.extend(
            {"file": f.file, "line": f.line, "message": f.message} for f in findings if f.rule == "E0002"
        )
        kept, dropped = split_ignored(findings)
        ignored.update(dropped)
        lint_by_file[result.file] = kept
        raw_lint[result.file] = [f.to_json() for f in findings]

    comparisons = []
    inventory_errors = []
    other = {"resources": Counter(), "template": Counter()}
    not_compared = {item["file"] for item in failures + timeouts + cfn_lambda.failures}
    for file in files:
        if file in not_compared:
            continue
        inventory = inventories.get(file, Inventory({}, "not read"))
        if inventory.error is not None:
            inventory_errors.append({"file": file, "error": inventory.error})
        comparison = compare_file(file, lambda_by_file.get(file, []), lint_by_file.get(file, []), inventory)
        comparisons.append(comparison)
        other["resources"].update(comparison["errorsOnOtherResources"])
        level = comparison["templateLevel"]
        other["template"]["cfn-lambda"] += len(level["onlyCfnLambda"]) + len(level["bothCfnLambda"])
        other["template"]["cfn-lint"] += len(level["onlyCfnLint"]) + len(level["bothCfnLint"])
        other["template"]["both"] += len(level["bothCfnLambda"])

    lint_sum = sum(r.seconds for r in cfn_lint_results)
    slowest = sorted(((r.file, r.seconds) for r in cfn_lint_results), key=lambda item: (-item[1], item[0]))[:5]
    return {
        "directory": directory,
        "files": len(files),
        "jobs": jobs,
        "timeout": timeout,
        "cfnLintVersion": cfn_lint_version_text,
        "cfnLambdaVersion": cfn_lambda.version,
        "summary": summarize(comparisons),
        "otherErrors": {
            "resources": {tool: other["resources"][tool] for tool in ("cfn-lambda", "cfn-lint")},
            "template": {key: other["template"][key] for key in ("cfn-lambda", "cfn-lint", "both")},
        },
        "ignoredCfnLint": dict(sorted(ignored.items())),
        "runs": {
            "cfnLambdaFailures": cfn_lambda.failures,
            "cfnLintFailures": failures,
            "cfnLintTimeouts": timeouts,
            "cfnLintRuleExceptions": rule_exceptions,
        },
        "notCompared": sorted(not_compared),
        "inventoryErrors": inventory_errors,
        "timing": {
            "cfnLambdaSeconds": cfn_lambda.seconds,
            "cfnLintSumSeconds": lint_sum,
            "cfnLintWallSeconds": cfn_lint_wall,
            "cfnLintCached": sum(1 for r in cfn_lint_results if r.cached),
            "ratio": lint_sum / cfn_lambda.seconds if cfn_lambda.seconds > 0 else None,
            "cfnLintBatchSeconds": cfn_lint_batch_seconds,
            "batchRatio": (
                cfn_lint_batch_seconds / cfn_lambda.seconds
                if cfn_lint_batch_seconds is not None and cfn_lambda.seconds > 0
                else None
            ),
            "slowestCfnLint": slowest,
            "cfnLintPerFile": {r.file: {"seconds": r.seconds, "cached": r.cached, "returncode": r.returncode} for r in cfn_lint_results},
        },
        "comparisons": comparisons,
        "rawFindings": {
            "cfn-lambda": [f.to_json() for f in cfn_lambda.findings],
            "cfn-lint": raw_lint,
        },
    }


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 both tools ran on every file; 1 a tool crashed or gave no JSON (listed); 2 usage.",
    )
    parser.add_argument(
        "directory",
        nargs="?",
        default=str(repo.parent / "shared" / "corpus"),
        help="directory of templates (*.yaml, *.yml, *.json, *.template, searched recursively); "
        "default: ../shared/corpus next to the repository",
    )
    parser.add_argument("--cfn-lambda", help="cfn-lambda executable (default: build it with swift build -c release)")
    parser.add_argument("--cfn-lint", default="cfn-lint", help="cfn-lint command (default: cfn-lint)")
    parser.add_argument("--jobs", type=int, default=2, help="cfn-lint runs in parallel (default: 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per cfn-lint run (default: 120)")
    parser.add_argument("--cache", type=Path, help="directory caching cfn-lint results by file content")
    parser.add_argument(
        "--cfn-lint-batch",
        action="store_true",
        help="also time one cfn-lint process over all files (never cached), for a ratio without per-file start-up",
    )
    parser.add_argument("--json", type=Path, help="also write the raw comparison as JSON to this file")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    directory = Path(args.directory)
    if not directory.is_dir():
        parser.error(f"not a directory: {directory}")
    files = template_files(directory)
    if not files:
        parser.error(f"no templates under {directory}")
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)

    # The tools run in the template directory, so relative commands are resolved here first.
    cfn_lint = shutil.which(args.cfn_lint)
    if cfn_lint is None:
        parser.error(f"cfn-lint not found: {args.cfn_lint}")
    cfn_lint = str(Path(cfn_lint).absolute())
    executable = str(Path(args.cfn_lambda).resolve()) if args.cfn_lambda else build_cfn_lambda(repo)
    if not os.access(executable, os.X_OK):
        parser.error(f"cfn-lambda is not an executable file: {executable}")
    log(f"cfn-lambda on {len(files)} files")
    cfn_lambda = run_cfn_lambda(executable, directory, files)
    version = cfn_lint_version(cfn_lint)
    log(f"cfn-lint {version} on {len(files)} files, {args.jobs} at a time")
    lint_results, lint_wall = run_cfn_lint(cfn_lint, directory, files, args.jobs, args.timeout, args.cache, version)
    batch_seconds = time_cfn_lint_batch(cfn_lint, directory, files) if args.cfn_lint_batch else None
    inventories = read_inventories(directory, files, args.timeout, args.cache, version)
    report = build_report(
        args.directory,
        files,
        cfn_lambda,
        lint_results,
        lint_wall,
        inventories,
        version,
        args.jobs,
        args.timeout,
        batch_seconds,
    )
    sys.stdout.write(render_markdown(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    crashed = report["runs"]["cfnLambdaFailures"] + report["runs"]["cfnLintFailures"]
    for item in crashed:
        log(f"crashed: {item['file']}: {item['reason']}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
