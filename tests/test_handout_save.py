"""Saving the handout loses nothing: new files only, private, a plain message when it cannot
be written, and a PDF printed without any network lookup (the Chromium child is watched)."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from spasm_edu import handout
from spasm_edu.session import PatientSession
from spasm_edu.text import session as wording
from tests.conftest import ROOT

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
WHEN = datetime(2026, 3, 4, 10, 20, 30)
STEM = "spasm-handout-20260304-102030"


def _need(tool: str, how: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed ({how})"
        if IN_CI:
            pytest.fail(message + "; CI=true: this check must run", pytrace=False)
        pytest.skip(message)
    return found


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- new files only ----------------------------------------------------------------------------
@pytest.mark.parametrize("pdf", [False, True], ids=["html", "html+pdf"])
def test_saves_at_the_same_moment_all_get_their_own_files(tmp_path, monkeypatch, pdf):
    def fake_pdf(html_path, *args, **kwargs):
        return b"%PDF-" + html_path.read_bytes()

    monkeypatch.setattr(handout, "pdf_bytes", fake_pdf)
    n = 12
    start = threading.Barrier(n)
    saved: dict[int, handout.SavedHandout] = {}

    def one(i: int) -> None:
        start.wait()
        saved[i] = handout.save(f"<p>handout {i}</p>", tmp_path, when=WHEN, pdf=pdf)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(saved) == n
    assert len({s.html_path for s in saved.values()}) == n  # same second, different names
    for i, s in saved.items():
        assert s.html_path.read_text(encoding="utf-8") == f"<p>handout {i}</p>"  # none lost
        assert re.fullmatch(rf"{STEM}(-\d+)?\.html", s.html_path.name)
        if pdf:
            assert s.pdf_path == s.html_path.with_suffix(".pdf")
            assert s.pdf_path.read_bytes() == b"%PDF-" + f"<p>handout {i}</p>".encode()
    assert len(list(tmp_path.iterdir())) == n * (2 if pdf else 1)


def test_an_existing_file_is_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.setattr(handout, "pdf_bytes", lambda *a, **k: b"%PDF-new")
    (tmp_path / f"{STEM}.html").write_text("earlier patient", encoding="utf-8")
    (tmp_path / f"{STEM}-2.pdf").write_bytes(b"%PDF-earlier")  # a PDF whose page was removed
    saved = handout.save("<p>new</p>", tmp_path, when=WHEN)
    assert saved.html_path.name == f"{STEM}-3.html" and saved.pdf_path.name == f"{STEM}-3.pdf"
    assert (tmp_path / f"{STEM}.html").read_text(encoding="utf-8") == "earlier patient"
    assert (tmp_path / f"{STEM}-2.pdf").read_bytes() == b"%PDF-earlier"
    assert not (tmp_path / f"{STEM}-2.html").exists()  # the reserved name was given back


def test_no_pdf_leaves_no_empty_pdf_file(tmp_path, monkeypatch):
    monkeypatch.setattr(handout, "pdf_bytes", lambda *a, **k: None)  # no Chromium
    saved = handout.save("<p>x</p>", tmp_path, when=WHEN)
    assert saved.pdf_path is None
    assert [p.name for p in tmp_path.iterdir()] == [f"{STEM}.html"]


def test_saved_files_are_readable_by_their_owner_only(tmp_path, monkeypatch):
    monkeypatch.setattr(handout, "pdf_bytes", lambda *a, **k: b"%PDF-1.4")
    old_umask = os.umask(0)  # even with a permissive umask
    try:
        saved = handout.save("<p>x</p>", tmp_path / "new-folder", when=WHEN)
    finally:
        os.umask(old_umask)
    assert mode_of(saved.html_path) == 0o600 and mode_of(saved.pdf_path) == 0o600
    assert mode_of(tmp_path / "new-folder") == 0o700


# -- a folder that cannot be written ---------------------------------------------------------
def test_a_folder_blocked_by_a_file_gives_a_plain_message(tmp_path):
    (tmp_path / "handouts").write_text("not a folder")
    session = PatientSession(handout_folder=tmp_path / "handouts" / "today")
    session.go(4)
    session.make_handout()
    assert session.save_handout() is None
    status = session.handout_status.value
    assert "The handout was not saved" in status and "Nothing was written" in status
    assert "Saving" not in status and "Traceback" not in status and "Errno" not in status
    assert not session.save_button.disabled  # can try again


def test_a_refused_write_says_the_computer_does_not_allow_it(tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(handout.SaveError) as info:
        handout.save("<p>x</p>", tmp_path, when=WHEN, pdf=False)
    assert "does not let the session write in it" in info.value.message
    assert str(tmp_path) in info.value.message


READ_ONLY_CHILD = """
import json, sys
from pathlib import Path
from spasm_edu import handout
from spasm_edu.session import PatientSession
handout.pdf_bytes = lambda *a, **k: None
session = PatientSession(handout_folder=Path(sys.argv[1]))
session.go(4)
session.make_handout()
saved = session.save_handout()
print(json.dumps({"saved": saved is not None, "status": session.handout_status.value,
                  "disabled": session.save_button.disabled}))
"""


def test_a_read_only_folder_gives_the_message_and_saves_nothing(tmp_path):
    """A really read-only folder: mode 0555 for a normal user; for root (who may write
    anywhere) a read-only mount in a private mount namespace."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    child = [sys.executable, "-c", READ_ONLY_CHILD, str(folder)]
    if os.geteuid() == 0:
        unshare = _need("unshare", "util-linux")
        script = f'mount -t tmpfs -o ro tmpfs "{folder}" && exec "$@"'
        cmd = [unshare, "-m", "sh", "-c", script, "sh", *child]
    else:
        folder.chmod(0o555)
        cmd = child
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 and "mount" in done.stderr and not IN_CI:
        pytest.skip(f"no read-only mount possible here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["saved"] is False and result["disabled"] is False
    assert "does not let the session write in it" in result["status"]
    assert "Saving" not in result["status"]
    assert list(folder.iterdir()) == []


def test_save_is_off_while_saving(tmp_path, monkeypatch):
    session = PatientSession(handout_folder=tmp_path)
    session.go(4)
    session.make_button.click()
    seen = []

    def slow_save(page, folder=None, **kwargs):
        seen.append((session.save_button.disabled, session.handout_status.value))
        return handout.SavedHandout(tmp_path / "x.html", None)

    monkeypatch.setattr(handout, "save", slow_save)
    session.save_button.click()
    assert seen == [(True, f"<p>{wording.HANDOUT_SAVING}</p>")]
    session.save_button.click()  # a click queued behind the first: ignored
    assert len(seen) == 1


# -- the PDF makes no network lookup -----------------------------------------------------------
def outbound(strace_log: str) -> list[str]:
    """Lines of ``strace -f -yy`` output where Chromium reaches off this machine: a DNS lookup
    (port 53), a TCP connection or any data sent to a non-loopback address. A UDP ``connect``
    alone sends no packet (Chromium's IPv6 route probe does that) and is not counted."""
    loopback = re.compile(r"127\.\d+\.\d+\.\d+|::1|::ffff:127\.")
    bad = []
    for line in strace_log.splitlines():
        addrs = re.findall(r'inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"', line)
        peers = re.findall(r"->\[?([0-9a-fA-F.:]+?)\]?:\d+\]>", line)
        remote = [a for a in addrs + peers if not loopback.fullmatch(a)]
        if "htons(53)" in line:
            bad.append(line)
        elif re.search(r"\b(sendto|sendmsg|sendmmsg|write|writev)\(", line) and remote:
            bad.append(line)
        elif re.search(r"\bconnect\(\d+<TCP", line) and remote:
            bad.append(line)
    return bad


def test_the_outbound_check_sees_what_chromium_does_without_the_resolver_rule():
    # real lines from `strace -f -yy` of headless Chromium printing a PDF without the rule
    dns = (
        "14033 connect(98<UDP:[80911]>, {sa_family=AF_INET, sin_port=htons(53), "
        'sin_addr=inet_addr("10.255.255.53")}, 16) = 0'
    )
    https = (
        "14106 connect(26<TCPv6:[80955]>, {sa_family=AF_INET6, sin6_port=htons(443), "
        'inet_pton(AF_INET6, "2607:f8b0:4004::200a", &sin6_addr)}, 28) = -1 EINPROGRESS'
    )
    sent = '14106 write(19<UDPv6:[[fd00::2]:51728->[2001:4860:4860::8888]:443]>, "x", 1) = 1'
    probe = (
        "27925 connect(18<UDPv6:[83944]>, {sa_family=AF_INET6, sin6_port=htons(443), "
        'sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), '
        "sin6_scope_id=0}, 28) = 0"
    )
    local = (
        "27900 connect(40<TCP:[9]>, {sa_family=AF_INET, sin_port=htons(8866), "
        'sin_addr=inet_addr("127.0.0.1")}, 16) = 0'
    )
    assert outbound("\n".join([dns, https, sent, probe, local])) == [dns, https, sent]


@pytest.fixture
def chromium():
    found = handout.find_chromium()
    if found is None:
        if IN_CI:
            pytest.fail("Chromium is missing; CI=true: the PDF checks must run", pytrace=False)
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    return found


@pytest.fixture
def page_file(tmp_path) -> Path:
    session = PatientSession(handout_folder=tmp_path)
    session.cause_boxes["caffeine"].value = True
    path = tmp_path / "page.html"
    path.write_text(session.make_handout(), encoding="utf-8")
    return path


def test_the_pdf_is_printed_without_any_network_lookup(chromium, page_file, tmp_path):
    strace = _need("strace", "apt-get install strace; .ci/run installs it")
    log = tmp_path / "strace.log"
    trace = "trace=%network,write,writev"
    launcher = (strace, "-f", "-qq", "-yy", "-e", trace, "-o", str(log))
    data = handout.pdf_bytes(page_file, chromium, launcher=launcher)
    assert data and data.startswith(b"%PDF-")
    text = log.read_text(errors="replace")
    assert "connect(" in text or "socket(" in text  # the trace did see the child's sockets
    assert outbound(text) == []


def test_the_pdf_is_made_with_no_network_at_all(chromium, page_file):
    unshare = _need("unshare", "util-linux")
    if subprocess.run([unshare, "-n", "true"], capture_output=True).returncode != 0:
        if IN_CI:
            pytest.fail("unshare -n is not allowed here; CI=true: this check must run")
        pytest.skip("unshare -n (a private network namespace) is not allowed here")
    data = handout.pdf_bytes(page_file, chromium, launcher=(unshare, "-n"))
    assert data and data.startswith(b"%PDF-") and len(data) > 1000
