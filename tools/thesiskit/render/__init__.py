"""Rendering: Jinja calls, heading and figure numbers, turning sources into plain Markdown."""
