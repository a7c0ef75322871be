"""Logging (config/settings.py LOGGING): every record is printed once, by the root's handler.

Django's defaults give the "django" logger a console handler of its own that also propagates
to the root's: each Django line used to come out twice.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


def handlers_reached(record: logging.LogRecord) -> list[logging.Handler]:
    """The handlers that would emit `record`, walking up the propagation chain as logging does.

    pytest's own capture handlers (on the root while a test runs) are left out.
    """
    reached: list[logging.Handler] = []
    logger: logging.Logger | None = logging.getLogger(record.name)
    while logger is not None:
        for handler in logger.handlers:
            if type(handler).__module__.startswith("_pytest"):
                continue
            if record.levelno >= handler.level and handler.filter(record):
                reached.append(handler)
        logger = logger.parent if logger.propagate else None
    return reached


def _record(name: str, level: int) -> logging.LogRecord:
    return logging.getLogger(name).makeRecord(name, level, __file__, 1, "a line", (), None)


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("django.request", logging.WARNING),
        ("django.request", logging.ERROR),
        ("django.db.backends", logging.WARNING),
        ("django", logging.INFO),
        ("samenopweg.core.pdf", logging.WARNING),
        ("samenopweg.cases.views", logging.ERROR),
    ],
)
def test_a_record_reaches_exactly_one_handler(
    settings: Any, debug: bool, name: str, level: int
) -> None:
    settings.DEBUG = debug  # Django's default console handler only printed when DEBUG
    record = _record(name, level)
    assert logging.getLogger(name).isEnabledFor(level)
    reached = handlers_reached(record)
    assert len(reached) == 1, reached
    assert reached[0] in logging.getLogger().handlers


def test_runservers_request_lines_keep_their_own_single_handler() -> None:
    record = _record("django.server", logging.INFO)
    reached = handlers_reached(record)
    assert len(reached) == 1, reached
    assert reached[0] in logging.getLogger("django.server").handlers


def test_a_django_warning_is_printed_once_by_a_fresh_process() -> None:
    """The symptom itself: a new process with DEBUG on, counting the lines on stderr."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('EEN-REGEL'); "
        "logging.getLogger('samenopweg.core.pdf').warning('EIGEN-REGEL')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stderr.splitlines()
    assert lines.count("EEN-REGEL") == 1, done.stderr
    assert lines.count("EIGEN-REGEL") == 1, done.stderr
