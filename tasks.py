#!/usr/bin/env python3
"""Set up and run the workbook: the two commands of README's quick start.

    python3 tasks.py lab    # install into .venv, open the workbook in JupyterLab
    python3 tasks.py test   # install into .venv (+ test tools, Chromium), run every test
    python3 tasks.py hub    # install into .venv (+ JupyterHub, proxy from npm), start a local hub

Uses only the standard library, so it runs on a fresh machine with Python 3.11 and pip.
Installs are pinned by constraints.txt and skipped when nothing changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CASEWORK_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
CONSTRAINTS = ROOT / "constraints.txt"
WORK_DIR = ROOT / "내 작업"  # the learner's own folder: exported chapters and plan files
START = ROOT / "notebooks" / "00_시작하기.ipynb"
# Debian packages and a file that shows each is there. Chromium prints chapters to PDF (lab)
# and drives the browser tests; LibreOffice and poppler render the Excel form in a test.
LAB_APT = {"chromium": "/usr/bin/chromium", "fonts-nanum": "/usr/share/fonts/truetype/nanum"}
TEST_APT = {**LAB_APT, "libreoffice-calc-nogui": "/usr/bin/soffice", "poppler-utils": "/usr/bin/pdftoppm"}
PROXY_DIR = ROOT / "jupyter" / "proxy"  # configurable-http-proxy, pinned by package-lock.json
PROXY_BIN = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"


def say(msg: str) -> None:
    print(f"[tasks] {msg}", flush=True)


def run(*cmd: str | Path, **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extra: str) -> None:
    """Create .venv and install the package with one extra, pinned by constraints.txt."""
    if not PY.exists():
        say(f"가상환경을 만듭니다: {VENV}")
        run(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256()
    configs = sorted(f for f in (ROOT / "jupyter").iterdir() if f.is_file())
    for f in (ROOT / "pyproject.toml", CONSTRAINTS, *configs):
        digest.update(f.read_bytes())
    stamp = VENV / f".installed-{extra}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    say(f"패키지를 설치합니다 ({extra}) …")
    run(PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, "-e", f"{ROOT}[{extra}]")
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "jupyter" / "overrides.json", settings / "overrides.json")
    server_config = VENV / "etc" / "jupyter"  # read by every server started from this venv
    server_config.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "jupyter" / "jupyter_server_config.json", server_config / "jupyter_server_config.json")
    kernel_config = VENV / "etc" / "ipython"  # read by every kernel started from this venv
    kernel_config.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "jupyter" / "ipython_kernel_config.py", kernel_config / "ipython_kernel_config.py")
    stamp.write_text(digest.hexdigest())


def apt_missing(packages: dict[str, str]) -> list[str]:
    return [name for name, path in packages.items() if not Path(path).exists()]


def ensure_apt(packages: dict[str, str], why: str) -> None:
    """Install missing Debian packages when root; otherwise say what is skipped."""
    missing = apt_missing(packages)
    if not missing:
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        say(f"없는 패키지: {', '.join(missing)}. 설치 권한이 없어 {why}")
        return
    say(f"apt-get 으로 설치합니다: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def ensure_proxy() -> bool:
    """Install JupyterHub's configurable-http-proxy from npm into jupyter/proxy/node_modules.

    Uses ``npm ci`` (exactly the versions in package-lock.json). Without npm, installs Debian's
    nodejs and npm when root; otherwise says so and returns False (hub tests are then skipped).
    """
    digest = hashlib.sha256((PROXY_DIR / "package-lock.json").read_bytes()).hexdigest()
    stamp = PROXY_DIR / "node_modules" / ".installed"
    if PROXY_BIN.exists() and stamp.exists() and stamp.read_text() == digest:
        return True
    if not shutil.which("npm"):
        if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
            say("npm 이 없고 설치 권한이 없어 허브(configurable-http-proxy)를 설치하지 않습니다. Node.js 20 이상과 npm 을 설치하세요.")
            return False
        say("apt-get 으로 설치합니다: nodejs npm")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "nodejs", "npm", env=env)
    say("npm 으로 configurable-http-proxy 를 설치합니다 …")
    try:
        run(shutil.which("npm") or "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=PROXY_DIR)
    except (subprocess.CalledProcessError, OSError) as exc:
        say(f"configurable-http-proxy 를 설치하지 못했습니다 ({exc}). 허브 테스트는 건너뜁니다.")
        return False
    stamp.write_text(digest)
    return True


def hub(args: argparse.Namespace) -> int:
    ensure_venv("hub")
    if not ensure_proxy():
        return 1
    proc = subprocess.Popen([str(BIN / "casework"), "hub", *args.rest], cwd=ROOT)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue  # Ctrl+C reaches 'casework hub' too; it stops the hub in order and exits


def lab(args: argparse.Namespace) -> int:
    ensure_venv("lab")
    ensure_apt(LAB_APT, "PDF 로 저장하기는 쓸 수 없습니다(HTML 저장은 됩니다).")
    WORK_DIR.mkdir(exist_ok=True)
    # The server's root is the repository, so links between chapters, exercises and the
    # learner's folder work; jupyter_server_config.json hides the developer files from the
    # file browser. default_url makes the printed address open chapter 00, not the Launcher.
    start = START.relative_to(ROOT).as_posix()
    cmd = [BIN / "jupyter", "lab", f"--ServerApp.root_dir={ROOT}",
           f"--LabApp.default_url=/lab/tree/{start}", *args.rest]
    if os.name == "posix" and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and fresh servers often run as root
    say("워크북을 엽니다. 끝내려면 이 창에서 Ctrl+C 를 두 번 누르거나, JupyterLab 의 파일 → 종료를 고르세요.")
    try:
        return subprocess.call([str(c) for c in cmd])
    except KeyboardInterrupt:
        return 0


def test(args: argparse.Namespace) -> int:
    ensure_venv("test")
    ensure_apt(TEST_APT, "그 패키지가 필요한 테스트는 건너뜁니다.")
    ensure_proxy()
    cmd = [PY, "-m", "pytest", *args.rest]
    say(" ".join(str(c) for c in cmd))
    return subprocess.call([str(c) for c in cmd], cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description="사례관리 워크북 설치·실행 도우미")
    sub = parser.add_subparsers(dest="task", required=True)
    p_lab = sub.add_parser("lab", help="설치 후 JupyterLab 에서 워크북을 엽니다")
    p_lab.set_defaults(func=lab)
    p_test = sub.add_parser("test", help="설치 후 모든 테스트를 실행합니다")
    p_test.set_defaults(func=test)
    p_hub = sub.add_parser("hub", help="설치 후 워크북 JupyterHub 를 이 컴퓨터에서 시작합니다 (casework hub 의 옵션을 그대로 받음)")
    p_hub.set_defaults(func=hub)
    args, rest = parser.parse_known_args()
    args.rest = rest
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
