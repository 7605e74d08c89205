"""What tfagenda says, in English and in Korean: one catalog of sentence templates.

Every sentence a check shows (a finding's message, a fix's description, the summary line) is a
template here, with an ``en`` and a ``ko`` entry in ``str.format`` style: ``say(key, lang, **params)``
fills one in. Both entries of a key take the same placeholders (tests/test_messages.py checks it).
Rule codes, names, severities and JSON keys are not translated; rule docs stay English.

Two ways to use it:

* Eagerly, where the language is known: the rules have it as ``Context.lang`` and call
  ``say(key, ctx.lang, ...)``; the reporters have it as ``ReportOptions.lang``.
* Deferred, where it is not: the loader, the YAML reader, the time parser and the timeline make
  their sentences before any check (a ``Loaded`` file or a ``Timeline`` does not depend on the
  language it will be reported in: the same one serves ``check --lang ko``, ``render`` and
  ``--fix``). They build a ``Message``: a ``str`` whose text is the English sentence, which keeps
  its key and parameters so that ``localize(message, lang)`` can say it again in another language.
  The linter localizes each problem's message and fix description once, when it turns problems
  into findings, in the language of the check. English output is the English template, unchanged.

Korean: formal but concise, the register of a government checklist (…습니다/…십시오, no final
period, sentences joined by ". "). Terms: 시작, 종료, 소요 시간, 순서 (segment), 세부 순서
(part), 회의 시간 (slot), 담당 (owner), 요일 (weekday), 무시 주석 (suppression), 일정표 (agenda).
Titles are quoted ‘like this’. A particle after a value that varies (a title, a number, a time)
is avoided: such values are followed by an invariant particle (의, 에, 보다, 까지, 입니다), or put
in parentheses after a fixed word (``종료(16:05)가``), where the particle follows that word.
``josa`` picks 이/가, 은/는, 을/를, 과/와, 으로/로 for the few places that need it.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Mapping
from typing import Any

LANGUAGES = ("en", "ko")

# key → {"en": template, "ko": template}. Keys are grouped by where they are said.
CATALOG: dict[str, dict[str, str]] = {
    # -- pieces ------------------------------------------------------------------------------
    "minutes.one": {"en": "{n} minute", "ko": "{n}분"},
    "minutes.many": {"en": "{n} minutes", "ko": "{n}분"},
    "field.start": {"en": "start", "ko": "시작"},
    "field.end": {"en": "end", "ko": "종료"},
    "field.duration": {"en": "duration", "ko": "소요 시간"},
    "weekday.0": {"en": "Monday", "ko": "월요일"},
    "weekday.1": {"en": "Tuesday", "ko": "화요일"},
    "weekday.2": {"en": "Wednesday", "ko": "수요일"},
    "weekday.3": {"en": "Thursday", "ko": "목요일"},
    "weekday.4": {"en": "Friday", "ko": "금요일"},
    "weekday.5": {"en": "Saturday", "ko": "토요일"},
    "weekday.6": {"en": "Sunday", "ko": "일요일"},
    # -- fixes -------------------------------------------------------------------------------
    "fix.set.start": {"en": "set start to {value}", "ko": "시작 수정: {value}"},
    "fix.set.end": {"en": "set end to {value}", "ko": "종료 수정: {value}"},
    "fix.set.duration": {"en": "set duration to {value}", "ko": "소요 시간 수정: {value}"},
    "fix.set.weekday": {"en": "set weekday to {value}", "ko": "요일 수정: {value}"},
    "fix.quote": {"en": 'quote it: "{value}"', "ko": '따옴표로 감싸기: "{value}"'},
    "fix.rename": {"en": "rename to {guess!r}", "ko": "키 이름 수정: {guess!r}"},
    "fix.remove_suppression": {"en": "remove the suppression", "ko": "무시 주석 삭제"},
    # -- timeline: T001/T002 -----------------------------------------------------------------
    "evidence.duration": {"en": "the {n}-minute duration", "ko": "소요 시간({n}분)"},
    "evidence.slot_start": {"en": "the slot's start", "ko": "회의 시간의 시작"},
    "evidence.slot_end": {"en": "the slot's end", "ko": "회의 시간의 종료"},
    "evidence.parent_start": {"en": "the parent segment's start", "ko": "상위 순서의 시작"},
    "evidence.parent_end": {"en": "the parent segment's end", "ko": "상위 순서의 종료"},
    "evidence.previous_end": {"en": "the previous segment's end", "ko": "앞 순서의 종료"},
    "evidence.next_start": {"en": "the next segment's start", "ko": "다음 순서의 시작"},
    "conflict.end_before_start": {
        "en": "end {end} is before start {start}",
        "ko": "종료({end})가 시작({start})보다 이릅니다",
    },
    "conflict.end_before_implied_start": {
        "en": "end {end} is before its start {start}",
        "ko": "종료({end})가 앞에서 이어지는 시작({start})보다 이릅니다",
    },
    "conflict.disagree": {
        "en": "start {start}, end {end} and duration {duration} disagree ({start}–{end} is {length})",
        "ko": "시작({start}), 종료({end}), 소요 시간({duration}분)이 서로 맞지 않습니다({start}–{end}: {length})",
    },
    "conflict.no_evidence": {
        "en": "{what}, and neither neighbour says what it should be",
        "ko": "{what}. 앞뒤 순서로도 맞는 값을 알 수 없습니다",
    },
    "conflict.tie": {
        "en": "{what}, and no repair is clearly best: {options}",
        "ko": "{what}. 어느 쪽으로 고칠지 분명하지 않습니다: {options}",
    },
    "conflict.option.start": {"en": "start {value}", "ko": "시작 {value}"},
    "conflict.option.end": {"en": "end {value}", "ko": "종료 {value}"},
    "conflict.option.duration": {"en": "duration {value}", "ko": "소요 시간 {value}"},
    "because.set.start": {"en": "{what}; set start to {value}", "ko": "{what}. 수정안: 시작 {value}"},
    "because.set.end": {"en": "{what}; set end to {value}", "ko": "{what}. 수정안: 종료 {value}"},
    "because.set.duration": {
        "en": "{what}; set duration to {value}",
        "ko": "{what}. 수정안: 소요 시간 {value}",
    },
    "because.one.start": {
        "en": "{what}; {evidence} says {value}",
        "ko": "{what}. {evidence}에 따르면 시작은 {value}입니다",
    },
    "because.one.end": {
        "en": "{what}; {evidence} says {value}",
        "ko": "{what}. {evidence}에 따르면 종료는 {value}입니다",
    },
    "because.one.duration": {
        "en": "{what}; {evidence} says duration {value}",
        "ko": "{what}. {evidence}에 따르면 소요 시간은 {value}입니다",
    },
    "because.both.start": {
        "en": "{what}; {evidence} both say {value}",
        "ko": "{what}. {evidence}에 따르면 시작은 {value}입니다",
    },
    "because.both.end": {
        "en": "{what}; {evidence} both say {value}",
        "ko": "{what}. {evidence}에 따르면 종료는 {value}입니다",
    },
    "because.all.start": {
        "en": "{what}; {evidence} all say {value}",
        "ko": "{what}. {evidence}에 따르면 시작은 {value}입니다",
    },
    "because.all.end": {
        "en": "{what}; {evidence} all say {value}",
        "ko": "{what}. {evidence}에 따르면 종료는 {value}입니다",
    },
    "because.agree.duration": {
        "en": "{what}; {evidence} agree with {start}–{end}: duration {value}",
        "ko": "{what}. {evidence}에 따르면 이 순서는 {start}–{end}이고 소요 시간은 {value}입니다",
    },
    # -- timeline and T003 -------------------------------------------------------------------
    "underspecified.start": {
        "en": "its start cannot be determined: give it a start (the first segment has no previous end), or give the agenda a slot",
        "ko": "시작을 정할 수 없습니다. 시작을 적거나(첫 순서에는 앞 순서의 종료가 없습니다) 일정표에 회의 시간(slot)을 적으십시오",
    },
    "underspecified.end": {
        "en": "its end cannot be determined: give it an end or a duration",
        "ko": "종료를 정할 수 없습니다. 종료나 소요 시간을 적으십시오",
    },
    "underspecified.end_next": {
        "en": "its end cannot be determined: give it an end or a duration; the next segment starts at {next}",
        "ko": "종료를 정할 수 없습니다. 종료나 소요 시간을 적으십시오(다음 순서 시작: {next})",
    },
    "t003": {"en": "{title!r}: {reason}{tail}", "ko": "‘{title}’의 {reason}{tail}"},
    "t003.after.segment.one": {
        "en": "; 1 segment after it cannot be placed either",
        "ko": ". 뒤이은 순서 1개도 시간을 정할 수 없습니다",
    },
    "t003.after.segment.many": {
        "en": "; {n} segments after it cannot be placed either",
        "ko": ". 뒤이은 순서 {n}개도 시간을 정할 수 없습니다",
    },
    "t003.after.part.one": {
        "en": "; 1 part after it cannot be placed either",
        "ko": ". 뒤이은 세부 순서 1개도 시간을 정할 수 없습니다",
    },
    "t003.after.part.many": {
        "en": "; {n} parts after it cannot be placed either",
        "ko": ". 뒤이은 세부 순서 {n}개도 시간을 정할 수 없습니다",
    },
    "t004": {
        "en": "{title!r} lasts 0 minutes ({time}); give it its real length",
        "ko": "‘{title}’의 소요 시간이 0분입니다({time}). 실제 소요 시간을 적으십시오",
    },
    # -- sequence: S001–S003 -----------------------------------------------------------------
    "s001": {
        "en": "{after!r} starts at {after_start}, {overlap} before {before!r} ends at {before_end}; "
        "start it at {before_end} or end {before!r} at {after_start}",
        "ko": "‘{after}’의 시작({after_start})이 ‘{before}’의 종료({before_end})보다 {overlap} 이릅니다. "
        "‘{after}’의 시작을 {before_end}에 맞추거나 ‘{before}’의 종료를 {after_start}에 맞추십시오",
    },
    "s002": {
        "en": "{gap_start}–{gap_end} ({length}) between {before!r} and {after!r} is not covered by any segment; "
        "start {after!r} at {gap_start} or add a break",
        "ko": "‘{before}’ 종료와 ‘{after}’ 시작 사이의 {gap_start}–{gap_end}({length})에 배정된 순서가 없습니다. "
        "‘{after}’의 시작을 {gap_start}에 맞추거나 휴식 순서를 추가하십시오",
    },
    "s003": {
        "en": "{after!r} at {after_start} is listed after {before!r} at {before_start}; list segments in time order",
        "ko": "{after_start}에 시작하는 ‘{after}’ 순서가 {before_start}에 시작하는 ‘{before}’ 순서보다 뒤에 적혀 있습니다. "
        "순서를 시간순으로 적으십시오",
    },
    # -- slot: F001–F003 ---------------------------------------------------------------------
    "f001": {
        "en": "{title!r} starts at {start}, {early} before the slot {slot} starts",
        "ko": "‘{title}’의 시작({start})이 회의 시간({slot})의 시작보다 {early} 이릅니다",
    },
    "f002": {
        "en": "{title!r} ends at {end}, {late} after the slot {slot} ends",
        "ko": "‘{title}’의 종료({end})가 회의 시간({slot})의 종료보다 {late} 늦습니다",
    },
    "f003": {
        "en": "the segments add up to {total}, the slot {slot} is {length}{tail}",
        "ko": "순서의 소요 시간 합계는 {total}이고 회의 시간({slot})은 {length}입니다{tail}",
    },
    "f003.unplanned.one": {"en": ": {where} is not planned", "ko": ". {where}에 계획된 순서가 없습니다"},
    "f003.unplanned.many": {"en": ": {where} are not planned", "ko": ". {where}에 계획된 순서가 없습니다"},
    # -- parts: P001–P002 --------------------------------------------------------------------
    "p001": {
        "en": "the parts of {title!r} add up to {total}, but it lasts {duration} ({remark})",
        "ko": "‘{title}’의 세부 순서 합계는 {total}이지만 이 순서의 소요 시간은 {duration}입니다({remark})",
    },
    "p001.unplanned": {"en": "{minutes} unplanned", "ko": "{minutes} 미배정"},
    "p001.too_many": {"en": "{minutes} too many", "ko": "{minutes} 초과"},
    "p002.before": {
        "en": "part {title!r} starts at {start}, before {parent!r} ({span}) starts",
        "ko": "세부 순서 ‘{title}’의 시작({start})이 ‘{parent}’({span})의 시작보다 이릅니다",
    },
    "p002.after": {
        "en": "part {title!r} ends at {end}, after {parent!r} ({span}) ends",
        "ko": "세부 순서 ‘{title}’의 종료({end})가 ‘{parent}’({span})의 종료보다 늦습니다",
    },
    # -- owners: O001–O003 -------------------------------------------------------------------
    "o001": {
        "en": '{title!r} has no owner; add owner: ("-" for nobody)',
        "ko": '‘{title}’에 담당이 없습니다. owner: 항목을 추가하십시오(담당이 없으면 "-")',
    },
    "o002": {
        "en": "owner {owner!r} is not in people{hint}",
        "ko": "people에 담당 ‘{owner}’ 항목이 없습니다{hint}",
    },
    "o002.did_you_mean": {"en": "; did you mean {guess!r}?", "ko": ". 혹시 ‘{guess}’입니까?"},
    "o002.add": {"en": "; add them to people", "ko": ". people에 추가하십시오"},
    "o003": {
        "en": "{person} is also in {first!r} ({first_booking}, line {line}) at the same time as {second!r} ({second_booking})",
        "ko": "담당 {person}의 일정이 겹칩니다. ‘{second}’({second_booking}) 시간에 ‘{first}’({first_booking}, 줄 {line})에도 배정되어 있습니다",
    },
    "o003.files": {
        "en": "{person} is also in {other!r} ({where}, {other_booking}) at the same time as {mine!r} ({my_booking})",
        "ko": "담당 {person}의 일정이 겹칩니다. ‘{mine}’({my_booking}) 시간에 ‘{other}’({where}, {other_booking})에도 배정되어 있습니다",
    },
    # -- dates: D001 -------------------------------------------------------------------------
    "d001": {
        "en": "weekday {written} does not match {date}, a {actual}; write {right}",
        "ko": "요일({written})이 날짜({date})와 맞지 않습니다. 이날은 {actual}이며, 올바른 표기는 {right}입니다",
    },
    # -- suppressions: I001 ------------------------------------------------------------------
    "i001.unknown": {
        "en": "the suppression names {name!r}, which is not a rule; `tfagenda rules` lists them",
        "ko": "무시 주석의 ‘{name}’에 해당하는 규칙이 없습니다. 규칙 목록: `tfagenda rules`",
    },
    "i001.unused": {
        "en": "the suppression of {what} suppresses nothing here; remove it",
        "ko": "{what}에 대한 무시 주석이 여기서 아무것도 무시하지 않습니다. 주석을 삭제하십시오",
    },
    "i001.every_rule": {"en": "every rule", "ko": "모든 규칙"},
    # -- reading the file: E000–E004, Y001 ---------------------------------------------------
    "e000": {"en": "cannot read the file: {reason}", "ko": "파일을 읽을 수 없습니다: {reason}"},
    "e000.folder": {
        "en": "cannot read the folder: {reason}; the files in it were not checked",
        "ko": "폴더를 읽을 수 없습니다: {reason}. 그 안의 파일은 점검하지 않았습니다",
    },
    "e000.is_folder": {"en": "it is a folder, not a file", "ko": "파일이 아니라 폴더입니다"},
    "e000.link_loop": {
        "en": "cannot read the file: it is a symbolic link to {target} that loops back on itself",
        "ko": "파일을 읽을 수 없습니다: 자기 자신으로 되돌아오는 심볼릭 링크입니다(대상: {target})",
    },
    "e000.link_broken": {
        "en": "cannot read the file: it is a broken symbolic link (to {target}, which does not exist)",
        "ko": "파일을 읽을 수 없습니다: 대상이 없는 심볼릭 링크입니다(대상: {target})",
    },
    "e001.too_large": {
        "en": "the file is larger than {mib} MiB, the most tfagenda reads (an agenda of a thousand segments is about 100 KiB); not checked",
        "ko": "파일 크기가 tfagenda가 읽는 최대 크기({mib} MiB)를 넘어 점검하지 않았습니다(순서 1,000개인 일정표가 약 100 KiB)",
    },
    "e001.not_utf8": {
        "en": "the file is not {encoding} text (byte 0x{byte} at offset {offset}): {reason}; save it as UTF-8",
        "ko": "파일이 {encoding} 텍스트가 아닙니다(오프셋 {offset}의 바이트 0x{byte}: {reason}). UTF-8 형식으로 저장하십시오",
    },
    "e001.syntax": {"en": "YAML syntax: {what}", "ko": "YAML 문법 오류: {what}"},
    "e001.utf16_no_bom": {
        "en": "the file looks like UTF-16 without a byte-order mark; save it as UTF-8",
        "ko": "바이트 순서 표시 없는 UTF-16 파일로 보입니다. UTF-8 형식으로 저장하십시오",
    },
    "e003": {
        "en": "key {name!r} is given twice, on lines {first} and {second}; the second is ignored: remove one of them",
        "ko": "같은 키가 두 번 적혀 있습니다: {name!r}(줄 {first}, 줄 {second}). 두 번째 값은 무시됩니다. 둘 중 하나를 삭제하십시오",
    },
    "e001.bad_character": {
        "en": "the character U+{code} ({name}) is not allowed in YAML; remove it",
        "ko": "YAML에 쓸 수 없는 문자가 있습니다: U+{code}({name}). 이 문자를 삭제하십시오",
    },
    "e001.bad_character_utf16": {
        "en": "the character U+{code} ({name}) is not allowed in YAML; remove it "
        "(the file looks like UTF-16 without a byte-order mark: save it as UTF-8)",
        "ko": "YAML에 쓸 수 없는 문자가 있습니다: U+{code}({name}). 이 문자를 삭제하십시오"
        "(바이트 순서 표시 없는 UTF-16 파일로 보입니다. UTF-8 형식으로 저장하십시오)",
    },
    "e001.recursion": {
        "en": "the YAML nests deeper than the parser can follow",
        "ko": "YAML의 중첩이 너무 깊어 읽을 수 없습니다",
    },
    "e001.reader": {"en": "YAML: {error}", "ko": "YAML 오류: {error}"},
    "e001.alias_bomb": {
        "en": "the YAML expands its aliases to more than {limit} values (an alias bomb); write the values out instead",
        "ko": "YAML 별칭(alias)을 펼치면 값이 {limit}개를 넘습니다(별칭 폭탄). 값을 직접 적으십시오",
    },
    "e001.too_deep": {
        "en": "the YAML nests more than {depth} levels deep",
        "ko": "YAML의 중첩이 {depth}단계를 넘습니다",
    },
    "e001.too_many_values": {
        "en": "the file has more than {limit} values, the most tfagenda reads (a 20,000-event schedule has about 180,000); not checked",
        "ko": "파일의 값이 tfagenda가 읽는 최대 개수({limit}개)를 넘어 점검하지 않았습니다(행사 20,000개인 일정표가 약 180,000개)",
    },
    "e002.more": {
        "en": "{count} more problems with the file's values are not listed (tfagenda lists the first {limit}); fix these first",
        "ko": "파일 값의 문제 {count}개는 더 표시하지 않았습니다(처음 {limit}개만 표시). 먼저 위의 문제를 고치십시오",
    },
    "capped": {
        "en": "more {code} findings in this file are not listed: tfagenda lists at most {limit} per rule and file",
        "ko": "이 파일의 {code} 지적 사항은 더 표시하지 않았습니다(규칙·파일마다 최대 {limit}개)",
    },
    "e002.key_not_text": {
        "en": "a key must be plain text, not a list or mapping",
        "ko": "키는 목록이나 매핑이 아닌 일반 텍스트여야 합니다",
    },
    "e002.not_agenda": {
        "en": "the file is {what}; an agenda is a mapping with at least title and segments",
        "ko": "파일이 {what}. 일정표는 title, segments 항목이 있는 매핑이어야 합니다",
    },
    "e002.empty": {"en": "empty", "ko": "비어 있습니다"},
    "e002.not_mapping": {"en": "a {type}, not a mapping", "ko": "매핑이 아닙니다({type})"},
    "e002.not_an_agenda": {
        "en": "not an agenda: its keys are {keys}, and an agenda has title and segments (or days); "
        "if the file is not meant to be one, exclude it (exclude in the config) or name the agenda files",
        "ko": "일정표가 아닙니다(키: {keys}). 일정표에는 title, segments(또는 days) 항목이 있어야 합니다. "
        "일정표가 아닌 파일이면 설정의 exclude로 제외하거나 점검할 일정표 파일을 직접 지정하십시오",
    },
    "e002.no_segments": {
        "en": "the agenda has no segments; add at least one under segments:",
        "ko": "일정표에 순서가 없습니다. segments: 아래에 순서를 하나 이상 추가하십시오",
    },
    "e002.unknown_key": {
        "en": "unknown key {key!r} in {where}; {hint}",
        "ko": "{where}에 알 수 없는 키가 있습니다: {key!r}. {hint}",
    },
    "e002.did_you_mean": {"en": "did you mean {guess!r}?", "ko": "혹시 {guess!r}입니까?"},
    "e002.known_keys": {"en": "known keys: {keys}", "ko": "사용할 수 있는 키: {keys}"},
    "e002.missing": {
        "en": "{where} has no {field}; add {field}:",
        "ko": "{where}에 {field} 항목이 없습니다. {field}: 항목을 추가하십시오",
    },
    "e002.not_a_mapping": {
        "en": "{field} must be a mapping (key: value), not {type}",
        "ko": "{field}: 매핑(key: value)이어야 합니다. 지금은 {type}입니다",
    },
    "e002.not_a_list": {
        "en": "{field} must be a list (- item), not {type}",
        "ko": "{field}: 목록(- 항목)이어야 합니다. 지금은 {type}입니다",
    },
    "e002.invalid": {"en": "{field}: {message}", "ko": "{field} 항목: {message}"},
    "e002.invalid_agenda": {"en": "the agenda: {message}", "ko": "일정표: {message}"},
    "e002.validator": {
        "en": "{detail}",
        "ko": "값을 읽을 수 없습니다({detail})",
    },  # pydantic's own English sentence
    "e004": {"en": "{field}: {message}", "ko": "{field} 항목: {message}"},
    "where.agenda": {"en": "the agenda", "ko": "일정표"},
    "where.segment": {"en": "segment {n}", "ko": "{n}번째 순서"},
    "where.part": {"en": "part {n}", "ko": "{n}번째 세부 순서"},
    "where.track": {"en": "track {n}", "ko": "{n}번째 트랙"},
    "where.day": {"en": "day {n}", "ko": "{n}번째 날"},
    "where.slot": {"en": "slot", "ko": "회의 시간(slot)"},
    "where.policy": {"en": "policy", "ko": "정책(policy)"},
    "where.person": {"en": "person", "ko": "people 항목"},
    "where.value": {"en": "value", "ko": "값"},
    "type.text": {"en": "text", "ko": "텍스트"},
    "type.number": {"en": "a number", "ko": "숫자"},
    "type.bool": {"en": "true/false", "ko": "참/거짓"},
    "type.list": {"en": "a list", "ko": "목록"},
    "type.mapping": {"en": "a mapping", "ko": "매핑"},
    "type.null": {"en": "null", "ko": "값 없음(null)"},
    "y001": {
        "en": "{name} {value} is unquoted; YAML 1.1 tools (PyYAML, many editors) read it as the number {number}. "
        'Read here as {meaning}; quote it: "{value}"',
        "ko": "{name} 값 {value}에 따옴표가 없습니다. YAML 1.1 도구(PyYAML, 여러 편집기)는 이 값을 숫자({number})로 읽습니다. "
        '여기서는 {meaning}으로 읽었습니다. 따옴표로 감싸십시오: "{value}"',
    },
    "y001.slot_field": {"en": "slot {field}", "ko": "slot의 {field}"},
    "y001.time": {"en": "the time {value}", "ko": "시각({value})"},
    "y001.duration": {"en": "the duration {value} ({minutes})", "ko": "소요 시간({value}, {minutes})"},
    # -- values that cannot be read (clock.py, model.py) -------------------------------------
    "value.not_time": {
        "en": '{text!r} is not a time; write it as HH:MM, e.g. "16:30"',
        "ko": '시각으로 읽을 수 없는 값입니다({text!r}). HH:MM 형식으로 적으십시오(예: "16:30")',
    },
    "value.minute_past_59": {
        "en": "{text!r} is not a time: minute {minute} is past 59",
        "ko": "시각으로 읽을 수 없는 값입니다({text!r}). 분 값({minute})이 59를 넘습니다",
    },
    "value.time_range": {
        "en": "{text!r} is not a time: times run from 00:00 to 24:00",
        "ko": "시각으로 읽을 수 없는 값입니다({text!r}). 시각은 00:00부터 24:00까지입니다",
    },
    "value.number_not_time": {
        "en": "{value} is a number, not a time; write it as {hint}",
        "ko": "시각이 아니라 숫자입니다({value}). {hint} 형식으로 적으십시오",
    },
    "value.not_duration": {
        "en": '{value!r} is not a duration; give minutes (5) or text such as "5m", "1h30m", "1:30"',
        "ko": '소요 시간으로 읽을 수 없는 값입니다({value!r}). 분 단위 숫자(5)나 "5m", "1h30m", "1:30" 같은 형식으로 적으십시오',
    },
    "value.negative_duration": {
        "en": "duration {value} is negative",
        "ko": "소요 시간이 음수입니다({value})",
    },
    "value.duration_too_long": {
        "en": "duration {value} is more than a week; a segment lasts at most {limit} minutes (7 days)",
        "ko": "소요 시간이 1주일보다 깁니다({value}). 한 순서는 최대 {limit}분(7일)입니다",
    },
    "value.not_duration_text": {
        "en": "{value!r} is not a duration; give minutes (5) or text such as {examples}",
        "ko": "소요 시간으로 읽을 수 없는 값입니다({value!r}). 분 단위 숫자(5)나 {examples} 같은 형식으로 적으십시오",
    },
    "value.empty_slot": {
        "en": "the slot {start}–{end} is empty",
        "ko": "회의 시간({start}–{end})의 길이가 0분입니다",
    },
    "value.not_slot_text": {
        "en": '{text!r} is not a slot; write it as "16:30-18:00" (or with ~)',
        "ko": '회의 시간으로 읽을 수 없는 값입니다({text!r}). "16:30-18:00" 형식으로 적으십시오(~도 가능)',
    },
    "value.not_slot": {
        "en": '{value!r} is not a slot; write it as "16:30-18:00" or {{start: "16:30", end: "18:00"}}',
        "ko": '회의 시간으로 읽을 수 없는 값입니다({value!r}). "16:30-18:00" 또는 {{start: "16:30", end: "18:00"}} 형식으로 적으십시오',
    },
    "value.slot_keys": {
        "en": "a slot mapping has exactly the keys start and end, not {keys}",
        "ko": "회의 시간 매핑에는 start, end 키만 있어야 합니다(지금: {keys})",
    },
    "value.bad_date": {
        "en": "{value!r} is not a date: {error}",
        "ko": "날짜로 읽을 수 없는 값입니다({value!r}): {error}",
    },
    "value.not_date": {
        "en": "{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-02-26",
        "ko": "날짜로 읽을 수 없는 값입니다({value!r}). YYYY-MM-DD 형식으로 적으십시오(예: 2026-02-26)",
    },
    "value.not_weekday": {
        "en": "{value!r} is not a weekday; write {korean}, Thu or Thursday",
        "ko": "요일로 읽을 수 없는 값입니다({value!r}). {korean}, Thu, Thursday 같은 형식으로 적으십시오",
    },
    "value.not_owner": {
        "en": '{value!r} is not an owner; give a name, a list of names, or "-" for nobody',
        "ko": '담당으로 읽을 수 없는 값입니다({value!r}). 이름이나 이름 목록을 적으십시오(담당이 없으면 "-")',
    },
    "value.not_timezone": {
        "en": "{value!r} is not an IANA time zone name such as Asia/Seoul or Europe/Berlin",
        "ko": "IANA 시간대 이름이 아닙니다({value!r}). 예: Asia/Seoul, Europe/Berlin",
    },
    "value.not_text": {"en": "{value!r} is not text", "ko": "텍스트가 아닙니다({value!r})"},
    "value.day_shape": {
        "en": "a day has either segments or tracks, not both",
        "ko": "하루(day)에는 segments 또는 tracks 중 하나만 적을 수 있습니다",
    },
    "value.agenda_shape": {
        "en": "an agenda has either segments (one meeting) or days, not both",
        "ko": "일정표에는 segments(회의 하나) 또는 days 중 하나만 적을 수 있습니다",
    },
    "value.misplaced": {
        "en": "with days, put {names} on each day, not at the top",
        "ko": "days를 쓸 때는 {names} 항목을 맨 위가 아니라 각 날(day)에 적으십시오",
    },
    # -- ministry import: E005 ---------------------------------------------------------------
    "e005.no_table": {
        "en": "no schedule table found: expected rows like {example} (tab-separated, a | table, or columns two spaces apart)",
        "ko": "일정 표를 찾지 못했습니다. {example} 같은 행이 있어야 합니다(탭 구분, | 표, 또는 두 칸 이상 띄운 열)",
    },
    "e005.meeting_line": {
        "en": "cannot read the meeting line {value!r}: write it as {example}",
        "ko": "회의 일시 줄을 읽을 수 없습니다({value!r}). {example} 형식으로 적으십시오",
    },
    "e005.row_time": {
        "en": "cannot read the time of this schedule row, {value!r}; write it as {example}, as the other rows do",
        "ko": "이 행의 시간을 읽을 수 없습니다({value!r}). 다른 행처럼 {example} 형식으로 적으십시오",
    },
    # -- the summary line (report/text.py) ---------------------------------------------------
    "summary.passed": {"en": "All checks passed ({files}).", "ko": "모든 점검을 통과했습니다({files})."},
    "summary.passed_fixed": {
        "en": "All checks passed ({files}); {fixed}.",
        "ko": "모든 점검을 통과했습니다({files}). {fixed}.",
    },
    "summary.found": {
        "en": "Found {errors} and {warnings} in {files}{tail}.",
        "ko": "{files}에서 {errors}, {warnings}을 찾았습니다{tail}.",
    },
    "summary.found_fixed": {
        "en": "Found {errors} and {warnings} in {files}; {fixed}.",
        "ko": "{files}에서 {errors}, {warnings}을 찾았습니다. {fixed}.",
    },
    "summary.with_fix": {"en": "; {n} with a fix", "ko": ". 그중 {n}건은 수정안이 있습니다"},
    "summary.files.one": {"en": "{n} file", "ko": "파일 {n}개"},
    "summary.files.many": {"en": "{n} files", "ko": "파일 {n}개"},
    "summary.errors.one": {"en": "{n} error", "ko": "오류 {n}건"},
    "summary.errors.many": {"en": "{n} errors", "ko": "오류 {n}건"},
    "summary.warnings.one": {"en": "{n} warning", "ko": "경고 {n}건"},
    "summary.warnings.many": {"en": "{n} warnings", "ko": "경고 {n}건"},
    "summary.fixed": {
        "en": "{fixed} fixed, {remaining} remaining",
        "ko": "{fixed}건 수정, {remaining}건 남음",
    },
    "summary.unsafe.one": {
        "en": " ({n} with an unsafe fix: --unsafe-fixes applies it)",
        "ko": " (그중 {n}건은 안전하지 않은 수정안이 있어 --unsafe-fixes를 주면 적용됩니다)",
    },
    "summary.unsafe.many": {
        "en": " ({n} with an unsafe fix: --unsafe-fixes applies them)",
        "ko": " (그중 {n}건은 안전하지 않은 수정안이 있어 --unsafe-fixes를 주면 적용됩니다)",
    },
}

_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """The names a template fills in (``{title!r}`` → ``title``)."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}


def say(key: str, lang: str = "en", /, **params: Any) -> str:
    """The sentence ``key`` in ``lang`` (English for a language the catalog lacks).

    Parameters that are ``Message``s are said in the same language; tuples are joined with "and"
    (``join_and``), ``Either`` tuples with "or" (``join_or``).
    """
    entry = CATALOG[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**{name: _in(value, lang) for name, value in params.items()})


def _in(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.say(lang)
    if isinstance(value, Either):
        return join_or([_in(item, lang) for item in value], lang)
    if isinstance(value, tuple):
        return join_and([_in(item, lang) for item in value], lang)
    return value


class Either(tuple):  # type: ignore[type-arg]
    """A parameter said as alternatives: ``end 10:20 or start 09:40`` / ``종료 10:20 또는 시작 09:40``."""


class Message(str):
    """A catalog sentence said later: the English text, which keeps its key and parameters.

    It is a ``str`` (English) everywhere a ``str`` goes, so code and tests that read the English
    text are unaffected; ``localize`` (or ``say``, for a parameter) says it in another language.
    """

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        self = super().__new__(cls, say(key, "en", **params))
        self.key = key
        self.params = params
        return self

    def say(self, lang: str) -> str:
        return str.__str__(self) if lang == "en" else say(self.key, lang, **self.params)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_message, (self.key, self.params))


def _message(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def localize(text: str, lang: str) -> str:
    """``text`` in ``lang``: a ``Message`` is said again; other text is already in its language."""
    if isinstance(text, Message):
        return text.say(lang)
    return text


# -- pieces that vary by language -----------------------------------------------------------


def minutes(n: int) -> Message:
    """``5 minutes`` / ``5분`` (``1 minute``)."""
    return Message("minutes.one" if n == 1 else "minutes.many", n=n)


def plural(key: str, n: int, lang: str) -> str:
    """``key.one`` for 1, else ``key.many``, with ``{n}``."""
    return say(f"{key}.one" if n == 1 else f"{key}.many", lang, n=n)


def join_and(items: Iterable[str], lang: str) -> str:
    """``A and B`` / ``A와 B`` (과 after a final consonant; ``및`` after a number or Latin text)."""
    items = [str(item) for item in items]
    if lang != "ko":
        return " and ".join(items)
    if len(items) < 2:
        return "".join(items)
    head = ", ".join(items[:-1])
    last_before = items[-2]
    if _final_hangul(last_before) is None:
        return f"{head} 및 {items[-1]}"
    return f"{head}{josa(last_before, '과/와')} {items[-1]}"


def join_or(items: Iterable[str], lang: str) -> str:
    """``A or B`` / ``A 또는 B``."""
    return (" 또는 " if lang == "ko" else " or ").join(str(item) for item in items)


# -- Korean particles -----------------------------------------------------------------------

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # ㄹ as a final consonant: (code - 0xAC00) % 28 == 8
# How the last digit of a number is read: (has a final consonant, that consonant is ㄹ).
_DIGIT_ENDINGS = {
    "0": (True, False),  # 영 (and 십 백 천 만 after other digits: all closed; see _number_ending)
    "1": (True, True),  # 일
    "2": (False, False),  # 이
    "3": (True, False),  # 삼
    "4": (False, False),  # 사
    "5": (False, False),  # 오
    "6": (True, False),  # 육
    "7": (True, True),  # 칠
    "8": (True, True),  # 팔
    "9": (False, False),  # 구
}


def _final_hangul(word: str) -> str | None:
    """The last Hangul syllable of ``word``, ignoring a trailing parenthesis and quotes; None if it ends otherwise."""
    text = word.rstrip()
    while text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip()
    text = text.rstrip("’'\"」』 ")
    if text and _HANGUL_FIRST <= ord(text[-1]) <= _HANGUL_LAST:
        return text[-1]
    return None


def _ending(word: str) -> tuple[bool, bool] | None:
    """Whether ``word`` as read ends in a consonant, and whether that is ㄹ; None when unknown."""
    syllable = _final_hangul(word)
    if syllable is not None:
        final = (ord(syllable) - _HANGUL_FIRST) % 28
        return final != 0, final == _RIEUL
    text = word.rstrip().rstrip("’'\"")
    if text and text[-1].isdigit():
        digits = text[len(text.rstrip("0123456789")) :].lstrip("0") or "0"
        if len(digits) > 1 and digits.endswith("0"):
            return True, False  # 십, 백, 천, 만: all end in a consonant that is not ㄹ
        return _DIGIT_ENDINGS[digits[-1]]
    return None


def josa(word: str, pair: str) -> str:
    """The particle of ``pair`` (``"이/가"``, ``"은/는"``, ``"을/를"``, ``"과/와"``, ``"으로/로"``) that follows ``word``.

    The first form follows a final consonant ((code − 0xAC00) % 28 ≠ 0), the second a vowel;
    ``으로/로`` takes 로 after ㄹ too. Numbers are read as Sino-Korean numerals (5 → 오, 10 → 십).
    When the ending cannot be known (Latin letters), both forms are given: ``이(가)``.
    """
    closed, vowel = pair.split("/")
    ending = _ending(word)
    if ending is None:
        return f"{closed}({vowel})"
    consonant, rieul = ending
    if closed == "으로":
        return closed if consonant and not rieul else vowel
    return closed if consonant else vowel


# -- choosing the language ------------------------------------------------------------------


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``ko`` when the locale is Korean, else ``en``: the first non-empty of LC_ALL, LC_MESSAGES and
    LANG (as gettext reads them) decides; a value starting with ``ko`` (``ko_KR.UTF-8``) is Korean."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"
