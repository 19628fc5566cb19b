"""The local worker (queue poller + processor handler) on the main thread under pyinstrument.

``python benchmarks/_profiled_worker.py OUT``: settings from the environment as for
``qila worker`` (one poller); on SIGTERM the poller stops and the profile is written to OUT
(pyinstrument's JSON session when OUT ends in ``.json``, its text report otherwise). Used by
``bench_throughput.py --profile`` when py-spy is not installed.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from pyinstrument import Profiler

from qila import logs
from qila.local.poller import Poller
from qila.processor.handler import lambda_handler, processor
from qila.settings import get_settings
from qila.wiring import build_queue


def main(out: str) -> int:
    settings = get_settings()
    logs.configure(settings.log_level)
    processor()
    poller = Poller.from_settings(build_queue(settings), lambda_handler, settings)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: poller.stop())
    print("worker polling (profiled)", flush=True)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    poller.run()
    profiler.stop()
    if out.endswith(".json"):
        from pyinstrument.renderers import JSONRenderer

        Path(out).write_text(profiler.output(renderer=JSONRenderer()))
    else:
        Path(out).write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
