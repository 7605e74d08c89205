"""Rules about what an importer found in a conference schedule, beyond what it could not read (D002, O004)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.findings import Problem, Severity
from tfagenda.rules.base import Context, problems_from_loader, rule


@rule("D002", "date-start-mismatch", Severity.WARNING, needs_timeline=False)
def date_start_mismatch(ctx: Context) -> Iterable[Problem]:
    """An event's `<date>` and its `<start>` give different clock times (frab/pretalx schedules).

    A schedule gives each event's time twice: `<date>` (date, time and offset) and `<start>`
    (the wall-clock time). The `<start>` is used, and its day comes from the `<date>` read in the
    schedule's time zone. When one event disagrees, the finding is at that event; when every event
    disagrees by the same amount (an exporter that writes local times with `+00:00`), there is one
    finding for the file.

    ## Example
    ```xml
    <time_zone_name>Europe/Amsterdam</time_zone_name> …
    <event id="6713"><date>2022-12-27T10:30:00-05:00</date><start>10:30</start> …
    ```
    (10:30 at −05:00 is 16:30 in Amsterdam.)

    ## Fix
    Correct the event in the tool that exported the schedule, so that both say the same time.
    """
    return problems_from_loader(ctx, "D002")


@rule("O004", "reused-person-id", Severity.WARNING, needs_timeline=False)
def reused_person_id(ctx: Context) -> Iterable[Problem]:
    """One person id is used for several names in one schedule.

    Merged schedules ("everything" schedules built from several frab, pretalx and wiki sources)
    restart person ids per source, so one id can stand for many people. tfagenda reads a person
    as their id *and* name: an id with several names is several people (written `0#1`, `0#2` …),
    so that they are not reported as double-booked (O003). One finding per file names the ids.

    ## Example
    ```xml
    <person id="0">Alice</person> … <person id="0">Bob</person>
    ```

    ## Fix
    Give every person their own id in the tool that merged the schedule.
    """
    return problems_from_loader(ctx, "O004")
