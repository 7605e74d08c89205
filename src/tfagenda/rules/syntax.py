"""File-level rules: the file cannot be read, is not YAML, or is not an agenda (E000–E004, Y001)."""

from __future__ import annotations

from collections.abc import Iterable

from tfagenda.findings import Applicability, Problem, Severity
from tfagenda.rules.base import Context, problems_from_loader, rule


@rule("E000", "io-error", Severity.ERROR, needs_timeline=False)
def io_error(ctx: Context) -> Iterable[Problem]:
    """The file cannot be read (it is missing, a directory, or not permitted).

    ## Why
    A check that skips a file it was asked about would pass while checking nothing.

    ## Fix
    Check the path and its permissions.
    """
    return problems_from_loader(ctx, "E000")


@rule("E001", "yaml-syntax", Severity.ERROR, needs_timeline=False)
def yaml_syntax(ctx: Context) -> Iterable[Problem]:
    """The file is not valid YAML; the finding points where the parser stopped.

    Also reported for text that is not UTF-8 (or UTF-16/32 with a byte-order mark), for characters
    YAML does not allow (NUL, control characters), for a file larger than 8 MiB or of more than
    500,000 values, and for YAML that nests deeper than 200 levels or whose aliases add more than
    100,000 values (an "alias bomb").

    ## Example
    ```yaml
    segments:
      - {title: Opening, duration: 5
    ```

    ## Fix
    ```yaml
    segments:
      - {title: Opening, duration: 5}
    ```
    """
    return problems_from_loader(ctx, "E001")


@rule("E002", "schema", Severity.ERROR, fix=Applicability.SAFE, needs_timeline=False)
def schema(ctx: Context) -> Iterable[Problem]:
    """A field is missing, unknown or of the wrong type.

    Unknown keys are never dropped silently: a misspelt `duraton:` would otherwise leave the
    segment without a duration. The message names the closest known key. A date written in
    another notation (`date: 2026. 4. 9.`) is E002 with a safe fix to the ISO date (`2026-04-09`).

    ## Example
    ```yaml
    segments:
      - {title: Opening, duraton: 5}
    ```

    ## Fix
    ```yaml
    segments:
      - {title: Opening, duration: 5}
    ```
    """
    return problems_from_loader(ctx, "E002")


@rule("E003", "duplicate-key", Severity.ERROR, needs_timeline=False)
def duplicate_key(ctx: Context) -> Iterable[Problem]:
    """A key is given twice in one mapping; the message names both lines.

    ## Why
    Most YAML loaders keep one of the two silently, so the agenda means something other than it
    says. tfagenda keeps the first and reports the second.

    ## Example
    ```yaml
    - title: Opening
      end: "16:35"
      end: "16:40"
    ```

    ## Fix
    Remove the value that is wrong.
    """
    return problems_from_loader(ctx, "E003")


@rule("E004", "bad-time", Severity.ERROR, fix=Applicability.SAFE, needs_timeline=False)
def bad_time(ctx: Context) -> Iterable[Problem]:
    """A time, duration or slot cannot be read (`"25:10"`, `"16:70"`, `"soon"`).

    Times are `"HH:MM"` or `"H:MM"` from 00:00 to 24:00. Durations are whole minutes or one of
    `"5m"`, `"5min"`, `"5분"`, `"'05"`, `"05'"`, `"1h"`, `"1h30m"`, `"1:30"`, `"PT1H30M"`.
    A slot is `"16:30-18:00"` (or with `~`) or `{start: "16:30", end: "18:00"}`. A time in another
    notation that means one time (`오후 2시 10분`, `"09.30"`) has a safe fix to it (`"14:10"`,
    `"09:30"`); one that can mean two (`"9:5"`: 09:05 or 09:50) names both and fixes nothing.

    ## Example
    ```yaml
    - {title: Opening, start: "16:70", duration: 5}
    ```

    ## Fix
    ```yaml
    - {title: Opening, start: "16:10", duration: 5}
    ```
    """
    return problems_from_loader(ctx, "E004")


@rule("Y001", "yaml-implicit-number", Severity.WARNING, fix=Applicability.SAFE, needs_timeline=False)
def yaml_implicit_number(ctx: Context) -> Iterable[Problem]:
    """A time is written unquoted, so YAML 1.1 tools read it as a number.

    ## Why
    YAML 1.1 (PyYAML, many editors, older tools) reads the plain scalar `14:10` as the base-60
    number 850. tfagenda reads YAML 1.2 and takes the time the text spells, but another tool
    reading the same file would not; quoting makes the file mean one thing everywhere.

    ## Example
    ```yaml
    - {title: Opening, start: 14:10, duration: 5}
    ```

    ## Fix (safe)
    ```yaml
    - {title: Opening, start: "14:10", duration: 5}
    ```
    """
    return problems_from_loader(ctx, "Y001")


@rule("E005", "import-error", Severity.ERROR, needs_timeline=False)
def import_error(ctx: Context) -> Iterable[Problem]:
    """A row or element of an imported file (ministry text, frab/pretalx schedule) cannot be read.

    Importers never drop what they cannot read: each such row is reported at its line in the
    source file, so a schedule is never checked with rows silently missing.

    ## Example
    A ministry agenda table row whose time cannot be read:
    ```text
    16:30 ~ 오후 4시 35분 ('05)	참석자 소개 및 인사말	제1차관
    ```

    ## Fix
    Write the row's times as `HH:MM ~ HH:MM`, as the other rows do.
    """
    return problems_from_loader(ctx, "E005")


@rule("E006", "legacy-encoding", Severity.WARNING, needs_timeline=False)
def legacy_encoding(ctx: Context) -> Iterable[Problem]:
    """The file is saved in CP949 (EUC-KR), the Windows default for Korean text, not UTF-8.

    tfagenda reads it (only when its bytes are not UTF-8, are CP949 and hold Hangul), checks it as
    usual, and `--fix` writes it back in CP949, byte for byte outside the edits. Other YAML tools
    (PyYAML, editors, the JSON Schema) read UTF-8, so saving the file as UTF-8 is advised. The
    finding is at the first character that is not ASCII.

    ## Example
    An agenda saved by Notepad on Korean Windows with "ANSI" encoding:
    ```yaml
    title: 주간 업무 회의
    ```
    `the file is saved as CP949 (EUC-KR), not UTF-8; it was read as CP949 (--fix keeps it so); save it as UTF-8 for other tools`

    ## Fix
    Save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8; or `iconv -f cp949 -t utf-8`).
    """
    return problems_from_loader(ctx, "E006")
