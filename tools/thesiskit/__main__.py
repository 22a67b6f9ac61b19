"""``python -m thesiskit …``: the ``thesis`` command where its script is not on PATH (e.g. Windows)."""

import sys

from .cli import main

sys.exit(main())
