"""Headless Chromium for the browser tests: one place that finds the system's Chromium and launches it.

Why one place: four test files drive the same browser; its path, flags and the skip when it or
Playwright is missing must not drift apart.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """A Playwright browser on the system's Chromium, closed afterwards; skips the test when Playwright
    or Chromium is not installed (CI installs both)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-core)")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def open_task(browser: Any, server_url: str, credentials: Any, project_id: int, task_id: int,
              viewport: dict[str, int]) -> Any:
    """A new page logged in to Label Studio as ``credentials`` and showing one task of a project."""
    page = browser.new_page(viewport=viewport)
    page.goto(f"{server_url}/user/login/")
    page.fill("input[name=email]", credentials.email)
    page.fill("input[name=password]", credentials.password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{server_url}/projects/{project_id}/data?task={task_id}")
    return page
