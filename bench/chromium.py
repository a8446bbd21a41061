"""How Chromium is launched here, written once for the browser tests and the bench.

Playwright cannot download its own browsers on this machine: Debian's chromium is used instead
(``apt-get install -y chromium``), without a sandbox (it runs as root in a container), without a
GPU, and without the background traffic (updates, sync, first-run pages) that would make timings
and tests depend on the network.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
