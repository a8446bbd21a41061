"""A Streamlit server that also logs, for the bench, how long each rerun took on the server.

``python -m bench.serve LOG <streamlit run arguments>`` runs ``streamlit run`` with two of
``AppSession``'s methods wrapped: a ``rerun_script`` message arriving from a browser starts a
clock for its session (the first one, if more arrive before the run ends) and the run's
"script finished" stops it. Each finished run is appended to ``LOG`` as a line
``<seconds> <opening>``, ``opening`` being 1 for a session's first run (a page load) and 0 for
a rerun (a widget change). Both methods run on the server's event loop thread, so the log
needs no lock. This measures the server alone, whatever the browsers' machine is doing: the
time from a change reaching the server to its last element being sent back.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner import ScriptRunnerEvent
from streamlit.web import cli


def install(log: Path) -> None:
    pending: dict[str, float] = {}
    seen: set[str] = set()
    handle_backmsg = AppSession.handle_backmsg
    on_event = AppSession._handle_scriptrunner_event_on_event_loop

    def timed_backmsg(self: AppSession, msg: Any) -> None:
        if msg.WhichOneof("type") == "rerun_script":
            pending.setdefault(self.id, time.perf_counter())
        handle_backmsg(self, msg)

    def timed_event(self: AppSession, sender: Any, event: Any, *args: Any, **kwargs: Any) -> None:
        on_event(self, sender, event, *args, **kwargs)
        if event == ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS and self.id in pending:
            took = time.perf_counter() - pending.pop(self.id)
            opening = self.id not in seen
            seen.add(self.id)
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{took:.4f} {int(opening)}\n")

    AppSession.handle_backmsg = timed_backmsg  # type: ignore[method-assign]
    AppSession._handle_scriptrunner_event_on_event_loop = timed_event  # type: ignore[method-assign]


if __name__ == "__main__":
    install(Path(sys.argv[1]))
    sys.argv = ["streamlit", "run", *sys.argv[2:]]
    sys.exit(cli.main())
