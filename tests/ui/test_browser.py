"""End to end in headless Chromium: register a request with two documents, review, approve,
download the package; axe-core finds no serious or critical problems on the way."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from app.db import dispose_engines, migrate
from app.settings import Settings
from tests.ui.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    axe_violations,
    running_service,
)
from tests.ui.factories import (
    CITIZEN_CPR,
    PASSWORD,
    SECRET,
    add_sample_requests,
    add_user,
    load_staff,
    pdf_bytes,
)

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
NOTE = "Mødet blev holdt på rådhuset i Lindholm."
SAMPLE_INBOX = ("fvl-part-vred-men-legitim", "ofl-elevated-mange-henvendelser")
CLERK, CASEWORKER = "journal@lindholm-kommune.dk", "sagsbehandler@lindholm-kommune.dk"
ADMIN = "it@lindholm-kommune.dk"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data_dir = tmp_path_factory.mktemp("browser-var")
    settings = Settings(data_dir=data_dir, secret_key=SECRET)
    migrate(settings)
    add_user(settings, CLERK, "clerk")
    add_user(settings, CASEWORKER, "caseworker")
    add_user(settings, ADMIN, "admin")
    load_staff(settings)
    add_sample_requests(settings, SAMPLE_INBOX)
    dispose_engines()
    files = []
    for number in (1, 2):
        path = data_dir / f"journalnotat-{number}.pdf"
        path.write_bytes(pdf_bytes(f"Journalnotat {number}"))
        files.append(path)
    with running_service(data_dir, SECRET) as base:
        yield {"base": base, "files": files}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, service: dict[str, Any]) -> Iterator[Any]:
    # bypass_csp: the service forbids foreign scripts; the test injects axe-core anyway
    context = browser.new_context(
        base_url=service["base"],
        viewport={"width": 1440, "height": 1000},
        accept_downloads=True,
        bypass_csp=True,
        locale="da-DK",
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def check_accessibility(page: Any, name: str) -> None:
    problems = axe_violations(page)
    assert not problems, f"axe-core on {name}: {problems}"


def log_in(page: Any, email: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/indbakke")


def register_request(page: Any, files: list[Path]) -> str:
    page.get_by_role("link", name="Ny anmodning").first.click()
    page.get_by_label("Navn (skal udfyldes)").fill("Kurt Nielsen")
    page.get_by_label("Anmodningens tekst").fill(
        "Jeg vil have aktindsigt i sagen. Jeg vil hænge hende ud på Facebook."
    )
    page.get_by_label("Sagsnummer").fill("27.12.00-G01-123-25")
    page.locator("#party_name_1").fill("Mette Larsen")
    page.locator("#party_cpr_1").fill(CITIZEN_CPR)
    page.locator("#incident_date_1").fill("2026-10-02")
    page.locator("#incident_staff_1").fill("BIHS")
    page.locator("#filer").set_input_files([str(f) for f in files])
    check_accessibility(page, "Ny anmodning")
    page.get_by_role("button", name="Registrér og screen").click()
    page.get_by_role("link", name="Åbn anmodningen").wait_for(timeout=120_000)
    assert page.locator(".upload-list progress").count() == 4  # upload + job per file
    page.screenshot(path=str(ARTIFACTS / "ny-anmodning.png"), full_page=True)
    page.get_by_role("link", name="Åbn anmodningen").click()
    page.wait_for_url("**/anmodninger/*")
    return str(page.url)


def draw_box(page: Any, bbox: list[float], width_pt: float, height_pt: float) -> None:
    """Drag a box over ``bbox`` (PDF points) on the page image."""
    image = page.locator("[data-page-image]").bounding_box()
    scale_x, scale_y = image["width"] / width_pt, image["height"] / height_pt
    page.get_by_role("button", name="Tegn felt").click()
    page.mouse.move(image["x"] + (bbox[0] - 2) * scale_x, image["y"] + (bbox[1] - 2) * scale_y)
    page.mouse.down()
    page.mouse.move(image["x"] + (bbox[2] + 2) * scale_x, image["y"] + (bbox[3] + 2) * scale_y)
    page.mouse.up()
    page.get_by_text("Manuelt felt tilføjet.").wait_for()


def note_bbox(path: Path) -> list[float]:
    with pdfplumber.open(path) as pdf:
        hit = pdf.pages[0].search(NOTE)[0]
        return [hit["x0"], hit["top"], hit["x1"], hit["bottom"]]


def review(page: Any, files: list[Path]) -> None:
    page.get_by_role("link", name="Gennemse journalnotat-1.pdf").click()
    page.wait_for_selector(".overlay .box")
    check_accessibility(page, "Dokumentgennemsyn")
    phone = page.locator("[data-page-boxes] li", has_text="Medarbejdertelefon")
    phone.get_by_role("button", name="Afvis").click()
    page.locator("[data-page-boxes] li", has_text="Medarbejdertelefon").get_by_text(
        "afvist"
    ).wait_for()
    page.get_by_label("Hjemmel for nyt felt").select_option(label="OFL § 30, nr. 1")
    draw_box(page, note_bbox(files[0]), 595.2756, 841.8898)
    manual = page.locator("[data-page-boxes] li", has_text="Manuelt felt")
    assert manual.count() == 1
    page.keyboard.press("Control+z")  # undo the drawn box ...
    page.get_by_text("Fortrudt.").wait_for()
    assert manual.count() == 0
    page.keyboard.press("Control+y")  # ... and redo it
    page.get_by_text("Gendannet.").wait_for()
    assert manual.count() == 1
    page.keyboard.press("d")  # keyboard only: place a box with the arrow keys and Enter
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.get_by_text("Manuelt felt tilføjet.").wait_for()
    assert manual.count() == 2
    page.keyboard.press("j")  # keyboard: select the first box
    assert page.locator(".overlay .box.selected").count() == 1
    page.wait_for_load_state("networkidle")  # the repainted page image
    page.screenshot(path=str(ARTIFACTS / "gennemsyn.png"), full_page=True)


def approve_and_download(page: Any, tmp_path: Path) -> bytes:
    page.get_by_role("link", name="Til godkendelse").click()
    page.get_by_role("button", name="Godkend og dan endelige filer").click()
    link = page.get_by_role("link", name="Hent udleveringspakken (zip)")
    link.wait_for()
    check_accessibility(page, "Godkend")
    with page.expect_download() as download_info:
        link.click()
    target = tmp_path / "pakke.zip"
    download_info.value.save_as(target)
    with zipfile.ZipFile(target) as archive:
        assert "aktliste.pdf" in archive.namelist()
        return archive.read("dokumenter/01-journalnotat-1.pdf")


def check_clerk_sees_no_original(page: Any) -> None:
    page.goto("/dokumenter/1/gennemsyn")
    page.wait_for_selector(".overlay .box")
    assert page.get_by_role("link", name="Vis original").count() == 0
    assert page.get_by_role("button", name="Afvis").first.is_disabled()
    response = page.goto("/dokumenter/1/gennemsyn?original=1")
    assert response is not None and response.status == 403
    assert page.get_by_role("heading", name="Ingen adgang").is_visible()
    check_accessibility(page, "Fejlside")


def test_register_review_approve_download(
    page: Any, service: dict[str, Any], tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, CLERK)
    check_accessibility(page, "Indbakke (tom)")
    request_url = register_request(page, service["files"])
    page.get_by_text("hænge hende ud").first.wait_for()
    assert page.locator("blockquote mark").count() >= 1
    check_accessibility(page, "Anmodning")
    page.screenshot(path=str(ARTIFACTS / "anmodning.png"), full_page=True)
    page.get_by_role("button", name="Gem afgørelsen").click()
    page.get_by_text("anbefalingen fulgt").wait_for()
    page.goto("/indbakke")
    check_accessibility(page, "Indbakke")
    page.screenshot(path=str(ARTIFACTS / "indbakke.png"), full_page=True)
    check_clerk_sees_no_original(page)
    page.get_by_role("button", name="Log ud").click()

    log_in(page, CASEWORKER)
    page.goto(request_url)
    review(page, service["files"])
    released = approve_and_download(page, tmp_path)
    with pdfplumber.open(io.BytesIO(released)) as pdf:
        text = pdf.pages[0].extract_text() or ""
    assert "72 11 40 21" in text, text  # the rejected proposal stays readable
    assert "rådhuset" not in text, text  # the drawn box is gone
    assert "Birgitte" not in text and CITIZEN_CPR not in text


def test_nothing_without_login(page: Any) -> None:
    for path in ("/indbakke", "/anmodninger/ny", "/administration", "/dokumenter/1/gennemsyn"):
        page.goto(path)
        assert "/login?next=" in page.url, path
    check_accessibility(page, "Log ind")


def test_admin_uploads_a_bad_staff_register(page: Any, tmp_path: Path) -> None:
    bad = tmp_path / "medarbejdere.csv"
    bad.write_text(
        "name,initials,email,phone,title,department,leading\n"
        "Birgitte Holm Sørensen,BIHS,bihs@lindholm-kommune.dk,,socialrådgiver,BF,false\n"
        "Uden Ledelse,UL,,,,,måske\n",
        encoding="utf-8",
    )
    log_in(page, ADMIN)
    page.get_by_role("link", name="Administration").first.click()
    check_accessibility(page, "Administration")
    page.get_by_label("CSV-fil").set_input_files(str(bad))
    page.get_by_role("button", name="Upload register").click()
    report = page.locator("[data-staff-report]")
    report.wait_for()
    assert "3" in report.locator("td").first.inner_text()  # the bad row's line number
    assert page.get_by_text("OFL § 9, stk. 2, nr. 2").first.is_visible()
    check_accessibility(page, "Administration med valideringsrapport")
    page.screenshot(path=str(ARTIFACTS / "administration.png"), full_page=True)
