"""The WhatsApp reply and the string catalogues."""

from __future__ import annotations

import re

import pytest

from qila.analysis import Content, ImageEvidence, compose_reply
from qila.analysis.analyzer import ScamAnalyzer
from qila.i18n import CATALOGUES, EN, text

from .conftest import FIXED_DAY

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SAMPLES = [
    Content(text="DBS: your account is locked. Unlock at http://dbs-sg.top/login now"),
    Content(text="Ma, ini nomor baru aku. Tolong transfer ke rekening temanku dulu ya"),
    Content(text="Bungkusan anda ditahan. Sila bayar caj penghantaran RM2 di poslaju-my.top"),
    Content(text="Your OTP is 123456. Do not share it with anyone."),
    Content(text="lunch?"),
    Content(unsupported_media=("video/mp4",)),
    Content(images=(ImageEvidence(qr_payloads=("http://1.2.3.4/pay",)),)),
    Content(text="x" * 5000 + " pay the customs fee at bit.ly/abc"),
]


def test_every_key_exists_in_every_language() -> None:
    for language, catalogue in CATALOGUES.items():
        assert set(catalogue) == set(EN), language
        for key, value in catalogue.items():
            assert value.strip(), (language, key)


def test_catalogues_use_only_known_placeholders() -> None:
    known = {"subject", "link", "evidence", "brand", "date", "days", "limit", "period", "count"}
    for catalogue in CATALOGUES.values():
        for value in catalogue.values():
            assert set(re.findall(r"\{([a-z_]+)\}", value)) <= known


def test_missing_parameters_never_leak_placeholders() -> None:
    assert "{" not in text("reason.link.lookalike", "id")


@pytest.mark.parametrize("content", SAMPLES)
@pytest.mark.parametrize("language", [None, "en", "id", "ms"])
def test_reply_shape(fixed_analyzer: ScamAnalyzer, content: Content, language: str | None) -> None:
    verdict = fixed_analyzer.analyse(content)
    reply = compose_reply(verdict, language)
    lines = reply.split("\n")
    lang = language or verdict.language
    assert len(reply) < 1600
    assert lines[0] == f"*{CATALOGUES[lang]['level.' + verdict.level.value]}*"
    assert 1 <= sum(line.startswith("• ") for line in lines) <= 3
    assert CATALOGUES[lang]["reply.checked_on"].format(date=FIXED_DAY.isoformat()) in lines
    assert lines[-1] == f"_{CATALOGUES[lang]['reply.hedge']}_"
    assert not PLACEHOLDER.search(reply)
    assert "safe" not in reply.lower().replace("safety", "")


def test_english_reply_for_a_lookalike(fixed_analyzer: ScamAnalyzer) -> None:
    reply = compose_reply(fixed_analyzer.analyse(SAMPLES[0]))
    assert reply.startswith("*Likely scam*\n• The link goes to a look-alike of DBS (dbs-sg.top)\n")
    assert "Checked on 2026-11-28" in reply
    assert (
        "_Qila checks for common scam signs; it can miss things. When in doubt, contact the "
        "organisation through its official app or number._"
    ) in reply


def test_reply_defaults_to_the_message_language(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(SAMPLES[1])
    assert verdict.language == "id"
    reply = compose_reply(verdict)
    assert reply.startswith("*Kemungkinan penipuan*")
    assert "Pesan ini mengatakan anggota keluarga memakai nomor baru" in reply
    english = compose_reply(verdict, "en")
    assert english.startswith("*Likely scam*")
    assert "It says a family member has a new number" in english
