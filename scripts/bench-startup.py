#!/usr/bin/env python3
"""Start-up of a cfn-lambda binary: validating a one-function template against `--version`.

CI and pre-commit run one small template at a time, so what a run costs beyond starting the
process matters. Runs both commands alternately, from an empty folder with an empty environment,
and prints the medians and their ratio: of the wall-clock time, and of the processor time (user and
system) each process used, which waiting for a busy machine's cores does not inflate.

    scripts/bench-startup.py BINARY [RUNS]      (default 200 runs of each)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TEMPLATE = """\
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      Code: {ZipFile: 'def handler(event, context): pass'}
"""


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 64
    runs = int(sys.argv[2]) if len(sys.argv) == 3 else 200
    with tempfile.TemporaryDirectory() as folder:
        binary = os.path.join(folder, "cfn-lambda")
        shutil.copy(sys.argv[1], binary)
        with open(os.path.join(folder, "fn.yaml"), "w") as file:
            file.write(TEMPLATE)
        commands = {"version": [binary, "--version"], "validate": [binary, "validate", "fn.yaml"]}
        times = {name: [] for name in commands}
        cpu = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                start = time.perf_counter()
                process = subprocess.Popen(command, cwd=folder, env={}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _, status, usage = os.wait4(process.pid, 0)
                times[name].append(time.perf_counter() - start)
                cpu[name].append(usage.ru_utime + usage.ru_stime)
                if status != 0:
                    print(f"bench-startup: {' '.join(command)} failed ({status})", file=sys.stderr)
                    return 1
    for label, series in (("", times), ("processor time: ", cpu)):
        version = statistics.median(series["version"]) * 1000
        validate = statistics.median(series["validate"]) * 1000
        print(f"{label}--version {version:.1f} ms, validate of one function {validate:.1f} ms (medians of {runs}): ratio {validate / version:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
