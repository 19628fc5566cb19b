"""The conversation's strings (welcome, about, languages, limits, feedback), per language."""

from __future__ import annotations

import string

CHAT: dict[str, dict[str, str]] = {
    "en": {
        "welcome": (
            "👋 Hi, I'm *Qila*. Forward me a message, link or screenshot you're unsure about "
            "and I'll check it for common scam signs.\n"
            "Type *language* to change language, *about* to learn how I decide.\n"
            "After a check, reply 👍 or 👎 to tell me if it helped."
        ),
        "about": (
            "*About Qila*\n"
            "I look for the tactics scammers use: pressure and threats, requests for codes, "
            "passwords or fees, look-alike links, fake family or job messages, and more. "
            "I combine rules, link checks and a small trained model, and I read screenshots "
            "and QR codes.\n"
            "I never say something is safe, only what I found.\n"
            "Your number is not stored; checks are kept in anonymised form for {days} days."
        ),
        "language_menu": (
            "Choose a language:\n"
            "• *language en*: English\n"
            "• *bahasa id*: Bahasa Indonesia\n"
            "• *bahasa ms*: Bahasa Melayu"
        ),
        "language_set": "OK, I'll reply in English from now on.",
        "feedback_thanks": "Thanks for the feedback! It helps make Qila better.",
        "feedback_no_check": "Thanks! Forward me a message to check first, then tell me what you think.",
        "limit_reached": (
            "You've reached the limit of {limit} checks per {period}. "
            "Please try again later. Stay safe!"
        ),
        "period.hour": "hour",
        "period.day": "day",
        "asked_count": "{count} people asked about this message.",
        "interim": "Checking this for you...",
    },
    "id": {
        "welcome": (
            "👋 Halo, saya *Qila*. Teruskan pesan, tautan, atau tangkapan layar yang "
            "meragukan, dan saya akan memeriksa tanda-tanda penipuan.\n"
            "Ketik *bahasa* untuk mengganti bahasa, *tentang* untuk cara saya menilai.\n"
            "Setelah pemeriksaan, balas 👍 atau 👎 untuk memberi tahu apakah membantu."
        ),
        "about": (
            "*Tentang Qila*\n"
            "Saya mencari taktik penipu: desakan dan ancaman, permintaan kode, kata sandi "
            "atau biaya, tautan tiruan, pesan keluarga atau lowongan palsu, dan lainnya. "
            "Saya memakai aturan, pemeriksaan tautan, dan model kecil yang terlatih, serta "
            "membaca tangkapan layar dan kode QR.\n"
            "Saya tidak pernah menyatakan sesuatu aman, hanya apa yang saya temukan.\n"
            "Nomor Anda tidak disimpan; hasil pemeriksaan disimpan tanpa identitas selama {days} hari."
        ),
        "language_menu": (
            "Pilih bahasa:\n"
            "• *language en*: English\n"
            "• *bahasa id*: Bahasa Indonesia\n"
            "• *bahasa ms*: Bahasa Melayu"
        ),
        "language_set": "Baik, mulai sekarang saya membalas dalam Bahasa Indonesia.",
        "feedback_thanks": "Terima kasih atas masukannya! Ini membantu Qila menjadi lebih baik.",
        "feedback_no_check": "Terima kasih! Kirim dulu pesan untuk diperiksa, lalu beri tahu pendapat Anda.",
        "limit_reached": (
            "Anda sudah mencapai batas {limit} pemeriksaan per {period}. "
            "Silakan coba lagi nanti. Tetap waspada!"
        ),
        "period.hour": "jam",
        "period.day": "hari",
        "asked_count": "{count} orang menanyakan pesan ini.",
        "interim": "Sedang saya periksa...",
    },
    "ms": {
        "welcome": (
            "👋 Hai, saya *Qila*. Majukan mesej, pautan atau tangkapan skrin yang anda "
            "ragui, dan saya akan menyemak tanda-tanda penipuan.\n"
            "Taip *bahasa* untuk menukar bahasa, *about* untuk cara saya menilai.\n"
            "Selepas semakan, balas 👍 atau 👎 untuk memberitahu sama ada ia membantu."
        ),
        "about": (
            "*Tentang Qila*\n"
            "Saya mencari taktik penipu: desakan dan ugutan, permintaan kod, kata laluan "
            "atau bayaran, pautan tiruan, mesej keluarga atau tawaran kerja palsu, dan lain-lain. "
            "Saya menggunakan peraturan, semakan pautan dan model kecil yang terlatih, serta "
            "membaca tangkapan skrin dan kod QR.\n"
            "Saya tidak pernah mengatakan sesuatu itu selamat, hanya apa yang saya temui.\n"
            "Nombor anda tidak disimpan; semakan disimpan tanpa identiti selama {days} hari."
        ),
        "language_menu": (
            "Pilih bahasa:\n"
            "• *language en*: English\n"
            "• *bahasa id*: Bahasa Indonesia\n"
            "• *bahasa ms*: Bahasa Melayu"
        ),
        "language_set": "Baik, mulai sekarang saya akan membalas dalam Bahasa Melayu.",
        "feedback_thanks": "Terima kasih atas maklum balas anda! Ia membantu Qila menjadi lebih baik.",
        "feedback_no_check": "Terima kasih! Hantar mesej untuk disemak dahulu, kemudian beritahu pendapat anda.",
        "limit_reached": (
            "Anda telah mencapai had {limit} semakan setiap {period}. "
            "Sila cuba lagi nanti. Berhati-hati!"
        ),
        "period.hour": "jam",
        "period.day": "hari",
        "asked_count": "{count} orang bertanya tentang mesej ini.",
        "interim": "Sedang disemak...",
    },
}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def say(key: str, language: str, **params: str) -> str:
    """The string ``key`` in ``language`` (English if unknown), never leaking a placeholder."""
    catalogue = CHAT.get(language, CHAT["en"])
    template = catalogue.get(key) or CHAT["en"][key]
    return string.Formatter().vformat(template, (), _Blank(params))


_INDONESIAN_GREETINGS = {"halo", "hai", "bantuan", "tolong", "mulai", "tentang", "bahasa"}


def guess_language(body: str) -> str:
    """The language to answer a short command in when the sender has not chosen one."""
    words = set(body.lower().split())
    if words & _INDONESIAN_GREETINGS and len(words) <= 2:
        return "id"
    # Imported here: the webhook uses this module for its interim reply and must stay light.
    from qila.analysis.language import detect_language

    language = detect_language(body) if len(words) > 2 else "en"
    return language if language in CHAT else "en"
