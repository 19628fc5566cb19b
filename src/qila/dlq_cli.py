"""``qila dlq list|show|redrive|purge``: see why messages died, bring them back, clear them.

Works on the configured queue: SQS (``SQS_QUEUE_URL`` + ``SQS_DLQ_URL``) or the local SQLite
queue. Reasons come from the store, where the processor keeps each message's last error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from qila.envelope import parse_job
from qila.errors import MalformedEnvelope, QueueUnavailable
from qila.logs import mask_number
from qila.ports.queue import DeadLetter


def register(sub: Any) -> None:
    dlq = sub.add_parser("dlq", help="list, show, redrive or purge dead letters")
    actions = dlq.add_subparsers(metavar="ACTION")

    p = actions.add_parser("list", help="list dead letters with their reasons")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("show", help="show one dead letter in full")
    p.add_argument("message_id")
    p.set_defaults(func=cmd_show)

    for name, helptext in (
        ("redrive", "move dead letters back to the main queue"),
        ("purge", "delete dead letters that were handled"),
    ):
        p = actions.add_parser(name, help=helptext)
        p.add_argument("message_ids", nargs="*", help="only these (default: all)")
        p.add_argument("--dry-run", action="store_true", help="say what would happen, do nothing")
        if name == "redrive":
            p.add_argument(
                "--no-move-task",
                action="store_true",
                help="SQS: use receive/send/delete instead of a message move task",
            )
        p.set_defaults(func=cmd_redrive if name == "redrive" else cmd_purge)
    dlq.set_defaults(func=lambda args: dlq.print_help() or 2)


def _context() -> tuple[Any, Any]:
    from qila.settings import Settings
    from qila.wiring import build_queue, build_store

    # The DLQ tools need the queue and the store, not Twilio.
    settings = Settings.from_env(require_twilio=False)
    return build_queue(settings), build_store(settings)


def describe(letter: DeadLetter, store: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": letter.message_id,
        "receives": letter.receive_count,
        "sent_at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(letter.sent_at)),
    }
    try:
        job = parse_job(letter.body)
    except MalformedEnvelope as exc:
        row.update(message_sid=None, sender=None, reason=f"malformed envelope: {exc}")
        return row
    record = store.get(job.message_id)
    row.update(
        message_sid=job.message_id,
        sender=mask_number(job.from_),
        reason=(
            record.last_error
            if record and record.last_error
            else "no error recorded (ran out of time or crashed before recording)"
        ),
        attempts=record.attempts if record else 0,
    )
    return row


def cmd_list(args: argparse.Namespace) -> int:
    queue, store = _context()
    rows = [describe(letter, store) for letter in queue.list_dead(args.limit)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("the dead-letter queue is empty")
        return 0
    for row in rows:
        print(
            f"{row['id']}  {row['sent_at']}  receives={row['receives']}  "
            f"{row['message_sid'] or '-'}  {row['sender'] or '-'}\n    reason: {row['reason']}"
        )
    print(f"{len(rows)} dead letter(s)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    queue, store = _context()
    for letter in queue.list_dead(1000):
        if letter.message_id == args.message_id:
            row = describe(letter, store)
            row["body"] = letter.body
            row["attributes"] = letter.attributes
            print(json.dumps(row, indent=2, ensure_ascii=False))
            return 0
    print(f"no dead letter with id {args.message_id}", file=sys.stderr)
    return 1


def cmd_redrive(args: argparse.Namespace) -> int:
    queue, _ = _context()
    ids = args.message_ids or None
    letters = queue.list_dead(1000)
    targets = [x for x in letters if ids is None or x.message_id in ids]
    if args.dry_run:
        print(
            f"dry run: would redrive {len(targets)} message(s): "
            + ", ".join(x.message_id for x in targets)
        )
        return 0
    if ids is None and not args.no_move_task and hasattr(queue, "start_move_task"):
        try:
            handle = queue.start_move_task()
        except QueueUnavailable as exc:
            print(
                f"message move task unavailable ({exc}); falling back to receive/send/delete",
                file=sys.stderr,
            )
        else:
            print(f"started SQS message move task {handle}")
            return _follow_move_task(queue)
    moved = queue.redrive(ids)
    print(f"redrove {moved} message(s) to the main queue")
    return 0


def _follow_move_task(queue: Any, timeout_s: float = 600) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        progress = queue.move_task_progress()
        status = progress.get("Status", "UNKNOWN")
        moved = progress.get("ApproximateNumberOfMessagesMoved", 0)
        total = progress.get("ApproximateNumberOfMessagesToMove", "?")
        print(f"  {status}: {moved}/{total} moved", flush=True)
        if status in {"COMPLETED", "CANCELLED", "FAILED"}:
            return 0 if status == "COMPLETED" else 1
        time.sleep(2)
    print("still running; check again with `qila dlq list`", file=sys.stderr)
    return 1


def cmd_purge(args: argparse.Namespace) -> int:
    queue, _ = _context()
    ids = args.message_ids or None
    if args.dry_run:
        targets = [
            x.message_id for x in queue.list_dead(1000) if ids is None or x.message_id in ids
        ]
        print(f"dry run: would delete {len(targets)} dead letter(s): " + ", ".join(targets))
        return 0
    print(f"deleted {queue.purge_dead(ids)} dead letter(s)")
    return 0
