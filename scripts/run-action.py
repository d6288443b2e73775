#!/usr/bin/env python3
"""Runs the GitHub Action (action.yml) as a runner would, on this machine, and checks what it does.

    scripts/run-action.py BINARY

There is no GitHub here, so this plays the runner for the composite action: each `run:` step goes to
bash with the runner's environment (GITHUB_OUTPUT, GITHUB_PATH, GITHUB_ACTION_PATH, RUNNER_TEMP, the
event name), `${{ ... }}` expressions and `if:` conditions are evaluated from the inputs, the event
and earlier steps' outputs, and `uses:` steps (the SARIF upload) are recorded instead of run. `gh` is
a stub that records the API calls and answers the comment lookup. The workspace is a new git
repository whose `origin` holds the base branch, so `plan --base-ref` runs against a real fetch.

Three runs: a push with a bad template (the validate step's annotations and SARIF, the job fails);
a pull request that changes a function (the plan comment is created); the same pull request pushed
again (the comment is updated, not duplicated); a plan of a template that is not there (the
comment says the plan failed). The build step runs scripts/build-release.sh, which
after CI's own release build has nothing left to do.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

BASE_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/orders
      MemorySize: 256
      Code:
        ZipFile: "def handler(event, context): return 1"
"""

BAD_TEMPLATE = (BASE_TEMPLATE.replace("Orders", "Legacy").replace("python3.12", "python2.7")
                .replace("MemorySize: 256", "MemorySize: 999999"))

GH_STUB = """\
#!/usr/bin/env bash
# The gh CLI, as far as the action uses it: records each call; a comment lookup answers $GH_STUB_EXISTING.
{ printf '%s\\n' "$*"; } >> "$GH_STUB_LOG"
for argument in "$@"; do
    case "$argument" in
        body=@*) cp "${argument#body=@}" "$GH_STUB_LOG.body" ;;
    esac
done
case "$*" in
    *--paginate*) printf '%s\\n' "${GH_STUB_EXISTING:-}" ;;
esac
"""


class Failure(Exception):
    pass


def git(workspace, *arguments):
    subprocess.run(["git", *arguments], cwd=workspace, check=True, capture_output=True, text=True)


def make_workspace(temporary):
    """A checkout as actions/checkout makes it of a pull request: only the head commit, shallow, no
    base branch; origin/main holds the base template and the head changes the function."""
    origin = temporary / "origin.git"
    author = temporary / "author"
    workspace = temporary / "workspace"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(author)], check=True)
    git(author, "config", "user.email", "ci@example.com")
    git(author, "config", "user.name", "ci")
    (author / "stacks").mkdir()
    (author / "stacks" / "orders.yaml").write_text(BASE_TEMPLATE)
    git(author, "add", ".")
    git(author, "commit", "-q", "-m", "base")
    git(author, "checkout", "-q", "-b", "change")
    head = BASE_TEMPLATE.replace("MemorySize: 256", "MemorySize: 512\n      FunctionName: orders-api")
    (author / "stacks" / "orders.yaml").write_text(head)
    git(author, "commit", "-q", "-am", "rename the function")
    git(author, "push", "-q", f"file://{origin}", "main", "change")
    # actions/checkout: a new repository, `origin` added, the one commit fetched shallow to a ref of
    # its own, and checked out detached.
    subprocess.run(["git", "init", "-q", str(workspace)], check=True)
    git(workspace, "remote", "add", "origin", f"file://{origin}")
    git(workspace, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/heads/change:refs/remotes/pull/7/merge")
    git(workspace, "checkout", "-q", "--detach", "refs/remotes/pull/7/merge")
    return workspace


def evaluate(expression, context):
    """A `${{ }}` expression: a context path, or a condition of paths, literals, ==, !=, &&, || and always()."""
    def value(path):
        node = context
        for part in path.split("."):
            if not isinstance(node, dict):
                return ""
            node = node.get(part, "")
        return node

    tokens = re.findall(r"always\(\)|&&|\|\||==|!=|'[^']*'|[A-Za-z_][A-Za-z0-9_.-]*|\S", expression)
    if len(tokens) == 1 and tokens[0] not in ("always()",) and not tokens[0].startswith("'"):
        return value(tokens[0])
    python = []
    for token in tokens:
        if token == "always()":
            python.append("True")
        elif token == "&&":
            python.append(" and ")
        elif token == "||":
            python.append(" or ")
        elif token in ("==", "!="):
            python.append(f" {token} ")
        elif token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", token):
            python.append(repr(value(token)))
        else:
            raise Failure(f"expression {expression!r}: this runner does not understand {token!r}")
    return eval("".join(python), {"__builtins__": {}})


def substitute(text, context):
    return EXPRESSION.sub(lambda match: str(evaluate(match.group(1), context)), text)


def run_action(action, workspace, temporary, event, inputs, existing_comment=""):
    """Runs the action's steps; returns (exit status of the job, the steps' outputs, the gh calls)."""
    runner_temp = temporary / f"runner-{event}-{existing_comment or 'new'}"
    runner_temp.mkdir()
    stub_bin = runner_temp / "bin"
    stub_bin.mkdir()
    (stub_bin / "gh").write_text(GH_STUB)
    (stub_bin / "gh").chmod(0o755)
    gh_log = runner_temp / "gh.log"
    path_file = runner_temp / "path"
    path_file.write_text("")
    declared = {name: str((spec or {}).get("default", "")) for name, spec in action["inputs"].items()}
    context = {
        "github": {"token": "stub-token", "event_name": event, "base_ref": "main" if event == "pull_request" else "",
                   "event": {"pull_request": {"number": "7"}}},
        "steps": {},
    }
    context["inputs"] = {name: substitute(default, context) for name, default in declared.items()}
    context["inputs"].update(inputs)
    failed = False
    for step in action["runs"]["steps"]:
        name = step.get("name", "?")
        condition = step.get("if")
        # A condition without a status function implies success(): such steps stop at a failure.
        if failed and "always()" not in str(condition or "") and "failure()" not in str(condition or ""):
            continue
        if condition is not None and not evaluate(EXPRESSION.sub(lambda m: m.group(1), str(condition)), context):
            continue
        if "uses" in step:
            with_ = {key: substitute(str(text), context) for key, text in (step.get("with") or {}).items()}
            context["steps"].setdefault("uses", []).append((step["uses"], with_))
            continue
        output_file = runner_temp / f"output-{len(context['steps'])}"
        output_file.write_text("")
        added_path = [line for line in path_file.read_text().splitlines() if line]
        environment = {
            "PATH": os.pathsep.join([str(stub_bin), *reversed(added_path), os.environ["PATH"]]),
            "HOME": os.environ.get("HOME", str(temporary)),
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_PATH": str(path_file),
            "GITHUB_EVENT_NAME": event,
            "GITHUB_REPOSITORY": "example/stacks",
            "GITHUB_WORKSPACE": str(workspace),
            "RUNNER_TEMP": str(runner_temp),
            "GH_STUB_LOG": str(gh_log),
            "GH_STUB_EXISTING": existing_comment,
        }
        for key, text in (step.get("env") or {}).items():
            environment[key] = substitute(str(text), context)
        script = substitute(step["run"], context)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                cwd=workspace, env=environment, capture_output=True, text=True, timeout=900)
        outputs = {}
        for line in output_file.read_text().splitlines():
            key, _, text = line.partition("=")
            outputs[key] = text
        context["steps"][step.get("id", f"step{len(context['steps'])}")] = {
            "outputs": outputs, "stdout": result.stdout, "stderr": result.stderr, "status": result.returncode}
        if result.returncode != 0:
            failed = True
            context["steps"]["failed"] = name
    calls = gh_log.read_text().splitlines() if gh_log.exists() else []
    body = (runner_temp / "gh.log.body").read_text() if (runner_temp / "gh.log.body").exists() else ""
    return failed, context["steps"], calls, body


def expect(condition, text):
    if not condition:
        raise Failure(text)


def check(binary):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    with tempfile.TemporaryDirectory(prefix="cfn-lambda-action-") as name:
        temporary = pathlib.Path(name)
        workspace = make_workspace(temporary)
        # The build step's binary is the one CI built; a copy on a PATH entry of its own.
        os.environ["PATH"] = f"{pathlib.Path(binary).resolve().parent}{os.pathsep}{os.environ['PATH']}"

        # A push with a bad template: annotations, a SARIF file with the findings, a failed job.
        (workspace / "stacks" / "legacy.yaml").write_text(BAD_TEMPLATE)
        failed, steps, calls, _ = run_action(action, workspace, temporary, "push",
                                             {"templates": "stacks", "plan": "stacks/orders.yaml"})
        (workspace / "stacks" / "legacy.yaml").unlink()
        validate = steps.get("validate", {})
        expect(failed and steps.get("failed") == "Fail on findings",
               f"push with a bad template: the job should fail at 'Fail on findings', got {steps.get('failed')!r}")
        expect(re.search(r"::error file=stacks/legacy\.yaml,line=6,", validate.get("stdout", "")),
               "push: no error annotation on stacks/legacy.yaml line 6:\n" + validate.get("stdout", ""))
        sarif = json.loads(pathlib.Path(validate["outputs"]["sarif"]).read_text())
        rules = {result["ruleId"] for result in sarif["runs"][0]["results"]}
        expect(len(rules) >= 2, f"push: the SARIF file has too few findings: {sorted(rules)}")
        uploads = steps.get("uses", [])
        expect(len(uploads) == 1 and uploads[0][0].startswith("github/codeql-action/upload-sarif")
               and uploads[0][1]["sarif_file"] == validate["outputs"]["sarif"],
               f"push: the SARIF upload step should get the file validate wrote: {uploads}")
        expect("plan" not in steps and not calls, "push: the plan and the comment are for pull requests only")

        # A pull request: the plan of the renamed function, in one new comment.
        failed, steps, calls, body = run_action(action, workspace, temporary, "pull_request",
                                                {"templates": "stacks", "plan": "stacks/orders.yaml"})
        expect(not failed, f"pull request: the job failed at {steps.get('failed')!r}: "
                           + json.dumps({k: v.get('stderr') for k, v in steps.items() if isinstance(v, dict)})[:2000])
        expect(body.startswith("<!-- cfn-lambda plan -->"), "pull request: the comment lacks its marker")
        expect("Orders" in body and "replace" in body.lower(),
               "pull request: the comment should show Orders replaced (FunctionName added):\n" + body
               + steps.get("plan", {}).get("stderr", ""))
        expect(len(calls) == 2 and "--paginate" in calls[0] and calls[1].startswith("api --method POST repos/example/stacks/issues/7/comments"),
               f"pull request: expected a lookup then a new comment, got {calls}")

        # The same pull request again: the existing comment is updated.
        failed, steps, calls, body = run_action(action, workspace, temporary, "pull_request",
                                                {"templates": "stacks", "plan": "stacks/orders.yaml"},
                                                existing_comment="4242")
        expect(not failed and len(calls) == 2
               and calls[1].startswith("api --method PATCH repos/example/stacks/issues/comments/4242"),
               f"second push to the pull request: expected the comment 4242 updated, got {calls}")

        # A plan that cannot run says so in the comment instead of posting an empty one.
        failed, steps, calls, body = run_action(action, workspace, temporary, "pull_request",
                                                {"templates": "stacks", "plan": "stacks/missing.yaml"},
                                                existing_comment="4243")
        expect(not failed and "**cfn-lambda plan `stacks/missing.yaml` failed** (exit 66)" in body,
               "a plan of a missing template: the comment should say it failed:\n" + body)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    if shutil.which("git") is None:
        print("run-action: git is needed", file=sys.stderr)
        return 69
    try:
        check(sys.argv[1])
    except (Failure, KeyError, json.JSONDecodeError, subprocess.CalledProcessError) as error:
        print(f"run-action: {error}", file=sys.stderr)
        return 1
    print("run-action: action.yml ran as on a push and on two pushes to a pull request", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
