"""Tests of the pure parts of compare-with-cfn-lint.py: `python3 -m pytest scripts/`.

No tool runs here: the findings are hand-made in the shapes the two tools print.
"""

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "compare_with_cfn_lint", Path(__file__).with_name("compare-with-cfn-lint.py")
)
compare = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = compare  # dataclasses look their module up there
_SPEC.loader.exec_module(compare)

Finding = compare.Finding
Inventory = compare.Inventory


def lambda_item(rule, line, column, resource=None, rtype=None, path=None, severity="error", message="m"):
    return {
        "rule": rule,
        "severity": severity,
        "message": message,
        "file": "t.yaml",
        "line": line,
        "column": column,
        "endLine": line,
        "endColumn": column + 1,
        "resource": resource,
        "resourceType": rtype,
        "path": path,
    }


def lint_match(rule, level, line, column, path, message="m"):
    return {
        "Filename": "elsewhere/t.yaml",
        "Level": level,
        "Location": {
            "Start": {"LineNumber": line, "ColumnNumber": column},
            "End": {"LineNumber": line, "ColumnNumber": column + 1},
            "Path": path,
        },
        "Message": message,
        "Rule": {"Id": rule},
    }


def lint(rule, line, resource=None, path=None, level="error", message="m", column=1):
    return Finding("t.yaml", line, column, rule, level, message, "cfn-lint", resource, path)


def cl(rule, line, resource=None, path=None, level="error", message="m", column=1, rtype=None):
    return Finding("t.yaml", line, column, rule, level, message, "cfn-lambda", resource, path, rtype)


def test_normalize_cfn_lambda_keeps_fields_and_sorts():
    document = {
        "findings": [
            lambda_item("yaml.duplicate-key", 9, 7, "Fn", "AWS::Lambda::Function", "Resources/Fn/Properties/Handler"),
            lambda_item("yaml.syntax", 2, 1),
        ]
    }
    assert compare.normalize_cfn_lambda(document) == [
        cl("yaml.syntax", 2),
        cl("yaml.duplicate-key", 9, "Fn", "Resources/Fn/Properties/Handler", column=7, rtype="AWS::Lambda::Function"),
    ]


def test_normalize_cfn_lint_maps_resources_paths_levels_and_transform_errors():
    matches = [
        lint_match("E3030", "Error", 50, 7, ["Resources", "Fn", "Properties", "Runtime"]),
        lint_match("W1030", "Warning", 11, 5, ["Parameters", "P", "AllowedValues", 0]),
        lint_match("I2530", "Informational", 3, 3, ["Resources", "Fn"]),
        lint_match(
            "E0001", "Error", 1, 1, None,
            "Error transforming template: Resource with id [Layer] is invalid. Missing required property 'ContentUri'.",
        ),
        lint_match("E0000", "Error", 4, 2, None, "syntax"),
    ]
    assert compare.normalize_cfn_lint(matches, "t.yaml") == [
        lint(
            "E0001", 1, "Layer",
            message="Error transforming template: Resource with id [Layer] is invalid. Missing required property 'ContentUri'.",
        ),
        lint("I2530", 3, "Fn", "Resources/Fn", level="info", column=3),
        lint("E0000", 4, message="syntax", column=2),
        lint("W1030", 11, None, "Parameters/P/AllowedValues/0", level="warning", column=5),
        lint("E3030", 50, "Fn", "Resources/Fn/Properties/Runtime", column=7),
    ]


def test_date_dependent_runtime_findings_are_ignored_and_counted():
    findings = [
        lint("E2531", 5, "Fn", message="Runtime 'python2.7' was deprecated on '2021-07-15'. ..."),
        lint("E2533", 6, "Fn"),
        lint("W2531", 7, "Fn", level="warning"),
        lint("W1030", 8, "Fn", level="warning", message="Runtime {'Ref': 'R'} was deprecated on '2020-03-05'. Creation ..."),
        lint("W1030", 9, "Fn", level="warning", message="{'Ref': 'R'} is not one of ['python3.12']"),
        lint("E3030", 10, "Fn"),
        cl("lambda.runtime-deprecated", 5, "Fn", message="Runtime 'python2.7' was deprecated on '2021-07-15'."),
    ]
    kept, ignored = compare.split_ignored(findings)
    assert kept == [findings[4], findings[5], findings[6]]
    assert ignored == Counter({"E2531": 1, "E2533": 1, "W2531": 1, "W1030 (deprecated-runtime message)": 1})


def test_match_errors_by_same_line_or_same_path_on_the_same_resource():
    a_line = cl("x.same-line", 10, "Fn", "Resources/Fn/Properties/Handler")
    a_path = cl("x.same-path", 20, "Fn", "Resources/Fn/Properties/Runtime")
    a_other_resource = cl("x.other-resource", 30, "Other", "Resources/Other/Properties/Code")
    a_alone = cl("x.alone", 40, "Fn", "Resources/Fn/Properties/Timeout")
    b_line = lint("E1", 10, "Fn", "Resources/Fn/Properties/Handler/Fn::Sub")
    b_path = lint("E2", 21, "Fn", "Resources/Fn/Properties/Runtime")
    b_other_resource = lint("E3", 30, "Fn", "Resources/Fn/Properties/Code")
    only_a, only_b, both_a, both_b = compare.match_errors(
        [a_line, a_path, a_other_resource, a_alone], [b_line, b_path, b_other_resource]
    )
    assert only_a == [a_other_resource, a_alone]
    assert only_b == [b_other_resource]
    assert both_a == [a_line, a_path]
    assert both_b == [b_line, b_path]


def test_a_required_property_is_matched_at_the_missing_property_path():
    missing_role = cl("lambda.role", 9, "Fn", "Resources/Fn/Properties/Role", message="function Fn has no Role")
    missing_code = cl("schema.required", 9, "Fn", "Resources/Fn/Properties/Code", message="missing required property 'Code'")
    zip_needs = cl("lambda.package-type", 9, "Fn", "Resources/Fn/Properties", message="a .zip function needs Runtime")
    role = lint("E3003", 8, "Fn", "Resources/Fn/Properties", message="'Role' is a required property")
    code = lint("E3003", 8, "Fn", "Resources/Fn/Properties", message="'Code' is a required property")
    timeout = lint("E3003", 8, "Fn", "Resources/Fn/Properties", message="'Timeout' is a required property")
    assert compare.paths_of(role) == {"Resources/Fn/Properties", "Resources/Fn/Properties/Role"}
    assert compare.paths_of(missing_role) == {"Resources/Fn/Properties/Role"}
    only_a, only_b, both_a, both_b = compare.match_errors([missing_role, missing_code], [role, code, timeout])
    assert (only_a, only_b) == ([], [timeout])
    assert both_b == [code, role]
    # The mapping's own path still matches a finding reported at the mapping.
    assert compare.match_errors([zip_needs], [timeout])[1] == []


def test_an_intrinsic_argument_is_matched_with_the_call():
    call = cl("intrinsic.arguments", 12, "Fn", "Resources/Fn/Properties/Code/ZipFile/Fn::Join")
    count = lint("E1022", 12, "Fn", "Resources/Fn/Properties/Code/ZipFile/Fn::Join")
    argument = lint("E1022", 14, "Fn", "Resources/Fn/Properties/Code/ZipFile/Fn::Join/1")
    elsewhere = lint("E1022", 15, "Fn", "Resources/Fn/Properties/Layers/1")
    only_a, only_b, _, both_b = compare.match_errors([call], [count, argument, elsewhere])
    assert (only_a, only_b, both_b) == ([], [elsewhere], [count, argument])
    # The extra path is cfn-lint's only: cfn-lambda's own paths are taken as they are.
    assert compare.paths_of(cl("r", 1, "Fn", "Resources/Fn/Properties/Layers/Fn::If/1")) == {
        "Resources/Fn/Properties/Layers/Fn::If/1"
    }


def test_duplicate_function_names_are_paired_across_resources():
    inventory = Inventory({"A": ("AWS::Lambda::Function", 2), "B": ("AWS::Lambda::Function", 9), "C": ("AWS::Lambda::Function", 20)})
    message = "Primary identifiers {'FunctionName': 'x'} should have unique values across the resources {'B', 'A'}"
    on_a = lint("E3019", 4, "A", "Resources/A/Properties/FunctionName", message=message)
    on_b = lint("E3019", 11, "B", "Resources/B/Properties/FunctionName", message=message)
    other = lint("E3019", 22, "C", "Resources/C/Properties/FunctionName",
                 message="Primary identifiers {'FunctionName': 'y'} should have unique values across the resources {'C', 'D'}")
    ours = cl("lambda.function-name-unique", 11, "B", "Resources/B/Properties/FunctionName",
              message="FunctionName 'x' is also the name of function A")
    assert compare.cross_resource_pairs([ours], [on_a, on_b, other]) == {ours, on_a, on_b}
    result = compare.compare_file("t.yaml", [ours], [on_a, on_b, other], inventory)
    a, b, c = result["resources"]
    assert (a["onlyCfnLint"], [f["rule"] for f in a["bothCfnLint"]]) == ([], ["E3019"])
    assert (b["onlyCfnLambda"], b["onlyCfnLint"]) == ([], [])
    assert [f["rule"] for f in c["onlyCfnLint"]] == ["E3019"]


def test_checks_the_template_ignores_for_cfn_lint_are_read_and_shown():
    stored = {"resources": [["Fn", "AWS::Lambda::Function", 4, ["E3012"]], ["Old", "AWS::Lambda::Function", 9]]}
    inventory = compare.inventory_from_json(stored)
    assert inventory.resources == {"Fn": ("AWS::Lambda::Function", 4), "Old": ("AWS::Lambda::Function", 9)}
    assert inventory.ignored_checks == {"Fn": ("E3012",)}
    ours = cl("schema.type", 8, "Fn", "Resources/Fn/Properties/Code/ZipFile", message="Code.ZipFile must be a string")
    comparison = compare.compare_file("t.yaml", [ours], [], inventory)
    assert comparison["resources"][0]["cfnLintIgnoredChecks"] == ["E3012"]
    report = {"comparisons": [comparison]}
    lines = compare.render_unmatched(report, "cfn")
    assert lines[:4] == [
        "",
        "### `t.yaml`:4 Fn AWS::Lambda::Function",
        "- the template tells cfn-lint to ignore E3012 on this resource (Metadata cfn-lint config ignore_checks)",
        "- only cfn-lambda:",
    ]


def test_resource_type_prefers_the_template_then_cfn_lambda():
    inventory = Inventory({"Fn": ("AWS::Lambda::Function", 4), "Typeless": (None, 9)})
    findings = [cl("r", 9, "Typeless", rtype="AWS::Lambda::LayerVersion"), cl("r", 4, "Fn", rtype="Wrong::Type")]
    assert compare.resource_type("Fn", inventory, findings) == ("AWS::Lambda::Function", "template")
    assert compare.resource_type("Typeless", inventory, findings) == ("AWS::Lambda::LayerVersion", "cfn-lambda")
    assert compare.resource_type("Missing", inventory, findings) == (None, "unknown")


def test_compare_file_splits_kinds_and_counts_other_resources():
    inventory = Inventory(
        {
            "Fn": ("AWS::Lambda::Function", 5),
            "Sam": ("AWS::Serverless::Function", 20),
            "Bucket": ("AWS::S3::Bucket", 30),
            "Quiet": ("AWS::Lambda::LayerVersion", 40),
        }
    )
    cfn_lambda = [
        cl("yaml.unknown-tag", 8, "Fn", "Resources/Fn/Properties/Code/ZipFile", column=18),
        cl("resource.unknown-attribute", 31, "Bucket", "Resources/Bucket/Foo"),
        cl("template.format-version", 1, None, "AWSTemplateFormatVersion"),
    ]
    cfn_lint = [
        lint("E3003", 6, "Fn", "Resources/Fn/Properties"),
        lint("E3012", 8, "Fn", "Resources/Fn/Properties/Code/ZipFile", column=7),
        lint("W2530", 7, "Fn", "Resources/Fn/Properties/SnapStart", level="warning"),
        lint("E0001", 1, "Sam", message="Error transforming template: Resource with id [Sam] is invalid."),
        lint("E3002", 32, "Bucket", "Resources/Bucket/Properties/Foo"),
        lint("E1001", 1, "Generated"),
        lint("E2015", 12, None, "Parameters/P/Default"),
    ]
    result = compare.compare_file("t.yaml", cfn_lambda, cfn_lint, inventory)
    assert [(r["resource"], r["kind"], r["line"]) for r in result["resources"]] == [
        ("Fn", "cfn", 5),
        ("Sam", "sam", 20),
        ("Quiet", "cfn", 40),
    ]
    fn, sam, quiet = result["resources"]
    assert fn["onlyCfnLambda"] == []
    assert [f["rule"] for f in fn["onlyCfnLint"]] == ["E3003"]
    assert [f["rule"] for f in fn["bothCfnLambda"]] == ["yaml.unknown-tag"]
    assert [f["rule"] for f in fn["bothCfnLint"]] == ["E3012"]
    assert fn["cfnLintRules"] == [(("E3003", "error"), 1), (("E3012", "error"), 1), (("W2530", "warning"), 1)]
    assert fn["cfnLambdaRules"] == [(("yaml.unknown-tag", "error"), 1)]
    assert [f["rule"] for f in sam["onlyCfnLint"]] == ["E0001"]
    assert quiet["onlyCfnLambda"] == [] and quiet["onlyCfnLint"] == []
    assert result["errorsOnOtherResources"] == {"cfn-lambda": 1, "cfn-lint": 2}
    assert result["resourcesOfUnknownType"] == ["Generated"]
    assert [f["rule"] for f in result["templateLevel"]["onlyCfnLambda"]] == ["template.format-version"]
    assert [f["rule"] for f in result["templateLevel"]["onlyCfnLint"]] == ["E2015"]

    summary = compare.summarize([result])
    assert summary == {
        "cfn": {"resources": 2, "onlyCfnLambda": 0, "onlyCfnLint": 1, "bothCfnLambda": 1, "bothCfnLint": 1},
        "sam": {"resources": 1, "onlyCfnLambda": 0, "onlyCfnLint": 1, "bothCfnLambda": 0, "bothCfnLint": 0},
    }
    assert compare.rule_counts([result], "cfnLintRules") == [
        ("E0001", "error", 0, 1),
        ("E3003", "error", 1, 0),
        ("E3012", "error", 1, 0),
        ("W2530", "warning", 1, 0),
    ]


def test_cfn_lint_crash_classification():
    result = compare.CfnLintResult
    assert compare.cfn_lint_crash(result("a", 2, "[]", "", 1.0)) is None
    assert compare.cfn_lint_crash(result("a", None, "", "", 120.0)) is None  # a timeout, reported apart
    assert compare.cfn_lint_crash(result("a", -9, "", "", 1.0)) == "killed by signal 9"
    assert (
        compare.cfn_lint_crash(
            result("a", 1, "", "Traceback (most recent call last):\n  File x\nKeyError: 'Type'\n", 1.0)
        )
        == "Python traceback: KeyError: 'Type'"
    )
    assert (
        compare.cfn_lint_crash(result("a", 32, "", "cfnlint - ERROR - Regions are unsupported\n", 1.0))
        == "no JSON output; exit 32: cfnlint - ERROR - Regions are unsupported"
    )


def test_report_and_markdown_for_one_file():
    cfn_lambda = compare.CfnLambdaRun(
        findings=[
            Finding("a.yaml", 8, 18, "yaml.unknown-tag", "error", "unknown tag '!Rain::Embed'", "cfn-lambda",
                    "Fn", "Resources/Fn/Properties/Code/ZipFile", "AWS::Lambda::Function"),
        ],
        seconds=0.5,
        version="0.1.0",
        failures=[],
    )
    lint_output = [
        lint_match("E3003", "Error", 6, 5, ["Resources", "Fn", "Properties"], "'Code' is a required property"),
        lint_match("E2531", "Error", 7, 7, ["Resources", "Fn", "Properties", "Runtime"], "Runtime 'nodejs' was deprecated on '2016-10-31'."),
    ]
    results = [
        compare.CfnLintResult("a.yaml", 2, json.dumps(lint_output), "", 3.0),
        compare.CfnLintResult("b.yaml", None, "", "", 120.0),
    ]
    inventories = {"a.yaml": Inventory({"Fn": ("AWS::Lambda::Function", 4)}), "b.yaml": Inventory({}, "not read")}
    report = compare.build_report("corpus", ["a.yaml", "b.yaml"], cfn_lambda, results, 61.0, inventories, "1.51.0", 2, 120.0)
    assert report["notCompared"] == ["b.yaml"]
    assert report["ignoredCfnLint"] == {"E2531": 1}
    assert report["runs"]["cfnLintTimeouts"] == [{"file": "b.yaml", "reason": "timed out after 120 s"}]
    assert report["timing"]["ratio"] == 246.0
    markdown = compare.render_markdown(report)
    assert "| files not compared (a tool failed or timed out on them) | 1 |\n" in markdown
    assert "| cfn-lint date-dependent runtime findings ignored | 1 (E2531: 1) |\n" in markdown
    assert "| resources seen | 1 | 0 |\n" in markdown
    assert "| errors only in cfn-lambda | 1 | 0 |\n" in markdown
    assert "| errors only in cfn-lint | 1 | 0 |\n" in markdown
    assert "| ratio cfn-lint / cfn-lambda | 246× | per-file sum; each cfn-lint run pays its start-up |\n" in markdown
    assert "| cfn-lint, one process |" not in markdown
    with_batch = compare.build_report(
        "corpus", ["a.yaml", "b.yaml"], cfn_lambda, results, 61.0, inventories, "1.51.0", 2, 120.0, 40.0
    )
    assert "| ratio cfn-lint one process / cfn-lambda | 80× | |\n" in compare.render_markdown(with_batch)
    assert "- `b.yaml`: timed out after 120 s\n" in markdown
    assert (
        "### `a.yaml`:4 Fn AWS::Lambda::Function\n"
        "- only cfn-lambda:\n"
        "  - 8:18 `yaml.unknown-tag` unknown tag '!Rain::Embed'\n"
        "- only cfn-lint:\n"
        "  - 6:5 `E3003` 'Code' is a required property\n"
    ) in markdown
    assert "## Unmatched errors: SAM\n\nnone\n" in markdown


def test_template_files_are_relative_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.yml", "b/a.json", "a.template", "README.md", "LICENSE", "c.YAML"):
        (tmp_path / name).write_text("x")
    assert compare.template_files(tmp_path) == ["a.template", "b/a.json", "b/z.yml", "c.YAML"]


def test_findings_that_differ_only_in_absent_fields_sort_without_error():
    with_resource = lint("E1", 3, "Fn", "Resources/Fn")
    without_resource = lint("E1", 3)
    assert compare.by_position([with_resource, without_resource]) == [without_resource, with_resource]
