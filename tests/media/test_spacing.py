"""Word-gap detection and space restoration on synthetic line images."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from qila.media.spacing import fix_digit_confusions, ink_gaps, respace, word_gap_threshold
from tests.media.imagegen import font


def line_image(text: str, dark: bool = False, size: int = 40) -> np.ndarray:
    fnt = font(size)
    width = int(fnt.getlength(text)) + 20
    bg, fg = ((11, 20, 26), (233, 237, 239)) if dark else ((255, 255, 255), (17, 27, 33))
    image = Image.new("RGB", (width, int(size * 1.4)), bg)
    ImageDraw.Draw(image).text((10, 4), text, font=fnt, fill=fg)
    return np.asarray(image)


def test_word_gaps_are_found_between_words_only() -> None:
    for dark in (False, True):
        assert len(ink_gaps(line_image("pay the fee today", dark))) == 3
        assert ink_gaps(line_image("anything", dark)) == []


def test_letters_with_wide_bearings_are_not_split() -> None:
    assert (
        ink_gaps(line_image("illicit billing", size=40))
        and len(ink_gaps(line_image("illicit billing", size=40))) == 1
    )


def test_threshold_needs_a_clear_jump() -> None:
    assert word_gap_threshold([4, 5, 5, 6, 7, 17, 18], ink_height=40) == 17
    assert word_gap_threshold([4, 5, 5, 6], ink_height=18) is None
    assert word_gap_threshold([1, 5, 6, 7, 8], ink_height=30) is None
    assert word_gap_threshold([], ink_height=30) is None


def test_respace_inserts_spaces_at_gaps_and_keeps_existing_ones() -> None:
    chars = list("payfee")
    centres = [5, 15, 25, 55, 65, 75]
    assert respace(chars, centres, [(32, 48)]) == "pay fee"
    assert respace(list("pay fee"), [5, 15, 25, 40, 55, 65, 75], [(32, 48)]) == "pay fee"
    assert respace(chars, centres, []) == "payfee"
    assert respace([], [], []) == ""


def test_digit_confusions_are_fixed_in_numbers_only() -> None:
    assert fix_digit_confusions("deposit 1o0 dollars") == "deposit 100 dollars"
    assert fix_digit_confusions("win 5ooo now") == "win 5000 now"
    assert fix_digit_confusions("good food 2O24") == "good food 2024"
    assert fix_digit_confusions("oo to") == "oo to"
