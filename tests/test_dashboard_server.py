"""`make dashboard` as a server for a class: Voila serves notebooks/ with the kit's voila.json.

Only the dashboard gets a preheated kernel (not every notebook of the folder), and the kernel of a
page that was closed without Voila's own shutdown request is shut down once idle. The browser of a
student who never visited a Jupyter server has no `_xsrf` cookie, so Voila 0.5.13's shutdown
request on leaving the page fails; without the culler each page view left a kernel running until
Voila stopped. The culler must not take a page's kernel either: one that waited in Voila's pool
looked idle since it ran the dashboard and was culled before the page connected to it
(campaignkit/course/dashboard_kernels.py). Here the idle time is cut from voila.json's 600 s to
8 s (the command line wins), and the page is opened after the pool's kernel has waited longer.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from servers import ALL_DRAWN, CHROMIUM, REPO, chromium_context, voila

if not CHROMIUM:
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")



def _wait_for(log: Path, pattern: str, seconds: float) -> re.Match:
    end = time.time() + seconds
    while time.time() < end:
        found = re.search(pattern, log.read_text(errors="replace"))
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"not in Voila's log within {seconds:.0f} s: {pattern}\n{log.read_text()[-2000:]}")


def test_one_preheated_kernel_and_a_closed_page_loses_its_own(tmp_path):
    log = tmp_path / "voila.log"
    idle = 8
    args = (f"--MappingKernelManager.cull_idle_timeout={idle}", "--MappingKernelManager.cull_interval=1")
    with voila(tmp_path, args=args, log=log) as url, sync_api.sync_playwright() as p:
        _wait_for(log, r"Kernel started: ", 60)
        time.sleep(idle + 2)   # any other pool would have started by now; the pool's kernel looks idle
        notebooks = len(list((REPO / "notebooks").glob("*.ipynb")))
        assert log.read_text().count("Kernel started: ") == 1 < notebooks
        assert not re.search(r"Culling .* kernel", log.read_text())
        ctx = chromium_context(p)   # a fresh profile: no _xsrf cookie
        page = ctx.pages[0]
        page.goto(url, wait_until="commit")
        page.wait_for_function(ALL_DRAWN, timeout=30_000, polling=100)
        kernel = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
        ctx.close()   # the student closes the tab
        _wait_for(log, rf"Culling .* kernel .*\({re.escape(kernel)}\)", idle + 20)
        time.sleep(2)
        text = log.read_text()
        # the pool's new kernel (started after the page took the first) is not culled
        started = re.findall(r"Kernel started: ([0-9a-f-]+)", text)
        culled = re.findall(r"Culling .* kernel .*\(([0-9a-f-]+)\)", text)
        assert culled == [kernel] and len(started) == 2 and started[1] not in culled
