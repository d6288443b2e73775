#!/usr/bin/env python3
"""Checks the CI integrations against the CLI: action.yml, .pre-commit-hooks.yaml, the Dockerfile
and the example workflow in docs/ci.md.

    scripts/check-integrations.py BINARY

- every YAML file parses and has the keys its ecosystem requires;
- every input the action reads is declared with a description, every declared input is used and
  documented in docs/ci.md;
- every `cfn-lambda SUBCOMMAND ...` command they run names a subcommand and options that the
  binary's `SUBCOMMAND --help` lists.
"""
import pathlib
import re
import shlex
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
problems = []


def problem(text):
    problems.append(text)


def help_options(binary, subcommand, cache={}):
    """The long options `cfn-lambda SUBCOMMAND --help` lists, or None for no such subcommand."""
    if subcommand not in cache:
        result = subprocess.run([binary, subcommand, "--help"], capture_output=True, text=True)
        cache[subcommand] = set(re.findall(r"--[a-z][a-z0-9-]*", result.stdout)) if result.returncode == 0 else None
    return cache[subcommand]


def check_command(binary, line, where):
    """A shell line that runs cfn-lambda: its subcommand and options must exist."""
    for match in re.finditer(r"\bcfn-lambda\s+([^|;&>\n]*)", line):
        try:
            words = shlex.split(match.group(1))
        except ValueError:
            words = match.group(1).split()
        if not words or not re.fullmatch(r"[a-z]+", words[0]):
            continue
        options = help_options(binary, words[0])
        if options is None:
            problem(f"{where}: 'cfn-lambda {words[0]}' is not a subcommand")
            continue
        for word in words[1:]:
            option = word.split("=")[0]
            if re.fullmatch(r"--[a-z][a-z0-9-]*", option) and option not in options:
                problem(f"{where}: 'cfn-lambda {words[0]}' has no option {option}")


def load(path):
    try:
        return yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as error:
        problem(f"{path.name}: not valid YAML: {error}")
        return None


def check_action(binary):
    action = load(ROOT / "action.yml")
    if not isinstance(action, dict):
        return
    for key in ("name", "description", "runs"):
        if key not in action:
            problem(f"action.yml: no {key}")
    inputs = action.get("inputs") or {}
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problem("action.yml: runs.using is not composite")
    text = (ROOT / "action.yml").read_text()
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))
    for name in sorted(used - set(inputs)):
        problem(f"action.yml: uses input '{name}', which is not declared")
    documented = (ROOT / "docs" / "ci.md").read_text()
    for name, spec in inputs.items():
        if not (spec or {}).get("description"):
            problem(f"action.yml: input '{name}' has no description")
        if name not in used:
            problem(f"action.yml: input '{name}' is declared but never used")
        if f"`{name}`" not in documented:
            problem(f"docs/ci.md: input '{name}' is not documented")
    for index, step in enumerate(runs.get("steps") or []):
        if "run" in step:
            if "shell" not in step:
                problem(f"action.yml: step {index + 1} runs a script without a shell")
            check_command(binary, step["run"], f"action.yml step '{step.get('name', index + 1)}'")
        elif "uses" not in step:
            problem(f"action.yml: step {index + 1} neither runs nor uses anything")
    for script in re.findall(r"\$GITHUB_ACTION_PATH/(scripts/[A-Za-z0-9_.-]+)", text):
        if not (ROOT / script).exists():
            problem(f"action.yml: {script} does not exist")


def check_hooks(binary):
    hooks = load(ROOT / ".pre-commit-hooks.yaml")
    if not isinstance(hooks, list) or not hooks:
        problem(".pre-commit-hooks.yaml: not a list of hooks")
        return
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            if key not in hook:
                problem(f".pre-commit-hooks.yaml: hook {hook.get('id')} has no {key}")
        check_command(binary, hook.get("entry", ""), f".pre-commit-hooks.yaml {hook.get('id')}")
        try:
            re.compile(hook.get("files", ""))
        except re.error as error:
            problem(f".pre-commit-hooks.yaml {hook.get('id')}: files is not a regular expression: {error}")


def check_dockerfile(binary):
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    stages = [line for line in lines if line.startswith("FROM ")]
    if len(stages) < 2:
        problem("Dockerfile: not multi-stage")
    for line in lines:
        for script in re.findall(r"\b(scripts/[A-Za-z0-9_.-]+)", line):
            if not (ROOT / script).exists():
                problem(f"Dockerfile: {script} does not exist")
        if line.startswith("# ") or line.startswith("#   "):
            check_command(binary, line, "Dockerfile comment")
        if line.startswith("ENTRYPOINT") and "cfn-lambda" not in line:
            problem("Dockerfile: the entry point is not cfn-lambda")


def check_docs(binary):
    text = (ROOT / "docs" / "ci.md").read_text()
    for block in re.findall(r"```(?:yaml|sh)\n(.*?)```", text, re.S):
        if block.lstrip().startswith("#") and ".yml" in block.splitlines()[0] or "repos:" in block:
            try:
                yaml.safe_load(block)
            except yaml.YAMLError as error:
                problem(f"docs/ci.md: an example is not valid YAML: {error}")
        for line in block.splitlines():
            check_command(binary, line, "docs/ci.md")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    binary = sys.argv[1]
    check_action(binary)
    check_hooks(binary)
    check_dockerfile(binary)
    check_docs(binary)
    for text in problems:
        print(f"check-integrations: {text}", file=sys.stderr)
    if not problems:
        print("check-integrations: action.yml, .pre-commit-hooks.yaml, Dockerfile and docs/ci.md agree with the CLI", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
