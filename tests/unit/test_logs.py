from __future__ import annotations

import io
import json
import logging

from qila import logs


def test_numbers_are_masked_keeping_country_and_last_four() -> None:
    assert logs.mask_number("whatsapp:+6591234567") == "whatsapp:+65****4567"
    assert logs.mask_number("+14155238886") == "+14****8886"
    assert logs.mask_number("garbage number") == "***"
    assert logs.mask_number(None) == ""


def test_json_lines_carry_the_correlation_id_and_extra_fields() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("qila.test.json")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with logs.correlated("SM42"):
            logger.info("queued", extra={"num_media": 2})
    finally:
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["message"] == "queued" and entry["correlation_id"] == "SM42"
    assert entry["num_media"] == 2 and entry["level"] == "INFO"
