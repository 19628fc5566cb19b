"""The synthetic legitimate notices used as extra training data."""

from __future__ import annotations

import re

import pytest

from qila.analysis.synthetic import OFFICIAL_DOMAINS, TEMPLATES, legit_notices

_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b")


@pytest.fixture(scope="module")
def notices() -> list[str]:
    return legit_notices()


def _official(domain: str) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in OFFICIAL_DOMAINS)


def test_same_seed_same_output(notices: list[str]) -> None:
    assert legit_notices() == notices
    assert legit_notices(seed=7, per_template=3) == legit_notices(seed=7, per_template=3)
    assert legit_notices(seed=7, per_template=3) != legit_notices(seed=8, per_template=3)


def test_sorted_distinct_and_enough(notices: list[str]) -> None:
    assert notices == sorted(set(notices))
    assert len(notices) >= 1500
    assert len({text for _, _, text in TEMPLATES}) >= 150


def test_all_three_languages(notices: list[str]) -> None:
    def has(word: str) -> bool:
        return any(re.search(rf"\b{word}\b", text) for text in notices)

    for word in ("Reply", "delivered", "appointment"):  # English
        assert has(word), word
    for word in ("rekening", "Paket", "berhasil"):  # Indonesian
        assert has(word), word
    for word in ("akaun", "Bungkusan", "kenderaan"):  # Malay
        assert has(word), word


def test_links_only_to_official_domains(notices: list[str]) -> None:
    found = [m.group(1) for text in notices for m in _DOMAIN.finditer(text.lower())]
    assert found  # the check below is not vacuous
    assert sorted({d for d in found if not _official(d)}) == []


def test_short_and_fully_filled(notices: list[str]) -> None:
    assert all(len(text) < 320 for text in notices)
    assert not [text for text in notices if "{" in text or "}" in text]


def test_indian_notices_in_rupees(notices: list[str]) -> None:
    """India's banks and telcos write in their own register ("debited from A/c XX1234",
    "Avl Bal"); without them the classifier reads every Indian alert as a scam."""
    indian = [t for t in notices if re.search(r"(?:Rs\.? ?|INR |₹)\d", t)]
    assert len(indian) >= 50
    assert any("debited from A/c XX" in t for t in indian)
