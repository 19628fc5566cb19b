"""Generate phone-style chat screenshots and QR codes for OCR/QR tests and benchmarks.

Everything is drawn with Pillow from a TrueType font found on the machine, so the expected
text of every image is known exactly. Reusable by any test or benchmark:

    shot = chat_screenshot(SCAM_CHATS[0], theme="dark")
    data = shot.jpeg(quality=35)
    shot.words  # the words a perfect reader would find
"""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

Theme = Literal["light", "dark"]

PHISHING_URL = "https://dbs-secure-login.top/verify"

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial.ttf",
)

# Message sets that look like what people forward: scams and ordinary chat.
SCAM_CHATS: tuple[tuple[str, ...], ...] = (
    (
        "Hi mum, this is my new number. My phone fell in the toilet",
        "Can you save this number and delete the old one",
        "Who is this?",
        "It is me, your son. I need to pay a bill today but my banking app is locked",
        "Can you transfer 850 dollars to my friend and I will pay you back tomorrow",
    ),
    (
        "DBS Bank: Your account has been suspended due to unusual activity",
        "To restore access verify your identity within 24 hours",
        "Click the link below and enter your card number and OTP",
        "Is this real?",
        "Failure to verify will result in permanent closure of your account",
    ),
    (
        "Congratulations! You have won a prize of 5000 dollars in our lucky draw",
        "To claim your reward please pay a processing fee of 49 dollars",
        "Send the payment to the account below before midnight",
        "How did I win, I never entered anything",
        "Offer expires today. Reply YES to claim now",
    ),
    (
        "Hello, we are hiring part time staff to like videos online",
        "You can earn 300 to 800 dollars per day working from home",
        "First complete three simple tasks and receive your commission",
        "What do I need to do?",
        "Add our manager on Telegram and deposit 100 dollars to start",
    ),
    (
        "Your parcel could not be delivered because the address is incomplete",
        "Please update your delivery details and pay the redelivery fee",
        "I did not order anything",
        "Customs charges must be paid today or the parcel will be returned",
        "Thank you for choosing our courier service",
    ),
    (
        "Are you free for lunch on Saturday?",
        "Sure, where do you want to meet",
        "The noodle place near the station opens at noon",
        "Great, see you there at half past twelve",
        "Bring the book you borrowed last month",
    ),
)


@dataclass(frozen=True)
class Screenshot:
    """A generated screenshot and the text drawn on it."""

    image: Image.Image
    messages: tuple[str, ...]
    theme: Theme
    qr_payload: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.messages)

    @property
    def words(self) -> list[str]:
        return normalise_words(self.text)

    def jpeg(self, quality: int = 35) -> bytes:
        return to_bytes(self.image, "JPEG", quality=quality)

    def png(self) -> bytes:
        return to_bytes(self.image, "PNG")


@dataclass(frozen=True)
class _Palette:
    background: tuple[int, int, int]
    header: tuple[int, int, int]
    header_text: tuple[int, int, int]
    incoming: tuple[int, int, int]
    outgoing: tuple[int, int, int]
    text: tuple[int, int, int]
    meta: tuple[int, int, int]


_PALETTES: dict[str, _Palette] = {
    "light": _Palette(
        background=(236, 229, 221),
        header=(0, 128, 105),
        header_text=(255, 255, 255),
        incoming=(255, 255, 255),
        outgoing=(220, 248, 198),
        text=(17, 27, 33),
        meta=(102, 119, 129),
    ),
    "dark": _Palette(
        background=(11, 20, 26),
        header=(32, 44, 51),
        header_text=(233, 237, 239),
        incoming=(32, 44, 51),
        outgoing=(0, 92, 75),
        text=(233, 237, 239),
        meta=(134, 150, 160),
    ),
}


def normalise_words(text: str) -> list[str]:
    """Lower-case words without punctuation: the unit of word accuracy."""
    return re.findall(r"[a-z0-9]+", text.lower())


def word_accuracy(expected: str | Sequence[str], found: str) -> float:
    """Share of expected words (counted with repetition) present in ``found``."""
    want = Counter(normalise_words(expected) if isinstance(expected, str) else expected)
    if not want:
        return 1.0
    got = Counter(normalise_words(found))
    hits = sum(min(count, got[word]) for word, count in want.items())
    return hits / sum(want.values())


@lru_cache(maxsize=1)
def find_font_path() -> Path:
    """A TrueType sans font on this machine (DejaVu Sans preferred)."""
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("fc-match"):
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVu Sans:style=Book"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if out.endswith((".ttf", ".otf")) and Path(out).is_file():
            return Path(out)
    try:
        import matplotlib

        bundled = Path(matplotlib.__file__).parent / "mpl-data/fonts/ttf/DejaVuSans.ttf"
        if bundled.is_file():
            return bundled
    except ImportError:
        pass
    raise FileNotFoundError("no TrueType font found (install fonts-dejavu-core or matplotlib)")


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_font_path()), size)


def to_bytes(image: Image.Image, fmt: str, **params: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **params)
    return buf.getvalue()


def qr_image(payload: str, scale: int = 8) -> Image.Image:
    """A black-on-white QR code with its quiet zone."""
    barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode)
    bitmap = zxingcpp.write_barcode_to_image(barcode, scale=scale)
    return Image.fromarray(np.asarray(bitmap)).convert("RGB")


def _wrap(text: str, fnt: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and fnt.getlength(trial) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def chat_screenshot(
    messages: Iterable[str],
    theme: Theme = "light",
    *,
    width: int = 1080,
    height: int = 2000,
    font_size: int = 40,
    contact: str = "+65 8123 4567",
    qr_payload: str | None = None,
    seed: int = 0,
) -> Screenshot:
    """Draw a WhatsApp-like conversation: header, bubbles alternating left and right.

    Timestamps are drawn small inside each bubble (as on a phone) but are not part of
    ``messages``, so they never count against word accuracy. With ``qr_payload`` a QR code is
    drawn in an incoming image bubble below the messages.
    """
    rnd = random.Random(seed)
    palette = _PALETTES[theme]
    msgs = tuple(messages)
    image = Image.new("RGB", (width, height), palette.background)
    draw = ImageDraw.Draw(image)
    body = font(font_size)
    small = font(max(12, font_size * 6 // 10))

    header_h = 170
    draw.rectangle((0, 0, width, header_h), fill=palette.header)
    draw.ellipse((40, 45, 120, 125), fill=palette.meta)
    draw.text((150, 60), contact, font=font(font_size + 4), fill=palette.header_text)

    pad = 28
    line_h = int(font_size * 1.35)
    max_text_w = width * 0.72
    y = header_h + 40
    for index, message in enumerate(msgs):
        lines = _wrap(message, body, max_text_w)
        text_w = max(body.getlength(line) for line in lines)
        stamp = f"{rnd.randint(8, 22):02d}:{rnd.randint(0, 59):02d}"
        bubble_w = int(max(text_w, small.getlength(stamp) + 20)) + 2 * pad
        bubble_h = len(lines) * line_h + 2 * pad + int(small.size)
        outgoing = index % 2 == 1
        x0 = width - 40 - bubble_w if outgoing else 40
        fill = palette.outgoing if outgoing else palette.incoming
        draw.rounded_rectangle((x0, y, x0 + bubble_w, y + bubble_h), radius=24, fill=fill)
        for n, line in enumerate(lines):
            draw.text((x0 + pad, y + pad + n * line_h), line, font=body, fill=palette.text)
        stamp_w = small.getlength(stamp)
        draw.text(
            (x0 + bubble_w - pad - stamp_w, y + bubble_h - pad - small.size + 8),
            stamp,
            font=small,
            fill=palette.meta,
        )
        y += bubble_h + 30

    if qr_payload is not None:
        code = qr_image(qr_payload, scale=10)
        side = min(code.width, width // 2)
        code = code.resize((side, side), Image.Resampling.NEAREST)
        frame = 20
        draw.rounded_rectangle(
            (40, y, 40 + side + 2 * frame, y + side + 2 * frame), radius=24, fill=palette.incoming
        )
        image.paste(code, (40 + frame, y + frame))
        y += side + 2 * frame + 30

    if y > height:
        raise ValueError(f"messages need {y} px, taller than the {height} px screenshot")
    return Screenshot(image=image, messages=msgs, theme=theme, qr_payload=qr_payload)
