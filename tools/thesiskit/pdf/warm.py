"""A warm Typst compiler in a long-lived child process that can be stopped (``thesis serve``, ``thesis build``).

``thesis serve`` keeps one for the whole session: one ``typst.Compiler`` recompiles only what an
edit changed. ``thesis build`` starts one at its beginning with the last build's document
(:meth:`WarmTypst.warm_up`, pdf/prewarm.py), so that Typst's cache is warm by the time Pandoc has
made this build's. It lives in a child (``typst_child.py --serve``) rather than in the kit's
process, so that a compile past THESISKIT_TYPST_TIMEOUT can be stopped like the cold one: the child
is killed, the compile reported as not finished, and the next compile starts a new child.
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

from ..children import discard, spawn, stops

_CHILD = Path(__file__).with_name("typst_child.py")


class WarmTypst:
    """One child process holding a warm compiler; :meth:`run` answers like ``children.run_child``."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=50)
        self._lock = threading.Lock()
        self._warming = 0
        self._stops = stops()
        self.before: int | None = None
        """How many compiles the child had done before the last :meth:`run` (None: it gave no answer)."""

    def warm_up(self, args: list[str]) -> None:
        """Start compiling ``args`` (MAIN OUT TIMESTAMP STANDARD…) without its PDF, and return at once.

        The next :meth:`run` waits for it first; what it found is not reported.
        """
        with self._lock:
            proc = self._running()
            assert proc.stdin is not None
            try:
                proc.stdin.write(json.dumps([args[0], "", *args[2:]]) + "\n")
                proc.stdin.flush()
            except OSError:  # gone already: run says so
                return
            self._warming += 1

    def run(self, args: list[str], *, limit: float) -> tuple[int, str, str]:
        """Compile ``args`` (MAIN OUT TIMESTAMP STANDARD…): (exit code, the child's answer, its last stderr).

        After ``limit`` seconds the child is killed and ``subprocess.TimeoutExpired`` raised. A
        child that ends without answering (killed, crashed, or past ``limit`` warming up) gives an
        empty answer: the caller may compile cold instead.
        """
        with self._lock:
            self.before = None
            if not self._warmed(limit):
                self.stop()
                return 1, "", "".join(self._stderr)
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
            self.before = int(reply.get("before", 0))
            return int(reply["code"]), str(reply["answer"]), ""

    def stopped_with_build(self) -> bool:
        """Whether the build was stopped (``children.stop_children``) since the last child started."""
        return stops() != self._stops

    def _warmed(self, limit: float) -> bool:
        """Wait for the warm-up compiles' answers (skipped); False if the child ended or took past ``limit``."""
        while self._warming:
            try:
                line = self._answers.get(timeout=limit)
            except queue.Empty:
                line = None
            if line is None:
                return False
            self._warming -= 1
        return True

    def stop(self) -> None:
        """Kill the child (the next compile starts a new one)."""
        proc, self._proc = self._proc, None
        self._warming = 0
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
        self._stops = stops()
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
