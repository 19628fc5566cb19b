"""Media a person forwards: safe download, image decoding, OCR and QR codes.

- :mod:`qila.media.download`  fetch Twilio media (auth to Twilio only, redirects by hand,
  address policy, size cap, content-type check, short retry while not ready)
- :mod:`qila.media.reader`    ``read_image(bytes) -> ImageEvidence`` (OCR text + QR payloads)
- :mod:`qila.media.ocr`       the OCR port and ``build_ocr_engine("rapidocr" | "textract")``
- :mod:`qila.media.qr`        QR decoding with zxing-cpp
- :mod:`qila.media.errors`    the media exception tree

Importing this package loads no model; RapidOCR loads on first use.
"""
