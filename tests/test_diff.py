"""``tfagenda diff`` (issue 16, item 5): what changed between two versions of an agenda, for whom.

The fixture pair tests/fixtures/diff/old.yaml → new.yaml has one change of every kind; the
comparison itself is tested on small agendas, the formats by snapshots, the command line by its
exit codes and with a real git repository, and the matching by a property test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_documents_fixtures import SEED as SEED_DOCUMENT
from test_documents_fixtures import docx_bytes, hwpx_bytes

from tfagenda.changes.compare import AgendaChanges
from tfagenda.commands.changes import compare_loaded, diff_agendas
from tfagenda.load import load_file, load_text
from tfagenda.render import render

OLD = FIXTURES / "diff" / "old.yaml"
NEW = FIXTURES / "diff" / "new.yaml"
REAL = REPO.parent / "shared" / "reference" / "real"


def changes(old: str, new: str, old_path: str = "old.yaml", new_path: str = "new.yaml") -> AgendaChanges:
    return compare_loaded(load_text(old, old_path), load_text(new, new_path))


def kinds(result: AgendaChanges) -> dict[str, tuple[str, ...]]:
    found = {change.segment.title: change.kinds for change in result.changes}
    assert len(found) == len(result.changes), "a title listed twice"
    return found


def meeting(*segments: str, people: str = "", slot: str = "10:00-12:00") -> str:
    rows = "\n".join(f"  - {segment}" for segment in segments)
    return f'title: Board\ndate: 2026-04-09\nslot: "{slot}"\n{people}segments:\n{rows}\n'


# -- the comparison ------------------------------------------------------------------------------


def test_every_kind_of_change_in_the_fixture() -> None:
    result = compare_loaded(load_file(OLD), load_file(NEW))
    assert kinds(result) == {
        "Keynote": ("grew",),
        "Break": ("moved",),  # day 1's: the keynote grew; day 2's is where it was
        "Lightning talks": ("moved",),  # Talk B and C moved with it and are not listed again
        "Talk A": ("moved",),  # it has an owner of its own (Sam), who is told
        "Workshop": ("shrank",),
        "Panel": ("moved", "room", "owner"),
        "Roadmap Q&A": ("moved", "room"),  # to the first day
        "Retro and next steps": ("renamed",),  # same day, room and start
        "Mentoring": ("added",),
        "Hiring": ("cancelled",),
    }
    shifts = {change.segment.title: (change.shift, change.length_change) for change in result.changes}
    assert shifts["Panel"] == (15, 0)
    assert shifts["Lightning talks"] == (-45, 0)
    assert shifts["Keynote"] == (0, 15)
    assert shifts["Workshop"] == (0, -15)
    assert shifts["Mentoring"] == (None, None)


def test_changes_are_grouped_per_person() -> None:
    result = compare_loaded(load_file(OLD), load_file(NEW))
    grouped = {
        (person.label if person else None): [change.segment.title for change in changes]
        for person, changes in result.by_person()
    }
    assert grouped == {
        "Kim Minsu (kim)": ["Panel", "Retro and next steps"],
        # "Mentoring" names lee by the alias Jiwoo; Hiring was lee's and is cancelled
        "Lee Jiwoo (lee)": ["Keynote", "Roadmap Q&A", "Mentoring", "Hiring"],
        "Park Sora (park)": ["Lightning talks", "Workshop", "Panel"],  # Panel: park was taken off it
        "Sam Rivers (sam)": ["Talk A"],
        None: ["Break"],  # nobody's: everyone's
    }


def test_a_version_with_itself_has_no_changes() -> None:
    text = OLD.read_text(encoding="utf-8")
    assert changes(text, text).changes == []


def test_how_the_yaml_is_written_does_not_matter() -> None:
    old = meeting(
        '{title: Opening, start: "10:00", end: "10:10", owner: kim}',
        '{title: Budget, start: "10:10", duration: 50, owner: lee}',
    )
    new = meeting(
        '{owner: kim, time: "10:00~10:10", title: "Opening"}',
        'title: Budget\n    owner: [lee]\n    end: "11:00"',  # start: the previous end
    )
    assert changes(old, new).changes == []


def test_segments_of_one_title_pair_with_the_nearest_start() -> None:
    old = meeting(
        '{title: Talk, start: "10:00", duration: 20, owner: a}',
        "{title: Break, duration: 10, kind: break}",
        "{title: Talk, duration: 20, owner: b}",
        "{title: Break, duration: 10, kind: break}",
        "{title: Talk, duration: 20, owner: c}",
    )
    new = meeting(
        '{title: Talk, start: "10:00", duration: 20, owner: a}',
        "{title: Break, duration: 10, kind: break}",
        '{title: Talk, start: "11:00", duration: 20, owner: c}',
    )
    result = changes(old, new)
    assert [(change.kinds, change.old.start if change.old else None) for change in result.changes] == [
        (("cancelled",), 630),  # the second talk (10:30)
        (("cancelled",), 650),  # the second break (10:50)
    ]


def test_a_new_title_at_another_time_is_cancelled_and_added() -> None:
    old = meeting('{title: Budget, start: "10:00", duration: 30, owner: kim}')
    new = meeting('{title: Finances, start: "10:30", duration: 30, owner: kim}')
    assert kinds(changes(old, new)) == {"Finances": ("added",), "Budget": ("cancelled",)}
    renamed = meeting('{title: Finances, start: "10:00", duration: 45, owner: kim}')
    assert kinds(changes(old, renamed)) == {"Finances": ("grew", "renamed")}


def test_a_title_that_only_changes_case_is_the_same_segment_renamed() -> None:
    old = meeting('{title: the state of go, start: "10:00", duration: 30, owner: kim}')
    new = meeting('{title: The State  of Go, start: "10:15", duration: 30, owner: kim}')
    assert kinds(changes(old, new)) == {"The State  of Go": ("moved", "renamed")}


def test_a_person_is_one_person_under_another_id_or_written_plainly() -> None:
    old = meeting(
        '{title: Opening, start: "10:00", duration: 10, owner: kim}',
        "{title: Budget, duration: 20, owner: 제1차관}",
        people="people:\n  kim: {name: Kim Minsu}\n",
    )
    new = meeting(
        '{title: Opening, start: "10:00", duration: 10, owner: minsu}',
        "{title: Budget, duration: 20, owner: 제1차관}",
        people="people:\n  minsu: {name: Kim Minsu}\n  제1차관: {name: 이스란}\n",
    )
    assert changes(old, new).changes == []
    other = new.replace("owner: minsu", "owner: 제1차관")
    [change] = changes(old, other).changes
    assert change.kinds == ("owner",)
    assert [person.label for person in change.people] == ["이스란 (제1차관)", "Kim Minsu (kim)"]


def test_a_part_with_its_own_change_is_listed() -> None:
    old = meeting(
        '{title: Reports, start: "10:00", duration: 40, owner: chair, parts: [{title: North, duration: 20}, {title: South, duration: 20, owner: sam}]}'
    )
    new = meeting(
        '{title: Reports, start: "10:30", duration: 40, owner: chair, parts: [{title: North, duration: 25}, {title: South, duration: 15, owner: sam}]}'
    )
    assert kinds(changes(old, new)) == {"Reports": ("moved",), "North": ("grew",), "South": ("shrank",)}


def test_a_missing_version_adds_or_cancels_every_segment() -> None:
    loaded = load_file(OLD)
    added = compare_loaded(None, loaded, "HEAD:old.yaml", "old.yaml")
    assert {change.kinds for change in added.changes} == {("added",)}
    assert added.old_title is None and added.title == "Platform summit"
    # the parts come with their segments (Talk A has its own owner)
    titles = [change.segment.title for change in added.changes]
    assert "Talk B" not in titles and "Talk A" in titles
    cancelled = compare_loaded(loaded, None)
    assert {change.kinds for change in cancelled.changes} == {("cancelled",)}


def test_every_format_tfagenda_reads_is_compared_by_its_resolved_times(tmp_path: Path) -> None:
    forum = load_file(REPO / "agendas" / "2026-03-10-care-tech-forum.yaml")
    xml = write(tmp_path / "schedule.xml", render(forum, "frab-xml", lang="en"))
    frab_json = write(tmp_path / "schedule.json", render(forum, "frab-json", lang="en"))
    assert diff_agendas(xml, frab_json).files[0].changes == []
    # frab has no parts: they are all that differs from the YAML
    result = diff_agendas(REPO / "agendas" / "2026-03-10-care-tech-forum.yaml", xml).files[0]
    assert {(change.kinds, change.segment.depth) for change in result.changes} == {(("cancelled",), 1)}
    text = write(tmp_path / "agenda.md", render(load_file(OLD), "md", lang="en"))
    assert diff_agendas(text, text).files[0].changes == []


def test_documents_are_compared_as_their_tables(tmp_path: Path) -> None:
    hwpx = tmp_path / "보도자료.hwpx"
    hwpx.write_bytes(hwpx_bytes(SEED_DOCUMENT))
    docx = tmp_path / "보도자료.docx"
    docx.write_bytes(docx_bytes(SEED_DOCUMENT))
    assert diff_agendas(hwpx, docx).files[0].changes == []
    later = [
        (
            kind,
            [[cell.replace("17:40 ~ 17:55 ('15)", "17:40 ~ 18:00 ('20)") for cell in row] for row in value],
        )
        if kind == "table" and value[0][0] == "시 간(안)"
        else (kind, value)
        for kind, value in SEED_DOCUMENT
    ]
    later = [
        (kind, [row for row in value if row[1] != "정리 및 마무리"]) if kind == "table" else (kind, value)
        for kind, value in later
    ]
    docx.write_bytes(docx_bytes(later))
    result = diff_agendas(hwpx, docx).files[0]
    assert kinds(result) == {"자유토론": ("grew",), "정리 및 마무리": ("cancelled",)}


# -- the property: a version with itself is empty; one move is exactly one change ----------------

_TITLE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12)


@st.composite
def agendas_and_a_move(draw: st.DrawFn) -> tuple[str, str, str, str, int]:
    count = draw(st.integers(1, 8))
    gaps = draw(st.lists(st.integers(0, 30), min_size=count, max_size=count))
    lengths = draw(st.lists(st.integers(1, 90), min_size=count, max_size=count))
    titles = [f"{index} {draw(_TITLE)}" for index in range(count)]
    owners = draw(st.lists(st.sampled_from(["kim", "lee", "park", "-"]), min_size=count, max_size=count))
    segments, at = [], 8 * 60
    for title, gap, length, owner in zip(titles, gaps, lengths, owners):
        at += gap
        segments.append({"title": title, "start": _hhmm(at), "end": _hhmm(at + length), "owner": owner})
        at += length
    moved = draw(st.integers(0, count - 1))
    shift = draw(st.integers(-120, 120).filter(bool))
    changed = json.loads(json.dumps(segments))
    start = int(changed[moved]["start"][:2]) * 60 + int(changed[moved]["start"][3:])
    end = int(changed[moved]["end"][:2]) * 60 + int(changed[moved]["end"][3:])
    changed[moved].update(start=_hhmm(start + shift), end=_hhmm(end + shift))
    order = draw(st.permutations(range(count)))
    document = {"title": "Generated", "date": "2026-04-09"}
    shuffled = json.dumps({**document, "segments": [segments[i] for i in order]}, ensure_ascii=True)
    # JSON is YAML: every title, whatever its characters, is one quoted string
    old = json.dumps({**document, "segments": segments}, ensure_ascii=True)
    new = json.dumps({**document, "segments": changed}, ensure_ascii=True)
    return old, new, shuffled, titles[moved], shift


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas_and_a_move())
def test_a_version_with_itself_is_empty_and_one_move_is_one_change(
    case: tuple[str, str, str, str, int],
) -> None:
    old, new, shuffled, title, shift = case
    assert changes(old, old).changes == []
    assert changes(old, shuffled).changes == []  # the order in the file is not a change
    [change] = changes(old, new).changes
    assert change.kinds == ("moved",)
    assert change.segment.title == title
    assert change.shift == shift
    backwards = changes(new, old).changes
    assert [(c.kinds, c.shift) for c in backwards] == [(("moved",), -shift)]


# -- the command line ----------------------------------------------------------------------------


def test_exit_codes_as_diff_does(in_repo: Path, tmp_path: Path) -> None:
    assert run("diff", str(OLD), str(OLD)).exit_code == 0
    changed = run("diff", str(OLD), str(NEW))
    assert changed.exit_code == 1, changed.output
    assert changed.stderr == ""
    missing = run("diff", str(OLD), "nowhere.yaml")
    assert (missing.exit_code, missing.stderr) == (2, "tfagenda: nowhere.yaml: no such file or directory\n")
    one = run("diff", str(OLD))
    assert one.exit_code == 2 and "name two files to compare" in one.stderr
    folder = run("diff", str(OLD), str(tmp_path))
    assert folder.exit_code == 2 and "is a folder" in folder.stderr
    stdin = run("diff", "-", "-")
    assert stdin.exit_code == 2 and "only one of OLD and NEW" in stdin.stderr


def test_a_version_that_is_not_an_agenda_lists_its_errors(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", 'title: Board\nsegments:\n  - {title: "open\n')
    result = run("diff", str(OLD), str(broken))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "not readable agendas" in result.stderr
    assert f"{broken}:" in result.stderr and "E001" in result.stderr
    assert "Traceback" not in result.output


def test_standard_input_is_one_version() -> None:
    result = run("diff", "-", str(NEW), input=OLD.read_text(encoding="utf-8"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- <stdin>\n+++ {NEW}\n")


def test_a_title_cannot_become_a_link_or_an_image_in_markdown(tmp_path: Path) -> None:
    # render's escaping keeps brackets as written; in a PR comment "[x](url)" was a live link.
    title = "[Slides](https://evil.example) ![pixel](https://evil.example/p.png) [database failover]"
    old = write(
        tmp_path / "old.yaml", meeting(f'{{title: "{title}", start: "10:00", duration: 10, owner: "-"}}')
    )
    new = write(
        tmp_path / "new.yaml", meeting(f'{{title: "{title}", start: "10:05", duration: 10, owner: "-"}}')
    )
    markdown = run("diff", str(old), str(new), "-f", "md").stdout
    assert "](" not in markdown
    assert (
        "[Slides]\\(https://evil.example) ![pixel]\\(https://evil.example/p.png) [database failover]"
        in markdown
    )


def test_text_from_the_files_cannot_act_on_a_terminal_or_become_markdown(tmp_path: Path) -> None:
    old = write(
        tmp_path / "old.yaml",
        meeting('{title: "Plan \\e[2J <b>|x|</b>", start: "10:00", duration: 10, owner: "-"}'),
    )
    new = write(
        tmp_path / "new.yaml",
        meeting('{title: "Plan \\e[2J <b>|x|</b>", start: "10:05", duration: 10, owner: "-"}'),
    )
    text = run("diff", str(old), str(new)).stdout
    assert "\x1b" not in text and "Plan \\x1b[2J <b>|x|</b>" in text
    markdown = run("diff", str(old), str(new), "-f", "md").stdout
    assert "<b>" not in markdown
    assert "Plan \\\\x1b[2J &lt;b&gt;\\|x\\|&lt;/b&gt;" in markdown  # as render --format md writes it
    data = json.loads(run("diff", str(old), str(new), "-f", "json").stdout)
    assert data["files"][0]["changes"][0]["title"] == "Plan \x1b[2J <b>|x|</b>"


FORMATS = [("text", "en"), ("text", "ko"), ("md", "en"), ("md", "ko"), ("json", "en")]


@pytest.mark.parametrize("fmt, lang", FORMATS, ids=[f"{f}-{lang}" for f, lang in FORMATS])
def test_report_snapshot(fmt: str, lang: str, snapshot, in_repo) -> None:  # type: ignore[no-untyped-def]
    old, new = (str(path.relative_to(REPO)) for path in (OLD, NEW))
    result = run("diff", old, new, "--format", fmt, "--lang", lang)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout == snapshot


def test_json_says_the_same_as_the_text(in_repo: Path) -> None:
    data = json.loads(run("diff", str(OLD), str(NEW), "-f", "json").stdout)
    assert data["changed"] is True
    [file] = data["files"]
    assert file["counts"]["moved"] == 5 and file["counts"]["added"] == 1
    panel = next(change for change in file["changes"] if change["title"] == "Panel")
    assert panel["old"]["track"] == "Hall" and panel["new"]["track"] == "Room B"
    assert (panel["old"]["start"], panel["new"]["start"], panel["shift"]) == ("10:45", "11:00", 15)
    assert panel["people"] == [{"name": "Kim Minsu", "id": "kim"}, {"name": "Park Sora", "id": "park"}]
    text = run("diff", str(OLD), str(NEW)).stdout
    assert panel["message"] in text
    sam = next(person for person in file["people"] if person["id"] == "sam")
    assert [file["changes"][index]["title"] for index in sam["changes"]] == ["Talk A"]
    assert [file["changes"][index]["title"] for index in file["unowned"]] == ["Break"]


# -- against git ---------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "agendas").mkdir(parents=True)
    shutil.copy(OLD, repo / "agendas" / "summit.yaml")
    shutil.copy(REPO / "agendas" / "2026-11-30-platform-team-weekly.yaml", repo / "agendas" / "weekly.yaml")
    shutil.copy(REPO / "agendas" / "2026-02-26-ai-welfare-tf-4.yaml", repo / "agendas" / "tf.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first")
    monkeypatch.chdir(repo)
    return repo


def test_rev_compares_the_file_at_a_revision_with_the_working_tree(repository: Path) -> None:
    assert run("diff", "--rev", "HEAD", "agendas/summit.yaml").exit_code == 0
    shutil.copy(NEW, repository / "agendas" / "summit.yaml")
    result = run("diff", "--rev", "HEAD", "agendas/summit.yaml")
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("--- HEAD:agendas/summit.yaml\n+++ agendas/summit.yaml\n")
    assert result.stdout == run("diff", str(OLD), str(NEW)).stdout.replace(
        str(OLD), "HEAD:agendas/summit.yaml"
    ).replace(str(NEW), "agendas/summit.yaml")


def test_rev_lists_a_file_edited_without_moving_anyone_and_skips_the_same_bytes(repository: Path) -> None:
    summit = repository / "agendas" / "summit.yaml"
    summit.write_text("# a comment\n" + summit.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("diff", "--rev", "HEAD")
    assert (result.exit_code, result.stdout) == (
        0,
        "--- HEAD:agendas/summit.yaml\n+++ agendas/summit.yaml\nPlatform summit: no changes\n",
    )
    _git(repository, "commit", "-q", "-am", "a comment")
    assert (run("diff", "--rev", "HEAD").exit_code, run("diff", "--rev", "HEAD").stdout) == (0, "")


def test_rev_of_a_folder_lists_changed_added_and_deleted_agendas(repository: Path) -> None:
    shutil.copy(NEW, repository / "agendas" / "summit.yaml")
    (repository / "agendas" / "weekly.yaml").unlink()
    shutil.copy(FIXTURES / "seed-as-printed.yaml", repository / "agendas" / "new.yaml")
    result = run("diff", "--rev", "HEAD", "-f", "json")  # no PATH: the agenda folder
    assert result.exit_code == 1, result.output
    files = {(f["old"], f["new"]): f for f in json.loads(result.stdout)["files"]}
    assert list(files) == [
        ("HEAD:agendas/new.yaml", "agendas/new.yaml"),
        ("HEAD:agendas/summit.yaml", "agendas/summit.yaml"),
        ("HEAD:agendas/weekly.yaml", "agendas/weekly.yaml"),
    ]  # tf.yaml is unchanged: not listed
    assert files[("HEAD:agendas/new.yaml", "agendas/new.yaml")]["old_exists"] is False
    weekly = files[("HEAD:agendas/weekly.yaml", "agendas/weekly.yaml")]
    assert weekly["new_exists"] is False and set(weekly["counts"]) >= {"cancelled"}
    assert {tuple(change["kinds"]) for change in weekly["changes"]} == {("cancelled",)}


def test_rev_of_a_document(repository: Path) -> None:
    release = repository / "보도자료.hwpx"
    release.write_bytes(hwpx_bytes(SEED_DOCUMENT))
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", "press release")
    later = [
        (kind, [row for row in value if row[1] != "향후 일정 공유"]) if kind == "table" else (kind, value)
        for kind, value in SEED_DOCUMENT
    ]
    release.write_bytes(hwpx_bytes(later))
    result = run("diff", "--rev", "HEAD", "보도자료.hwpx", "--lang", "ko")
    assert result.exit_code == 1, result.output
    assert "  - ‘향후 일정 공유’(2026-02-26, 17:35–17:40): 취소\n" in result.stdout


def test_rev_is_verified_and_never_read_as_an_option(repository: Path) -> None:
    for bad in ("--output=x", "no-such-branch", "HEAD~5"):
        result = run("diff", "--rev", bad, "agendas/summit.yaml")
        assert result.exit_code == 2
        assert (
            result.stderr
            == f"tfagenda: --rev {bad}: not a git revision (a commit, branch or tag) in this repository\n"
        )
    assert not (repository / "x").exists()
    korean = run("diff", "--rev", "nope", "agendas", "--lang", "ko")
    assert (
        korean.stderr == "tfagenda: --rev nope: 이 저장소의 git 리비전(커밋, 브랜치 또는 태그)이 아닙니다\n"
    )


def test_rev_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    outside = tmp_path / "plain"
    outside.mkdir()
    shutil.copy(OLD, outside / "a.yaml")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run("diff", "--rev", "HEAD", "a.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("tfagenda: --rev HEAD: fatal: not a git repository")


# -- real schedules (skipped without ../shared/reference/real) -----------------------------------


def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    return path


def test_a_real_schedule_with_itself_is_empty_and_fast() -> None:
    path = _real("fosdem-2020-schedule.xml")
    started = time.process_time()
    result = run("diff", str(path), str(path))
    spent = time.process_time() - started
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("FOSDEM 2020: no changes\n")
    assert spent < 15, f"{spent:.1f} s of CPU"  # about 1.5 s here


def test_two_fosdem_years() -> None:
    old, new = _real("fosdem-2020-schedule.xml"), _real("fosdem-2025-schedule.xml")
    result = run("diff", str(old), str(new), "-f", "json")
    assert result.exit_code == 1, result.stderr
    [file] = json.loads(result.stdout)["files"]
    # A different conference five years on: mostly new talks, a few that came back
    assert file["counts"]["added"] > 900 and file["counts"]["cancelled"] > 800
    returned = [change for change in file["changes"] if change["old"] and change["new"]]
    assert returned and all(change["old"]["date"].startswith("2020") for change in returned)
    assert all(change["new"]["date"].startswith("2025") for change in returned)


def test_a_version_with_a_value_set_aside_is_compared_with_a_note(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", meeting('{title: Opening, start: "10:00", duration: 10, owner: kim}'))
    new = write(tmp_path / "new.yaml", meeting('{title: Opening, start: "10:00", duration: 1O, owner: kim}'))
    result = run("diff", str(old), str(new))
    assert result.exit_code == 1
    assert "'Opening' (2026-04-09, 10:00–10:10): its time cannot be worked out now" in result.stdout
    assert result.stderr == (
        f"tfagenda: note: {new}: some of it could not be read (E004); what depends on it may show as"
        f" cancelled, added or without a time. tfagenda check {new} lists the problems\n"
    )


# -- the documentation's examples are what the command prints --------------------------------------


def _block_after(text: str, command: str) -> str:
    start = text.index(f"$ {command}\n") + len(f"$ {command}\n")
    return text[start : text.index("```", start)]


def test_the_example_in_docs_diff_md(in_repo: Path) -> None:
    command = "tfagenda diff tests/fixtures/diff/old.yaml tests/fixtures/diff/new.yaml"
    expected = _block_after((REPO / "docs" / "diff.md").read_text(encoding="utf-8"), command)
    assert run(*command.split()[1:]).stdout == expected


def test_the_example_in_the_readme(repository: Path) -> None:
    summit = repository / "agendas" / "summit.yaml"
    _git(repository, "branch", "-M", "main")
    text = summit.read_text(encoding="utf-8")
    text = text.replace(
        "{title: Keynote, duration: 60, owner: lee}", "{title: Keynote, duration: 75, owner: lee}"
    )
    text = text.replace(
        "          - {title: Roadmap Q&A, duration: 45, owner: lee}\n",
        "          - {title: Roadmap Q&A, duration: 45, owner: lee}\n"
        '          - {title: Mentoring, start: "11:00", duration: 30, owner: Jiwoo}\n',
    )
    summit.write_text(text, encoding="utf-8")
    command = "tfagenda diff --rev main agendas/summit.yaml"
    expected = _block_after((REPO / "README.md").read_text(encoding="utf-8"), command)
    assert run(*command.split()[1:]).stdout == expected


# -- bounded on hostile input ----------------------------------------------------------------------


def test_thousands_of_one_title_stay_fast() -> None:
    rows = [
        f'{{title: TBD, start: "{8 + i // 60 % 12:02d}:{i % 60:02d}", duration: 1, owner: p{i % 7}}}'
        for i in range(720)
    ]
    days = "\n".join(
        f"  - date: 2026-04-{day:02d}\n    tracks:\n"
        + "\n".join(
            f"      - name: R{room}\n        segments:\n" + "\n".join(f"          - {row}" for row in rows)
            for room in range(2)
        )
        for day in range(1, 3)
    )
    old = f"title: Hostile\ndays:\n{days}\n"
    new = old.replace("owner: p3}", "owner: p4}")
    started = time.process_time()
    result = changes(old, new)
    assert time.process_time() - started < 20  # about 1 s here
    assert {change.kinds for change in result.changes} == {("owner",)}
    assert len(result.changes) == 2 * 2 * (720 // 7 + 1)  # every seventh row of each room and day
