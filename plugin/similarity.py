"""The one similarity measure between two renders of the same extent, with no widget.

The style page (QGIS render vs the exported SLD read back) and the zoom-level inspector (source
layer rendered locally vs the published WMTS tiles) both score with ``compare_images``, so a
score means the same on both screens and ``FAITHFUL_FROM`` is the one threshold shown to the user.

How it counts: both images are composited on white and converted to CIE L*a*b*, where a
distance is close to what a viewer sees (a green turned grey, or a colour change on a
translucent fill, moves L*a*b* far more than it moves the largest RGB channel). A drawn pixel
("ink": visibly not the white background) of one image is matched when the other image has a
pixel of nearly the same colour within ``SHIFT_PX`` pixels, both images being blurred over
``BLUR_RADIUS`` first (what a viewer sees at 1:1; sub-pixel outline widths vanish): another
renderer, another antialiasing, JPEG noise or a label placed two pixels away is not a
difference; another colour or a missing feature is. Each main colour of an image (at
least ``MAIN_COLOUR_SHARE`` of its drawn pixels) counts the same, whatever its area: labels
missing from a wide fill, or a marker's colour lost beside its outline, weigh as much as the
fill. The score is the worse of the two directions (what the reference draws that the
candidate lacks, and the reverse), 0 to 1.

A blank image never counts as a match: when either render is blank there is nothing to
compare, the score is 0 and ``Comparison.blank`` says which one was blank (an empty tile, or
a local render that drew nothing: a failed transform, a layer out of view).

The constants were tuned on the labelled pairs of tests/fixtures/similarity (the "tuning"
ones; the "held out" ones were not looked at while tuning): bench/similarity_calibration.py
prints the table and the margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage

# A pixel is ink when its L*a*b* distance to white exceeds this (JPEG ringing on a white
# background stays below it; the palest translucent fill of the pairs is above).
INK_DELTA_E = 6.0
# Two pixels look the same colour within this L*a*b* distance (about 6 "just noticeable
# differences": the colour bleeding of a JPEG tile on a thin line stays under it, a green
# turned grey or a hue change on a 20 % fill does not).
SAME_COLOUR_DELTA_E = 14.0
# A pixel may find its match this far away (renderer, antialiasing and label placement shifts;
# the blur already spreads each pixel over BLUR_RADIUS).
SHIFT_PX = 1
# Both renders are averaged over (2 * BLUR_RADIUS + 1)² pixels before they are compared.
BLUR_RADIUS = 2
# A colour (L*a*b* cell of COLOUR_CELL units) is a main colour of a render from this share of
# its drawn pixels; smaller groups (antialiasing fringes) only count through the overall share.
MAIN_COLOUR_SHARE = 0.03
COLOUR_CELL = 8.0
# Renders are compared at most this large (larger ones are reduced first, both the same way).
MAX_COMPARE_PX = 256
# At or above this score the two renders are taken as faithful to each other.
FAITHFUL_FROM = 0.92


@dataclass(frozen=True)
class Comparison:
    """The score and why it is what it is."""

    score: float  # 0..1; 0 whenever an image is blank
    blank: str = ""  # "", "reference", "candidate" or "both"
    reference_ink: float = 0.0  # share of the reference that is drawn
    candidate_ink: float = 0.0

    @property
    def faithful(self) -> bool:
        return not self.blank and self.score >= FAITHFUL_FROM


def _rgb(image: QImage, size: Optional[tuple] = None) -> np.ndarray:
    """(h, w, 3) float RGB of ``image`` composited over white, optionally resized first."""
    if size is not None and (image.width(), image.height()) != size:
        image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = argb.width(), argb.height()
    raw = argb.constBits()
    raw.setsize(argb.sizeInBytes())
    data = np.frombuffer(bytes(raw), dtype=np.uint8).reshape(height, argb.bytesPerLine() // 4, 4)
    data = data[:, :width, :].astype(np.float32)
    alpha = data[..., 3:4] / 255.0
    bgr = data[..., :3] * alpha + 255.0 * (1.0 - alpha)  # BGRA in memory (little endian)
    return bgr[..., ::-1]


def _box_blur(rgb: np.ndarray) -> np.ndarray:
    """Mean over a (2 * BLUR_RADIUS + 1)² square per channel, edges repeated: JPEG blocks,
    antialiasing and sub-pixel stroke widths average out."""
    radius = BLUR_RADIUS
    side = 2 * radius + 1
    padded = np.pad(rgb, ((radius, radius), (radius, radius), (0, 0)), mode="edge")
    height, width = rgb.shape[:2]
    total = sum(padded[dy:dy + height, dx:dx + width] for dy in range(side)
                for dx in range(side))
    return total / float(side * side)


def rgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB (0-255) to CIE L*a*b* (D65), per pixel."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    matrix = np.array([[0.4124, 0.3576, 0.1805],
                       [0.2126, 0.7152, 0.0722],
                       [0.0193, 0.1192, 0.9505]], dtype=np.float32)
    xyz = linear @ matrix.T / np.array([0.95047, 1.0, 1.08883], dtype=np.float32)
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16.0 / 116.0)
    return np.stack([116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]),
                     200.0 * (f[..., 1] - f[..., 2])], axis=-1)


WHITE_LAB = np.array([100.0, 0.0, 0.0], dtype=np.float32)


def _compare_size(first: QImage, second: QImage) -> tuple:
    width, height = first.width(), first.height()
    largest = max(width, height, 1)
    if largest > MAX_COMPARE_PX:
        width, height = round(width * MAX_COMPARE_PX / largest), round(
            height * MAX_COMPARE_PX / largest)
    return (max(width, 1), max(height, 1))


def lab_of(image: QImage, size: Optional[tuple] = None) -> np.ndarray:
    """The image blurred then converted to L*a*b* (what is compared)."""
    return rgb_to_lab(_box_blur(_rgb(image, size)))


def ink_mask(lab: np.ndarray) -> np.ndarray:
    return np.linalg.norm(lab - WHITE_LAB, axis=2) > INK_DELTA_E


def ink_fraction(image: QImage) -> float:
    """Share of ``image`` that is drawn: 0 for a blank render or tile."""
    if image is None or image.isNull():
        return 0.0
    return float(ink_mask(lab_of(image, _compare_size(image, image))).mean())


def _nearest_colour_distance(lab: np.ndarray, other: np.ndarray) -> np.ndarray:
    """For each pixel of ``lab``, the smallest L*a*b* distance to a pixel of ``other`` within
    SHIFT_PX (outside the image counts as white background)."""
    height, width = lab.shape[:2]
    pad = SHIFT_PX
    padded = np.empty((height + 2 * pad, width + 2 * pad, 3), dtype=np.float32)
    padded[...] = WHITE_LAB
    padded[pad:pad + height, pad:pad + width] = other
    best = np.full((height, width), np.inf, dtype=np.float32)
    for dy in range(2 * pad + 1):
        for dx in range(2 * pad + 1):
            window = padded[dy:dy + height, dx:dx + width]
            np.minimum(best, np.linalg.norm(lab - window, axis=2), out=best)
    return best


def compare_images(reference: QImage, candidate: QImage) -> Comparison:
    """How alike two renders of the same extent are (see the module's docstring)."""
    if reference is None or candidate is None or reference.isNull() or candidate.isNull():
        return Comparison(0.0, blank="both" if reference is None or reference.isNull()
                          else "candidate")
    size = _compare_size(reference, candidate)
    first, second = lab_of(reference, size), lab_of(candidate, size)
    first_ink, second_ink = ink_mask(first), ink_mask(second)
    shares = (float(first_ink.mean()), float(second_ink.mean()))
    blank = {(False, False): "both", (False, True): "reference",
             (True, False): "candidate"}.get((bool(first_ink.any()), bool(second_ink.any())), "")
    if blank:
        return Comparison(0.0, blank, *shares)
    found_in_second = _nearest_colour_distance(first, second)[first_ink] <= SAME_COLOUR_DELTA_E
    found_in_first = _nearest_colour_distance(second, first)[second_ink] <= SAME_COLOUR_DELTA_E
    score = min(_found_per_main_colour(first[first_ink], found_in_second),
                _found_per_main_colour(second[second_ink], found_in_first))
    return Comparison(score, "", *shares)


def _found_per_main_colour(ink_lab: np.ndarray, found: np.ndarray) -> float:
    """Mean, over the main colours of the drawn pixels ``ink_lab``, of the share ``found``."""
    cells = np.floor(ink_lab / COLOUR_CELL).astype(np.int32)
    _, group, counts = np.unique(cells, axis=0, return_inverse=True, return_counts=True)
    group = group.reshape(-1)
    main = np.nonzero(counts >= MAIN_COLOUR_SHARE * len(found))[0]
    if len(main) == 0:  # no colour dominates (a photo, a gradient): count every pixel
        return float(found.mean())
    return float(np.mean([found[group == index].mean() for index in main]))


def similarity(reference: QImage, candidate: QImage) -> float:
    """``compare_images(...).score``: 0 (nothing alike, or a blank image) to 1 (same)."""
    return compare_images(reference, candidate).score
