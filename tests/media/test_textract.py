"""TextractOcrEngine with a real boto3 client wired to botocore's Stubber."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from qila.errors import PermanentError, TransientError
from qila.media.errors import OcrFailed, OcrUnavailable, UnreadableImage
from qila.media.ocr import OcrEngine, build_ocr_engine
from qila.media.textract_engine import TextractOcrEngine
from tests.media.imagegen import SCAM_CHATS, chat_screenshot, to_bytes


@pytest.fixture
def client() -> Any:
    return boto3.client("textract", region_name="us-east-1")


@pytest.fixture
def stub(client: Any) -> Iterator[Stubber]:
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


def line(text: str, confidence: float, block_id: str) -> dict[str, Any]:
    return {"BlockType": "LINE", "Id": block_id, "Text": text, "Confidence": confidence}


def word(text: str, block_id: str) -> dict[str, Any]:
    return {"BlockType": "WORD", "Id": block_id, "Text": text, "Confidence": 99.0}


def test_lines_become_the_text_in_order(client: Any, stub: Stubber) -> None:
    image = chat_screenshot(SCAM_CHATS[1][:2]).jpeg()
    stub.add_response(
        "detect_document_text",
        {
            "DocumentMetadata": {"Pages": 1},
            "Blocks": [
                {"BlockType": "PAGE", "Id": "p"},
                line("DBS Bank: Your account has been", 99.5, "l1"),
                word("DBS", "w1"),
                line("suspended due to unusual activity", 98.5, "l2"),
            ],
        },
        {"Document": {"Bytes": image}},
    )

    result = TextractOcrEngine(client).read_text(image)

    assert result.lines == (
        "DBS Bank: Your account has been",
        "suspended due to unusual activity",
    )
    assert result.text == "DBS Bank: Your account has been\nsuspended due to unusual activity"
    assert result.confidence == pytest.approx(0.99)


def test_no_text_is_an_empty_result(client: Any, stub: Stubber) -> None:
    stub.add_response("detect_document_text", {"Blocks": []}, {"Document": ANY})
    result = TextractOcrEngine(client).read_text(chat_screenshot([]).png())
    assert result.text == "" and result.lines == () and result.confidence == 0.0


def test_webp_is_converted_to_png_before_sending(client: Any, stub: Stubber) -> None:
    webp = to_bytes(chat_screenshot(["hello"]).image, "WEBP", quality=60)
    sent: list[bytes] = []

    def capture(params: dict[str, Any], **_: Any) -> None:
        sent.append(params["Document"]["Bytes"])

    client.meta.events.register("before-parameter-build.textract.DetectDocumentText", capture)
    stub.add_response("detect_document_text", {"Blocks": []}, {"Document": ANY})
    TextractOcrEngine(client).read_text(webp)
    assert sent and sent[0].startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("code", "status", "expected", "kind"),
    [
        ("ThrottlingException", 400, OcrUnavailable, TransientError),
        ("ProvisionedThroughputExceededException", 400, OcrUnavailable, TransientError),
        ("InternalServerError", 500, OcrUnavailable, TransientError),
        ("UnsupportedDocumentException", 400, UnreadableImage, PermanentError),
        ("BadDocumentException", 400, UnreadableImage, PermanentError),
        ("InvalidParameterException", 400, UnreadableImage, PermanentError),
        ("AccessDeniedException", 403, OcrFailed, PermanentError),
    ],
)
def test_service_errors_map_to_the_media_error_tree(
    client: Any, stub: Stubber, code: str, status: int, expected: type, kind: type
) -> None:
    stub.add_client_error(
        "detect_document_text",
        service_error_code=code,
        service_message="stubbed",
        http_status_code=status,
    )
    with pytest.raises(expected) as info:
        TextractOcrEngine(client).read_text(chat_screenshot(["x"]).jpeg())
    assert isinstance(info.value, kind)
    assert info.value.__cause__ is not None  # translated with `raise ... from`


def test_garbage_is_unreadable_without_calling_textract(client: Any, stub: Stubber) -> None:
    with pytest.raises(UnreadableImage):
        TextractOcrEngine(client).read_text(b"definitely not an image")
    # the stubber has no queued response: a call would have raised StubResponseError


def test_factory_builds_engines_by_name(client: Any) -> None:
    textract = build_ocr_engine("textract", textract_client=client)
    rapid = build_ocr_engine("RapidOCR")
    assert isinstance(textract, TextractOcrEngine) and isinstance(textract, OcrEngine)
    assert rapid.name == "rapidocr" and isinstance(rapid, OcrEngine)
    with pytest.raises(ValueError, match="unknown OCR engine"):
        build_ocr_engine("tesseract")
