"""Run one function over many items on several processes, and never leave a process behind.

A plain ``concurrent.futures`` process pool. The linter hands it the same per-file function it
runs in its own process for a small run; nothing here knows what a file or a finding is.
Workers end with the run: they ignore Ctrl-C (the run decides), are terminated when the run is
interrupted (SIGINT, SIGTERM) or fails, and on Linux the kernel ends them if this process dies
any other way (even SIGKILL).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# When to check on more than this process (issue 17, target 4; measurements in bench/README.md).
# A worker process only pays where a core is free for it: with the second of 2 cores idle, 1,000
# agendas took 0.9-1.2 s on two processes against 1.4 s on one; with it busy, two were no faster
# (0.84-1.06 times the time of one, and their CPU time about 10 % more: starting and feeding the
# workers). With fewer files than MIN_FILES, starting them costs about what they save (64 and 128
# files were checked no faster). Their other benefit, memory (150 instead of 637 MiB for 10,000
# agendas), is now had on one process too: ``linter.check_paths`` collects each file's garbage as
# it goes. So: workers for MIN_FILES files or more, as many as there are cores this process may
# run on (``os.sched_getaffinity``) that the load average says are free, at most one per 8 files.
MIN_FILES = 200
# Items a worker takes at a time: large enough that sending them costs little, small enough to share out evenly.
_CHUNK = 16


def workers_for(files: int) -> int:
    """How many processes to check ``files`` files with: 1 (this one) for a small run, or when no
    other core is free; else one per free core this process may run on.

    ``TFAGENDA_JOBS`` sets the number (1: never start workers).
    """
    wanted = os.environ.get("TFAGENDA_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        jobs = int(wanted)
    else:
        if files < MIN_FILES:
            return 1
        jobs = free_cores()
    return max(1, min(jobs, files // 8 or 1))


def free_cores() -> int:
    """The cores this process may run on (its affinity) that other work leaves free, at least 1.

    Busy cores are the processes running or waiting to run: the lesser of the load average over
    the last minute and, on Linux, the number runnable right now besides this one
    (``/proc/loadavg``). The average alone lags: checks run one after another keep it near 1 for
    a minute after they end, and would keep the next from using a free core. A core taken by
    other work gives a worker nothing but a share of that core."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): assume the cores are free
        return usable
    runnable = _runnable_now()
    if runnable is not None:
        busy = min(busy, runnable - 1)
    # The load counts the whole machine's cores (a container may be given some of them).
    free = (os.cpu_count() or usable) - int(busy)
    return max(1, min(usable, free))


def _runnable_now() -> int | None:
    """The processes running or ready to run right now, this one included (Linux), else None."""
    try:
        with open("/proc/loadavg", encoding="ascii") as stream:
            return int(stream.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None


def map_in_processes(
    function: Callable[[Item], Result], items: Sequence[Item], processes: int
) -> list[Result]:
    """``[function(item) for item in items]`` on ``processes`` worker processes, in order.

    ``function`` and the items are pickled (top-level functions, ``functools.partial`` of them).
    """
    import multiprocessing  # here, not at the top: a one-file check never starts workers
    from concurrent.futures import ProcessPoolExecutor

    # On Linux a forked worker starts with everything imported (milliseconds); elsewhere the platform's
    # default (spawn: a fresh interpreter, as macOS and Windows need) is safe.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    chunk = max(1, min(_CHUNK, len(items) // (processes * 4) or 1))
    # What this process has built so far is the workers' too (forked): frozen, their collector leaves
    # it alone instead of walking it, which would also copy every page it touched.
    gc.freeze()
    pool = ProcessPoolExecutor(
        processes, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )
    finished = terminated = False
    installed, previous = _raise_on_sigterm()
    try:
        results = list(pool.map(function, items, chunksize=chunk))
        finished = True
        return results
    except _Terminated:
        terminated = True
        raise SystemExit(128 + signal.SIGTERM) from None  # only if the signal below cannot end this process
    finally:
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
        gc.unfreeze()
        if not finished:  # interrupted or failed: end the workers now, not after their current items
            _quiet_about_cancelled_results()
            _terminate_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=not finished)
        if terminated:  # die of SIGTERM, as without workers
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)


def _quiet_about_cancelled_results() -> None:
    """Keep the pool's manager thread from printing a traceback after an interruption.

    Python 3.11's ``ProcessPoolExecutor`` may receive a result for an item whose future
    ``shutdown(cancel_futures=True)`` has just cancelled, and its thread then dies of
    ``InvalidStateError`` with a traceback on standard error, under the check's own message
    (seen once in about ten interrupted runs). The check is ending: that result is not wanted.
    """
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not None and issubclass(args.exc_type, InvalidStateError):
            return
        previous(args)

    threading.excepthook = hook


def _terminate_workers(pool: Any) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list(
        (getattr(pool, "_processes", None) or {}).values()
    ):  # the pool's own list before 3.14
        process.terminate()


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the run stops the workers itself (no traceback from each).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    gc.enable()  # forked from a run that pauses it: here it collects each item's leftovers between items


def _die_with(parent: int) -> None:
    """On Linux, have the kernel send SIGKILL to this worker when the process that started it ends."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


class _Terminated(BaseException):
    """SIGTERM arrived while workers were running: unwind, end them, then die of the signal."""


def _raise_on_sigterm() -> tuple[bool, Any]:
    """Make SIGTERM raise ``_Terminated`` (main thread only; elsewhere signals cannot be handled).

    Returns whether a handler was installed, and the one to restore.
    """
    if threading.current_thread() is not threading.main_thread():
        return False, None

    def terminated(signum: int, frame: Any) -> None:
        raise _Terminated

    return True, signal.signal(signal.SIGTERM, terminated)
