"""Headless Chromium for the tests: load a page, read its DOM and its console messages.

Without a browser on the machine the tests that need one are skipped with the reason, never
passed silently (CI installs Debian's chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@dataclass
class Loaded:
    dom: str
    console: list[str]


def browser() -> str:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless browser (Debian: apt-get install chromium); browser tests not run")


def load(page: Path, fragment: str = "") -> Loaded:
    """The DOM after scripts ran, and every console message the page produced."""
    with tempfile.TemporaryDirectory() as profile:
        process = subprocess.run(
            [
                browser(),
                *FLAGS,
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.resolve().as_uri() + fragment,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    console = [line for line in process.stderr.splitlines() if ":CONSOLE" in line]
    assert process.returncode == 0, process.stderr[-2000:]
    return Loaded(dom=process.stdout, console=console)
