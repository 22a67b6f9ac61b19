"""Records: the study's YAML (metadata, informants, quotes, findings, themes, figures, changes)."""

from .load import Records, load_records

__all__ = ["Records", "load_records"]
