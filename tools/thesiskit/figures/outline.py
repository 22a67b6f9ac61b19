"""A graph figure as text: a nested outline for trees, a list of connections otherwise."""

from __future__ import annotations

from ..records.schema import Figure

Outline = list[tuple[str, "Outline"]]


def outline(fig: Figure) -> Outline:
    """Each box under the box it hangs from (trees); or each box with the boxes it connects to."""
    labels = {n.id: n.label for n in fig.nodes}
    order = {n.id: (n.row, n.col) for n in fig.nodes}
    children: dict[str, list[str]] = {n.id: [] for n in fig.nodes}
    parents: dict[str, int] = dict.fromkeys(labels, 0)
    for a, b in fig.edges:
        children[a].append(b)
        parents[b] += 1
    if any(count > 1 for count in parents.values()):  # not a tree: list the connections
        return [
            (labels[n], [("knyttet til " + labels[c], []) for c in sorted(children[n], key=order.__getitem__)])
            for n in sorted(labels, key=order.__getitem__)
        ]

    def walk(node: str) -> tuple[str, Outline]:
        return labels[node], [walk(k) for k in sorted(children[node], key=order.__getitem__)]

    return [walk(r) for r in sorted((n for n in labels if parents[n] == 0), key=order.__getitem__)]
