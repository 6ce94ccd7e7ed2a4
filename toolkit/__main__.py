"""Command line: ``python -m toolkit report PATH --out DIR`` (also installed as ``newsframes``)."""
from __future__ import annotations

import argparse
import sys

from .load import LoadError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsframes", description="Compare how outlets cover the same event.")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="write the standard comparative report for a folder of articles")
    report.add_argument("path", help="a file or folder of articles (.txt, .md, .html, .json, .jsonl, .csv)")
    report.add_argument("--out", default="reports", help="output folder (default: reports)")
    report.add_argument("--by", default=None, help="column to compare (default: group, else outlet)")
    report.add_argument("--groups", default=None, help="CSV with doc_id and extra columns to merge")
    args = parser.parse_args(argv)

    from . import report as report_module

    try:
        out = report_module.build(args.path, args.out, by=args.by, groups=args.groups)
    except (LoadError, KeyError, OSError, ValueError) as exc:
        print(f"newsframes: {exc}", file=sys.stderr)
        return 2
    print(f"report written to {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
