"""Checking many files on several cores.

``check_paths`` hands a large run here. Each worker process loads, checks and settles whole files
(selection, suppressions, severities, I001) and sends back the findings, the text (for excerpts),
and the file's bookings in a compact form: who owns which dated segment, when, and where the
``owner:`` is written. Double bookings across files (O003) are then found in this process, by the
same ``cross_file_double_bookings`` that checks files in one process, run over those compact
bookings. A cross-file finding joins its file's findings as ``settle`` would put it there; a file
that has suppression comments and gets one is checked again here, the one-process way, so that a
suppression it meets counts as used (I001) exactly as it would.

The result is the one-process result, finding for finding and in the same order.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tfagenda.findings import DocPath, Finding, Span

if TYPE_CHECKING:
    from tfagenda.config import Settings
    from tfagenda.linter import CheckResult

# With fewer files than this, starting worker processes (and importing what runs them) costs about
# what it saves: measured on 2 cores, 64 and 128 files checked no faster, 1,000 files 1.4 times faster.
MIN_FILES = 200
# Files a worker takes at a time: large enough that sending them costs little, small enough to share out evenly.
_CHUNK = 16


def workers_for(files: int) -> int:
    """How many processes to check ``files`` files with: 1 (this one) for a small run or one core.

    ``TFAGENDA_JOBS`` sets the number (1: never start workers).
    """
    wanted = os.environ.get("TFAGENDA_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        jobs = int(wanted)
    else:
        try:
            jobs = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            jobs = os.cpu_count() or 1
        if files < MIN_FILES:
            return 1
    return max(1, min(jobs, files // 8 or 1))


# -- the compact form of a file, for cross_file_double_bookings --------------------------------
# Plain classes with slots, not dataclasses: cheaper to import (start-up time) and to send.


class _Person:
    __slots__ = ("name", "aliases")

    def __init__(self, name: str | None, aliases: list[str]) -> None:
        self.name, self.aliases = name, aliases


class _Agenda:
    __slots__ = ("people",)

    def __init__(self, people: dict[str, _Person | None] | None) -> None:
        self.people = people


class _Day:
    __slots__ = ("date", "index")

    def __init__(self, date: Any, index: int) -> None:
        self.date, self.index = date, index


class _Track:
    __slots__ = ("name", "day")

    def __init__(self, name: str | None, day: _Day) -> None:
        self.name, self.day = name, day


class _Segment:
    __slots__ = ("owner",)

    def __init__(self, owner: tuple[str, ...]) -> None:
        self.owner = owner


class _Booking:
    """A placed segment with a known, certain, non-zero time on a dated day, and an owner."""

    __slots__ = ("segment", "track", "start", "end", "title", "path")
    known = True
    uncertain = False

    def __init__(
        self, segment: _Segment, track: _Track, start: int, end: int, title: str, path: DocPath
    ) -> None:
        self.segment, self.track, self.start, self.end, self.title, self.path = (
            segment,
            track,
            start,
            end,
            title,
            path,
        )

    @property
    def duration(self) -> int:
        return self.end - self.start


class _Timeline:
    __slots__ = ("bookings",)

    def __init__(self, bookings: list[_Booking]) -> None:
        self.bookings = bookings

    def segments(self) -> list[_Booking]:
        return self.bookings


class _Document:
    __slots__ = ("owner_spans",)

    def __init__(self, owner_spans: dict[DocPath, Span]) -> None:
        self.owner_spans = owner_spans

    def span_of(self, at: DocPath, key: bool = False) -> Span:
        return self.owner_spans[at]


class _Loaded:
    __slots__ = ("path", "document")

    def __init__(self, path: str, document: _Document) -> None:
        self.path, self.document = path, document


class _Context:
    __slots__ = ("loaded", "agenda", "timeline", "lang")

    def __init__(
        self, loaded: _Loaded, agenda: _Agenda | None, timeline: _Timeline | None, lang: str
    ) -> None:
        self.loaded, self.agenda, self.timeline, self.lang = loaded, agenda, timeline, lang


def _compact(context: Any) -> _Context:
    """What ``cross_file_double_bookings`` reads of a file's context, and no more."""
    agenda, timeline, loaded = context.agenda, context.timeline, context.loaded
    people = None
    if agenda is not None and agenda.people is not None:
        people = {
            pid: (_Person(person.name, list(person.aliases)) if person is not None else None)
            for pid, person in agenda.people.items()
        }
    bookings: list[_Booking] = []
    spans: dict[DocPath, Span] = {}
    if agenda is not None and timeline is not None:
        tracks: dict[int, _Track] = {}
        for placed in timeline.segments():
            if not (
                placed.known
                and not placed.uncertain
                and placed.duration
                and placed.track.day.date
                and placed.segment.owner
            ):
                continue
            track = tracks.get(id(placed.track))
            if track is None:
                day = placed.track.day
                track = tracks[id(placed.track)] = _Track(placed.track.name, _Day(day.date, day.index))
            at = placed.path + ("owner",)
            spans[at] = loaded.document.span_of(at)
            bookings.append(
                _Booking(
                    _Segment(tuple(placed.segment.owner)),
                    track,
                    placed.start,
                    placed.end,
                    placed.title,
                    placed.path,
                )
            )
    return _Context(
        _Loaded(loaded.path, _Document(spans)),
        _Agenda(people) if agenda is not None else None,
        _Timeline(bookings) if timeline is not None else None,
        context.lang,
    )


# -- the workers -------------------------------------------------------------------------------


class _Checked:
    """One file, checked in a worker: its findings, its text (for excerpts), its bookings."""

    __slots__ = ("path", "text", "findings", "context", "suppressions")

    def __init__(
        self,
        path: str,
        text: str,
        findings: list[Finding],
        context: _Context | None = None,
        suppressions: bool = False,
    ) -> None:
        self.path, self.text, self.findings = path, text, findings
        self.context = context  # None: the file could not be checked (its findings say why)
        self.suppressions = suppressions  # the file has suppression comments


class _Setup:
    settings: Any = None
    lang = "en"


_SETUP = _Setup()


def _start_worker(settings: Settings, lang: str) -> None:
    _SETUP.settings, _SETUP.lang = settings, lang
    gc.enable()  # forked from check_paths, which pauses it: here it collects each file's leftovers between files


def _check_one(job: tuple[str, bool]) -> _Checked:
    from tfagenda.yamldoc import gc_paused

    with gc_paused():  # as check_paths does; between files the collector runs as usual
        return _check_file(*job)


def _check_file(path: str, report: bool) -> _Checked:
    from tfagenda.linter import FileCheck, _guarded_check, internal_error, settle

    settings, lang = _SETUP.settings, _SETUP.lang
    entry = _guarded_check(path, settings, lang)
    if not isinstance(entry, FileCheck):
        loaded, findings = entry
        return _Checked(str(loaded.path), loaded.document.text, findings if report else [])
    loaded = entry.loaded
    text = loaded.document.text
    context = _compact(entry.context)
    findings: list[Finding] = []
    if report:
        try:
            findings = settle(entry, settings)
        except Exception as error:  # noqa: BLE001 - as check_paths does
            findings = [internal_error(loaded.path, error)]
    return _Checked(loaded.path, text, findings, context, "tfagenda:" in text.lower())


def _run(jobs: list[tuple[str, bool]], settings: Settings, lang: str, processes: int) -> list[_Checked]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # On Linux a forked worker starts with everything imported (milliseconds); elsewhere the platform's
    # default (spawn: a fresh interpreter, as macOS and Windows need) is safe.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    chunk = max(1, min(_CHUNK, len(jobs) // (processes * 4) or 1))
    # What this process has built so far is the workers' too (forked): frozen, their collector leaves
    # it alone instead of walking it, which would also copy every page it touched.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            processes, mp_context=context, initializer=_start_worker, initargs=(settings, lang)
        ) as pool:
            return list(pool.map(_check_one, jobs, chunksize=chunk))
    finally:
        gc.unfreeze()


def check_files(
    files: Sequence[Path], others: Sequence[Path], settings: Settings, lang: str, processes: int
) -> CheckResult:
    """``check_paths`` for ``files`` (compared with ``others`` for O003, which are not reported on), on ``processes`` processes."""
    from tfagenda.linter import (
        CheckResult,
        _guarded_check,
        _with_severity,
        internal_error,
        settle,
        to_finding,
    )
    from tfagenda.rules import RULES
    from tfagenda.yamldoc import LINE_BREAK

    jobs = [(str(path), True) for path in files] + [(str(path), False) for path in others]
    done = _run(jobs, settings, lang, processes)
    checked, compared = done[: len(files)], done[len(files) :]
    extra: dict[int, list[Any]] = {}  # index in ``checked`` → its cross-file O003 problems
    crashes: dict[int, list[Finding]] = {}
    reported = [item for item in checked if item.context is not None]
    if "O003" in settings.selected and reported:
        from tfagenda.rules.owners import cross_file_double_bookings

        index_of = {id(item.context): n for n, item in enumerate(checked) if item.context is not None}
        contexts = [item.context for item in reported] + [
            item.context for item in compared if item.context is not None
        ]
        try:
            for context, problem in cross_file_double_bookings(contexts):  # type: ignore[arg-type]
                if id(context) in index_of:
                    extra.setdefault(index_of[id(context)], []).append(problem)
        except Exception as error:  # noqa: BLE001 - as check_paths does (what was found before stays)
            first = next(n for n, item in enumerate(checked) if item.context is not None)
            crashes[first] = [
                internal_error(checked[first].path, error, "comparing the files for double bookings (O003)")
            ]
    result = CheckResult()
    o003 = RULES["O003"]
    for n, item in enumerate(checked):
        findings = item.findings
        problems = extra.get(n)
        if problems and item.suppressions:
            entry = _guarded_check(
                item.path, settings, lang
            )  # again here, so that suppressions see the O003 findings
            if isinstance(entry, tuple):
                item.text, findings = entry[0].document.text, entry[1]
            else:
                entry.findings.extend(to_finding(entry.loaded, o003, problem, lang) for problem in problems)
                item.text = entry.loaded.document.text
                try:
                    findings = settle(entry, settings)
                except Exception as error:  # noqa: BLE001
                    findings = [internal_error(item.path, error)]
        elif problems:
            active = "O003" in settings.selected and "O003" not in settings.ignored_for(item.path)
            if active:
                loaded = item.context.loaded  # type: ignore[union-attr]
                findings = findings + [
                    _with_severity(to_finding(loaded, o003, problem, lang), settings) for problem in problems
                ]  # type: ignore[arg-type]
                findings.sort(key=lambda f: f.sort_key)
        findings = findings + crashes.get(n, [])
        result.files.append(item.path)
        result.findings.extend(findings)
        if findings:
            result.sources[item.path] = LINE_BREAK.split(item.text)
    return result
