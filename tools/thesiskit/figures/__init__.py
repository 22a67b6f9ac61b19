"""Figures from records: SVG drawings for both outputs, and text outlines for screen readers."""
