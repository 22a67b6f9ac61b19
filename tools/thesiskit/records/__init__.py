"""Records: the study's YAML (metadata, informants, quotes, findings, themes, figures, changes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import Records, load_records

__all__ = ["Records", "load_records"]


def __getattr__(name: str) -> Any:
    """``Records`` and ``load_records`` on first use: the YAML reader alone does not load the schemas (pydantic)."""
    if name in __all__:
        from . import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
