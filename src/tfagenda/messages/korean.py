"""The Korean catalog: each English sentence template as the code writes it → its Korean template.

A key is the English template of a ``T(...)`` call in ``src/tfagenda``; where two calls share an
English sentence that Korean says two ways, the key is ``(context, English)`` and the calls pass
``context=`` (as gettext's ``pgettext``). A Korean template takes the same placeholders as its
English key. tests/test_messages.py checks all of this, and that no entry is left without a call.
For the register and the terms, see ``tfagenda.messages``.
"""

from __future__ import annotations

KOREAN: dict[str | tuple[str, str], str] = {
    # -- pieces ------------------------------------------------------------------------------
    "{n} minute": "{n}분",
    "{n} minutes": "{n}분",
    "Monday": "월요일",
    "Tuesday": "화요일",
    "Wednesday": "수요일",
    "Thursday": "목요일",
    "Friday": "금요일",
    "Saturday": "토요일",
    "Sunday": "일요일",
    # -- fixes -------------------------------------------------------------------------------
    "set start to {value}": "시작 수정: {value}",
    "set end to {value}": "종료 수정: {value}",
    "set duration to {value}": "소요 시간 수정: {value}",
    "set weekday to {value}": "요일 수정: {value}",
    'quote it: "{value}"': '따옴표로 감싸기: "{value}"',
    "rename to {guess!r}": "키 이름 수정: {guess!r}",
    "remove the suppression": "무시 주석 삭제",
    "{description}; this also changes {others}, which share the value (an anchor, alias or merge key)": (
        "{description}. 이 값을 함께 쓰는 {others}도 바뀝니다(앵커, 별칭 또는 병합 키)"
    ),
    "{places} and {more} more": "{places} 외 {more}곳",
    # -- timeline: T001/T002 -----------------------------------------------------------------
    # -- T005 implicit-end -------------------------------------------------------------------
    "{title!r} gives no end: it ends at {end}, {where}": "{title!r}에 종료 시각이 없습니다. {where} {end}에 끝납니다",
    "where the next segment starts": "다음 순서가 시작하는",
    "where its parent segment ends": "상위 순서가 끝나는",
    "where the slot ends": "회의 시간이 끝나는",
    "where its last part ends": "마지막 하위 순서가 끝나는",
    "write end: {value}": "종료 시각 쓰기: {value}",
    "the {n}-minute duration": "소요 시간({n}분)",
    "its first part's start": "첫 하위 순서의 시작",
    "its last part's end": "마지막 하위 순서의 종료",
    "the slot's start": "회의 시간의 시작",
    "the slot's end": "회의 시간의 종료",
    "the parent segment's start": "상위 순서의 시작",
    "the parent segment's end": "상위 순서의 종료",
    "the previous segment's end": "앞 순서의 종료",
    "the next segment's start": "다음 순서의 시작",
    "end {end} is before start {start}": "종료({end})가 시작({start})보다 이릅니다",
    "end {end} is before its start {start}": "종료({end})가 앞에서 이어지는 시작({start})보다 이릅니다",
    "start {start}, end {end} and duration {duration} disagree ({start}–{end} is {length})": "시작({start}), 종료({end}), 소요 시간({duration}분)이 서로 맞지 않습니다({start}–{end}: {length})",
    "{what}, and neither neighbour says what it should be": "{what}. 앞뒤 순서로도 맞는 값을 알 수 없습니다",
    "{what}, and no repair is clearly best: {options}": "{what}. 어느 쪽으로 고칠지 분명하지 않습니다: {options}",
    "start {value}": "시작 {value}",
    "end {value}": "종료 {value}",
    "duration {value}": "소요 시간 {value}",
    "{what}; set start to {value}": "{what}. 수정안: 시작 {value}",
    "{what}; set end to {value}": "{what}. 수정안: 종료 {value}",
    "{what}; set duration to {value}": "{what}. 수정안: 소요 시간 {value}",
    ("start", "{what}; {evidence} says {value}"): "{what}. {evidence}에 따르면 시작은 {value}입니다",
    ("end", "{what}; {evidence} says {value}"): "{what}. {evidence}에 따르면 종료는 {value}입니다",
    "{what}; {evidence} says duration {value}": "{what}. {evidence}에 따르면 소요 시간은 {value}입니다",
    ("start", "{what}; {evidence} both say {value}"): "{what}. {evidence}에 따르면 시작은 {value}입니다",
    ("end", "{what}; {evidence} both say {value}"): "{what}. {evidence}에 따르면 종료는 {value}입니다",
    ("start", "{what}; {evidence} all say {value}"): "{what}. {evidence}에 따르면 시작은 {value}입니다",
    ("end", "{what}; {evidence} all say {value}"): "{what}. {evidence}에 따르면 종료는 {value}입니다",
    "{what}; {evidence} agree with {start}–{end}: duration {value}": "{what}. {evidence}에 따르면 이 순서는 {start}–{end}이고 소요 시간은 {value}입니다",
    # -- timeline and T003 -------------------------------------------------------------------
    "its start cannot be determined: give it a start (the first segment has no previous end), or give the agenda a slot": "시작을 정할 수 없습니다. 시작을 적거나(첫 순서에는 앞 순서의 종료가 없습니다) 일정표에 회의 시간(slot)을 적으십시오",
    "its end cannot be inferred: {neighbour} ({next}) is before its start {start}; give it an end or a duration": "종료를 추정할 수 없습니다. {neighbour}({next})이 이 순서의 시작({start})보다 이릅니다. 종료나 소요 시간을 적으십시오",
    "its end cannot be determined: it is the last segment and the agenda gives no slot to end it; give it an end or a duration, or give the agenda a slot": "종료를 정할 수 없습니다. 마지막 순서인데 일정표에 회의 시간(slot)이 없어 끝나는 때를 알 수 없습니다. 종료나 소요 시간을 적거나 일정표에 회의 시간(slot)을 적으십시오",
    "its end cannot be determined: it is the last part and its parent has no end; give it an end or a duration": "종료를 정할 수 없습니다. 마지막 세부 순서인데 상위 순서에 종료가 없습니다. 종료나 소요 시간을 적으십시오",
    "its end cannot be determined: the next segment has no start of its own; give this one an end or a duration, or the next one a start": "종료를 정할 수 없습니다. 다음 순서에 시작이 적혀 있지 않습니다. 이 순서에 종료나 소요 시간을 적거나 다음 순서에 시작을 적으십시오",
    'time is a shorthand for start and end ("16:30~16:35"); give time or {names}, not both': 'time은 시작과 종료를 한 번에 적는 약식입니다("16:30~16:35"). time과 {names} 중 하나만 적으십시오',
    'time: {value!r} is not a time range; write start~end, e.g. "16:30~16:35"': 'time: {value!r}은(는) 시간 범위가 아닙니다. 시작~종료로 적으십시오(예: "16:30~16:35")',
    '{value} opens a single-quoted YAML string that is not closed on its line, so the rest is read as text; write "{value}" (in double quotes) or {minutes}': '{value}의 작은따옴표가 YAML 문자열을 열고 그 줄에서 닫지 않아 뒤의 내용이 모두 문자열로 읽힙니다. "{value}"처럼 큰따옴표로 감싸거나 {minutes}(으)로 적으십시오',
    "the file is saved as {encoding}, not UTF-8; it was read as {encoding} (--fix keeps it so); save it as UTF-8 for other tools": "파일이 UTF-8이 아닌 {encoding}(으)로 저장되어 있습니다. {encoding}(으)로 읽었습니다(--fix도 이 인코딩을 유지합니다). 다른 도구를 위해 UTF-8로 저장하십시오",
    "{title!r}: {reason}{tail}": "‘{title}’의 {reason}{tail}",
    "; 1 segment after it cannot be placed either": ". 뒤이은 순서 1개도 시간을 정할 수 없습니다",
    "; {n} segments after it cannot be placed either": ". 뒤이은 순서 {n}개도 시간을 정할 수 없습니다",
    "; 1 part after it cannot be placed either": ". 뒤이은 세부 순서 1개도 시간을 정할 수 없습니다",
    "; {n} parts after it cannot be placed either": ". 뒤이은 세부 순서 {n}개도 시간을 정할 수 없습니다",
    "{title!r} lasts 0 minutes ({time}); give it its real length": "‘{title}’의 소요 시간이 0분입니다({time}). 실제 소요 시간을 적으십시오",
    # -- sequence: S001–S003 -----------------------------------------------------------------
    "{after!r} starts at {after_start}, {overlap} before {before!r} ends at {before_end}; start it at {before_end} or end {before!r} at {after_start}": "‘{after}’의 시작({after_start})이 ‘{before}’의 종료({before_end})보다 {overlap} 이릅니다. ‘{after}’의 시작을 {before_end}에 맞추거나 ‘{before}’의 종료를 {after_start}에 맞추십시오",
    "{gap_start}–{gap_end} ({length}) between {before!r} and {after!r} is not covered by any segment; start {after!r} at {gap_start} or add a break": "‘{before}’ 종료와 ‘{after}’ 시작 사이의 {gap_start}–{gap_end}({length})에 배정된 순서가 없습니다. ‘{after}’의 시작을 {gap_start}에 맞추거나 휴식 순서를 추가하십시오",
    "{after!r} at {after_start} is listed after {before!r} at {before_start}; list segments in time order": "{after_start}에 시작하는 ‘{after}’ 순서가 {before_start}에 시작하는 ‘{before}’ 순서보다 뒤에 적혀 있습니다. 순서를 시간순으로 적으십시오",
    # -- changeover and clash groups: O005, S004 (issue 16) -----------------------------------
    "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} ({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; start {after!r} at {earliest} or later": "담당 {person}의 장소 이동 시간이 부족합니다. ‘{before}’({before_booking}, 줄 {line})에서 ‘{after}’({after_booking})까지 {gap}뿐이며, {source}에서 {target}까지 필요한 이동 시간 {needed}보다 {short} 짧습니다. ‘{after}’의 시작을 {earliest} 이후로 옮기십시오",
    "{person} has {gap} to get from {other!r} ({where}, {other_booking}) to {mine!r} ({my_booking}), {short} less than the changeover of {needed}; start {mine!r} at {earliest} or later": "담당 {person}의 장소 이동 시간이 부족합니다. ‘{other}’({where}, {other_booking})에서 ‘{mine}’({my_booking})까지 {gap}뿐이며, 필요한 이동 시간 {needed}보다 {short} 짧습니다. ‘{mine}’의 시작을 {earliest} 이후로 옮기십시오",
    "{person} has {gap} to get from {mine!r} ({my_booking}) to {other!r} ({where}, {other_booking}), {short} less than the changeover of {needed}; {other!r} would have to start at {earliest} or later": "담당 {person}의 장소 이동 시간이 부족합니다. ‘{mine}’({my_booking})에서 ‘{other}’({where}, {other_booking})까지 {gap}뿐이며, 필요한 이동 시간 {needed}보다 {short} 짧습니다. ‘{other}’의 시작이 {earliest} 이후여야 합니다",
    "topic {name!r}": "주제 ‘{name}’",
    "clash group {name!r}": "중복 금지 그룹 ‘{name}’",
    "{last!r} ({last_booking}) runs at the same time as {first!r} ({first_booking}, line {line}), and both are in {groups}; move one so that people can see both": "‘{last}’({last_booking}) 순서와 ‘{first}’({first_booking}, 줄 {line}) 순서의 시간이 겹칩니다. 두 순서 모두 {groups}에 속합니다. 참석자가 둘 다 볼 수 있도록 한 순서를 옮기십시오",
    "{count} segments of {groups} run at overlapping times in different rooms: {listed} and {last!r} ({last_booking}); move them apart so that people can see them all": "{groups}에 속한 순서 {count}개가 서로 다른 장소에서 같은 시간에 진행됩니다: {listed}, ‘{last}’({last_booking}). 참석자가 모두 볼 수 있도록 시간을 나누십시오",
    "{listed}, {more} more": "{listed} 외 {more}개",
    "{title!r} ({booking}, line {line})": "‘{title}’({booking}, 줄 {line})",
    "{value!r} is not a topic; give a name or a list of names": "주제로 읽을 수 없는 값입니다({value!r}). 이름이나 이름 목록을 적으십시오",
    "{value!r} is not a clash group; give it a name": "중복 금지 그룹으로 읽을 수 없는 값입니다({value!r}). 그룹 이름을 적으십시오",
    "the changeover for {key!r}: {reason}": "{key!r}의 이동 시간: {reason}",
    '{key!r} is neither default nor a room pair such as "Hall A -> Hall B" or "Hall A <-> Hall B"': '{key!r}는 default도 장소 쌍도 아닙니다. "Hall A -> Hall B"(한 방향) 또는 "Hall A <-> Hall B"(양방향)처럼 적으십시오',
    "{key!r} names the same room twice; no changeover is needed within a room": "{key!r}에 같은 장소가 두 번 적혀 있습니다. 같은 장소 안에서는 이동 시간이 필요 없습니다",
    "{key!r} gives the way from {start} to {end} a second time": "{key!r}에서 {start}에서 {end}까지의 이동 시간을 두 번째로 정했습니다",
    "duration {value} is more than a week; a changeover is at most {limit} minutes (7 days)": "이동 시간 {value}이(가) 일주일보다 깁니다. 이동 시간은 최대 {limit}분(7일)입니다",
    # -- slot: F001–F003 ---------------------------------------------------------------------
    "{title!r} starts at {start}, {early} before the slot {slot} starts": "‘{title}’의 시작({start})이 회의 시간({slot})의 시작보다 {early} 이릅니다",
    "{title!r} ends at {end}, {late} after the slot {slot} ends": "‘{title}’의 종료({end})가 회의 시간({slot})의 종료보다 {late} 늦습니다",
    "the segments add up to {total}, the slot {slot} is {length}{tail}": "순서의 소요 시간 합계는 {total}이고 회의 시간({slot})은 {length}입니다{tail}",
    ": {where} is not planned": ". {where}에 계획된 순서가 없습니다",
    ": {where} are not planned": ". {where}에 계획된 순서가 없습니다",
    # -- parts: P001–P002 --------------------------------------------------------------------
    "the parts of {title!r} add up to {total}, but it lasts {duration} ({remark})": "‘{title}’의 세부 순서 합계는 {total}이지만 이 순서의 소요 시간은 {duration}입니다({remark})",
    "{minutes} unplanned": "{minutes} 미배정",
    "{minutes} too many": "{minutes} 초과",
    "part {title!r} starts at {start}, before {parent!r} ({span}) starts": "세부 순서 ‘{title}’의 시작({start})이 ‘{parent}’({span})의 시작보다 이릅니다",
    "part {title!r} ends at {end}, after {parent!r} ({span}) ends": "세부 순서 ‘{title}’의 종료({end})가 ‘{parent}’({span})의 종료보다 늦습니다",
    # -- owners: O001–O003 -------------------------------------------------------------------
    '{title!r} has no owner; add owner: ("-" for nobody)': '‘{title}’에 담당이 없습니다. owner: 항목을 추가하십시오(담당이 없으면 "-")',
    "owner {owner!r} is not in people{hint}": "people에 담당 ‘{owner}’ 항목이 없습니다{hint}",
    "; did you mean {guess!r}?": ". 혹시 ‘{guess}’입니까?",
    "; add them to people": ". people에 추가하십시오",
    "{person} is also in {first!r} ({first_booking}, line {line}) at the same time as {second!r} ({second_booking})": "담당 {person}의 일정이 겹칩니다. ‘{second}’({second_booking}) 시간에 ‘{first}’({first_booking}, 줄 {line})에도 배정되어 있습니다",
    "{person} is also in {other!r} ({where}, {other_booking}) at the same time as {mine!r} ({my_booking})": "담당 {person}의 일정이 겹칩니다. ‘{mine}’({my_booking}) 시간에 ‘{other}’({where}, {other_booking})에도 배정되어 있습니다",
    # -- availability: O006, F004 (people registry, windows) --------------------------------
    "{value!r} is not a time window; write it as {examples}": "시간대로 읽을 수 없는 값입니다({value!r}). {examples}처럼 적으십시오",
    "{value!r} is not a list of time windows; write them as {examples}": "시간대 목록으로 읽을 수 없는 값입니다({value!r}). {examples}처럼 적으십시오",
    "the nearest time they are free for its {minutes} is {window}": "{minutes} 동안 참석할 수 있는 가장 가까운 시간은 {window}입니다",
    "the nearest time the room is open for its {minutes} is {window}": "{minutes} 동안 장소를 쓸 수 있는 가장 가까운 시간은 {window}입니다",
    "no time that day fits its {minutes}": "그날에는 {minutes}이 들어갈 시간이 없습니다",
    "{person} is unavailable {windows}, during {title!r} ({booking}); {advice}": "담당 {person}은(는) {windows}에 참석할 수 없어 ‘{title}’({booking})을(를) 맡을 수 없습니다. {advice}",
    "{person} is available only {windows} that day, not during {title!r} ({booking}); {advice}": "담당 {person}은(는) 그날 {windows}에만 참석할 수 있어 ‘{title}’({booking}) 시간에는 참석할 수 없습니다. {advice}",
    "{person} is not available on the day of {title!r} ({booking}); {advice}": "담당 {person}은(는) ‘{title}’({booking}) 날에 참석할 수 없습니다. {advice}",
    "{title!r} ({booking}) is in {room} while it is closed ({windows}); {advice}": "‘{title}’({booking})이(가) {room}을(를) 쓸 수 없는 시간({windows})에 배정되어 있습니다. {advice}",
    "{title!r} ({booking}) is in {room} outside its opening hours ({windows}); {advice}": "‘{title}’({booking})이(가) {room}의 이용 시간({windows}) 밖에 배정되어 있습니다. {advice}",
    "{title!r} ({booking}) is in {room}, which is not open that day; {advice}": "‘{title}’({booking})이(가) 그날 열지 않는 {room}에 배정되어 있습니다. {advice}",
    # -- dates: D001 -------------------------------------------------------------------------
    "weekday {written} does not match {date}, a {actual}; write {right}": "요일({written})이 날짜({date})와 맞지 않습니다. 이날은 {actual}이며, 올바른 표기는 {right}입니다",
    # -- suppressions: I001 ------------------------------------------------------------------
    "the suppression names {name!r}, which is not a rule; `tfagenda rules` lists them": "무시 주석의 ‘{name}’에 해당하는 규칙이 없습니다. 규칙 목록: `tfagenda rules`",
    "the suppression of {what} suppresses nothing here; remove it": "{what}에 대한 무시 주석이 여기서 아무것도 무시하지 않습니다. 주석을 삭제하십시오",
    "every rule": "모든 규칙",
    # -- reading the file: E000–E004, Y001 ---------------------------------------------------
    "cannot read the file: {reason}": "파일을 읽을 수 없습니다: {reason}",
    "cannot read the folder: {reason}; the files in it were not checked": "폴더를 읽을 수 없습니다: {reason}. 그 안의 파일은 점검하지 않았습니다",
    "it is a folder, not a file": "파일이 아니라 폴더입니다",
    "cannot read the file: it is a symbolic link to {target} that loops back on itself": "파일을 읽을 수 없습니다: 자기 자신으로 되돌아오는 심볼릭 링크입니다(대상: {target})",
    "cannot read the file: it is a broken symbolic link (to {target}, which does not exist)": "파일을 읽을 수 없습니다: 대상이 없는 심볼릭 링크입니다(대상: {target})",
    "the file is larger than {mib} MiB, the most tfagenda reads (an agenda of a thousand segments is about 100 KiB); not checked": "파일 크기가 tfagenda가 읽는 최대 크기({mib} MiB)를 넘어 점검하지 않았습니다(순서 1,000개인 일정표가 약 100 KiB)",
    "the file is not {encoding} text (byte 0x{byte} at offset {offset}): {reason}; save it as UTF-8": "파일이 {encoding} 텍스트가 아닙니다(오프셋 {offset}의 바이트 0x{byte}: {reason}). UTF-8 형식으로 저장하십시오",
    "YAML syntax: {what}": "YAML 문법 오류: {what}",
    "the file looks like UTF-16 without a byte-order mark; save it as UTF-8": "바이트 순서 표시 없는 UTF-16 파일로 보입니다. UTF-8 형식으로 저장하십시오",
    "key {name!r} is given twice, on lines {first} and {second}; the second is ignored: remove one of them": "같은 키가 두 번 적혀 있습니다: {name!r}(줄 {first}, 줄 {second}). 두 번째 값은 무시됩니다. 둘 중 하나를 삭제하십시오",
    "key {name!r} is given twice on line {line}; the second is ignored: remove one of them": "같은 키가 한 줄에 두 번 적혀 있습니다: {name!r}(줄 {line}). 두 번째 값은 무시됩니다. 둘 중 하나를 삭제하십시오",
    "the character U+{code} ({name}) is not allowed in YAML; remove it": "YAML에 쓸 수 없는 문자가 있습니다: U+{code}({name}). 이 문자를 삭제하십시오",
    "the character U+{code} ({name}) is not allowed in YAML; remove it (the file looks like UTF-16 without a byte-order mark: save it as UTF-8)": "YAML에 쓸 수 없는 문자가 있습니다: U+{code}({name}). 이 문자를 삭제하십시오(바이트 순서 표시 없는 UTF-16 파일로 보입니다. UTF-8 형식으로 저장하십시오)",
    "the YAML nests deeper than the parser can follow": "YAML의 중첩이 너무 깊어 읽을 수 없습니다",
    "YAML: {error}": "YAML 오류: {error}",
    "the YAML expands its aliases to more than {limit} values (an alias bomb); write the values out instead": "YAML 별칭(alias)을 펼치면 값이 {limit}개를 넘습니다(별칭 폭탄). 값을 직접 적으십시오",
    "the YAML nests more than {depth} levels deep": "YAML의 중첩이 {depth}단계를 넘습니다",
    "the file has more than {limit} values, the most tfagenda reads (a 20,000-event schedule has about 180,000); not checked": "파일의 값이 tfagenda가 읽는 최대 개수({limit}개)를 넘어 점검하지 않았습니다(행사 20,000개인 일정표가 약 180,000개)",
    "{count} more problems with the file's values are not listed (tfagenda lists the first {limit}); fix these first": "파일 값의 문제 {count}개는 더 표시하지 않았습니다(처음 {limit}개만 표시). 먼저 위의 문제를 고치십시오",
    "more {code} findings in this file are not listed: tfagenda lists at most {limit} per rule and file": "이 파일의 {code} 지적 사항은 더 표시하지 않았습니다(규칙·파일마다 최대 {limit}개)",
    "a key must be plain text, not a list or mapping": "키는 목록이나 매핑이 아닌 일반 텍스트여야 합니다",
    "the file is {what}; an agenda is a mapping with at least title and segments": "파일이 {what}. 일정표는 title, segments 항목이 있는 매핑이어야 합니다",
    "empty": "비어 있습니다",
    "a {type}, not a mapping": "매핑이 아닙니다({type})",
    "not an agenda: its keys are {keys}, and an agenda has title and segments (or days); if the file is not meant to be one, exclude it (exclude in the config) or name the agenda files": "일정표가 아닙니다(키: {keys}). 일정표에는 title, segments(또는 days) 항목이 있어야 합니다. 일정표가 아닌 파일이면 설정의 exclude로 제외하거나 점검할 일정표 파일을 직접 지정하십시오",
    "the agenda has no segments; add at least one under segments:": "일정표에 순서가 없습니다. segments: 아래에 순서를 하나 이상 추가하십시오",
    "unknown key {key!r} in {where}; {hint}": "{where}에 알 수 없는 키가 있습니다: {key!r}. {hint}",
    "did you mean {guess!r}?": "혹시 {guess!r}입니까?",
    "known keys: {keys}": "사용할 수 있는 키: {keys}",
    "{where} has no {field}; add {field}:": "{where}에 {field} 항목이 없습니다. {field}: 항목을 추가하십시오",
    "{field} must be a mapping (key: value), not {type}": "{field}: 매핑(key: value)이어야 합니다. 지금은 {type}입니다",
    "{field} must be a list (- item), not {type}": "{field}: 목록(- 항목)이어야 합니다. 지금은 {type}입니다",
    "{field}: {message}": "{field} 항목: {message}",
    "the agenda: {message}": "일정표: {message}",
    "{detail}": "값을 읽을 수 없습니다({detail})",  # pydantic's own English sentence
    "the agenda": "일정표",
    "segment {n}": "{n}번째 순서",
    "part {n}": "{n}번째 세부 순서",
    "track {n}": "{n}번째 트랙",
    "day {n}": "{n}번째 날",
    "slot": "회의 시간(slot)",
    "policy": "정책(policy)",
    "person": "people 항목",
    "value": "값",
    "text": "텍스트",
    "a number": "숫자",
    "true/false": "참/거짓",
    "a list": "목록",
    "a mapping": "매핑",
    "null": "값 없음(null)",
    '{name} {value} is unquoted; YAML 1.1 tools (PyYAML, many editors) read it as the number {number}. Read here as {meaning}; quote it: "{value}"': '{name} 값 {value}에 따옴표가 없습니다. YAML 1.1 도구(PyYAML, 여러 편집기)는 이 값을 숫자({number})로 읽습니다. 여기서는 {meaning}으로 읽었습니다. 따옴표로 감싸십시오: "{value}"',
    "slot {field}": "slot의 {field}",
    "the time {value}": "시각({value})",
    "the duration {value} ({minutes})": "소요 시간({value}, {minutes})",
    # -- values that cannot be read (clock.py, model.py) -------------------------------------
    '{text!r} is not a time; write it as "{value}"': '시각 표기가 HH:MM이 아닙니다({text!r}). "{value}"로 적으십시오',
    '{text!r} is not a time: the minutes need two digits; write "{a}" or "{b}"': '시각으로 읽을 수 없는 값입니다({text!r}): 분은 두 자리로 적습니다. "{a}" 또는 "{b}"로 적으십시오',
    "{value!r} is not a date; write it as {iso}": "날짜 표기가 YYYY-MM-DD가 아닙니다({value!r}). {iso}로 적으십시오",
    "set {field} to {value}": "{field}을(를) {value}(으)로 바꿈",
    '{text!r} is not a time; write it as HH:MM, e.g. "16:30"': '시각으로 읽을 수 없는 값입니다({text!r}). HH:MM 형식으로 적으십시오(예: "16:30")',
    "{text!r} is not a time: minute {minute} is past 59": "시각으로 읽을 수 없는 값입니다({text!r}). 분 값({minute})이 59를 넘습니다",
    "{text!r} is not a time: times run from 00:00 to 24:00": "시각으로 읽을 수 없는 값입니다({text!r}). 시각은 00:00부터 24:00까지입니다",
    "{value} is a number, not a time; write it as {hint}": "시각이 아니라 숫자입니다({value}). {hint} 형식으로 적으십시오",
    '{value!r} is not a duration; give minutes (5) or text such as "5m", "1h30m", "1:30"': '소요 시간으로 읽을 수 없는 값입니다({value!r}). 분 단위 숫자(5)나 "5m", "1h30m", "1:30" 같은 형식으로 적으십시오',
    "duration {value} is negative": "소요 시간이 음수입니다({value})",
    "duration {value} is more than a week; a segment lasts at most {limit} minutes (7 days)": (
        "소요 시간이 1주일보다 깁니다({value}). 한 순서는 최대 {limit}분(7일)입니다"
    ),
    "{value!r} is not a duration; give minutes (5) or text such as {examples}": "소요 시간으로 읽을 수 없는 값입니다({value!r}). 분 단위 숫자(5)나 {examples} 같은 형식으로 적으십시오",
    "the slot {start}–{end} is empty": "회의 시간({start}–{end})의 길이가 0분입니다",
    '{text!r} is not a slot; write it as "16:30-18:00" (or with ~)': '회의 시간으로 읽을 수 없는 값입니다({text!r}). "16:30-18:00" 형식으로 적으십시오(~도 가능)',
    '{value!r} is not a slot; write it as "16:30-18:00" or {{start: "16:30", end: "18:00"}}': '회의 시간으로 읽을 수 없는 값입니다({value!r}). "16:30-18:00" 또는 {{start: "16:30", end: "18:00"}} 형식으로 적으십시오',
    "a slot mapping has exactly the keys start and end, not {keys}": "회의 시간 매핑에는 start, end 키만 있어야 합니다(지금: {keys})",
    "{value!r} is not a date: {error}": "날짜로 읽을 수 없는 값입니다({value!r}): {error}",
    "{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-02-26": "날짜로 읽을 수 없는 값입니다({value!r}). YYYY-MM-DD 형식으로 적으십시오(예: 2026-02-26)",
    "{value!r} is not a weekday; write {korean}, Thu or Thursday": "요일로 읽을 수 없는 값입니다({value!r}). {korean}, Thu, Thursday 같은 형식으로 적으십시오",
    '{value!r} is not an owner; give a name, a list of names, or "-" for nobody': '담당으로 읽을 수 없는 값입니다({value!r}). 이름이나 이름 목록을 적으십시오(담당이 없으면 "-")',
    "{value!r} is not an IANA time zone name such as Asia/Seoul or Europe/Berlin": "IANA 시간대 이름이 아닙니다({value!r}). 예: Asia/Seoul, Europe/Berlin",
    "{value!r} is not text": "텍스트가 아닙니다({value!r})",
    "a day has either segments or tracks, not both": "하루(day)에는 segments 또는 tracks 중 하나만 적을 수 있습니다",
    "an agenda has either segments (one meeting) or days, not both": "일정표에는 segments(회의 하나) 또는 days 중 하나만 적을 수 있습니다",
    "with days, put {names} on each day, not at the top": "days를 쓸 때는 {names} 항목을 맨 위가 아니라 각 날(day)에 적으십시오",
    # -- ministry import: E005 ---------------------------------------------------------------
    "no schedule table found: expected rows like {example} (tab-separated, a | table, or columns two spaces apart)": "일정 표를 찾지 못했습니다. {example} 같은 행이 있어야 합니다(탭 구분, | 표, 또는 두 칸 이상 띄운 열)",
    "cannot read the meeting line {value!r}: write it as {example}": "회의 일시 줄을 읽을 수 없습니다({value!r}). {example} 형식으로 적으십시오",
    "the date {value!r} can be read day first or month first; write it as {first} or {second}": "날짜 {value!r}는 일/월 순서로도 월/일 순서로도 읽힙니다. {first} 또는 {second}로 적으십시오",
    "cannot read the time of this schedule row, {value!r}; write it as {example}, as the other rows do": "이 행의 시간을 읽을 수 없습니다({value!r}). 다른 행처럼 {example} 형식으로 적으십시오",
    # -- issue 13 leftovers: notes N001/N002, D003, the info severity (h-agenda13) ----------
    "the table is on a 12-hour clock: {time} after {previous} is read as {value} (and the later times as afternoon)": (
        "표가 오전/오후 없이 12시간제로 적혀 있습니다. {previous} 다음의 {time}을(를) {value}(으)로 읽었습니다(이후 시각도 오후로 읽음)"
    ),
    "{time} has no am/pm and the table has no 24-hour time, so it may be morning or afternoon: it is read as {value}; if it is in the afternoon, write {afternoon}": (
        "{time}에 오전/오후 표시가 없고 표에 24시간제 시각도 없어 오전인지 오후인지 알 수 없습니다. {value}(으)로 읽었습니다. 오후라면 {afternoon}(으)로 적으십시오"
    ),
    "the date {value} has no year; {year} is taken, the year in which it falls on its weekday ({weekday})": (
        "날짜 {value}에 연도가 없습니다. 요일 표기({weekday})와 맞는 {year}년으로 읽었습니다"
    ),
    "the date {value} has no year, and it is not a {weekday} in {years}; {year} is assumed: write the year": (
        "날짜 {value}에 연도가 없고, {years}년 중 요일 표기({weekday})와 맞는 해가 없습니다. {year}년으로 간주했습니다. 연도를 적으십시오"
    ),
    "the date {value} has no year, and neither the document nor a weekday gives it; {year} is assumed: write the year": (
        "날짜 {value}에 연도가 없고, 문서의 다른 날짜나 요일로도 알 수 없습니다. {year}년으로 간주했습니다. 연도를 적으십시오"
    ),
    "Found {errors}, {warnings} and {notes} in {files}{tail}.": "{files}에서 {errors}, {warnings}, {notes}을 찾았습니다{tail}.",
    "Found {errors}, {warnings} and {notes} in {files}; {fixed}.": "{files}에서 {errors}, {warnings}, {notes}을 찾았습니다. {fixed}.",
    "{n} note": "알림 {n}건",
    "{n} notes": "알림 {n}건",
    # -- the summary line (report/text.py) ---------------------------------------------------
    "All checks passed ({files}).": "모든 점검을 통과했습니다({files}).",
    "All checks passed ({files}); {fixed}.": "모든 점검을 통과했습니다({files}). {fixed}.",
    "Found {errors} and {warnings} in {files}{tail}.": "{files}에서 {errors}, {warnings}을 찾았습니다{tail}.",
    "Found {errors} and {warnings} in {files}; {fixed}.": "{files}에서 {errors}, {warnings}을 찾았습니다. {fixed}.",
    "; {n} with a fix": ". 그중 {n}건은 수정안이 있습니다",
    "{n} file": "파일 {n}개",
    "{n} files": "파일 {n}개",
    "{n} error": "오류 {n}건",
    "{n} errors": "오류 {n}건",
    "{n} warning": "경고 {n}건",
    "{n} warnings": "경고 {n}건",
    "{fixed} fixed, {remaining} remaining": "{fixed}건 수정, {remaining}건 남음",
    "{fixed} fixed, {remaining} remaining ({n} with an unsafe fix: --unsafe-fixes applies it)": (
        "{fixed}건 수정, {remaining}건 남음 (그중 {n}건은 안전하지 않은 수정안이 있어 --unsafe-fixes를 주면 적용됩니다)"
    ),
    "{fixed} fixed, {remaining} remaining ({n} with an unsafe fix: --unsafe-fixes applies them)": (
        "{fixed}건 수정, {remaining}건 남음 (그중 {n}건은 안전하지 않은 수정안이 있어 --unsafe-fixes를 주면 적용됩니다)"
    ),
    # -- internal errors (linter.py) ---------------------------------------------------------
    "internal error while {doing} ({error}: {detail}{where}); the other files were checked. "
    "This is a bug in tfagenda: please report it with the file": "{doing} 중 내부 오류가 발생했습니다({error}: {detail}{where}). "
    "다른 파일은 점검했습니다. tfagenda의 버그이니 이 파일과 함께 알려 주십시오",
    "checking this file": "이 파일 점검",
    "comparing the files for double bookings (O003)": "파일 간 담당 일정 겹침 비교(O003)",
    # -- retime (retime.py) ------------------------------------------------------------------
    "{text!r} is not a shift; write minutes with a sign, e.g. +10m, -5m, +1h": (
        "이동할 시간으로 읽을 수 없는 값입니다({text!r}). 부호를 붙인 분으로 적으십시오(예: +10m, -5m, +1h)"
    ),
    "{text!r} is not a gap; write minutes, e.g. 5m or 5": (
        "간격으로 읽을 수 없는 값입니다({text!r}). 분으로 적으십시오(예: 5m 또는 5)"
    ),
    "there is no segment {number}; the file has {count} (numbered from 1 in file order)": (
        "{number}번째 순서가 없습니다. 이 파일의 순서는 {count}개입니다(파일에 적힌 차례대로 1부터 셉니다)"
    ),
    "no segment is titled {spec!r}; name it by its title or its number (1 to {count})": (
        "제목이 {spec!r}인 순서가 없습니다. 순서의 제목이나 번호(1–{count})로 지정하십시오"
    ),
    "{count} segments match {spec!r} ({listed}); give the number instead": (
        "{spec!r}에 해당하는 순서가 {count}개입니다({listed}). 번호로 지정하십시오"
    ),
    "{title!r} needs a start, and retime cannot see where to write it; add start: yourself": (
        "‘{title}’에 시작이 필요하지만 적을 위치를 알 수 없습니다. start: 항목을 직접 추가하십시오"
    ),
    "{title!r} takes its {name} from an anchor or merge key (line {line}); "
    "retime does not edit values other segments share": (
        "‘{title}’의 {name} 값은 앵커나 병합 키에서 옵니다(줄 {line}). "
        "retime은 여러 순서가 함께 쓰는 값을 고치지 않습니다"
    ),
    "before midnight": "자정 전",
    "past midnight": "자정 후",
    "; the slot does not cross midnight": ". 회의 시간이 자정을 넘지 않습니다",
    "{title!r} would start at {time} ({side}){crossing}: nothing written": (
        "‘{title}’의 시작이 {time}({side})에 놓이게 됩니다{crossing}. 아무것도 쓰지 않았습니다"
    ),
    "{title!r} would end at {time} ({side}){crossing}: nothing written": (
        "‘{title}’의 종료가 {time}({side})에 놓이게 됩니다{crossing}. 아무것도 쓰지 않았습니다"
    ),
    "{title!r}: its start, end and duration do not add up{reason}, so it cannot be shifted; "
    "fix that first (tfagenda check --fix, or by hand)": (
        "‘{title}’의 시작, 종료, 소요 시간이 서로 맞지 않아{reason} 옮길 수 없습니다. "
        "먼저 바로잡으십시오(tfagenda check --fix 또는 직접 수정)"
    ),
    "{title!r}: its start, end and duration do not add up{reason}, so it cannot be packed; "
    "fix that first (tfagenda check --fix, or by hand)": (
        "‘{title}’의 시작, 종료, 소요 시간이 서로 맞지 않아{reason} 차례로 붙일 수 없습니다. "
        "먼저 바로잡으십시오(tfagenda check --fix 또는 직접 수정)"
    ),
    "the file is not a readable agenda; `tfagenda check` says why": (
        "읽을 수 있는 일정표가 아닙니다. 이유는 `tfagenda check`로 확인하십시오"
    ),
    "{title!r} would read back as {shown}, not {expected}; nothing written": (
        "‘{title}’의 시간을 다시 읽으면 {shown}입니다(예정: {expected}). 아무것도 쓰지 않았습니다"
    ),
    "{label}: {span}; no slot to fit": "{label}: {span}. 맞출 회의 시간이 없습니다",
    ", starting {minutes} before the slot": ". 회의 시간보다 {minutes} 일찍 시작합니다",
    "{label}: {span} runs {minutes} past the slot's end ({ends}){before}": (
        "{label}: {span}. 회의 시간의 종료({ends})보다 {minutes} 늦게 끝납니다{before}"
    ),
    "{label}: {span} leaves {minutes} spare before the slot's end ({ends}){before}": (
        "{label}: {span}. 회의 시간의 종료({ends})까지 {minutes} 남습니다{before}"
    ),
    "{label}: {span} fills the slot to its end ({ends}){before}": (
        "{label}: {span}. 회의 시간의 종료({ends})까지 꽉 찹니다{before}"
    ),
    "day {n} · {track}": "{n}번째 날 · {track}",
    # -- render labels (render/view.py) -------------------------------------------------------
    ("column", "Time"): "시간",
    ("column", "Item"): "내용",
    "Owner": "비고",
    "Note": "메모",
    "Room": "장소",
    "Check": "점검",
    "When": "일시",
    "Where": "장소",
    "Findings": "점검 결과",
    "Timeline": "시간표",
    "Slot": "회의 시간",
    # the ministry press release's own headings (render --format text)
    ("ministry heading", "Time"): "시 간(안)",
    ("ministry heading", "Item"): "내 용",
    "{minutes} min": "{minutes}분",
    "line {line}": "{line}행",
    "line {line}:{column}": "{line}행 {column}열",
    # -- rendering errors (render/) ----------------------------------------------------------
    "{path} is not a readable agenda: {first}": "{path}: 읽을 수 있는 일정표가 아닙니다: {first}",
    "no agenda in it": "일정표가 없습니다",
    "a frab schedule is one conference: render one agenda file at a time, not {count}": (
        "frab 일정은 회의 하나입니다. 일정표 파일을 한 번에 하나씩 변환하십시오(지정한 파일: {count}개)"
    ),
    "{path}: a frab schedule needs a date for every day; add `date:` (YYYY-MM-DD)": (
        "{path}: frab 일정에는 모든 날의 날짜가 필요합니다. `date:`(YYYY-MM-DD)를 추가하십시오"
    ),
    "{path}: a frab schedule needs the agenda's `timezone:` (an IANA name such as Asia/Seoul)": (
        "{path}: frab 일정에는 일정표의 `timezone:`(Asia/Seoul 같은 IANA 이름)이 필요합니다"
    ),
    "{paths}: an .ics needs a date for every meeting day; add `date:` (YYYY-MM-DD)": (
        "{paths}: .ics에는 모든 회의 날의 날짜가 필요합니다. `date:`(YYYY-MM-DD)를 추가하십시오"
    ),
    # -- usage errors (commands/) ------------------------------------------------------------
    "no agenda folder {folder}/ here; name the agenda files or folders to check": (
        "여기에 일정표 폴더({folder}/)가 없습니다. 점검할 일정표 파일이나 폴더를 지정하십시오"
    ),
    "{option} {output} is the input file {source}; name another file to write": (
        "출력 파일({option} {output})이 입력 파일({source})과 같습니다. 쓸 파일을 따로 지정하십시오"
    ),
    "{path}: no such file or directory": "{path}: 파일이나 폴더가 없습니다",
    "no agenda files (*.yaml, *.yml, or a .hwpx, .hwp, .docx or .pdf holding an agenda) in {targets}": (
        "일정표 파일(*.yaml, *.yml, 또는 일정표가 든 .hwpx, .hwp, .docx, .pdf)이 없습니다: {targets}"
    ),
    "{file}: cannot read it: {error}": "{file}: 읽을 수 없습니다: {error}",
    "{file}: cannot write it: {error}": "{file}: 쓸 수 없습니다: {error}",
    "{option} needs git: {error}": "{option}에는 git이 필요합니다: {error}",
    "--changed-since needs git: {error}": "--changed-since에는 git이 필요합니다: {error}",
    "--rev needs git: {error}": "--rev에는 git이 필요합니다: {error}",
    "- (standard input) cannot be named with other paths": "-(표준 입력)는 다른 경로와 함께 지정할 수 없습니다",
    "--stdin-filename is for reading standard input: name the path - as well": (
        "--stdin-filename은 표준 입력을 읽을 때 씁니다. 경로 -도 지정하십시오"
    ),
    "standard input (-) cannot be used with --diff, --changed-since or --with-agenda-dir": (
        "표준 입력(-)은 --diff, --changed-since, --with-agenda-dir와 함께 쓸 수 없습니다"
    ),
    "cannot read standard input: {error}": "표준 입력을 읽을 수 없습니다: {error}",
    "--output-file {path}: cannot write: {error}": "--output-file {path}: 쓸 수 없습니다: {error}",
    "--output-file {path}: is a folder": "--output-file {path}: 폴더입니다",
    "--output-file {path}: is one of the files being checked; not overwritten": (
        "--output-file {path}: 점검하는 파일 중 하나입니다. 덮어쓰지 않았습니다"
    ),
    "{option} {revision}: not a git revision (a commit, branch or tag) in this repository": (
        "{option} {revision}: 이 저장소의 git 리비전(커밋, 브랜치 또는 태그)이 아닙니다"
    ),
    "--changed-since {revision}: git failed": "--changed-since {revision}: git 실행에 실패했습니다",
    "--segments is for --format ics (one calendar event per segment)": (
        "--segments는 --format ics에만 씁니다(순서마다 캘린더 일정 하나)"
    ),
    "no agenda files in {where}": "일정표 파일이 없습니다: {where}",
    "cannot write {output}: {error}": "{output}: 쓸 수 없습니다: {error}",
    "no rule {code!r}; `tfagenda rules` lists them": "규칙이 없습니다: {code!r}. 규칙 목록: `tfagenda rules`",
    "{file} is a folder; name one file to import": "{file}: 폴더입니다. 가져올 파일 하나를 지정하십시오",
    "{file}: no such file": "{file}: 파일이 없습니다",
    "{name}: larger than {limit} MiB, the most tfagenda imports; not imported": (
        "{name}: tfagenda가 가져오는 최대 크기({limit} MiB)보다 큽니다. 가져오지 않았습니다"
    ),
    "-o {output}: there is no folder {folder}": "-o {output}: 폴더가 없습니다: {folder}",
    "-o {output} is a folder; name the YAML file to write": (
        "-o {output}: 폴더입니다. 쓸 YAML 파일을 지정하십시오"
    ),
    "{name}: not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8": (
        "{name}: UTF-8 텍스트가 아닙니다(오프셋 {offset}의 바이트 0x{byte}). UTF-8로 저장하십시오"
    ),
    "{name} looks like a YAML agenda, which needs no import (tfagenda check reads it); "
    "if it is not, name its format with --from ({formats})": (
        "{name}: YAML 일정표로 보이므로 가져올 필요가 없습니다(tfagenda check가 읽습니다). "
        "YAML 일정표가 아니면 --from으로 형식을 지정하십시오({formats})"
    ),
    "say what to do: --shift MINUTES, --pack or --fit": (
        "할 일을 지정하십시오: --shift MINUTES, --pack 또는 --fit"
    ),
    "--shift and --pack do not go together; run one, then the other": (
        "--shift와 --pack은 함께 쓸 수 없습니다. 하나씩 차례로 실행하십시오"
    ),
    "--gap goes with --pack": "--gap은 --pack과 함께 씁니다",
    # -- retime's own lines (commands/retime.py) ---------------------------------------------
    "Nothing to change: the times are already so.": "바꿀 것이 없습니다. 시간이 이미 그렇습니다.",
    "{file} not written (standard input is not a terminal); run with --yes to write it": (
        "{file}: 쓰지 않았습니다(표준 입력이 터미널이 아닙니다). 쓰려면 --yes를 붙여 실행하십시오"
    ),
    "Write these changes to {file}?": "이 변경 내용을 {file}에 쓸까요?",
    "{file} not written.": "{file}: 쓰지 않았습니다.",
    "Wrote {file}.": "{file}: 썼습니다.",
    # -- check --fix / --diff, import, render (commands/) -------------------------------------
    "{path}: cannot write the fixes: {error}": "{path}: 수정 내용을 쓸 수 없습니다: {error}",
    "{path}: not fixed: the fixes would make a file that tfagenda cannot read": (
        "{path}: 수정하지 않았습니다. 수정하면 tfagenda가 읽을 수 없는 파일이 됩니다"
    ),
    "{name}: not fixed: the fixed file would be {size} bytes, more than the {limit} tfagenda reads": (
        "{name}: 수정하지 않았습니다. 수정한 파일은 {size}바이트로, tfagenda가 읽는 한도({limit}바이트)를 넘습니다"
    ),
    "{n} finding": "{n}건",
    "{n} findings": "{n}건",
    "Would fix {findings} in {files}.": "{files}에서 {findings}을 고칠 수 있습니다.",
    "No fixes to apply.": "고칠 것이 없습니다.",
    "{name} not imported: some of it cannot be read (see above); --partial writes the rest": (
        "{name}: 가져오지 않았습니다. 읽을 수 없는 부분이 있습니다(위 참조). --partial을 붙이면 나머지를 씁니다"
    ),
    "cannot render; these files are not readable agendas:": "변환할 수 없습니다. 읽을 수 있는 일정표가 아닌 파일:",
    (
        "{path}: the meeting on {date} reaches {minutes} minutes after its midnight, past"
        " 9999-12-31, the last date that ISO 8601 and iCalendar can write; the table, md, text"
        " and html formats show it"
    ): (
        "{path}: {date}의 회의가 자정에서 {minutes}분 뒤까지 이어져 ISO 8601과 iCalendar로 적을 수 있는"
        " 마지막 날짜(9999-12-31)를 넘습니다. table, md, text, html 형식으로는 볼 수 있습니다"
    ),
    # frab/pretalx/c3voc schedules (issue 12)
    "{count} person ids are each used for several names ({shown}{more}): each name is read as its own person, and the id is written with a number (0#2)": (
        "사람 id {count}개가 각각 여러 이름에 쓰였습니다({shown}{more}). 이름마다 다른 사람으로 읽고, id에 번호를 붙여 씁니다(0#2)"
    ),
    ", and {n} more": ", 외 {n}개",
    "person id {ident!r} is used for {count} different names: each name is read as its own person, and the id is written with a number ({ident}#2)": (
        "사람 id {ident!r}가 서로 다른 이름 {count}개에 쓰였습니다. 이름마다 다른 사람으로 읽고, id에 번호를 붙여 씁니다({ident}#2)"
    ),
    "the schedule has no events: there is nothing to check": "일정표에 행사가 없습니다. 점검할 것이 없습니다",
    "{placed} of the {total} events in the source are placed; {missing} are left out of the check (an event that cannot be read is reported at its line; the others are not in a day and room of this layout)": (
        "원본의 행사 {total}개 중 {placed}개를 배치했습니다. {missing}개는 점검에서 빠졌습니다(읽을 수 없는 행사는 그 줄에 보고합니다. 나머지는 이 형식의 날짜·방 안에 있지 않습니다)"
    ),
    "none of the {total} events in the source could be placed: this layout of the schedule is not one tfagenda reads": (
        "원본의 행사 {total}개를 하나도 배치하지 못했습니다. tfagenda가 읽는 일정표 형식이 아닙니다"
    ),
    "every event's <date> is {off} from its <start> ({date} for {start}): the offset is taken to be wrong, and the <start> times are used": (
        "모든 행사의 <date>가 <start>와 {off} 차이 납니다({start}에 대해 {date}). 시간대 표기가 틀린 것으로 보고 <start> 시각을 씁니다"
    ),
    "{event}: its <date> {date} says {clock}, its <start> says {start}; the <start> is used": (
        "{event}: <date> {date}는 {clock}, <start>는 {start}입니다. <start>를 씁니다"
    ),
    "the file is not valid JSON: {what} at {line}:{column}": "올바른 JSON이 아닙니다: {line}:{column}에 {what}",
    "a raw line break inside a string (write it as \\n)": "문자열 안에 그대로 들어간 줄바꿈이 있습니다(\\n으로 쓰십시오)",
    "a raw control character inside a string (write it as \\u{code:04x})": (
        "문자열 안에 그대로 들어간 제어 문자가 있습니다(\\u{code:04x}로 쓰십시오)"
    ),
    "a string that is never closed": "닫히지 않은 문자열이 있습니다",
    "an invalid escape in a string": "문자열에 잘못된 이스케이프가 있습니다",
    "the file is not valid XML: {what} at {line}:{column}": "올바른 XML이 아닙니다: {line}:{column}에 {what}",
    "{person} is in {count} segments at overlapping times: {listed}; and {last!r} ({last_booking})": (
        "{person}이(가) 시간이 겹치는 순서 {count}개에 있습니다: {listed}; 그리고 {last!r}({last_booking})"
    ),
    "{shown} more findings are not listed (tfagenda lists at most {limit} per rule and file; --format json lists them all)": (
        "결과 {shown}개는 표시하지 않았습니다(규칙·파일마다 최대 {limit}개를 표시합니다. --format json은 모두 표시합니다)"
    ),
    "{events} in {rooms} over {days}": "{days} 동안 {rooms}에서 {events}",
    "{n} event": "행사 {n}개",
    "{n} events": "행사 {n}개",
    "{n} room": "방 {n}곳",
    "{n} rooms": "방 {n}곳",
    "{n} day": "{n}일",
    "{n} days": "{n}일",
    # -- YAML syntax errors: ruamel.yaml's phrases (yamldoc/syntax_words.py, yamldoc/ruamel.py) --
    "invalid YAML": "잘못된 YAML입니다",
    "{what} ({during} that starts on line {line}, column {column})": "{what}({line}행 {column}열에서 시작한 {during})",
    "{what}; a tab indents this line, and YAML indents with spaces only: replace the tab with spaces": (
        "{what}. 이 줄은 탭으로 들여 썼는데 YAML은 공백으로만 들여 씁니다. 탭을 공백으로 바꾸십시오"
    ),
    "an escape past the last Unicode character, {escape}": "마지막 유니코드 문자를 넘는 이스케이프가 있습니다: {escape}",
    "a value the YAML reader cannot decode ({error})": "YAML 읽기 도구가 해석할 수 없는 값입니다({error})",
    "mapping values are not allowed here": "여기에는 매핑 값을 쓸 수 없습니다",
    "sequence entries are not allowed here": "여기에는 목록 항목(‘-’)을 쓸 수 없습니다",
    "mapping keys are not allowed here": "여기에는 매핑 키(‘?’)를 쓸 수 없습니다",
    "could not find expected ':'": "있어야 할 콜론(‘:’)이 없습니다",
    "found character {char} that cannot start any token": "토큰을 시작할 수 없는 문자가 있습니다: {char}",
    "found undefined alias {alias}": "정의되지 않은 별칭(alias)이 있습니다: {alias}",
    "found unexpected end of stream": "파일이 예상보다 일찍 끝났습니다",
    "found unknown escape character {char}": "알 수 없는 이스케이프 문자가 있습니다: {char}",
    "expected <block end>, but found {found}": "블록의 끝(<block end>)이 와야 할 자리에 다른 것이 있습니다: {found}",
    "expected ',' or ']', but got {found}": "쉼표(‘,’)나 닫는 대괄호(‘]’)가 와야 할 자리에 다른 것이 있습니다: {found}",
    "expected ',' or '}}', but got {found}": "쉼표(‘,’)나 닫는 중괄호(‘}}’)가 와야 할 자리에 다른 것이 있습니다: {found}",
    "expected the node content, but found {found}": "값이 와야 할 자리에 다른 것이 있습니다: {found}",
    "expected alphabetic or numeric character, but found {found}": "영문자나 숫자가 와야 할 자리에 다른 문자가 있습니다: {found}",
    "expected a comment or a line break, but found {found}": "주석이나 줄바꿈이 와야 할 자리에 다른 문자가 있습니다: {found}",
    "but found another document": "문서가 하나 더 있습니다. 한 파일에는 YAML 문서를 하나만 쓸 수 있습니다",
    "more than {depth} levels of nesting (an agenda needs fewer than 20)": "중첩이 {depth}단계를 넘습니다(일정표에는 20단계 미만이면 충분합니다)",
    "while parsing a block mapping": "블록 매핑을 읽는 중",
    "while parsing a block collection": "블록 목록을 읽는 중",
    "while parsing a flow sequence": "대괄호 목록을 읽는 중",
    "while parsing a flow mapping": "중괄호 매핑을 읽는 중",
    "while parsing a block node": "블록 값을 읽는 중",
    "while parsing a flow node": "괄호 안의 값을 읽는 중",
    "while scanning a simple key": "키를 읽는 중",
    "while scanning a quoted scalar": "따옴표로 감싼 값을 읽는 중",
    "while scanning a double-quoted scalar": "큰따옴표로 감싼 값을 읽는 중",
    "while scanning a plain scalar": "따옴표 없는 값을 읽는 중",
    "while scanning a block scalar": "블록 문자열(| 또는 >)을 읽는 중",
    "while scanning an anchor": "앵커를 읽는 중",
    "while scanning an alias": "별칭을 읽는 중",
    "expected a single document in the stream": "단일 문서를 읽는 중",
    # -- frab/pentabarf/pretalx readers (E005) -------------------------------------------------
    "the day's start cannot be read: {error}": "하루의 시작 시각을 읽을 수 없습니다: {error}",
    "the day's end cannot be read: {error}": "하루의 종료 시각을 읽을 수 없습니다: {error}",
    "{label} has no {name}; it is left out of the check": "{label}에 {name} 값이 없어 점검에서 뺐습니다",
    "{label}: the {name} cannot be read: {error}; the event is left out of the check": (
        "{label}: {name} 값을 읽을 수 없어({error}) 이 행사를 점검에서 뺐습니다"
    ),
    "{label}: a person has neither an id nor a name": "{label}: id도 이름도 없는 사람이 있습니다",
    (
        "the XML declares entities, which a schedule does not need; remove the DOCTYPE's entity declarations"
    ): "XML에 엔티티 선언이 있습니다. 일정표에는 필요 없으니 DOCTYPE의 엔티티 선언을 지우십시오",
    "this XML is not a frab/pretalx schedule: its root element is <{tag}>, not <schedule>": (
        "frab/pretalx 일정표 XML이 아닙니다. 최상위 요소가 <schedule>이 아니라 <{tag}>입니다"
    ),
    "this JSON is not a frab/pretalx schedule: it has no schedule.conference object": (
        "frab/pretalx 일정표 JSON이 아닙니다. schedule.conference 객체가 없습니다"
    ),
    "days must be a list of days": "days는 날(day)의 목록이어야 합니다",
    "day {n} is not an object": "{n}번째 날이 객체가 아닙니다",
    "rooms of day {n} must be an object": "{n}번째 날의 rooms는 객체여야 합니다",
    "room {room!r} must be a list of events": "장소 {room!r}의 값은 행사 목록이어야 합니다",
    "an event must be an object": "행사는 객체여야 합니다",
    "{label}: persons must be a list": "{label}: persons는 목록이어야 합니다",
    "key {key!r} is given twice in one object; the second is ignored: remove one of them": (
        "한 객체에 키 {key!r}가 두 번 있습니다. 두 번째 값은 무시됩니다. 하나를 지우십시오"
    ),
    # -- issue 12/14 leftovers: schedules and documents (h-real12) ---------------------------
    "event {id}": "행사 {id}",
    "an event": "행사",
    "{event} ({title!r})": "{event}(제목 {title!r})",
    "{path}: {place}": "{path}의 {place}",
    "{n} table": "표 {n}개",
    "{n} tables": "표 {n}개",
    "{n} paragraph": "문단 {n}개",
    "{n} paragraphs": "문단 {n}개",
    "the conference's day_change cannot be read: {error}; days without a start and end get no slot": (
        "행사의 day_change를 읽을 수 없습니다: {error}. 시작·종료가 없는 날에는 회의 시간을 두지 않습니다"
    ),
    # -- documents (.hwpx, .hwp, .docx, .pdf) ------------------------------------------------
    "the document is larger than {mib} MiB, the most tfagenda reads; not checked": (
        "문서가 {mib}MiB보다 커서 tfagenda가 읽지 않습니다. 검사하지 않았습니다"
    ),
    "no agenda found in the document: looked for a schedule table (a header such as {header}, rows such as {row}) and the {when} line of {overview}; the document has {tables} and {paragraphs}, none of them a schedule": (
        "문서에서 일정표를 찾지 못했습니다. 일정 표(머리글 {header}, {row} 같은 행)와"
        " {overview}의 {when} 줄을 찾았지만, 문서의 {tables}와 {paragraphs} 중 일정표는 없습니다"
    ),
    "the {format} document is encrypted or protected by a password; save an unprotected copy and check that": (
        "{format} 문서가 암호화되었거나 암호로 보호되어 있습니다. 보호를 푼 사본을 저장해 검사하십시오"
    ),
    "the {format} document is a distribution document ({korean_name}), whose text is encrypted; check the original": (
        "{format} 문서가 {korean_name}여서 본문이 암호화되어 있습니다. 원본 문서를 검사하십시오"
    ),
    "the {format} document is DRM-protected, so its text cannot be read; check an unprotected copy": (
        "{format} 문서가 DRM으로 보호되어 본문을 읽을 수 없습니다. 보호되지 않은 사본을 검사하십시오"
    ),
    "the {format} document has no readable text, so there is nothing to check; check the .hwpx, .hwp or .docx it was made from ({detail})": (
        "{format} 문서에 읽을 수 있는 글자가 없어(스캔했거나 글자를 도형으로 그린 문서) 검사할 내용이 없습니다."
        " 이 문서를 만든 .hwpx, .hwp, .docx 파일을 검사하십시오 ({detail})"
    ),
    "the {format} document is too large to read ({detail}); not checked": (
        "{format} 문서가 너무 커서 읽지 않았습니다 ({detail}). 검사하지 않았습니다"
    ),
    "the file is not a document tfagenda reads (HWPX, HWP, DOCX, PDF): {detail}": (
        "tfagenda가 읽는 문서(HWPX, HWP, DOCX, PDF)가 아닙니다: {detail}"
    ),
    "the {format} document cannot be read: it is damaged or malformed ({detail})": (
        "{format} 문서를 읽을 수 없습니다. 파일이 손상되었거나 형식이 올바르지 않습니다 ({detail})"
    ),
    "page {page}": "{page}쪽",
    "table {table}, row {row}, column {column}": "표 {table}, {row}행 {column}열",
    "paragraph {paragraph}": "{paragraph}번째 문단",
    "{fix} (a .{format} file cannot be fixed in place: change it in Hancom Office, or fix the .hwpx or .docx it came from)": (
        "{fix} (.{format} 파일은 그 자리에서 고칠 수 없습니다. 한컴오피스에서 고치거나, 원본 .hwpx 또는 .docx 파일을 고치십시오)"
    ),
    # -- issue 18: retime that checks its result, F002 advice, O002 fix, render of many ------
    "see the overrun per track: tfagenda retime {file} --fit": (
        "트랙별 초과 시간 보기: tfagenda retime {file} --fit"
    ),
    "the result has {count} error ({codes}); tfagenda check {file} shows it": (
        "결과에 오류가 {count}개 있습니다({codes}). tfagenda check {file}로 확인하세요"
    ),
    "the result has {count} errors ({codes}); tfagenda check {file} lists them": (
        "결과에 오류가 {count}개 있습니다({codes}). tfagenda check {file}로 확인하세요"
    ),
    "retime cannot see where to write policy: {{gap-tolerance: {gap}}}; add it yourself": (
        "retime이 policy: {{gap-tolerance: {gap}}}을 적을 곳을 찾지 못했습니다. 직접 추가하세요"
    ),
    "a gap of at most {minutes} fits": "간격은 최대 {minutes}까지 들어갑니다",
    "only --pack without --gap fits": "--gap 없이 --pack만 들어갑니다",
    (
        "with --gap {gap} the segments run {overrun} past the slot's end ({ends}); nothing written. "
        "Give a smaller gap ({fitting}), or add --fit to shrink the gaps to fit"
    ): (
        "--gap {gap}이면 순서들이 회의 종료 시각({ends})보다 {overrun} 늦게 끝납니다. 아무것도 쓰지"
        " 않았습니다. 더 작은 간격을 주거나({fitting}), --fit을 더해 간격을 줄이세요"
    ),
    "set owner to {value}": "담당을 {value}(으)로 바꾸기",
    "; did you mean one of {names}?": ". {names} 중 하나입니까?",
    "these files are not readable agendas; the others are rendered:": (
        "다음 파일은 읽을 수 있는 회의 일정이 아닙니다. 나머지는 출력합니다:"
    ),
    "{path}: could not be read": "{path}: 읽을 수 없습니다",
    # -- calendars: .ics in (check, import, --calendar), personal calendars out (render --owner/--room) --
    "the calendar has no events: there is nothing to check": "달력에 일정이 없습니다. 검사할 것이 없습니다",
    "{person} is busy in their calendar with {event!r} ({when}, {where}) at the same time as {segment!r} ({booking})": (
        "{person}의 달력에 같은 시간 {event!r}({when}, {where}) 일정이 있는데 {segment!r}({booking})을(를) 맡았습니다"
    ),
    "--calendar takes NAME=FILE (kim=kim.ics), not {value!r}": (
        "--calendar에는 이름=파일(kim=kim.ics)을 씁니다. {value!r}은(는) 그 형식이 아닙니다"
    ),
    "DTSTART cannot be read; the event is left out": "DTSTART를 읽을 수 없어 이 일정은 제외합니다",
    "DTEND cannot be read; the event is left out": "DTEND를 읽을 수 없어 이 일정은 제외합니다",
    "DTEND {end} is before DTSTART {start}; the event is left out": (
        "DTEND {end}이(가) DTSTART {start}보다 이릅니다. 이 일정은 제외합니다"
    ),
    "not an iCalendar file: it has no BEGIN:VCALENDAR": "iCalendar 파일이 아닙니다: BEGIN:VCALENDAR가 없습니다",
    "the file holds {count} calendars; only the first is read": (
        "파일에 달력이 {count}개 있습니다. 첫 번째만 읽습니다"
    ),
    "the calendar's events cannot be matched to their lines": "달력의 일정을 파일의 줄과 맞출 수 없습니다",
    "{name} cannot be read ({error}); the event is left out": "{name}을(를) 읽을 수 없어({error}) 이 일정은 제외합니다",
    "the event has no DTSTART; it is left out": "일정에 DTSTART가 없어 제외합니다",
    "the calendar cannot be read: {error}": "달력을 읽을 수 없습니다: {error}",
    "X-WR-TIMEZONE cannot be applied: {error}": "X-WR-TIMEZONE을 적용할 수 없습니다: {error}",
    "recurring events cannot be expanded: {error}": "반복 일정을 펼칠 수 없습니다: {error}",
    "the event repeats up to {count} times from {first} to {until}, more than the {limit} tfagenda expands; it is left out": (
        "이 일정은 {first}부터 {until}까지 최대 {count}번 반복되어, tfagenda가 펼치는 {limit}번을 넘습니다. 제외합니다"
    ),
    "the recurring event cannot be expanded: {error}": "반복 일정을 펼칠 수 없습니다: {error}",
    "the calendar has more than {limit} events between {first} and {last}; the rest are not read": (
        "달력에 {first}부터 {last}까지 일정이 {limit}개를 넘습니다. 나머지는 읽지 않았습니다"
    ),
    "BEGIN:{name} has no END:{name}": "BEGIN:{name}에 맞는 END:{name}이(가) 없습니다",
    "this line is not a property (NAME:value) of an iCalendar file": (
        "이 줄은 iCalendar 파일의 속성(이름:값)이 아닙니다"
    ),
    "END:{name} closes no open BEGIN:{name}": "END:{name}에 앞선 BEGIN:{name}이(가) 없습니다",
    "END:{name} closes no open BEGIN:{name} (BEGIN:{open} is open)": (
        "END:{name}에 앞선 BEGIN:{name}이(가) 없습니다(BEGIN:{open}이(가) 열려 있습니다)"
    ),
    "--calendar is for agenda files, not standard input (-)": (
        "--calendar는 회의 일정 파일에 씁니다. 표준 입력(-)에는 쓸 수 없습니다"
    ),
    "it is a folder": "폴더입니다",
    "no such file": "파일이 없습니다",
    "--calendar {value}: cannot read {file}: {why}": "--calendar {value}: {file}을(를) 읽을 수 없습니다: {why}",
    "--calendar {value}: {file} is larger than {mib} MiB, the most tfagenda reads": (
        "--calendar {value}: {file}이(가) tfagenda가 읽는 최대 크기 {mib} MiB보다 큽니다"
    ),
    "--owner and --room are for --format ics (a personal or a room's calendar)": (
        "--owner와 --room은 --format ics(개인 또는 회의실 달력)와 함께 씁니다"
    ),
    "--owner and --room cannot be used together; render one calendar at a time": (
        "--owner와 --room은 함께 쓸 수 없습니다. 달력을 하나씩 출력하세요"
    ),
    "no {what} {value!r} in the agenda; it has: {known}": (
        "회의 일정에 {what} {value!r}이(가) 없습니다. 있는 것: {known}"
    ),
    "no {what} {value!r} in the agenda, which names none": (
        "회의 일정에 {what} {value!r}이(가) 없습니다. 일정에 하나도 적혀 있지 않습니다"
    ),
    "the calendar has {count} events; tfagenda reads the first {limit} (about 20 seconds), and the {skipped} from this one on are not read": (
        "달력에 일정이 {count}개 있습니다. tfagenda는 처음 {limit}개(약 20초)만 읽고, 이 일정부터 {skipped}개는 읽지 않았습니다"
    ),
    "owner": "담당",
    "room": "회의실",
    "comparing the agendas with the calendars (--calendar)": "회의 일정과 달력 비교(--calendar)",
    # -- diff ------------------------------------------------------------------------------------
    "added": "새로 추가",
    "cancelled": "취소",
    "moved to {when} ({shift})": "시간 변경: {when}({shift})",
    "moved to {when}": "일시 변경: {when}",
    "now {when}, {minutes} longer": "시간 연장: {when}({minutes} 늘어남)",
    "now {when}, {minutes} shorter": "시간 단축: {when}({minutes} 줄어듦)",
    "{n} hour": "{n}시간",
    "{n} hours": "{n}시간",
    "its time cannot be worked out now": "이제 시간을 알 수 없습니다",
    "{minutes} later": "{minutes} 늦게",
    "{minutes} earlier": "{minutes} 일찍",
    "room {old} → {new}": "장소 변경: {old} → {new}",
    "owner {old} → {new}": "담당 변경: {old} → {new}",
    "renamed to '{title}'": "제목 변경: ‘{title}’",
    "day {number}": "{number}일차",
    "no changes": "바뀐 것이 없습니다",
    "{n} change": "변경 {n}건",
    "{n} changes": "변경 {n}건",
    "{n} added": "추가 {n}건",
    "{n} cancelled": "취소 {n}건",
    "{n} moved": "시간 변경 {n}건",
    "{n} longer": "연장 {n}건",
    "{n} shorter": "단축 {n}건",
    "{n} in another room": "장소 변경 {n}건",
    "{n} with other owners": "담당 변경 {n}건",
    "{n} renamed": "제목 변경 {n}건",
    "{n} person affected": "관련된 사람 {n}명",
    "{n} people affected": "관련된 사람 {n}명",
    "Without an owner (everyone)": "담당이 없는 순서(모두에게 해당)",
    "{name} (does not exist)": "{name}(없음)",
    "cannot compare; these versions are not readable agendas:": (
        "비교할 수 없습니다. 다음 판은 읽을 수 있는 일정표가 아닙니다:"
    ),
    "name two files to compare (OLD NEW), or --rev REV and the files": (
        "비교할 두 파일(OLD NEW)을 적거나, --rev REV와 파일을 적으십시오"
    ),
    "only one of OLD and NEW can be - (standard input)": "OLD와 NEW 중 하나만 -(표준 입력)일 수 있습니다",
    "--rev compares files of the working tree; - (standard input) cannot be one": (
        "--rev는 작업 트리의 파일을 비교합니다. -(표준 입력)는 쓸 수 없습니다"
    ),
    "{path} is a folder; name two files, or use --rev REV {path} to compare a folder": (
        "{path}은(는) 폴더입니다. 두 파일을 적거나, 폴더는 --rev REV {path}로 비교하십시오"
    ),
    "--rev {rev}: git failed": "--rev {rev}: git이 실패했습니다",
    "{path} is not in the git repository at {top}": "{path}: {top}의 git 저장소 밖에 있습니다",
    "{path}: not in the working tree, nor at {rev}": "{path}: 작업 트리에도 {rev}에도 없습니다",
    "{path}: some of it could not be read ({codes}); what depends on it may show as cancelled, added or without a time. tfagenda check {path} lists the problems": (
        "{path}: 일부를 읽을 수 없습니다({codes}). 그에 따른 순서는 취소, 추가 또는 시간 없음으로 보일 수 있습니다. tfagenda check {path}로 확인하십시오"
    ),
    "unknown format {format}; use text, json or md": "알 수 없는 형식입니다: {format}. text, json 또는 md를 쓰십시오",
    # -- leftovers (session 3) ------------------------------------------------------------------
    # O005: a suggested start past the day's slot or past midnight
    "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} ({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; no start in the day's slot ({slot}) leaves that much time after {before!r}: end it sooner, or hold both in one room": (
        "담당 {person}의 장소 이동 시간이 부족합니다. ‘{before}’({before_booking}, 줄 {line})에서 ‘{after}’({after_booking})까지 {gap}뿐이며, {source}에서 {target}까지 필요한 이동 시간 {needed}보다 {short} 짧습니다. "
        "회의 시간({slot}) 안에서는 ‘{before}’ 뒤에 그만큼의 시간을 둘 수 없습니다. ‘{before}’의 종료를 앞당기거나 두 순서를 같은 장소에서 진행하십시오"
    ),
    "{person} has {gap} to get from {before!r} ({before_booking}, line {line}) to {after!r} ({after_booking}), {short} less than the changeover of {needed} from {source} to {target}; the changeover runs past the end of the day: {after!r} could start {when} at the earliest": (
        "담당 {person}의 장소 이동 시간이 부족합니다. ‘{before}’({before_booking}, 줄 {line})에서 ‘{after}’({after_booking})까지 {gap}뿐이며, {source}에서 {target}까지 필요한 이동 시간 {needed}보다 {short} 짧습니다. "
        "이동 시간이 그날의 끝을 넘깁니다. ‘{after}’의 시작은 빨라도 {when}입니다"
    ),
    "{person} has {gap} to get from {other!r} ({where}, {other_booking}) to {mine!r} ({my_booking}), {short} less than the changeover of {needed}; the changeover runs past the end of the day: {mine!r} could start {when} at the earliest": (
        "담당 {person}의 장소 이동 시간이 부족합니다. ‘{other}’({where}, {other_booking})에서 ‘{mine}’({my_booking})까지 {gap}뿐이며, 필요한 이동 시간 {needed}보다 {short} 짧습니다. "
        "이동 시간이 그날의 끝을 넘깁니다. ‘{mine}’의 시작은 빨라도 {when}입니다"
    ),
    "{person} has {gap} to get from {mine!r} ({my_booking}) to {other!r} ({where}, {other_booking}), {short} less than the changeover of {needed}; the changeover runs past the end of the day: {other!r} could start {when} at the earliest": (
        "담당 {person}의 장소 이동 시간이 부족합니다. ‘{mine}’({my_booking})에서 ‘{other}’({where}, {other_booking})까지 {gap}뿐이며, 필요한 이동 시간 {needed}보다 {short} 짧습니다. "
        "이동 시간이 그날의 끝을 넘깁니다. ‘{other}’의 시작은 빨라도 {when}입니다"
    ),
    "at {time} the next day ({date})": "다음 날({date}) {time}",
    "at {time}, {days} days later ({date})": "{days}일 뒤({date}) {time}",
    "at {time} the next day": "다음 날 {time}",
    "at {time}, {days} days later": "{days}일 뒤 {time}",
    # a folder walk that finds calendars and no agenda (discover.CALENDAR_SUFFIXES)
    "no agenda files (*.yaml, *.yml, or a .hwpx, .hwp, .docx or .pdf holding an agenda) in {targets}; a folder's calendars ({calendars}) are checked when named (tfagenda check {first}), or with \"*.ics\" in the config's include": (
        "일정표 파일(*.yaml, *.yml, 또는 일정표가 든 .hwpx, .hwp, .docx, .pdf)이 없습니다: {targets}. "
        '폴더 안의 달력({calendars})은 파일 이름을 적거나(tfagenda check {first}) 설정의 include에 "*.ics"를 넣으면 점검합니다'
    ),
}
