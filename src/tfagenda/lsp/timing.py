"""How long the server takes to check an agenda again after a change (bench/run's LSP row).

Measured in-process, on the server's own path: the change is applied to the open document by
pygls (an incremental edit), then the document is checked (load → rules → O003 against the other
agendas → settings) and its diagnostics are built in the client's encoding and serialised as the
notification's JSON. Only the transport is left out.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from lsprotocol import types


def agenda_text(segments: int = 100) -> str:
    """A one-day agenda of ``segments`` 5-minute segments, with Hangul titles and owners."""
    lines = [
        "title: 성능 측정 회의",
        "date: 2026-03-06",
        f'slot: "08:00-{8 + segments * 5 // 60:02d}:{segments * 5 % 60:02d}"',
        "people:",
        *(f"  p{k}: {{name: 담당자 {k}}}" for k in range(10)),
        "segments:",
    ]
    for index in range(segments):
        start = 8 * 60 + index * 5
        lines.append(
            f'  - {{start: "{start // 60:02d}:{start % 60:02d}", duration: 5, title: 안건 {index} 😀, owner: p{index % 10}}}'
        )
    return "\n".join(lines) + "\n"


def recheck_times(segments: int = 100, runs: int = 200, warmup: int = 20) -> list[tuple[float, float]]:
    """Seconds per re-check after a one-character change, for ``runs`` changes (after ``warmup``):
    (wall-clock, CPU) pairs. On a machine shared with other work the wall clock also counts the
    time the process waited for a core; the CPU time is what the re-check itself costs."""
    from pygls.workspace import Workspace as PyglsWorkspace

    from tfagenda.lsp.server import TfagendaServer

    with tempfile.TemporaryDirectory(prefix="tfagenda-lsp-bench-") as folder:
        root = Path(folder)
        (root / "agendas").mkdir()
        path = root / "agendas" / "bench.yaml"
        uri = path.as_uri()
        text = agenda_text(segments)
        server = TfagendaServer()
        server.protocol._workspace = PyglsWorkspace(root.as_uri(), types.TextDocumentSyncKind.Incremental)
        server.add_workspace(str(root))
        server.workspace.put_text_document(types.TextDocumentItem(uri, "yaml", 1, text))
        middle = f"duration: 5, title: 안건 {segments // 2} "
        line = next(n for n, t in enumerate(text.splitlines()) if middle in t)
        column = text.splitlines()[line].index("duration: 5") + len("duration: ")
        times = []
        for run in range(warmup + runs):
            # Alternate 5 → 6 → 5: every change makes findings appear or go (S001).
            new = "6" if run % 2 == 0 else "5"
            change = types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(line, column), types.Position(line, column + 1)), text=new
            )
            server.workspace.update_text_document(
                types.VersionedTextDocumentIdentifier(version=run + 2, uri=uri), change
            )
            begin, cpu = time.perf_counter(), time.process_time()
            document = server.workspace.get_text_document(uri)
            checked = server.check_document(uri, document.source, document.language_id)
            params = types.PublishDiagnosticsParams(uri, server.diagnostics(checked), document.version)
            json.dumps(server.protocol._converter.unstructure(params))
            elapsed = (time.perf_counter() - begin, time.process_time() - cpu)
            if run >= warmup:
                times.append(elapsed)
        return times


def main() -> None:
    """``python -m tfagenda.lsp.timing``: the median, min and max in milliseconds, as JSON."""
    times = recheck_times()
    wall = [t[0] for t in times]
    print(
        json.dumps(
            {
                "median_ms": statistics.median(wall) * 1000,
                "min_ms": min(wall) * 1000,
                "max_ms": max(wall) * 1000,
                "cpu_median_ms": statistics.median(t[1] for t in times) * 1000,
                "runs": len(times),
            }
        )
    )


if __name__ == "__main__":
    main()
