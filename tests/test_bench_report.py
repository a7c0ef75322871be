"""docs/BENCHMARKS.md keeps one section per database: a run replaces only its own."""

import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "bench_run", Path(__file__).resolve().parent.parent / "bench" / "run.py"
)
assert spec and spec.loader
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench  # its dataclasses look their module up
spec.loader.exec_module(bench)


def _section(key: str, text: str) -> str:
    return f"{bench.SECTION.format(key)}\n{text}\n{bench.SECTION.format('end-' + key)}\n"


def test_a_run_replaces_its_own_database_and_keeps_the_other_and_the_notes():
    page = bench.merge_report("", "sqlite", _section("sqlite", "SQLITE-1"))
    page = bench.merge_report(page + "NOTES-KEPT\n", "postgres", _section("postgres", "PG-1"))
    page = bench.merge_report(page, "sqlite", _section("sqlite", "SQLITE-2"))

    assert "SQLITE-2" in page and "SQLITE-1" not in page
    assert "PG-1" in page
    assert page.index("SQLITE-2") < page.index("PG-1") < page.index("NOTES-KEPT")
    assert page.count(bench.NOTES_MARKER) == 1
