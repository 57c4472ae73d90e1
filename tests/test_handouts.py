"""`make handouts`: PDFs printed offline by Debian's Chromium, with text, charts and every script.

Builds notebook 07 (Persian, Chinese, Korean and Russian text; four charts) and the chronology,
then reads them back with poppler (pdftotext, pdftoppm, pdffonts). A page with Persian text is
saved as tests/artifacts/handout-07-persian.png.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from campaignkit.cli import main
from campaignkit.course import notebooks
from campaignkit.course.handouts import build_handouts

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PERSIAN = re.compile(r"[\u0600-\u06FF]+")
pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("chromium")),
                                reason="needs poppler-utils and chromium (bash .ci/run installs both)")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _pages(pdf: Path) -> list[str]:
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")


LOG: list[str] = []


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    build_handouts(out, only=["07-languages", "chronology"], log=LOG.append)
    return out


def test_one_pdf_per_document_asked_for_with_one_progress_line_each(handouts):
    assert sorted(p.name for p in handouts.iterdir()) == ["07-languages.pdf", "chronology.pdf"]
    assert [line.split()[1] for line in LOG] == ["07-languages.pdf:", "chronology.pdf:"], LOG
    assert not any("refused" in line for line in LOG), LOG   # nothing asked for the network


def test_the_command_prints_the_exercise_sets_offline(tmp_path, capsys):
    assert main(["handouts", str(tmp_path), "--only", "exercise-sets"]) == 0
    out = capsys.readouterr().out
    assert "[1/1] exercise-sets.pdf:" in out and "refused" not in out, out
    text = "".join(_pages(tmp_path / "exercise-sets.pdf"))
    assert "Exercise sets: student copies" in text and "NotImplementedError" in text


def test_the_notebook_prints_its_title_and_every_script_in_a_readable_font(handouts):
    pdf = handouts / "07-languages.pdf"
    text = "".join(_pages(pdf))
    title = next(nb.title for nb in notebooks() if nb.path.stem == "07-languages")
    assert " ".join(title.split()[:3]) in " ".join(text.split())
    for word in ("فارسی", "中文", "한국어", "Русский"):
        assert word in text, word
    fonts = _run("pdffonts", str(pdf))
    assert "DejaVuSans" in fonts and "WenQuanYi" in fonts, fonts   # Arabic script and CJK glyphs, no boxes
    assert "Type 3" not in fonts   # every font is embedded as an outline font


def test_charts_print_as_images_within_the_page(handouts):
    pdf = handouts / "07-languages.pdf"
    pages = _pages(pdf)
    chart_pages = [i for i, page in enumerate(pages, start=1) if "Chart: " in page]
    assert len(chart_pages) >= 3
    page = chart_pages[0]
    # the chart is drawn above its caption: count coloured (not grey) pixels in the page's upper part
    ppm = subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), str(pdf)], capture_output=True,
                         check=True).stdout
    header, width, height, pixels = _ppm(ppm)
    coloured = sum(1 for i in range(0, len(pixels), 3)
                   if max(pixels[i:i + 3]) - min(pixels[i:i + 3]) > 60)
    assert coloured > 500, coloured
    # nothing is cut at the right edge: the last 3% of every row is white
    edge = [pixels[(y * width + x) * 3] for y in range(height) for x in range(int(width * 0.97), width)]
    assert min(edge) > 240


def _ppm(data: bytes):
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return parts[0], width, height, parts[4][-width * height * 3:]


def test_persian_reads_right_to_left_on_the_printed_page(handouts):
    pdf = handouts / "07-languages.pdf"
    page = next(i for i, text in enumerate(_pages(pdf), start=1) if PERSIAN.search(text))
    boxes = _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', boxes)
    found = [w for w in words if sorted(w[4]) == sorted("فارسی")]
    assert found, "the word فارسی is not on the page"
    x0, y0, x1, y1 = (float(v) for v in found[0][:4])
    mid = (x0 + x1) / 2

    def part(left: float, right: float) -> str:
        text = _run("pdftotext", "-f", str(page), "-l", str(page), "-x", str(int(left)), "-y", str(int(y0) - 1),
                    "-W", str(int(right - left)), "-H", str(int(y1 - y0) + 2), str(pdf), "-")
        return "".join(PERSIAN.findall(text))
    # "فارسی" begins with ف: in right-to-left order its first letter is drawn on the right half
    right, left = part(mid, x1 + 1), part(x0 - 1, mid)
    assert right.startswith("ف") and left.endswith("ی"), (right, left)
    assert "فارسی" in "".join(_pages(pdf))   # the extracted text keeps the logical order
    ARTIFACTS.mkdir(exist_ok=True)
    _run("pdftoppm", "-r", "110", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
         str(ARTIFACTS / "handout-07-persian"))
    assert (ARTIFACTS / "handout-07-persian.png").stat().st_size > 10_000


def test_links_print_their_address(handouts):
    text = "".join(_pages(handouts / "07-languages.pdf"))
    assert re.search(r"<https?://", text), "no printed link address"


def test_the_chronology_prints_whole_tables_with_dates_on_one_line(handouts):
    pages = _pages(handouts / "chronology.pdf")
    text = " ".join(" ".join(pages).split())
    assert "Chronology: open appeals" in text and "¶" not in text
    assert re.search(r"\b1955-04-16\b", text)   # not broken across lines in a narrow column


def test_the_pdf_has_bookmarks_for_its_sections_and_is_tagged(handouts):
    """Chromium writes the headings as the PDF's outline (a clickable table of contents in any
    reader) and tags the structure (screen readers, reflow)."""
    pdf = handouts / "07-languages.pdf"
    assert re.search(r"^Tagged:\s+yes$", _run("pdfinfo", str(pdf)), re.M)
    data = pdf.read_bytes()
    assert b"/Outlines" in data
    for heading in ("Which languages, how often", "Check your understanding", "Key points"):
        assert heading.encode() in data, f"no bookmark for {heading!r}"
