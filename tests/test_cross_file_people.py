"""Issue 11 defect 18: across files a person is known by name only; ids, aliases and role words
(``과장``, ``Chair``) are each file's own, so unrelated meetings at the same hour do not clash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tfagenda.linter import check_paths


def meeting(title: str, people: str, owners: tuple[str, str]) -> str:
    return (
        f'title: {title}\ndate: 2026-05-04\nslot: "10:00~11:00"\n'
        f"people:\n{people}"
        "segments:\n"
        f'  - {{title: 개회, start: "10:00", duration: 30, owner: "{owners[0]}"}}\n'
        f'  - {{title: 안건, start: "10:30", duration: 30, owner: "{owners[1]}"}}\n'
    )


ROLES = "  과장: {role: 과장}\n  담당자: {role: 담당자}\n"


def write_all(folder: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in files]


def test_role_words_and_shared_aliases_never_join_unrelated_meetings(tmp_path: Path) -> None:
    files = {
        "health.yaml": meeting("보건복지부 회의", ROLES, ("과장", "담당자")),
        "labor.yaml": meeting("고용노동부 회의", ROLES, ("과장", "담당자")),
        "senate.yaml": meeting(
            "University senate",
            "  rector: {aliases: [Chair]}\n  clerk: {aliases: [Secretary]}\n",
            ("Chair", "Secretary"),
        ),
        "board.yaml": meeting(
            "Hospital board",
            "  dean: {aliases: [Chair]}\n  nurse: {aliases: [Secretary]}\n",
            ("Chair", "Secretary"),
        ),
    }
    paths = write_all(tmp_path, files)
    for path in paths:
        assert check_paths([path]).findings == []
    assert [f.code for f in check_paths(paths).findings] == []  # was 10 × O003


@pytest.mark.parametrize(
    ("people_a", "owner_a", "people_b", "owner_b", "joined"),
    [
        ("  kim: {name: 김민지, aliases: [과장]}\n", "과장", "  km: {name: 김민지}\n", "km", True),  # by name
        ("  kim: {name: 김민지}\n", "kim", "  x: {role: y}\n", "김민지", True),  # the name itself
        ("  kim: {aliases: [과장]}\n", "kim", "  lee: {aliases: [과장]}\n", "lee", False),  # a shared alias
        ("  kim: {aliases: [과장]}\n", "과장", "  x: {role: y}\n", "과장", False),  # an alias vs. an owner
        ("  kim: {role: 과장}\n", "kim", "  x: {role: y}\n", "kim", False),  # an id without a name
    ],
)
def test_an_owner_joins_across_files_by_name_only(
    tmp_path: Path, people_a: str, owner_a: str, people_b: str, owner_b: str, joined: bool
) -> None:
    paths = write_all(
        tmp_path,
        {
            "a.yaml": meeting("A", people_a, (owner_a, "-")),
            "b.yaml": meeting("B", people_b, (owner_b, "-")),
        },
    )
    codes = [f.code for f in check_paths(paths).findings if f.code == "O003"]
    assert codes == (["O003", "O003"] if joined else [])
