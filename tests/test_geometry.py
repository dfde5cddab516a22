"""Union of picture boxes and clipping to the page."""

from __future__ import annotations

import random

import pytest

from rapportlint.analysis.geometry import clip, coverage, union_area
from rapportlint.model.document import Box


def test_overlapping_boxes_are_not_summed() -> None:
    a, b = Box(0, 0, 100, 100), Box(50, 50, 150, 150)
    assert union_area([a, b]) == pytest.approx(17_500)


def test_box_outside_the_page_counts_only_its_visible_part() -> None:
    page_w, page_h = 200, 100
    assert clip(Box(-50, -50, 50, 50), page_w, page_h) == Box(0, 0, 50, 50)
    assert clip(Box(300, 0, 400, 50), page_w, page_h) is None
    assert coverage([Box(-100, 0, 100, 100)], page_w, page_h) == pytest.approx(0.5)


def test_union_properties_on_random_boxes() -> None:
    rng = random.Random(7)
    for _ in range(200):
        boxes = []
        for _ in range(rng.randint(1, 8)):
            x, y = rng.uniform(-50, 500), rng.uniform(-50, 700)
            boxes.append(Box(x, y, x + rng.uniform(1, 300), y + rng.uniform(1, 300)))
        share = coverage(boxes, 500, 700)
        assert 0 <= share <= 1
        clipped = [c for b in boxes if (c := clip(b, 500, 700))]
        if clipped:
            assert union_area(clipped) >= max(c.area for c in clipped) - 1e-6
        assert coverage(list(reversed(boxes)), 500, 700) == pytest.approx(share)


def test_many_tiny_boxes_use_the_bounded_grid() -> None:
    boxes = [Box(i * 5, j * 5, i * 5 + 5, j * 5 + 5) for i in range(40) for j in range(20)]
    assert union_area(boxes) == pytest.approx(200 * 100, rel=0.02)
