"""The hub tools' behaviour that needs no running hub: manifest, deadline, settings, refusals."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from casework import cli
from casework._util.fs import atomic_write
from casework.errors import CaseworkError, DataFileError
from casework.hub.client import HubClient, HubError, HubUnreachable, SpawnFailed
from casework.hub.settings import HubSettings, load_settings, save_settings
from casework.hub.transfer import COLLECTED_FILE, collect, parse_deadline
from casework.manifest import MANIFEST_FILE as MANIFEST_NAME
from casework.manifest import read_manifest

SHA = "a" * 64


def _entry(**over):
    entry = {"learner": "홍길동", "user": "hong", "file": "07_목표_홍길동.ipynb", "case_id": "sick_child",
             "seed": 3, "issued_sha256": SHA}
    entry.update(over)
    entry.setdefault("token", hashlib.sha256(f"{entry['file']}{entry['learner']}".encode()).hexdigest()[:32])
    return entry


def _manifest(tmp_path: Path, learners=None, **over) -> Path:
    data = {"format": "casework-assignment/1", "exercise": "07", "issued_at": "2026-11-30T10:00:00+00:00",
            "template_sha256": SHA, "learners": learners if learners is not None else [_entry()]}
    data.update(over)
    path = tmp_path / MANIFEST_NAME
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_manifest_is_read_from_the_file_or_its_folder(tmp_path):
    path = _manifest(tmp_path, [_entry(), _entry(learner="김철수", user=None, file="07_목표_김철수.ipynb")])
    for where in (path, tmp_path):
        manifest = read_manifest(where)
        assert manifest.exercise == "07"
        assert [(e.learner, e.user, e.seed) for e in manifest.learners] == [("홍길동", "hong", 3), ("김철수", None, 3)]


@pytest.mark.parametrize("change, expected", [
    ({"format": "casework-assignment/9"}, "위치 format"),
    ({"issued_at": "2026-11-30T10:00:00"}, "시간대"),
    ({"learners": []}, "위치 learners"),
    ({"learners": [_entry(file="../밖.ipynb")]}, "위치 learners[0].file"),
    ({"learners": [_entry(file="답.txt")]}, "'.ipynb'로 끝나는"),
    ({"learners": [_entry(seed=-1)]}, "위치 learners[0].seed"),
    ({"learners": [_entry(issued_sha256="xyz")]}, "위치 learners[0].issued_sha256"),
    ({"learners": [_entry(), _entry(learner="다른 사람")]}, "'07_목표_홍길동.ipynb'가 두 번"),
    ({"learners": [_entry(), _entry(file="다른.ipynb")]}, "user 값 'hong'이 두 번"),
])
def test_a_malformed_manifest_names_the_file_and_the_field(tmp_path, change, expected):
    path = _manifest(tmp_path, **change)
    with pytest.raises(DataFileError) as error:
        read_manifest(path)
    assert str(path) in str(error.value) and expected in str(error.value)


def test_broken_json_and_missing_manifest(tmp_path):
    path = tmp_path / MANIFEST_NAME
    path.write_text('{"format": "casework-assignment/1",\n "exercise": }', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"2번째 줄 14번째 글자에서 JSON 형식이 깨졌습니다"):
        read_manifest(path)
    with pytest.raises(DataFileError, match="배정 기록 파일이 없습니다"):
        read_manifest(tmp_path / "없음")


def test_deadline_needs_an_offset():
    assert parse_deadline("2026-12-01T18:00+09:00").utcoffset().total_seconds() == 9 * 3600
    with pytest.raises(CaseworkError, match=r"시간대가 없습니다.*\+09:00"):
        parse_deadline("2026-12-01T18:00")
    with pytest.raises(CaseworkError, match="시각으로 읽지 못했습니다"):
        parse_deadline("내일 저녁")


def test_atomic_write_never_clobbers_without_overwrite(tmp_path):
    target = tmp_path / "a.ipynb"
    atomic_write(target, b"first", overwrite=False)
    with pytest.raises(CaseworkError, match="이미 파일이 있습니다"):
        atomic_write(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    atomic_write(target, b"second", overwrite=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ipynb"]  # no temporary file left


def _settings(tmp_path, **over) -> HubSettings:
    values = dict(data_dir=str(tmp_path), learner_password="p" * 8, instructor_password="i" * 32,
                  service_token="t" * 64, proxy_command="/bin/true", venv_bin="/usr/bin")
    values.update(over)
    return HubSettings(**values)


def test_settings_are_saved_owner_only_and_read_back(tmp_path):
    settings = _settings(tmp_path)
    path = save_settings(settings)
    assert load_settings(tmp_path) == settings
    for name in (path.name, "instructor-token"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600
    assert (tmp_path / "instructor-token").read_text().strip() == "t" * 64


@pytest.mark.parametrize("over, expected", [
    ({"learner_password": "short"}, "학습자 비밀번호는 8자 이상"),
    ({"instructor_password": "i" * 10}, "강사 비밀번호는 32자 이상"),
    ({"learner_password": "s" * 40, "instructor_password": "s" * 40}, "서로 다르게"),
    ({"port": 8081}, "서로 달라야"),
    ({"port": 70000}, "포트 번호"),
])
def test_settings_jupyterhub_would_reject_get_a_korean_error(tmp_path, over, expected):
    with pytest.raises(CaseworkError, match=expected):
        save_settings(_settings(tmp_path, **over))
    assert not (tmp_path / "hub.json").exists()


def test_collect_refuses_to_replace_earlier_collections(tmp_path):
    manifest = read_manifest(_manifest(tmp_path))
    out = tmp_path / "제출물"
    out.mkdir()
    (out / COLLECTED_FILE).write_text("{}", encoding="utf-8")
    # Refused before any request: the client points at a closed port.
    with pytest.raises(CaseworkError, match=r"이미 가져온 파일이 있습니다.*--force"):
        collect(HubClient("http://127.0.0.1:9", "x"), manifest, out)
    assert (out / COLLECTED_FILE).read_text(encoding="utf-8") == "{}"


def test_client_rejects_bad_addresses_and_paths():
    with pytest.raises(HubError, match="http:// 또는 https://"):
        HubClient("127.0.0.1:8000", "x")
    with pytest.raises(HubError, match="토큰이 비어"):
        HubClient("http://127.0.0.1:8000", "")
    with pytest.raises(HubUnreachable, match=r"허브\(http://127.0.0.1:9\)에 연결하지 못했습니다"):
        HubClient("http://127.0.0.1:9", "x").users()
    with pytest.raises(HubError, match="경로로 쓸 수 없는"):
        HubClient("http://127.0.0.1:9", "x").get_file("hong", "../etc/passwd")


def test_collect_command_errors_are_one_korean_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CASEWORK_HUB_TOKEN", raising=False)
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    manifest = _manifest(tmp_path)
    base = ["collect", "--hub", "http://127.0.0.1:9", "--manifest", str(manifest), "--out", str(tmp_path / "o")]
    assert cli.main(base) == cli.EXIT_ERROR
    assert "허브 서비스 토큰이 없습니다" in capsys.readouterr().err
    monkeypatch.setenv("CASEWORK_HUB_TOKEN", "x")
    assert cli.main([*base, "--deadline", "2026-12-01 18:00"]) == cli.EXIT_ERROR
    assert "시간대가 없습니다" in capsys.readouterr().err
    assert cli.main(base) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("오류: 허브(http://127.0.0.1:9)에 연결하지 못했습니다") and "Traceback" not in err
    assert not (tmp_path / "o" / COLLECTED_FILE).exists()


@pytest.mark.parametrize("content_type", ["text/event-stream", None])
def test_a_failed_start_is_told_in_the_hubs_own_korean_words(content_type):
    """Is the progress stream read as UTF-8 (what an event stream is), with or without a Content-Type?

    Without a charset requests decodes a text/* body as ISO-8859-1, and without any Content-Type
    it yields bytes; a stand-in hub sends the failure message unescaped.
    """
    event = {"failed": True, "message": "Spawn failed: 학습 서버가 시작하자마자 멈췄습니다 (종료 코드 1)"}
    stream = f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode()

    class Hub(BaseHTTPRequestHandler):
        def reply(self, body: bytes, kind: str | None) -> None:
            self.send_response(200)
            if kind:
                self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # start the server: accepted
            self.reply(b"", None)

        def do_GET(self) -> None:  # the user has no server and none pending: the start failed
            if self.path.endswith("/server/progress"):
                self.reply(stream, content_type)
            else:
                self.reply(json.dumps({"name": "hong", "servers": {}, "pending": None}).encode(), "application/json")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with HubClient(f"http://127.0.0.1:{server.server_port}", "x") as client, pytest.raises(SpawnFailed) as failed:
            client.start_server("hong", timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert str(failed.value) == "'hong'의 학습 서버를 시작하지 못했습니다: 학습 서버가 시작하자마자 멈췄습니다 (종료 코드 1)"


def test_free_ports_lie_below_the_ephemeral_range_and_are_not_handed_out_twice(tmp_path):
    from casework.hub.launch import _ephemeral_start, free_port

    proc_file = tmp_path / "ip_local_port_range"
    proc_file.write_text("40000\t60999\n")
    assert _ephemeral_start(proc_file) == 40000
    assert _ephemeral_start(tmp_path / "missing") == 32768
    ports = [free_port(ephemeral_start=40000) for _ in range(30)]
    assert all(20000 <= port < 40000 for port in ports)
    assert len(set(ports)) == 30
    # No room below the range: the kernel's choice, still a usable port.
    assert 0 < free_port(ephemeral_start=20500) < 65536


def test_a_learner_server_whose_port_was_taken_is_started_again_on_another(tmp_path, monkeypatch):
    """The server exits with "already in use" (another program took the port while it started):
    the spawner starts it again on a new port instead of failing the learner's start."""
    import asyncio
    import socket
    import subprocess
    import sys
    from types import SimpleNamespace

    from jupyterhub.spawner import SimpleLocalProcessSpawner

    from casework.hub.spawner import CaseworkSpawner, SpawnError

    # A stand-in server: the first start finds its port taken, later ones listen until killed.
    script = tmp_path / "server.py"
    script.write_text(
        "import pathlib, socket, sys, time\n"
        "port, marker = int(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
        "if not marker.exists():\n"
        "    marker.write_text('x')\n"
        "    print(f'[W ServerApp] The port {port} is already in use.', flush=True)\n"
        "    sys.exit(1)\n"
        "s = socket.socket(); s.bind(('127.0.0.1', port)); s.listen()\n"
        "print('listening', port, flush=True); time.sleep(60)\n",
        encoding="utf-8",
    )
    ports: list[int] = []

    async def fake_start(self):
        ports.append(self.port)
        self.proc = subprocess.Popen([sys.executable, str(script), str(self.port), str(tmp_path / "marker")],
                                     **self.popen_kwargs)
        return "127.0.0.1", self.port

    monkeypatch.setattr(SimpleLocalProcessSpawner, "start", fake_start)
    spawner = CaseworkSpawner(user=SimpleNamespace(name="kim", url="/user/kim/"), log_dir=str(tmp_path / "logs"),
                              home_dir_template=str(tmp_path / "homes" / "{username}"), cmd=[sys.executable],
                              http_timeout=20)
    try:
        ip, port = asyncio.run(spawner.start())
        assert len(ports) == 2 and port == ports[1] != ports[0]
        with socket.create_connection((ip, port), timeout=2):
            pass
        log = (tmp_path / "logs" / "kim.log").read_text(encoding="utf-8")
        assert "already in use" in log and f"listening {port}" in log
    finally:
        if spawner.proc is not None:
            spawner.proc.kill()
            spawner.proc.wait()

    # Every attempt taken: the learner gets the Korean message, not an endless loop.
    (tmp_path / "marker").unlink()
    monkeypatch.setattr("casework.hub.spawner._START_ATTEMPTS", 1)
    with pytest.raises(SpawnError) as failed:
        asyncio.run(spawner.start())
    assert "시작하자마자 멈췄습니다 (종료 코드 1)" in failed.value.jupyterhub_message
    assert "already in use" in str(failed.value)
