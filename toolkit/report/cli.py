"""Command line: ``python -m toolkit report PATH --out DIR`` (also installed as ``newsframes``)."""
from __future__ import annotations

import argparse
import sys

from ..load import LoadError
from .standard import build

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsframes", description="Compare how outlets cover the same event.")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="write the standard comparative report for a folder of articles")
    report.add_argument("path", help="a file or folder of articles (.txt, .md, .html, .json, .jsonl, .csv)")
    report.add_argument("--out", default="reports", help="output folder (default: reports)")
    report.add_argument("--by", default=None, help="column to compare (default: group, else outlet)")
    report.add_argument("--groups", default=None, help="CSV with doc_id and extra columns to merge")
    report.add_argument("--target", default=None, help="a person or thing to follow, e.g. Soleimani")
    report.add_argument("--aliases", default="", help="comma-separated other names of the target")
    report.add_argument("--notebooks", default=None, help="folder of notebooks to execute and link as HTML")
    args = parser.parse_args(argv)

    try:
        aliases = [a.strip() for a in args.aliases.split(",") if a.strip()]
        out = build(args.path, args.out, by=args.by, groups=args.groups, target=args.target,
                    aliases=aliases, notebooks=args.notebooks, progress=True)
    except (LoadError, KeyError, OSError, ValueError, RuntimeError) as exc:
        print(f"newsframes: {exc}", file=sys.stderr)
        return 2
    print(f"report written to {out / 'index.html'}")
    return 0
