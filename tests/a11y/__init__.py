"""Accessibility: WCAG 2.1 A/AA with axe-core, valid HTML, keyboard use, the statement page."""
