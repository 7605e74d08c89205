"""bench/run's language-server row: the timing function runs the server's real path, on a change
that makes findings come and go (bench/run itself is not part of the test suite)."""

from __future__ import annotations

from tfagenda.linter import check_text
from tfagenda.lsp.timing import agenda_text, recheck_times


def test_the_benchmarked_agenda_is_clean_and_its_change_is_a_finding() -> None:
    text = agenda_text(100)
    assert text.count("  - {start:") == 100
    assert check_text(text, "bench.yaml") == []
    changed = text.replace("duration: 5, title: 안건 50 ", "duration: 6, title: 안건 50 ")
    assert [f.code for f in check_text(changed, "bench.yaml")] == ["S001"]


def test_recheck_times_are_measured_per_change() -> None:
    times = recheck_times(segments=20, runs=4, warmup=1)
    assert len(times) == 4
    assert all(wall > 0 and cpu >= 0 for wall, cpu in times)
