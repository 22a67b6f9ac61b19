"""Helpers for the gate's configuration: ``python -m thesiskit.lint hash-term TERM … [--project DIR]``.

``hash-term`` prints the deny-list hash of each term (salt from ``lint: deny: salt`` in
report/study.yaml, or ``--salt``), to paste under ``lint: deny: hashes``. ``rules`` prints the page
of rules as Markdown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ThesisError
from ..log import report_error


def main(argv: list[str] | None = None) -> int:
    """Run the helper; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m thesiskit.lint")
    sub = parser.add_subparsers(dest="command", required=True)
    hasher = sub.add_parser("hash-term", help="print the deny-list hash of each term")
    hasher.add_argument("terms", nargs="+", metavar="TERM")
    hasher.add_argument("--project", type=Path, default=Path("."), help="study folder (for the salt)")
    hasher.add_argument("--salt", help="salt to use instead of lint: deny: salt")
    sub.add_parser("rules", help="print the page of rules (Markdown)")
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            from . import rules_markdown

            sys.stdout.write(rules_markdown())
            return 0
        from . import hash_term
        from .config import load_config
        from .registry import registry

        salt = args.salt
        if salt is None:
            from ..project import open_project

            salt = load_config(open_project(args.project), frozenset(registry())).deny.salt
        if not salt:
            print("warning: no salt (set lint: deny: salt in report/study.yaml)", file=sys.stderr)
        for term in args.terms:
            print(hash_term(term, salt))
        return 0
    except ThesisError as exc:
        report_error(exc)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
