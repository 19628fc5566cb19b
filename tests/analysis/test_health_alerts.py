"""A health service's alert as a pretext: "you have been in close contact with someone who
tested positive, order a test kit", "register for your Covid pass". From the service's own site
it is routine; with a strange link it is the phishing of the pandemic waves."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    "text",
    [
        "You have been in close contact with someone who tested positive. Please order a free "
        "PCR test kit at pcr-kits-home.com",
        "Tracing: you were near someone with the new variant. Book a home test kit today via "
        "uk-swabkit-order.com/book",
        "Health Ministry: the digital vaccination pass is now mandatory, apply here "
        "vax-pass-apply.net/form",
        "You need to register for your Covid pass, visit covidpass-register.org",
    ],
)
def test_a_health_alert_with_a_strange_link_is_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    assert_flagged_with(fixed_analyzer, text, "health_alert", "click_link")


@pytest.mark.parametrize(
    "text",
    [
        "NHS: You can order free rapid lateral flow test kits at "
        "www.gov.uk/order-coronavirus-rapid-lateral-flow-tests",
        "I was in close contact with someone who tested positive so I'm staying home this week",
        "can you get a test kit from the pharmacy on your way back?",
        "Your Covid vaccination certificate is ready. Download it at nhs.uk/nhsapp",
    ],
)
def test_the_services_own_alert_or_a_friends_news_is_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, _ = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, text
