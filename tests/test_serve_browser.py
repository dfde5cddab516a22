"""The page of ``rapportlint serve`` in a real browser: Debian's chromium, headless, driven by
Selenium through Debian's chromium-driver (offline: no browser or driver is downloaded).

Skipped, with the reason, where there is no browser or no driver; CI installs both.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time

import pytest

import browser
import webserver
from conftest import fixture_path

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture
def chromium(tmp_path):
    binary = browser.browser()  # skips without a browser
    driver_path = shutil.which("chromedriver")
    if driver_path is None:
        pytest.skip(
            "no chromedriver (Debian: apt-get install chromium-driver); browser test not run"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="rl-chromium-", dir=tmp_path)
    for flag in browser.FLAGS:
        if not flag.startswith(("--enable-logging", "--v=")):
            options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def console(driver) -> list[str]:
    """Every message the page wrote to the console (errors, CSP refusals, warnings) since the
    last call."""
    return [f"{entry['level']} {entry['message']}" for entry in driver.get_log("browser")]


def test_a_student_drops_a_report_and_reads_its_verdict(chromium, tmp_path) -> None:
    server = webserver.start(tmp_path / "tmp", "--jobs", "1")
    try:
        chromium.get(server.url)
        assert chromium.title == "Vérification du rapport de stage"
        assert chromium.find_element(By.ID, "depot").is_displayed()

        # Dropping files on the page: the first is the report, the next ones the annexes.
        chromium.execute_script(
            """
            const transfer = new DataTransfer();
            for (const name of ["mon-rapport.pdf", "datasheet.pdf"]) {
              transfer.items.add(new File(["%PDF-1.7"], name, {type: "application/pdf"}));
            }
            const drop = new DragEvent("drop", {dataTransfer: transfer, bubbles: true,
                                                cancelable: true});
            document.body.dispatchEvent(drop);
            """
        )
        inputs = chromium.execute_script(
            "return [...document.querySelectorAll('input[type=file]')]"
            ".map(i => i.files.length ? i.files[0].name : '')"
        )
        assert inputs == ["mon-rapport.pdf", "datasheet.pdf", "", ""]
        assert chromium.find_element(By.ID, "choisi").text.startswith("mon-rapport.pdf (")
        assert chromium.find_element(By.TAG_NAME, "details").get_attribute("open") is not None
        assert console(chromium) == []

        # Choosing the file and sending it, as a student does.
        chromium.get(server.url)
        chromium.find_element(By.ID, "rapport").send_keys(str(fixture_path("exemple-rapport")))
        assert chromium.find_element(By.ID, "choisi").text.startswith("exemple-rapport.pdf (")
        chromium.find_element(By.ID, "verifier").click()
        verdict = WebDriverWait(chromium, 120).until(
            lambda driver: driver.find_elements(By.ID, "verdict")
        )[0]
        assert verdict.text.startswith("Conforme")
        assert "0 erreur " in verdict.text
        thumbnails = chromium.find_elements(By.CSS_SELECTOR, ".thumb img")
        assert len(thumbnails) == 20
        assert all(
            chromium.execute_script("return arguments[0].naturalWidth", t) > 0 for t in thumbnails
        )
        assert console(chromium) == []  # no error: no blocked script, style or picture

        # The JSON of the same check, downloaded from the link.
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        chromium.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        chromium.find_element(By.ID, "json").click()
        target = downloads / "rapport.json"
        deadline = time.monotonic() + 60
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        data = json.loads(target.read_text("utf-8"))
        assert data["verdict"] == "pass" and data["file"]["path"] == "rapport.pdf"
        assert console(chromium) == []
    finally:
        assert server.stop() == 0
    assert server.leftovers() == []
