"""Property tests (hypothesis) for the geometry every picture share rests on."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rapportlint.analysis.geometry import clip, coverage, union_area
from rapportlint.model.document import Box
from rapportlint.model.loader import _View

coordinate = st.floats(min_value=-2000, max_value=3000, allow_nan=False, allow_infinity=False)
size = st.floats(min_value=0.5, max_value=1500, allow_nan=False, allow_infinity=False)


@st.composite
def boxes(draw) -> Box:
    x, y = draw(coordinate), draw(coordinate)
    return Box(x, y, x + draw(size), y + draw(size))


pages = st.tuples(st.floats(min_value=50, max_value=3000), st.floats(min_value=50, max_value=3000))


@settings(max_examples=300, deadline=None)
@given(st.lists(boxes(), min_size=1, max_size=12), pages)
def test_union_is_bounded_by_the_page_and_the_largest_box(items, page) -> None:
    width, height = page
    clipped = [c for b in items if (c := clip(b, width, height)) is not None]
    union = union_area(clipped)
    assert union <= width * height * (1 + 1e-9)
    if clipped:
        assert union >= max(c.area for c in clipped) * (1 - 1e-9)
        assert union <= sum(c.area for c in clipped) * (1 + 1e-9)
    assert 0.0 <= coverage(items, width, height) <= 1.0


@settings(max_examples=200, deadline=None)
@given(st.lists(boxes(), min_size=1, max_size=10), pages, st.randoms(use_true_random=False))
def test_union_does_not_depend_on_order(items, page, rng) -> None:
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert abs(coverage(items, *page) - coverage(shuffled, *page)) < 1e-9


@settings(max_examples=200, deadline=None)
@given(boxes(), pages)
def test_clip_stays_inside_and_keeps_what_is_visible(box, page) -> None:
    width, height = page
    inside = clip(box, width, height)
    if inside is None:
        assert box.x1 <= 0 or box.bottom <= 0 or box.x0 >= width or box.top >= height
    else:
        assert 0 <= inside.x0 <= inside.x1 <= width and 0 <= inside.top <= inside.bottom <= height
        assert inside.area <= box.area * (1 + 1e-9)
        assert clip(inside, width, height) == inside


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([0, 90, 180, 270]),
    st.floats(0, 1),
    st.floats(0, 1),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_rotation_keeps_boxes_on_the_visible_page_and_keeps_areas(rotation, a, b, c, d) -> None:
    crop = (10.0, 20.0, 605.0, 862.0)  # an A4 CropBox not at the origin
    view = _View(crop, rotation)
    left, right = sorted((crop[0] + a * 595, crop[0] + b * 595))
    bottom, top = sorted((crop[1] + c * 842, crop[1] + d * 842))
    shown = view.box(left, bottom, right, top)
    assert -1e-6 <= shown.x0 <= shown.x1 <= view.width + 1e-6
    assert -1e-6 <= shown.top <= shown.bottom <= view.height + 1e-6
    assert abs(shown.area - (right - left) * (top - bottom)) < 1e-6 * max(1.0, shown.area)
    assert (view.width, view.height) == (
        (842.0, 595.0) if rotation in (90, 270) else (595.0, 842.0)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(boxes(), max_size=30), boxes())
# Found by this test: the line's height rounds to 1.0, its top sits a hair above 0.0.
@example([Box(0.0, -2.3842996867098077e-117, 1.0, 1.0)], Box(0.0, 1.0, 1.0, 2.0))
def test_the_lines_level_with_a_box_are_every_line_that_reaches_it(items, box) -> None:
    """The annex analysis looks only at the lines level with a panel or a shape (a table of
    thousands of cells would visit every line for each): none it needs may be left out."""
    from rapportlint.analysis.annexes import _LinesByHeight
    from rapportlint.model.document import TextLine

    lines = [TextLine(f"line {i}", b, 10.0, False, "Arial") for i, b in enumerate(items)]
    reaching = [line for line in lines if line.box.bottom >= box.top and line.box.top <= box.bottom]
    level = _LinesByHeight(lines).level_with(box.top, box.bottom)
    assert all(line in level for line in reaching)
    assert level == [line for line in lines if line in level]  # in the page's order
