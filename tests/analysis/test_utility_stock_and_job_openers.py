"""Electricity-disconnection callbacks, unsolicited stock tips, guaranteed-return offers,
recruiters who "got your contact" from someone, death-threat extortion, the busy-boss opener, and
the lures put in front of a link (an uploaded album, a successful job application, a gift card
you "obtained") - each with the ordinary messages that share its words."""

from __future__ import annotations

import pytest

from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import FLAGGED, assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Dear consumer, your light bill will be disconnected today. Your last month's bill "
            "was not updated. Call the electricity office at 8509981502.",
            "callback",
        ),
        (
            "Dear consumer your electricity bill was not updated, power will be disconnected "
            "tonight at 9.30pm. Contact electricity officer 9876543210",
            "callback",
        ),
        (
            "NIMBUS FOOD (531598) CMP 6.50 TRGT 14 in Short Term. Buy n hold for 1 month",
            "investment",
        ),
        ("Small Cap Pick AMSON Buy Above 5.25 SL 5.10 Target 7.50 10.25", "investment"),
        (
            "Highest Returns Ever. Invest 20 Lac to get PKR 540,000 Return per year. 100% "
            "refundable. 03175427306",
            "investment",
        ),
        (
            "Earn 2.5% per MONTH from a low risk UK crypto currency fund. Reply YES for more INFO",
            "investment",
        ),
        (
            "I'm Oscar and I got your contact through Tina, would you like to know the details of "
            "the job? How should I name you?",
            "task_job",
        ),
        (
            "I am Jasmine, an assistant HR from Crushvertise PH. I received your contact from our "
            "Human Resources Department about the job offer we have.",
            "task_job",
        ),
        (
            "Sum1 paid me to kill you. get spared, 48hrs to pay $5000. If you inform the police, "
            "death is promised",
            "extortion",
        ),
        (
            "We already have all the data and locations of you and each of your family members. "
            "Pay your fine or your family will take responsibility",
            "extortion",
        ),
        (
            "Hi Masha, I'm on a conference call meeting right now, can't talk on phone but let me "
            "know if you got this text. Alexei Falin.",
            "boss_opener",
        ),
        (
            "Hi Jamie, let me know if you receive this text. Thanks, Samer Khouli (CEO) TCWGlobal.",
            "boss_opener",
        ),
        # lures in front of a link
        (
            "Someone uploaded your pictures. A whole album is here: http://ph-album.club/x7",
            "click_link",
        ),
        ("Why did your mom upload an old video http://artechengs.com/li/xka7hdj05", "click_link"),
        (
            "Your application for the Cashier position was successful. More info: "
            "http://dischem-jobs.gr8.com/",
            "task_job",
        ),
        (
            "Earn 3000-8000 rupees per day easily, work online, no time limit: wa.me/918160338266",
            "task_job",
        ),
        (
            "Confirmed Loizou, you've obtained this Bunnings gift card as a thank you "
            "http://www.0t13.club/s/3ii7ok/ef5",
            "prize",
        ),
        (
            "Celebrate 2024 with HOME DEPOT: choose 2 gifts for your years of loyalty "
            "http://janthankshd.com/pmrtd/bJIQcbl",
            "prize",
        ),
        (
            "You have been CHOSEN to take part in an online survey of SuperValu. Grab your local "
            "SuperValu voucher: http://sv-survey.top/x",
            "prize",
        ),
    ],
)
def test_the_lures_are_flagged_and_named(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    assert_flagged_with(fixed_analyzer, text, code)


@pytest.mark.parametrize(
    "text",
    [
        # planned work, and a utility's own channels
        "Dear Customer, your electricity supply will be disconnected for maintenance on 12/07 "
        "from 10am to 2pm. For queries call our customer care 1912.",
        # a parent who got the number from the class group, not a recruiter
        "Hi, it's Mrs Carter, Leo's mum from Year 3 - got your number from the class WhatsApp. "
        "Would Jack like to come to Leo's party on Saturday?",
        # a friend talking about work
        "Got your number from Sam, he said you might lend me the ladder this weekend for work "
        "on the shed",
        # a friend checking a message arrived, a colleague busy in a meeting
        "Hey, let me know if you got this text, my phone's been weird all day",
        "I'm in a meeting till 3, will call you after. Can you pick up the kids?",
        # a friend's photos, a shop's gift card bought by the customer, a real job offer by phone
        "I uploaded your photos from the wedding to the shared album, have a look!",
        "Thanks for your purchase. Your $50 Bunnings gift card is attached to this email receipt.",
        "Hi Sam, your application for the Cashier position at Dis-Chem has been received. We will "
        "call you to arrange an interview.",
        # a portfolio statement from the broker the customer trades with
        "Your order to buy 10 shares of INFY at Rs 1,520 was executed on 12-Jun. View your "
        "holdings in the app.",
    ],
)
def test_ordinary_messages_with_the_same_words_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, _ = verdict_codes(fixed_analyzer, text)
    assert level not in FLAGGED, text


def test_an_account_suspended_for_maintenance_is_still_a_threat(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # only a utility's supply can be cut for planned work
    _, found = verdict_codes(
        fixed_analyzer,
        "Your account will be disabled due to security maintenance. Secure your account below",
    )
    assert "threat" in found
