"""Put back the spaces between words that a line recogniser ran together.

The PP-OCR Chinese/English recogniser often drops spaces in English text ("pleasepaythe").
Rendered text is clean, so the gaps between words can be measured in the line image itself:
columns without ink, much wider than the gaps between letters of a word. A space is inserted
between two recognised characters when such a word gap lies between their positions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

#: A word gap is at least this share of the line's ink height...
MIN_GAP_TO_HEIGHT = 0.28
#: ...and at least this many times the widest letter gap below it.
MIN_GAP_RATIO = 1.5

_DIGITS_WITH_O = re.compile(r"\b(?=[0-9oO]*[0-9])[0-9oO]{2,}\b")


def ink_gaps(line: NDArray[np.uint8]) -> list[tuple[int, int]]:
    """Runs of ink-free columns between inked ones, as (start, end) pixel columns.

    ``line`` is an RGB/BGR or grayscale crop of one text line. The background is the
    median of the border pixels, so light-on-dark and dark-on-light text both work.
    """
    gray = line.astype(np.int16) if line.ndim == 2 else line.astype(np.int16).mean(axis=2)
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    diff = np.abs(gray - np.median(border))
    peak = float(diff.max()) if diff.size else 0.0
    if peak < 40:
        return []
    ink = diff > max(40.0, 0.5 * peak)
    columns = np.flatnonzero(ink.any(axis=0))
    rows = np.flatnonzero(ink.any(axis=1))
    if columns.size < 2:
        return []
    ink_height = int(rows[-1] - rows[0] + 1)
    widths = np.diff(columns) - 1
    threshold = word_gap_threshold(widths[widths > 0].tolist(), ink_height)
    if threshold is None:
        return []
    return [(int(columns[i]) + 1, int(columns[i + 1])) for i in np.flatnonzero(widths >= threshold)]


def word_gap_threshold(gap_widths: Sequence[int], ink_height: int) -> int | None:
    """The smallest gap width that separates words in this line, or None if none does.

    Letter gaps and word gaps form two groups; the word group starts at the first width
    that is both wide relative to the text height and clearly wider than every narrower gap.
    """
    widths = sorted(set(gap_widths))
    floor = MIN_GAP_TO_HEIGHT * ink_height
    below = 0
    for width in widths:
        if width >= floor and width >= MIN_GAP_RATIO * below:
            return width
        below = width
    return None


def respace(chars: Sequence[str], centres: Sequence[float], gaps: Sequence[tuple[int, int]]) -> str:
    """Join ``chars`` (at x ``centres`` in the line crop) with a space wherever a word gap
    lies between two neighbours. Spaces the recogniser already produced are kept."""
    if not chars:
        return ""
    mids = [(start + end) / 2 for start, end in gaps]
    out = [chars[0]]
    for i in range(1, len(chars)):
        char = chars[i]
        if (
            char != " "
            and out[-1] != " "
            and any(centres[i - 1] < mid < centres[i] for mid in mids)
        ):
            out.append(" ")
        out.append(char)
    return "".join(out)


def fix_digit_confusions(text: str) -> str:
    """Read 'o'/'O' as zero inside number-like tokens ("1o0" -> "100", "5ooo" -> "5000")."""
    return _DIGITS_WITH_O.sub(lambda m: m.group(0).replace("o", "0").replace("O", "0"), text)
