"""Command line for the red-flag triage engine.

    python -m spasm_edu.triage --list                  the finding ids with their questions
    python -m spasm_edu.triage --json ID [ID ...]      {"level": ..., "reasons": [...], ...}
    python -m spasm_edu.triage ID [ID ...]             the same in plain words

An unknown id is an error (exit status 2) that names it and lists the valid ids.
"""

from __future__ import annotations

import argparse
import json
import sys

from spasm_edu.models import triage
from spasm_edu.text import triage as wording


def list_text() -> str:
    lines = []
    for group, items in triage.questions().items():
        lines.append(f"{wording.GROUP_LABELS[group]}:")
        for fid, question in items:
            lines.append(f"  {fid:<26} {question}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.triage",
        description="How urgent are these red-flag findings? Education, not diagnosis.",
    )
    parser.add_argument("findings", nargs="*", metavar="ID", help="finding ids (see --list)")
    parser.add_argument("--list", action="store_true", help="print the finding ids and questions")
    parser.add_argument("--json", action="store_true", help="print the assessment as JSON")
    args = parser.parse_args(argv)
    if args.list:
        print(list_text())
        return 0
    try:
        result = triage.assess(args.findings)
    except triage.UnknownFindingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(wording.plain_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
