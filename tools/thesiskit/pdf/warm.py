"""A warm Typst compiler for ``thesis serve``, in a long-lived child process that can be stopped.

``thesis build`` compiles in a fresh child each time (pdf/typst.py). A preview wants Typst's
incremental compile instead: one ``typst.Compiler`` kept for the whole session recompiles only what
an edit changed. It lives in a child (``typst_child.py --serve``) rather than in the server, so that
a compile past THESISKIT_TYPST_TIMEOUT can be stopped like the cold one: the child is killed, the
compile reported as not finished, and the next compile starts a new child (cold once, then warm).
"""

from __future__ import annotations

import collections
import contextlib
import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..children import discard, spawn

_CHILD = Path(__file__).with_name("typst_child.py")


class WarmTypst:
    """One child process holding a warm compiler; :meth:`run` answers like ``children.run_child``."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=50)
        self._lock = threading.Lock()

    def run(self, args: list[str], *, limit: float) -> tuple[int, str, str]:
        """Compile ``args`` (MAIN OUT TIMESTAMP STANDARD…): (exit code, the child's answer, its last stderr).

        After ``limit`` seconds the child is killed and ``subprocess.TimeoutExpired`` raised.
        """
        with self._lock:
            proc = self._running()
            assert proc.stdin is not None
            try:
                proc.stdin.write(json.dumps(args) + "\n")
                proc.stdin.flush()
                line = self._answers.get(timeout=limit)
            except queue.Empty:
                self.stop()
                raise subprocess.TimeoutExpired(str(_CHILD), limit) from None
            except OSError:  # the child is gone (killed from outside): its stderr says why
                line = None
            if line is None:
                self.stop()
                return 1, "", "".join(self._stderr)
            reply = json.loads(line)
            return int(reply["code"]), str(reply["answer"]), ""

    def stop(self) -> None:
        """Kill the child (the next compile starts a new one)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.kill()
            proc.wait()
            discard(proc)
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()

    def _keep_stderr(self, line: str | None) -> None:
        if line is not None:
            self._stderr.append(line)

    def _running(self) -> subprocess.Popen[str]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self.stop()  # a child that died (killed when a build stopped): its pipe closed before the next one
        # -P: the script's folder is not put on sys.path (its typst.py would hide the typst package)
        argv = [sys.executable, "-P", str(_CHILD), "--serve"]
        proc = spawn(argv)
        self._answers = queue.Queue()
        self._stderr.clear()
        assert proc.stdout is not None and proc.stderr is not None
        threading.Thread(target=_lines, args=(proc.stdout, self._answers.put), daemon=True).start()
        threading.Thread(target=_lines, args=(proc.stderr, self._keep_stderr), daemon=True).start()
        self._proc = proc
        return proc


def _lines(stream: IO[str], put: Callable[[str | None], object]) -> None:
    """Hand each line of ``stream`` to ``put``, then None at its end."""
    with stream:
        for line in stream:
            put(line)
    put(None)
