#!/usr/bin/env python3
"""Copy the SAM transform's data files from the installed aws-sam-translator into schemas/sam/.

The policy templates and the managed policy name -> ARN map are facts the transform uses
(Apache-2.0, see schemas/sam/LICENSE). Copies stay byte-identical; schemas/sam/README.md records
the package version and each file's sha256. Usage: scripts/refresh-sam-data.py [--check]
"""
import hashlib
import pathlib
import shutil
import subprocess
import sys

import samtranslator

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "schemas" / "sam"
PACKAGE = pathlib.Path(samtranslator.__file__).parent
FILES = {
    "policy_templates.json": PACKAGE / "policy_templates_data" / "policy_templates.json",
    "aws_managed_policies.json": PACKAGE / "internal" / "data" / "aws_managed_policies.json",
    "connector_profiles.json": PACKAGE / "model" / "connector_profiles" / "profiles.json",
}


def readme():
    rows = "\n".join(
        f"| `{name}` | `samtranslator/{source.relative_to(PACKAGE).as_posix()}` | `{hashlib.sha256(source.read_bytes()).hexdigest()}` |"
        for name, source in FILES.items()
    )
    return f"""# SAM transform data

Byte-identical copies of data files shipped in the PyPI package `aws-sam-translator`
**{samtranslator.__version__}** (github.com/aws/serverless-application-model, Apache-2.0: `LICENSE` in this
folder). The SAM transform (`Sources/CFNCore/SAM/`) reads them through `SAMData`.

| File | Source in the package | sha256 |
|---|---|---|
{rows}

- `policy_templates.json`: the policy templates (`DynamoDBCrudPolicy`, `S3ReadPolicy`, …) with
  their parameters and statements.
- `aws_managed_policies.json`: AWS managed policy name → ARN, per partition.
- `connector_profiles.json`: what an `AWS::Serverless::Connector` makes for each source and
  destination type (policies, Lambda permissions) and how it names their ARNs and roles.

Refresh with `scripts/refresh-sam-data.py` after upgrading `aws-sam-translator`; `--check` fails
when the copies differ from the installed package.
"""


def main():
    check = "--check" in sys.argv[1:]
    stale = [name for name, source in FILES.items()
             if not (TARGET / name).exists() or (TARGET / name).read_bytes() != source.read_bytes()]
    if check:
        if stale:
            sys.exit(f"refresh-sam-data: out of date: {', '.join(stale)}")
        return
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, source in FILES.items():
        shutil.copyfile(source, TARGET / name)
    (TARGET / "README.md").write_text(readme())
    print(f"schemas/sam: {len(FILES)} files from aws-sam-translator {samtranslator.__version__}")
    # The binary carries schemas/ compiled in: regenerate its source.
    subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("embed-data.py"))], check=True)


if __name__ == "__main__":
    main()
