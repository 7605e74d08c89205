"""Rules about what an importer found, beyond what it could not read: a schedule's dates and person
ids (D002, O004), and how a table's dates and times were read (D003, N001, N002)."""

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


@rule("D003", "unreadable-date", Severity.WARNING, needs_timeline=False)
def unreadable_date(ctx: Context) -> Iterable[Problem]:
    """The meeting's date line (or a day section's date) cannot be read, or not without a guess.

    The table is still imported and checked; only the date (or the part of the line that cannot be
    read) is left out, so D001 cannot check the weekday. Reported for a line with digits that are
    neither a date nor a time, for `11/12/2024` in a document whose language does not decide the
    order of day and month, and for a date without a year (`4. 9.`) when neither the document nor a
    weekday label gives the year: the current year is then assumed and the message says so.

    ## Example
    ```text
    - (일시) 2026. 2. 26.(목) 16:30~18:00 (3층 2회의실)
    - 일시: 11/12/2024 10:00~12:00
    ```

    ## Fix
    Write the date with its year, in an order that cannot be misread: `2026. 2. 26.(목)`,
    `2024-11-12`, `12 November 2024`.
    """
    return problems_from_loader(ctx, "D003")


@rule("N001", "twelve-hour-clock", Severity.INFO, needs_timeline=False)
def twelve_hour_clock(ctx: Context) -> Iterable[Problem]:
    """An imported table is written on a 12-hour clock without am/pm: how its times were read.

    Agendas often write `12:30 - 1:00` and mean 13:00. When a table has no time of 13:00 or later
    and none with am/pm, a time earlier than the one before it is read as afternoon when that puts
    it within three hours of it: `1:00` after `12:30` is 13:00. This is said once per day
    (information: the check does not fail), at the first time that moved. When nothing decides —
    a table that starts before 7:00 (`1:00 - 2:00`) — nothing moves and the finding says the reading
    is ambiguous. A time that goes back further than the afternoon explains (`11:00` after `11:30`)
    is out of order, not afternoon: the sequence rules report it.

    ## Example
    ```text
    | Time          | Session         |
    | 11:30 - 12:30 | Talks           |
    | 12:30 - 1:00  | Lunch           |
    | 1:00 - 2:30   | Workshops       |
    ```
    `the table is on a 12-hour clock: 1:00 after 12:30 is read as 13:00 (and the later times as afternoon)`

    ## Fix
    Nothing is wrong. To say it in the file, write 24-hour times (`13:00`) or add am/pm (`1:00 pm`).
    """
    return problems_from_loader(ctx, "N001")


@rule("N002", "year-from-weekday", Severity.INFO, needs_timeline=False)
def year_from_weekday(ctx: Context) -> Iterable[Problem]:
    """A meeting date without a year (`4. 9.(목)`) got its year from its weekday label.

    A yearless date takes the year of another full date in the same document (the press release's
    own date, a heading). With none, the weekday label decides: of the current year and the years
    just before and after it, the one in which the date falls on that weekday (the nearest to today
    when two do). The finding says which year was taken; with no weekday label either, the current
    year is assumed and D003 says so.

    ## Example
    ```text
    - (일시) 4. 9.(목) 14:00~16:00
    ```
    `the date 4. 9. has no year; 2026 is taken, the year in which it falls on its weekday (목)`

    ## Fix
    Write the year: `2026. 4. 9.(목)`.
    """
    return problems_from_loader(ctx, "N002")
