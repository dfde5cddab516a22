"""Areas of pictures on a page: clip to the visible page, then the area of the union.

Overlapping pictures are not summed (two stacked screenshots cover what they cover), and a
picture partly outside the page counts only for its visible part.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from rapportlint.model.document import Box

MAX_EXACT_BOXES = 400
GRID = 200  # cells per side for the approximate union of very many boxes


def clip(box: Box, width: float, height: float) -> Box | None:
    """The part of ``box`` inside the page ``(0, 0, width, height)``, or None if nothing is."""
    x0, top = max(box.x0, 0.0), max(box.top, 0.0)
    x1, bottom = min(box.x1, width), min(box.bottom, height)
    if x1 <= x0 or bottom <= top:
        return None
    return Box(x0, top, x1, bottom)


def contains(outer: Box, inner: Box, slack: float = 1.0) -> bool:
    """``inner`` lies within ``outer`` (a point of slack for rounded coordinates)."""
    return (
        inner.x0 >= outer.x0 - slack
        and inner.top >= outer.top - slack
        and inner.x1 <= outer.x1 + slack
        and inner.bottom <= outer.bottom + slack
    )


def union_area(boxes: Iterable[Box]) -> float:
    """Area covered by at least one box.

    Exact (coordinate compression over x, merged intervals over y) up to a few hundred boxes;
    beyond that a 200x200 grid over the boxes' extent, which stays bounded on pages made of
    thousands of tiny images and is within 1 % of the page in practice.
    """
    boxes = [b for b in boxes if b.area > 0]
    if not boxes:
        return 0.0
    if len(boxes) > MAX_EXACT_BOXES:
        return _grid_union_area(boxes)
    xs = sorted({b.x0 for b in boxes} | {b.x1 for b in boxes})
    total = 0.0
    for left, right in itertools.pairwise(xs):
        spans = sorted((b.top, b.bottom) for b in boxes if b.x0 <= left and b.x1 >= right)
        covered, current_top, current_bottom = 0.0, None, None
        for top, bottom in spans:
            if current_bottom is None or top > current_bottom:
                if current_bottom is not None:
                    covered += current_bottom - current_top
                current_top, current_bottom = top, bottom
            else:
                current_bottom = max(current_bottom, bottom)
        if current_bottom is not None:
            covered += current_bottom - current_top
        total += covered * (right - left)
    return total


def _grid_union_area(boxes: list[Box]) -> float:
    x0 = min(b.x0 for b in boxes)
    top = min(b.top for b in boxes)
    cell_w = max((max(b.x1 for b in boxes) - x0) / GRID, 1e-9)
    cell_h = max((max(b.bottom for b in boxes) - top) / GRID, 1e-9)
    filled: set[tuple[int, int]] = set()
    for b in boxes:
        for i in range(int((b.x0 - x0) / cell_w), min(GRID, int((b.x1 - x0) / cell_w) + 1)):
            for j in range(
                int((b.top - top) / cell_h), min(GRID, int((b.bottom - top) / cell_h) + 1)
            ):
                cx, cy = x0 + (i + 0.5) * cell_w, top + (j + 0.5) * cell_h
                if b.x0 <= cx <= b.x1 and b.top <= cy <= b.bottom:
                    filled.add((i, j))
    return len(filled) * cell_w * cell_h


def coverage(boxes: Iterable[Box], width: float, height: float) -> float:
    """Share of the page ``width`` x ``height`` covered by the union of ``boxes``, in [0, 1]."""
    area = width * height
    if area <= 0:
        return 0.0
    clipped = [c for b in boxes if (c := clip(b, width, height)) is not None]
    return min(1.0, union_area(clipped) / area)
