"""A class on a real JupyterHub, on this machine only (``make test-hub``).

Starts JupyterHub on 127.0.0.1 (free ports; dummy authenticator, SimpleLocalProcessSpawner,
configurable-http-proxy from tests/hub/node_modules) and plays a class of ``HUB_STUDENTS``
(default 3) students at once. Each student:

1. starts a server and follows the course's nbgitpuller link (built by
   :mod:`spasm_edu.tooling.links`) from a bare clone of this checkout in a temp folder;
2. runs a cause notebook (02_caffeine) and the diary exercise (spasm_diary) cell by cell over
   the kernel websocket of the jupyter_server REST API, and saves the diary with a note of
   their own (the student's edit);
3. after the instructor pushes a change to the bare repository, follows the link again:
   nbgitpuller must merge the instructor's change and keep the student's note.

The first student also opens the patient session through Voila on the hub
(``/user/<name>/voila/render/...``) and asks its kernel where handouts would be saved.
Per-student memory (RSS of the server and its kernels, psutil) and timings go to
``test-artifacts/hub.json``. Every step has a timeout; the hub, the proxy and every student
server are stopped at the end, whatever happened.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from spasm_edu import present
from spasm_edu.tooling import hubsetup, links

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CHP = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
ARTIFACT = ROOT / "test-artifacts" / "hub.json"
STUDENTS = int(os.environ.get("HUB_STUDENTS", "3"))
BUDGET_S = int(os.environ.get("HUB_TIMEOUT", "900"))  # the hub stops itself after this
STEP_S = 240  # any one step (a server start, a pull, a notebook)
CAUSE_NOTEBOOK = "notebooks/02_caffeine.ipynb"
DIARY = "notebooks/spasm_diary.ipynb"
SESSION = "notebooks/patient_session.ipynb"
STUDENT_NOTE = "My own note: the diary shows more spasms after short nights."
INSTRUCTOR_FILE = "notebooks/week2_instructor_note.md"
INSTRUCTOR_LINE = "Instructor update for week 2: read the electrolytes notebook."
SCOPES = ["admin:users", "admin:servers", "tokens", "access:servers", "read:users"]
MB = 1024 * 1024


def free_port() -> int:
    return present.free_port()


def git(*args: str, cwd: Path | None = None) -> str:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    ident = ["-c", "user.name=Instructor", "-c", "user.email=instructor@example.invalid"]
    out = subprocess.run(
        ["git", *ident, *args], cwd=cwd, env=env, check=True, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    return out.stdout


def bare_clone(tmp: Path) -> Path:
    """A bare clone of this checkout's HEAD, its ``main`` branch = HEAD (named like the real
    repository, so nbgitpuller's folder matches the links')."""
    bare = tmp / "srv" / links.folder_name(links.repository_url())
    git("clone", "--quiet", "--bare", "--no-local", str(ROOT), str(bare))
    head = git("rev-parse", "HEAD", cwd=ROOT).strip()
    git("update-ref", "refs/heads/main", head, cwd=bare)
    git("symbolic-ref", "HEAD", "refs/heads/main", cwd=bare)
    return bare


def instructor_push(tmp: Path, bare: Path) -> str:
    work = tmp / "instructor"
    git("clone", "--quiet", "--branch", "main", str(bare), str(work))
    (work / INSTRUCTOR_FILE).write_text(f"# Week 2\n\n{INSTRUCTOR_LINE}\n")
    with (work / "README.md").open("a") as f:
        f.write(f"\n{INSTRUCTOR_LINE}\n")
    git("add", "-A", cwd=work)
    git("commit", "--quiet", "-m", "Week 2 note", cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    return git("rev-parse", "HEAD", cwd=work).strip()


def hub_config(tmp: Path, ports: dict, token: str) -> Path:
    # the single-user environment set up as on a real hub (binder/postBuild, TLJH): lab
    # settings, the Voila template and the server config, here under a temp prefix
    prefix = tmp / "prefix"
    installed = hubsetup.install(prefix)
    spawner_args = [
        "--ServerApp.ip=127.0.0.1",
        f"--LabApp.app_settings_dir={installed['lab_settings']}",  # default: <sys.prefix>/...
        # a server left behind stops itself
        f"--ServerApp.shutdown_no_activity_timeout={BUDGET_S}",
    ]
    if os.geteuid() == 0:
        spawner_args.insert(0, "--allow-root")
    environment = {
        "JUPYTER_PATH": str(prefix / "share" / "jupyter"),
        "JUPYTER_CONFIG_PATH": str(prefix / "etc" / "jupyter"),
    }
    config = f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {ports["hub"]}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports["hub_api"]}
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/cookie_secret"
c.JupyterHub.pid_file = "{tmp}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
c.ConfigurableHTTPProxy.pid_file = "{tmp}/proxy.pid"
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{sys.executable!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.args = {spawner_args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = {STEP_S}
c.Spawner.http_timeout = {STEP_S}
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "VIRTUAL_ENV", "LANG", "LC_ALL",
                      "SPASM_NETGUARD", "SPASM_NET_LOG", "PYDEVD_DISABLE_FILE_VALIDATION"]
c.Spawner.environment = {environment!r}
c.JupyterHub.services = [{{"name": "class-driver", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "class-driver", "scopes": {SCOPES!r},
                            "services": ["class-driver"]}}]
"""
    path = tmp / "jupyterhub_config.py"
    path.write_text(config)
    return path


class Hub:
    """The running hub and how to talk to it (admin token of the driver service)."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.ports = {"hub": free_port(), "hub_api": free_port(), "proxy_api": free_port()}
        self.url = f"http://127.0.0.1:{self.ports['hub']}"
        self.token = secrets.token_hex(24)
        self.proc: subprocess.Popen | None = None
        self.http = AsyncHTTPClient(force_instance=True, max_clients=50)
        self.seen: set[int] = set()  # every pid of the hub's tree, to stop at the end
        self.log = tmp / "jupyterhub.log"

    def start(self):
        config = hub_config(self.tmp, self.ports, self.token)
        env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
        # `timeout` stops the hub (SIGTERM: it stops the proxy and every server) if the driver
        # is killed before it can
        cmd = ["timeout", "-k", "30", str(BUDGET_S), sys.executable, "-m", "jupyterhub",
               "-f", str(config)]  # fmt: skip
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=self.tmp, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    async def api(self, method: str, path: str, body=None, token=None, timeout=60):
        req = HTTPRequest(
            f"{self.url}/hub/api{path}",
            method=method,
            headers={"Authorization": f"token {token or self.token}"},
            body=None if body is None and method == "GET" else json.dumps(body or {}),
            allow_nonstandard_methods=True,
            request_timeout=timeout,
        )
        resp = await self.http.fetch(req, raise_error=False)
        if resp.code >= 400:
            raise RuntimeError(f"{method} {path}: {resp.code} {resp.body[:500]!r}")
        return json.loads(resp.body) if resp.body else None

    async def wait_up(self, timeout=120):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                await self.api("GET", "/", timeout=5)
                return
            except Exception:
                await asyncio.sleep(0.5)
        raise TimeoutError(f"the hub did not answer in {timeout} s:\n{self.tail()}")

    def tail(self, n=4000) -> str:
        return self.log.read_text(errors="replace")[-n:] if self.log.exists() else ""

    def remember_tree(self):
        if self.proc is None:
            return
        try:
            root = psutil.Process(self.proc.pid)
            self.seen |= {p.pid for p in [root, *root.children(recursive=True)]}
        except psutil.Error:
            pass
        for p in psutil.process_iter(["pid"]):
            try:
                if (
                    p.environ()
                    .get("JUPYTERHUB_API_URL", "")
                    .endswith(f":{self.ports['hub_api']}/hub/api")
                ):
                    self.seen |= {p.pid, *(c.pid for c in p.children(recursive=True))}
            except psutil.Error:
                continue

    def own_memory_mb(self) -> float:
        """RSS of the hub itself and its proxy (not the student servers it started)."""
        total = 0
        try:
            for p in psutil.Process(self.proc.pid).children(recursive=True):
                if "jupyterhub.singleuser" in " ".join(p.cmdline()):
                    continue
                if p.parent() and "jupyterhub.singleuser" in " ".join(p.parent().cmdline()):
                    continue
                if p.name() == "timeout":
                    continue
                total += p.memory_info().rss
        except psutil.Error:
            pass
        return round(total / MB, 1)

    def stop(self):
        """Stop the hub (it stops its proxy and servers), then anything of its tree left."""
        self.remember_tree()
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        left = []
        for pid in self.seen:
            try:
                p = psutil.Process(pid)
                if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                    left.append(p)
            except psutil.Error:
                continue
        for p in left:
            p.terminate()
        gone, alive = psutil.wait_procs(left, timeout=10)
        for p in alive:
            p.kill()
        return len(left)


class Student:
    def __init__(self, hub: Hub, name: str, repo: str, folder: str):
        self.hub, self.name, self.repo, self.folder = hub, name, repo, folder
        self.base = f"{hub.url}/user/{name}"
        self.token = ""
        self.cookies: dict[str, str] = {}
        self.result: dict = {"name": name}

    def headers(self):
        return {"Authorization": f"token {self.token}"}

    async def get(self, url: str, timeout=STEP_S, follow=True):
        req = HTTPRequest(url, headers=self.headers(), request_timeout=timeout,
                          follow_redirects=follow)  # fmt: skip
        return await self.hub.http.fetch(req, raise_error=False)

    def keep_cookies(self, resp):
        for header in resp.headers.get_list("Set-Cookie"):
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value

    async def browse(self, url: str, method="GET", body=None, hops=10):
        """As a browser: cookies kept, redirects followed (the hub's pages take no token)."""
        for _ in range(hops):
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            req = HTTPRequest(url, method=method, body=body, follow_redirects=False,
                              headers={"Cookie": cookie} if cookie else {},
                              request_timeout=STEP_S)  # fmt: skip
            resp = await self.hub.http.fetch(req, raise_error=False)
            self.keep_cookies(resp)
            if resp.code not in (301, 302, 303, 307):
                resp.effective_url = url
                return resp
            url = urljoin(url, resp.headers["Location"])
            method, body = "GET", None
        raise RuntimeError(f"{self.name}: too many redirects at {url}")

    async def log_in(self):
        """The dummy authenticator's login form, as a student would fill it."""
        await self.browse(f"{self.hub.url}/hub/login")
        form = urlencode({"username": self.name, "password": "class",
                          "_xsrf": self.cookies.get("_xsrf", "")})  # fmt: skip
        resp = await self.browse(f"{self.hub.url}/hub/login", "POST", form)
        assert resp.code == 200, f"{self.name}: login -> {resp.code}"

    async def rest(self, method: str, path: str, body=None, timeout=60):
        req = HTTPRequest(
            f"{self.base}/api{path}", method=method, headers=self.headers(),
            body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
            request_timeout=timeout, allow_nonstandard_methods=True,
        )  # fmt: skip
        resp = await self.hub.http.fetch(req, raise_error=False)
        if resp.code >= 400:
            raise RuntimeError(f"{self.name}: {method} {path}: {resp.code} {resp.body[:300]!r}")
        return json.loads(resp.body) if resp.body else None

    async def start_server(self):
        await self.hub.api("POST", "/users", {"usernames": [self.name]})
        body = {"note": "class test", "expires_in": BUDGET_S}
        self.token = (await self.hub.api("POST", f"/users/{self.name}/tokens", body))["token"]
        await self.hub.api("POST", f"/users/{self.name}/server", {})
        await self.log_in()
        end = time.monotonic() + STEP_S
        while time.monotonic() < end:
            user = await self.hub.api("GET", f"/users/{self.name}")
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise TimeoutError(f"{self.name}: server not ready in {STEP_S} s")

    async def follow_link(self, interface: str, notebook: str) -> dict:
        """Follow the nbgitpuller link as a browser would: the hub redirects to the student's
        git-pull page; its script then streams the pull from git-pull/api (done here)."""
        link = links.puller_link(self.hub.url, self.repo, interface, notebook)
        resp = await self.browse(link)
        assert resp.code == 200, f"{self.name}: {link} -> {resp.code}"
        final = urlparse(resp.effective_url)
        assert final.path == f"/user/{self.name}/git-pull", resp.effective_url
        query = parse_qs(final.query)
        assert query["repo"] == [self.repo] and query["branch"] == ["main"], query
        api = f"{self.base}/git-pull/api?" + urlencode(
            {"repo": self.repo, "branch": "main", "targetpath": self.folder}
        )
        resp = await self.get(api)
        events = [
            json.loads(line[len("data: "):])
            for line in resp.body.decode().splitlines()
            if line.startswith("data: ")
        ]  # fmt: skip
        phase = events[-1]["phase"] if events else None
        if phase != "finished":
            raise RuntimeError(f"{self.name}: nbgitpuller ended with {events[-1:]}")
        return {"urlpath": query["urlpath"][0], "events": len(events)}

    async def run_notebook(self, notebook: str, extra_code: tuple[str, ...] = ()):
        """Open ``notebook`` (a session = kernel in its folder), run every code cell over the
        kernel websocket; returns (the notebook with outputs, first reply time, kernel id)."""
        path = f"{self.folder}/{notebook}"
        model = await self.rest("GET", f"/contents/{path}?content=1")
        nb = model["content"]
        session = await self.rest("POST", "/sessions", {
            "path": path, "name": Path(path).name, "type": "notebook",
            "kernel": {"name": "python3"},
        })  # fmt: skip
        kernel_id = session["kernel"]["id"]
        ws_url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        ws = await asyncio.wait_for(
            websocket_connect(HTTPRequest(ws_url, headers=self.headers())), 60
        )
        first_reply = None
        extras = []
        try:
            cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
            for cell in [*cells, *({"source": code, "outputs": []} for code in extra_code)]:
                outputs, reply = await asyncio.wait_for(self.execute(ws, cell["source"]), STEP_S)
                if first_reply is None:
                    first_reply = time.monotonic()
                if reply["status"] != "ok":
                    raise RuntimeError(
                        f"{self.name}: {notebook}: {reply.get('ename')}: {reply.get('evalue')}"
                    )
                cell["outputs"] = outputs
                if "execution_count" in cell:
                    cell["execution_count"] = reply.get("execution_count")
                if cell not in cells:
                    extras.append(outputs)
        finally:
            ws.close()
        return nb, first_reply, kernel_id, session["id"], extras

    @staticmethod
    async def execute(ws, code) -> tuple[list, dict]:
        msg_id = uuid.uuid4().hex
        await ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "student",
                       "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code if isinstance(code, str) else "".join(code),
                        "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))  # fmt: skip
        outputs, reply, idle = [], None, False
        while reply is None or not idle:
            raw = await ws.read_message()
            if raw is None:
                raise RuntimeError("the kernel websocket closed")
            if not isinstance(raw, str):
                continue  # binary frames (widget buffers)
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "execute_reply":
                reply = msg["content"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif kind in ("stream", "display_data", "execute_result", "error"):
                out = dict(msg["content"], output_type=kind)
                out.pop("transient", None)
                outputs.append(out)
        return outputs, reply

    def processes(self) -> tuple[psutil.Process | None, list[psutil.Process]]:
        for p in psutil.process_iter(["pid", "cmdline"]):
            try:
                if "jupyterhub.singleuser" not in " ".join(p.info["cmdline"] or ()):
                    continue
                if p.environ().get("JUPYTERHUB_USER") == self.name:
                    return p, p.children(recursive=True)
            except psutil.Error:
                continue
        return None, []

    def memory(self) -> dict:
        server, children = self.processes()
        if server is None:
            raise RuntimeError(f"{self.name}: no single-user server process found")
        kernels = [c for c in children if "ipykernel" in " ".join(c.cmdline())]
        rss = lambda ps: sum(p.memory_info().rss for p in ps) / MB  # noqa: E731
        return {
            "server_mb": round(rss([server]), 1),
            "kernels": len(kernels),
            "kernels_mb": round(rss(kernels), 1),
            "total_mb": round(rss([server, *children]), 1),
        }

    async def first_visit(self):
        r = self.result
        t0 = time.monotonic()
        await self.start_server()
        r["server_ready_s"] = round(time.monotonic() - t0, 2)
        t1 = time.monotonic()
        r["first_pull"] = await self.follow_link("lab", CAUSE_NOTEBOOK)
        r["pull_s"] = round(time.monotonic() - t1, 2)
        _, first, kernel, session, _ = await self.run_notebook(CAUSE_NOTEBOOK)
        r["time_to_running_notebook_s"] = round(first - t0, 2)
        r["memory_after_cause_notebook"] = self.memory()
        await self.rest("DELETE", f"/sessions/{session}")  # Kernel -> Shut Down, as advised
        t2 = time.monotonic()
        diary, _, kernel, session, extras = await self.run_notebook(DIARY, extra_code=(
            "from spasm_edu import handout\nprint(handout.default_folder())",
        ))  # fmt: skip
        r["diary_run_s"] = round(time.monotonic() - t2, 2)
        r["handout_folder"] = "".join(o.get("text", "") for o in extras[0]).strip()
        r["memory_diary_kernel"] = self.memory()
        diary["cells"].append(
            {"cell_type": "markdown", "metadata": {}, "source": STUDENT_NOTE, "id": "note"}
        )
        await self.rest("PUT", f"/contents/{self.folder}/{DIARY}",
                        {"type": "notebook", "format": "json", "content": diary})  # fmt: skip
        await self.rest("DELETE", f"/sessions/{session}")

    async def voila(self) -> dict:
        url = f"{self.base}/voila/render/{self.folder}/{SESSION}"
        t0 = time.monotonic()
        resp = await self.get(url)
        body = resp.body.decode(errors="replace")
        (ARTIFACT.parent / "hub_voila.html").write_text(body)
        return {
            "url_path": urlparse(url).path,
            "status": resp.code,
            "render_s": round(time.monotonic() - t0, 2),
            "has_title": "Muscle spasms: patient session" in body,
            # the session's cell ran in a kernel and left its widget for the page to show
            "has_session_widget": "application/vnd.jupyter.widget-view+json" in body,
            # the patient session's own template (spasm_edu/voila/templates/spasm)
            "spasm_template": "The session has stopped" in body,
            "shows_code": "from spasm_edu.session import" in body,
            "memory_with_voila_kernel": self.memory(),
        }

    async def lab_settings(self) -> dict:
        """JupyterLab's notification settings as the student's lab sees them."""
        url = f"{self.base}/lab/api/settings/@jupyterlab/apputils-extension:notification"
        resp = await self.get(url)
        if resp.code != 200:
            return {"status": resp.code}
        body = json.loads(resp.body)
        # the overrides change the schema's defaults; a student's own settings come on top
        props = body.get("schema", {}).get("properties", {})
        composite = {k: v.get("default") for k, v in props.items()}
        composite.update(body.get("settings") or {})
        return {"status": 200, "fetchNews": composite.get("fetchNews"),
                "checkForUpdates": composite.get("checkForUpdates")}  # fmt: skip

    async def second_visit(self, instructor_commit: str):
        t0 = time.monotonic()
        self.result["second_pull"] = await self.follow_link("lab", DIARY)
        self.result["second_pull_s"] = round(time.monotonic() - t0, 2)
        home = self.hub.tmp / "home" / self.name / self.folder
        diary = json.loads((home / DIARY).read_text())
        self.result["merge"] = {
            "kept_student_note": any(
                c["cell_type"] == "markdown" and STUDENT_NOTE in "".join(c["source"])
                for c in diary["cells"]
            ),
            # the committed diary stores some outputs: the student's run numbered every cell
            "kept_student_outputs": all(
                c.get("execution_count") for c in diary["cells"] if c["cell_type"] == "code"
            ),
            "got_instructor_file": (home / INSTRUCTOR_FILE).is_file(),
            "got_instructor_readme": INSTRUCTOR_LINE in (home / "README.md").read_text(),
            "has_instructor_commit": subprocess.run(
                ["git", "merge-base", "--is-ancestor", instructor_commit, "HEAD"], cwd=home,
                capture_output=True, timeout=30,
            ).returncode == 0,
        }  # fmt: skip


async def class_session(hub: Hub, tmp: Path, bare: Path, n: int) -> dict:
    await hub.wait_up()
    repo = f"file://{bare}"
    folder = links.folder_name(repo)
    students = [Student(hub, f"student{i + 1}", repo, folder) for i in range(n)]
    t0 = time.monotonic()
    await asyncio.gather(*(s.first_visit() for s in students))
    first_visit_s = round(time.monotonic() - t0, 2)
    hub_mb = hub.own_memory_mb()  # hub + proxy with every student's server running
    hub.remember_tree()
    voila = await students[0].voila()
    voila["lab_settings"] = await students[0].lab_settings()
    hub.remember_tree()
    commit = await asyncio.to_thread(instructor_push, tmp, bare)
    await asyncio.gather(*(s.second_visit(commit) for s in students))
    return {
        "students": [s.result for s in students],
        "voila": voila,
        "first_visit_all_s": first_visit_s,
        "hub_and_proxy_rss_mb": hub_mb,
    }


def summarise(report: dict) -> dict:
    rows = report["students"]

    def stat(key, sub=None):
        vals = [(r[key][sub] if sub else r[key]) for r in rows]
        return {"min": min(vals), "max": max(vals), "mean": round(sum(vals) / len(vals), 1)}

    return {
        "per_student_rss_mb": stat("memory_diary_kernel", "total_mb"),
        "server_rss_mb": stat("memory_diary_kernel", "server_mb"),
        "kernel_rss_mb": stat("memory_diary_kernel", "kernels_mb"),
        "server_ready_s": stat("server_ready_s"),
        "time_to_running_notebook_s": stat("time_to_running_notebook_s"),
        "pull_s": stat("pull_s"),
        "second_pull_s": stat("second_pull_s"),
    }


def run(n: int = STUDENTS) -> dict:
    """The whole class; always stops the hub. Returns the report (also in hub.json)."""
    if not CHP.exists():
        raise FileNotFoundError(f"{CHP} is missing: run make test-hub (npm ci --prefix tests/hub)")
    tmp = Path(tempfile.mkdtemp(prefix="spasm-hub-"))
    hub = Hub(tmp)
    started = time.monotonic()
    report: dict = {"n_students": n, "machine": {"cpus": os.cpu_count(),
                    "ram_mb": round(psutil.virtual_memory().total / MB)}}  # fmt: skip
    try:
        bare = bare_clone(tmp)
        hub.start()
        report |= asyncio.run(asyncio.wait_for(class_session(hub, tmp, bare, n), BUDGET_S - 60))
        report["summary"] = summarise(report)
    finally:
        report["left_running_after_stop"] = hub.stop()
        report["hub_still_running"] = hub.proc is not None and hub.proc.poll() is None
        report["wall_s"] = round(time.monotonic() - started, 1)
        report["hub_log_tail"] = hub.tail(1500)
        ARTIFACT.parent.mkdir(exist_ok=True)
        ARTIFACT.write_text(json.dumps(report, indent=1))
        shutil.rmtree(tmp, ignore_errors=True)
    return report


if __name__ == "__main__":
    out = run()
    out.pop("hub_log_tail", None)
    print(json.dumps(out, indent=1))
