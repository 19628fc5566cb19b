"""moto's standalone server answering one request at a time: ``python moto_serial.py HOST PORT``.

moto's own server is threaded and its DynamoDB backend does not make a conditional write
atomic, so two concurrent ``attribute_not_exists`` updates can both succeed. Real DynamoDB
serialises writes to an item; handling requests one by one gives tests that race claims
against each other the same guarantee. (The threaded server stays in use for SQS, whose long
polls would block a one-at-a-time server.)
"""

from __future__ import annotations

import sys

from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, app, threaded=False, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
