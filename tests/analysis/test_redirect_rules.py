"""Rules added for shapes missed on the cross-dataset rows (payment redirect, photo lures)."""

from __future__ import annotations

from qila.analysis.rules import check_text


def _codes(text: str) -> set[str]:
    return {hit.code for hit in check_text(text)}


def test_payment_redirect_indonesian() -> None:
    text = (
        "Sebelum di bayar /di transfer harap hubungi dulu atasan saya, bpk ARDI no tlp;"
        "081563257257 soalnya ada perubahan pembayaran."
    )
    assert "payment_redirect" in _codes(text)


def test_payment_redirect_needs_a_number() -> None:
    assert "payment_redirect" not in _codes("Soal harga nanti hubungi suami saya saja ya")


def test_photo_lure_is_a_stranger_opener() -> None:
    assert "romance" in _codes("Yesterday I saw you cross the road, look at this photo")


def test_lemmatised_account_disabled_is_a_threat() -> None:
    assert "threat" in _codes("Your account have be restrict by our security system")
