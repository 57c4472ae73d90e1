"""Offline run: the notebooks, the exercises, the static site and the dashboard with no network.

One subprocess runs tests/offline_driver.py in a new network namespace (``unshare --net`` as root,
``unshare -rn`` otherwise) where only loopback is up, so nothing can reach another host. Each test
below reports one of the driver's steps: the network really is off, loopback works, nbval passes
on the notebooks (and the exercise sources), the exercise suite passes (nbgrader generates the
student copies and grades the example class), the site builds, and the Voila dashboard renders, in
its page and in Chromium. No notebook, widget, figure or page may fetch anything from outside.

Without a way to make a network namespace (no unshare or ip, or no permission) the tests are
skipped, except under CI=true, where that is a failure (.ci/run installs iproute2). Takes about
two to three minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest
from servers import REPO

DRIVER = REPO / "tests" / "offline_driver.py"
STEPS = ["network_off", "loopback", "nbval", "exercises", "site", "voila_page", "voila_browser"]
TIMEOUT = 1800


def namespace_command() -> list[str]:
    """The command prefix that gives a new network namespace with loopback up, or skip/fail why not."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    flags = ["--net"] if os.geteuid() == 0 else ["-rn"]   # -r: a user namespace, for non-root users
    reason = None
    if not unshare:
        reason = "unshare (util-linux) is missing"
    elif not ip:
        reason = "ip (iproute2) is missing: apt-get install iproute2"
    else:
        probe = subprocess.run([unshare, *flags, ip, "link", "set", "lo", "up"], capture_output=True, text=True)
        if probe.returncode != 0:
            reason = f"cannot make a network namespace ({' '.join([unshare, *flags])}): {probe.stderr.strip()}"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the offline run is impossible: {reason}", pytrace=False)
        pytest.skip(reason)
    return [unshare, *flags, "sh", "-c", f'{ip} link set lo up && exec "$0" "$@"']


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("offline")
    report, log = tmp / "report.json", tmp / "driver.log"
    cmd = [*namespace_command(), sys.executable, str(DRIVER), str(report)]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    steps = json.loads(report.read_text())["steps"] if report.is_file() else []
    return {"steps": {s["name"]: s for s in steps}, "exit": proc.returncode,
            "log": "\n".join(log.read_text(errors="replace").splitlines()[-60:])}


@pytest.mark.parametrize("name", STEPS)
def test_offline_step(offline_report, name):
    step = offline_report["steps"].get(name)
    if step is None:
        pytest.fail(f"the offline driver never reached step {name!r} (exit {offline_report['exit']}, "
                    f"timeout {TIMEOUT} s); last lines of its output:\n{offline_report['log']}", pytrace=False)
    print(f"{name} ({step['seconds']} s): {step['detail']}")   # shown by pytest -rA
    if step["ok"] is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and step {name} could not run: {step['detail']}", pytrace=False)
        pytest.skip(step["detail"])
    assert step["ok"], f"{name} failed offline ({step['seconds']} s):\n{step['detail']}"
