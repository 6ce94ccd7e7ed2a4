"""Command line: ``python -m toolkit report PATH --out DIR`` (also installed as ``newsframes``).

The commands are in :mod:`toolkit.report.cli`.
"""
import sys

from .report.cli import main

if __name__ == "__main__":
    sys.exit(main())
