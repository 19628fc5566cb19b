"""Further phrasings of pretexts Qila already knows: a block or hold "placed on your account",
a courier who "couldnt make the delivery" (no apostrophe), "you were over charged", open sexual
lures, gift cards to "order", a "temporary number", "to avoid termination", a misspelt
"Congradulations" - each with the ordinary messages that share its words."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


# Each case with the codes it must show; where there is a strange link, the pretext is what
# makes it count ("click_link").
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "We have placed a temporary block on your account for your security. Log in to lift "
            "it: acct-review-centre.com/login",
            ("threat", "click_link"),
        ),
        (
            "Our courier couldnt make the delivery of your parcel today, please enter your "
            "address again at parcel-redeliver.info/x7",
            ("parcel_problem", "click_link"),
        ),
        (
            "It looks like you were over charged on your car insurance this year. Claim what you "
            "are owed at kzrp7h.com/ref",
            ("refund", "click_link"),
        ),
        (
            "Hey handsome, bored at home and looking for casual sex tonight. Message me here: "
            "bit.ly/4kR2mXz",
            ("adult_lure", "click_link"),
        ),
        (
            "Hey, I'm in a meeting and can't talk. I need you to order 3 Apple gift cards for a "
            "client right away, I'll pay you back.",
            ("gift_card",),
        ),
        (
            "Hi it's me, this is my temporary number for now. Can you send me 300 for a bill "
            "today? I'll pay you back tomorrow",
            ("new_number",),
        ),
        (
            "Your mobile service details are out of date. To avoid termination, update them now "
            "at mobile-info-update.com",
            ("threat",),
        ),
        ("Congradulations you have recieved a 12000 grant. Contact 0349 4066072", ("prize",)),
    ],
)
def test_the_tactic_is_read_in_other_words(
    fixed_analyzer: ScamAnalyzer, text: str, codes: tuple[str, ...]
) -> None:
    assert_flagged_with(fixed_analyzer, text, *codes)


@pytest.mark.parametrize(
    "text",
    [
        "I ordered the gift card for mum's birthday already",
        "congrats you passed the exam!!",
        "Congratulations on your new job, so proud of you!",
        "I was overcharged at the restaurant lol, never going back",
        "Barclays: as you asked, we've placed a temporary block on your card. Unblock it any "
        "time in the Barclays app.",
        "Sorry we couldn't make the delivery today, we will try again tomorrow between 9 and 12.",
        "did you see that documentary about sex ed in schools? wild",
    ],
)
def test_the_same_words_without_a_strange_link_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, _ = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, text
