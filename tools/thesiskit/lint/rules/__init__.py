"""One module per rule: ``<code>_<name>.py`` with ``CODE``, ``SEVERITY``, a docstring and ``check(ctx)``."""
