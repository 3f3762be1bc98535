"""The service's web page in a real browser (Playwright driving Debian's chromium).

Skips when Playwright or a browser is missing (.ci/run installs chromium). The server runs in
a subprocess on a free port, as a user would start it.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cvconvert
from tests.conftest import SAMPLES
from tests.service_server import Server, serve

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            # --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
            launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Exception as exc:  # any failure to start a browser is a skip
            pytest.skip(f"chromium does not start here: {str(exc).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(tmp_path_factory.mktemp("browser")) as running:
        yield running


def open_page(browser: Any, server: Server, locale: str = "en-GB") -> Any:
    context = browser.new_context(locale=locale, accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    return page


def convert(page: Any, path: Path, to: str) -> None:
    page.set_input_files("#file", str(path))
    page.select_option("#to", to)
    page.click("#convert")
    page.wait_for_selector("#result:not([hidden])")
    # Selectors, not page functions: the page's policy forbids evaluating strings as script.
    page.wait_for_selector("#download[href^='blob:']")


def test_upload_the_sample_download_docx_and_it_reads_back(browser: Any, server: Server, tmp_path: Path) -> None:
    page = open_page(browser, server)
    sample = SAMPLES / "wanru-zhao.json"
    convert(page, sample, "docx")
    resume = cvconvert.read(sample)
    assert resume.basics is not None and resume.basics.name in page.inner_text("#found")
    # Focus went to the result, and the status line (a live region) says it is done.
    assert page.evaluate("document.activeElement.id") == "result-title"
    assert "wanru-zhao.docx" in page.inner_text("#status")
    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "wanru-zhao.docx"
    assert cvconvert.read(saved) == resume


def test_a_docx_we_did_not_write_shows_what_was_found(browser: Any, server: Server, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Ada Example", level=0)
    document.add_paragraph("ada@example.com | +44 20 7946 0000 | London")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Software Engineer, Northwind Ltd, London")
    document.add_paragraph("2019 - 2023")
    document.add_paragraph("Built the billing service.")
    document.add_heading("Education", level=1)
    document.add_paragraph("BSc Computer Science, University of Example, 2015 - 2019")
    out = io.BytesIO()
    document.save(out)
    theirs = tmp_path / "their-cv.docx"
    theirs.write_bytes(out.getvalue())

    page = open_page(browser, server)
    convert(page, theirs, "json")
    found = page.inner_text("#found")
    assert "Ada Example" in found
    assert "Work experience" in found and "Education" in found


def test_a_loss_is_listed_in_plain_words(browser: Any, server: Server) -> None:
    page = open_page(browser, server)
    convert(page, SAMPLES / "lea-dubois.fr.json", "europass")
    losses = page.locator("#losses li")
    assert losses.count() > 0
    assert "Not carried over" in page.inner_text("#notes")
    # A pointer reads as words: "/work/0/x-contrat" is "Work experience, item 1, x-contrat".
    assert "Work experience, item 1, x-contrat" in page.inner_text("#losses")


def test_the_page_speaks_french_and_german(browser: Any, server: Server) -> None:
    page = open_page(browser, server, locale="fr-FR")
    assert page.inner_text("h1") == "Convertir votre CV"
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.select_option("#ui-lang", "de")
    page.wait_for_selector("html[lang=de]", state="attached")
    assert page.inner_text("h1") == "Lebenslauf umwandeln"
    assert page.inner_text("label[for=file]") == "Ihr Lebenslauf"


def test_every_control_has_a_label_and_the_result_is_announced(browser: Any, server: Server) -> None:
    page = open_page(browser, server)
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, select')]
            .filter(e => !e.labels || e.labels.length === 0).map(e => e.id)"""
    )
    assert unlabelled == []
    assert page.get_attribute("#status", "aria-live") == "polite"
    assert page.get_attribute("#error", "role") == "alert"
    # Keyboard only: Tab reaches the file picker, the format and the button in order.
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order.index("file") < order.index("to") < order.index("convert")


def test_an_error_is_said_in_one_line(browser: Any, server: Server, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is no Word file")
    page = open_page(browser, server)
    page.set_input_files("#file", str(broken))
    page.click("#convert")
    page.wait_for_selector("#error:not(:empty)")
    assert "broken.docx" in page.inner_text("#error")


def test_text_from_the_file_is_shown_as_text_not_html(browser: Any, server: Server, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.json"
    name = '<img src=x id=injected onerror="document.title=1">Ada'
    hostile.write_text(json.dumps({"basics": {"name": name}, "work": [{"name": "<b>Northwind</b>", "x-<i>": 1}]}))
    page = open_page(browser, server)
    convert(page, hostile, "europass")
    assert name in page.inner_text("#found")
    assert page.locator("#injected").count() == 0 and page.locator("#notes i, #notes b").count() == 0


def test_the_page_asks_for_the_key_of_a_service_that_needs_one(browser: Any, tmp_path: Path) -> None:
    with serve(tmp_path, workers=1, env={"CVCONVERT_API_KEY": "page-key"}) as keyed:
        page = browser.new_context(locale="en-GB").new_page()
        page.goto(keyed.url + "/")
        page.wait_for_selector("#key-field:not([hidden])")
        assert page.evaluate("document.activeElement.id") == "api-key"
        page.fill("#api-key", "page-key")
        page.press("#api-key", "Tab")  # the change event: the formats load with the key
        page.wait_for_selector("#to option[value=docx]", state="attached")
        convert(page, SAMPLES / "minimal.json", "yaml")
        assert "minimal.yaml" in page.inner_text("#status")
