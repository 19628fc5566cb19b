"""The WhatsApp reply for a verdict: short lines, *bold* level, under 1,600 characters."""

from __future__ import annotations

from qila.analysis.explain import advice_key, render_reason
from qila.analysis.verdict import Level, Verdict
from qila.i18n import CATALOGUES, text

MAX_CHARS = 1600
MAX_REASONS = 3
_REASON_CHARS = 220


def _reasons(verdict: Verdict, language: str) -> list[str]:
    if language == verdict.language or not verdict.signals:
        return list(verdict.reasons)
    # Re-render in the requested language from the signals themselves.
    if verdict.level is Level.NO_RED_FLAGS:
        weak = [
            render_reason(s, language)
            for s in verdict.signals
            if s.weight > 0 and s.code not in ("urgency", "impersonation", "model")
        ]
        negative = [render_reason(s, language) for s in verdict.signals if s.weight < 0]
        return [*(weak or [text("reason.none_found", language)]), *negative]
    return [render_reason(s, language) for s in verdict.signals if s.weight > 0]


def _advice(verdict: Verdict, language: str) -> str:
    if language == verdict.language:
        return verdict.advice
    if verdict.level is Level.NO_RED_FLAGS:
        return text("advice.no_red_flags", language)
    if verdict.level is Level.UNABLE:
        return text("advice.unable", language)
    return text(f"advice.{advice_key(verdict.signals)}", language)


def compose_reply(verdict: Verdict, language: str | None = None) -> str:
    """The reply text in ``language`` (default: the language of the checked message)."""
    lang = language if language in CATALOGUES else verdict.language
    if lang not in CATALOGUES:
        lang = "en"
    if verdict.level is Level.UNABLE and lang != verdict.language:
        reasons = [
            text(_unable_key(verdict), lang),
        ]
    else:
        reasons = _reasons(verdict, lang)
    lines = [f"*{text(f'level.{verdict.level.value}', lang)}*"]
    for reason in reasons[:MAX_REASONS]:
        short = reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1] + "…"
        lines.append(f"• {short}")
    lines.append(_advice(verdict, lang))
    lines.append(text("reply.checked_on", lang, date=verdict.checked_on.isoformat()))
    lines.append(f"_{text('reply.hedge', lang)}_")
    reply = "\n".join(lines)
    return reply if len(reply) <= MAX_CHARS else reply[: MAX_CHARS - 1] + "…"


def _unable_key(verdict: Verdict) -> str:
    for key in ("reason.unable_unreadable", "reason.unable_unsupported", "reason.unable_empty"):
        if text(key, verdict.language) in verdict.reasons:
            return key
    return "reason.unable_empty"
