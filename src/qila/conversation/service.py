"""What Qila answers to one job: a command reply, a verdict, a cached verdict, a limit notice,
or nothing yet (a part of a multi-part forward waiting for the rest).

Everything about a sender is keyed by a salted hash of the number, never the number itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from qila.analysis.verdict import Analyzer, Content, Level, Signal, Verdict
from qila.conversation import commands, texts
from qila.conversation.redact import redact
from qila.envelope import Job, Media, parse_job
from qila.ports.store import Store
from qila.settings import Settings

log = logging.getLogger("qila.conversation")

USER_TTL_S = 365 * 86400
PARTS_TTL_S = 3600
FEEDBACK_WINDOW_S = 86400
FLUSH = "flush"


class Gatherer(Protocol):
    def fetch(self, job: Job) -> Any:
        """Download what the job refers to; the result has ``digests`` (one per image)."""
        ...

    def read(self, fetched: Any) -> Content: ...


class Scheduler(Protocol):
    def send(
        self, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0
    ) -> str: ...


@dataclass
class Reply:
    """The answer to a job. ``text`` None means no message goes out."""

    kind: str
    text: str | None = None
    verdict: Verdict | None = None
    language: str = "en"
    record: dict[str, Any] = field(default_factory=dict)
    on_delivered: Callable[[], None] | None = None


def sender_key(number: str, salt: str) -> str:
    """A stable pseudonymous sender id: nobody can read the number back without the salt."""
    return hashlib.sha256(f"{salt}:{number}".encode()).hexdigest()[:24]


@dataclass
class Conversation:
    settings: Settings
    store: Store
    analyzer: Analyzer
    gatherer: Gatherer
    compose_reply: Callable[[Verdict, str | None], str]
    scheduler: Scheduler | None = None
    clock: Callable[[], float] = time.time

    def respond(self, job: Job) -> Reply:
        sender = sender_key(job.from_, self.settings.auth_token)
        if self._blocked(job.from_, sender):
            log.info("sender blocked; no reply")
            return Reply("blocked")
        prefs = self.store.kv_get(f"user#{sender}") or {}
        if job.extra.get("kind") == FLUSH:
            return self._flush(job, sender, prefs)
        command = commands.parse(job.body) if not job.media else None
        if command is not None:
            return self._command(command, job, sender, prefs)
        if self.settings.multipart_window_s > 0 and self.scheduler is not None:
            return self._defer(job, sender)
        return self._check([job], sender, prefs, trigger=job)

    # -- commands ------------------------------------------------------------------------
    def _command(
        self, command: commands.Command, job: Job, sender: str, prefs: dict[str, Any]
    ) -> Reply:
        language = prefs.get("language") or texts.guess_language(job.body)
        kind = command.kind
        if kind is commands.Kind.HELP:
            return Reply("welcome", texts.say("welcome", language), language=language)
        if kind is commands.Kind.ABOUT:
            days = str(self.settings.idempotency_ttl_s // 86400)
            return Reply("about", texts.say("about", language, days=days), language=language)
        if kind is commands.Kind.LANGUAGE:
            chosen = commands.language_code(command.argument)
            if chosen is None:
                return Reply(
                    "language_menu", texts.say("language_menu", language), language=language
                )
            self.store.kv_put(f"user#{sender}", {**prefs, "language": chosen}, USER_TTL_S)
            return Reply("language_set", texts.say("language_set", chosen), language=chosen)
        # Feedback on the last verdict this sender received.
        last = prefs.get("last_check") or {}
        recent = bool(last) and self.clock() - float(last.get("at", 0)) < FEEDBACK_WINDOW_S
        self.store.record_check(
            {
                "kind": "feedback",
                "sender_hash": sender,
                "about_message_id": last.get("message_id") if recent else None,
                "value": command.argument,
                "comment": redact(job.body) if command.argument == "comment" else None,
                "created_at": self.clock(),
            }
        )
        key = "feedback_thanks" if recent else "feedback_no_check"
        return Reply("feedback", texts.say(key, language), language=language)

    # -- multi-part forwards -------------------------------------------------------------
    def _defer(self, job: Job, sender: str) -> Reply:
        """Keep this part and schedule a flush after the window: if no newer part from the
        same sender arrives by then, all waiting parts are checked together, answered once."""
        received = _epoch(job.received_at) or self.clock()
        part = {"sid": job.message_id, "received_at": received, "envelope": job.to_json()}
        self.store.kv_append(f"parts#{sender}", part, PARTS_TTL_S)
        flush = Job(
            message_id=f"flush-{job.message_id}",
            from_=job.from_,
            to=job.to,
            body="",
            received_at=job.received_at,
            correlation_id=job.message_id,
            extra={"kind": FLUSH, "trigger": job.message_id, "triggerAt": received},
        )
        assert self.scheduler is not None
        self.scheduler.send(flush.to_json(), delay_s=self.settings.multipart_window_s)
        return Reply("deferred")

    def _flush(self, job: Job, sender: str, prefs: dict[str, Any]) -> Reply:
        trigger_at = float(job.extra.get("triggerAt") or 0)
        done = (self.store.kv_get(f"partsdone#{sender}") or {}).get("until", 0.0)
        stored = (self.store.kv_get(f"parts#{sender}") or {}).get("items", [])
        pending = [p for p in stored if float(p["received_at"]) > float(done)]
        if any(float(p["received_at"]) > trigger_at for p in pending):
            return Reply("superseded")  # a newer part's flush will answer for all of them
        parts = [parse_job(p["envelope"]) for p in pending if float(p["received_at"]) <= trigger_at]
        if not parts:
            return Reply("already_answered")
        reply = self._check(parts, sender, prefs, trigger=job)
        previous = reply.on_delivered

        def mark_answered() -> None:
            if previous is not None:
                previous()
            self.store.kv_put(f"partsdone#{sender}", {"until": trigger_at}, PARTS_TTL_S)

        reply.on_delivered = mark_answered
        reply.record["parts"] = len(parts)
        return reply

    # -- checks ----------------------------------------------------------------------------
    def _check(self, parts: list[Job], sender: str, prefs: dict[str, Any], trigger: Job) -> Reply:
        limited = self._limit(sender, prefs, parts[0].body)
        if limited is not None:
            return limited
        combined = _combine(parts, trigger)
        timings: dict[str, float] = {}
        t0 = time.monotonic()
        fetched = self.gatherer.fetch(combined)
        timings["fetch_ms"] = _ms(t0)
        key = _content_key(combined.body, list(getattr(fetched, "digests", [])))
        cached = self.store.kv_get(f"verdict#{key}") if key else None
        if cached is not None:
            verdict = verdict_from_dict(cached)
            kind = "cached_verdict"
        else:
            t0 = time.monotonic()
            content = self.gatherer.read(fetched)
            timings["read_ms"] = _ms(t0)
            t0 = time.monotonic()
            verdict = self.analyzer.analyse(content)
            timings["analysis_ms"] = _ms(t0)
            kind = "verdict"
            if _is_chatter(combined, verdict):
                language = prefs.get("language") or texts.guess_language(combined.body)
                return Reply("welcome", texts.say("welcome", language), language=language)
            if key and verdict.level is not Level.UNABLE:
                self.store.kv_put(f"verdict#{key}", verdict.to_dict(), self.settings.cache_ttl_s)
        askers = self._count_asker(key, sender) if key else 1
        language = prefs.get("language") or verdict.language
        text = self.compose_reply(verdict, language)
        if askers > 1:
            text = _insert_count(text, texts.say("asked_count", language, count=str(askers)))
        record = {
            "kind": kind,
            "message_id": trigger.message_id,
            "sender_hash": sender,
            "level": verdict.level.value,
            "score": verdict.score,
            "reasons": list(verdict.reasons),
            "redacted_text": redact(combined.body)[:1000],
            "num_media": combined.num_media,
            "language": language,
            "askers": askers,
            "timings": timings,
            "checked_on": verdict.checked_on.isoformat(),
            "created_at": self.clock(),
        }

        def remember_last_check() -> None:
            last = {"message_id": trigger.message_id, "at": self.clock()}
            self.store.kv_put(f"user#{sender}", {**prefs, "last_check": last}, USER_TTL_S)

        return Reply(kind, text, verdict, language, record, remember_last_check)

    def _limit(self, sender: str, prefs: dict[str, Any], body: str) -> Reply | None:
        now = self.clock()
        hour, day = int(now // 3600), int(now // 86400)
        per_hour = self.store.kv_incr(f"usage#{sender}#h{hour}", 7200)
        per_day = self.store.kv_incr(f"usage#{sender}#d{day}", 2 * 86400)
        if per_hour <= self.settings.limit_per_hour and per_day <= self.settings.limit_per_day:
            return None
        period, limit = (
            ("hour", self.settings.limit_per_hour)
            if per_hour > self.settings.limit_per_hour
            else ("day", self.settings.limit_per_day)
        )
        bucket = f"h{hour}" if period == "hour" else f"d{day}"
        language = prefs.get("language") or texts.guess_language(body)
        if self.store.kv_put_if_absent(f"limitnote#{sender}#{bucket}", {}, 2 * 86400):
            log.info("sender reached the %s limit; told once", period)
            text = texts.say(
                "limit_reached",
                language,
                limit=str(limit),
                period=texts.say(f"period.{period}", language),
            )
            return Reply("limit_notice", text, language=language)
        log.info("sender over the %s limit; no reply", period)
        return Reply("limited")

    def _count_asker(self, key: str, sender: str) -> int:
        ttl = self.settings.cache_ttl_s
        if self.store.kv_put_if_absent(f"asker#{key}#{sender}", {}, ttl):
            return self.store.kv_incr(f"askers#{key}", ttl)
        return self.store.kv_incr(f"askers#{key}", ttl, amount=0)

    def _blocked(self, number: str, sender: str) -> bool:
        if _bare(number) in {_bare(n) for n in self.settings.blocklist}:
            return True
        return self.store.kv_get(f"block#{sender}") is not None


def verdict_from_dict(doc: dict[str, Any]) -> Verdict:
    return Verdict(
        level=Level(doc["level"]),
        score=int(doc["score"]),
        reasons=tuple(doc.get("reasons", ())),
        advice=str(doc.get("advice", "")),
        signals=tuple(
            Signal(
                code=s["code"],
                weight=float(s["weight"]),
                reason=s["reason"],
                source=s.get("source", "text"),
                evidence=s.get("evidence"),
                brand=s.get("brand"),
            )
            for s in doc.get("signals", ())
        ),
        checked_on=dt.date.fromisoformat(doc["checked_on"]),
        language=str(doc.get("language", "en")),
    )


def _combine(parts: list[Job], trigger: Job) -> Job:
    if len(parts) == 1:
        return parts[0]
    media: list[Media] = [m for p in parts for m in p.media]
    body = "\n".join(p.body for p in parts if p.body.strip())
    first = parts[0]
    return Job(
        message_id=trigger.message_id,
        from_=first.from_,
        to=first.to,
        body=body,
        media=tuple(media),
        received_at=first.received_at,
    )


def _content_key(text: str, digests: list[str]) -> str | None:
    """The repeat-cache key: normalised text plus image digests; None for trivia."""
    normalised = " ".join(text.casefold().split())
    if len(normalised) < 20 and not digests:
        return None
    material = normalised + "\n" + "\n".join(sorted(digests))
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def _is_chatter(job: Job, verdict: Verdict) -> bool:
    """Short small talk with nothing to check gets the welcome, not a verdict."""
    words = job.body.split()
    return (
        not job.media
        and 0 < len(words) <= 4
        and verdict.level is Level.NO_RED_FLAGS
        and not any(s.weight > 0 for s in verdict.signals)
    )


def _insert_count(reply: str, line: str) -> str:
    first, _, rest = reply.partition("\n")
    return f"{first}\n{line}\n{rest}" if rest else f"{first}\n{line}"


def _bare(number: str) -> str:
    return number.removeprefix("whatsapp:").strip()


def _epoch(iso: str | None) -> float | None:
    if not iso:
        return None
    try:
        return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _ms(since: float) -> float:
    return round((time.monotonic() - since) * 1000, 2)


__all__ = ["Conversation", "Reply", "sender_key", "verdict_from_dict"]
