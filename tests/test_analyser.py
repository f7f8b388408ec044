"""The shared analyser service (casework.analyser) and its client in casework.language.analyse."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import casework.language as language
from casework.hub.launch import free_port
from casework.judging.answers import MAX_ANSWER
from casework.language import remote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, load_goals, load_notes, load_questions  # noqa: E402 (a benchmark script)
from bench_topics import load_topics  # noqa: E402


@pytest.fixture(scope="module")
def service():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "casework.analyser", "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()  # printed once Kiwi is loaded and the socket listens
        assert "ready" in line, line
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@pytest.fixture
def fresh(monkeypatch):
    """No cached analyses or remembered failures from an earlier test."""
    language.analyse.cache_clear()
    monkeypatch.setattr(remote, "_STATE", {"down_until": 0.0, "logged": False})
    yield
    language.analyse.cache_clear()


def _post(url: str, body: bytes, path: str = "/analyse") -> tuple[int, dict]:
    request = urllib.request.Request(url + path, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _judge_everything() -> list[str]:
    from casework.goals import check_goal
    from casework.privacy import mask_case_text
    from casework.questions import check_question
    from casework.topics import find_topics

    return ([repr(check_goal(t, owner=o)) for _, o, t in load_goals(DATA / "goals.tsv")]
            + [repr(check_question(t)) for _, t in load_questions(DATA / "questions.tsv")]
            + [repr(mask_case_text(n.text)) for n in load_notes(DATA / "masking.txt")]
            + [repr(find_topics(t)) for _, t in load_topics(DATA / "topics.tsv")])


def test_service_gives_the_same_judge_output_as_in_process_analysis(service, fresh, monkeypatch):
    _, url = service
    monkeypatch.setenv(remote.ANALYSER_ENV, url)

    def no_local(text):
        raise AssertionError(f"analysed in this process: {text}")

    monkeypatch.setattr(language, "analyse_in_process", no_local)
    through_service = _judge_everything()
    monkeypatch.undo()
    language.analyse.cache_clear()
    in_process = _judge_everything()
    assert len(in_process) > 600
    assert through_service == in_process


def test_tokens_are_the_in_process_tokens(service, fresh, monkeypatch):
    _, url = service
    text = "어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다. 드세요, 했잖아요, 김순옥 님"
    monkeypatch.setenv(remote.ANALYSER_ENV, url)
    assert language.analyse(text) == language.analyse_in_process(text)
    assert any(t.oov for t in language.analyse("쀍쀍뷁 하고 말했다")) == any(t.oov for t in language.analyse_in_process("쀍쀍뷁 하고 말했다"))


def test_service_refuses_oversize_non_text_and_anything_but_post_analyse(service):
    _, url = service
    assert _post(url, json.dumps({"text": "가" * MAX_ANSWER}).encode())[0] == 200
    assert _post(url, json.dumps({"text": "가" * (MAX_ANSWER + 1)}).encode())[0] == 413
    assert _post(url, b"x" * (MAX_ANSWER * 13 + 2048))[0] == 413  # refused before the body is read
    assert _post(url, json.dumps({"text": 3}).encode())[0] == 400
    assert _post(url, json.dumps(["글"]).encode())[0] == 400
    assert _post(url, b"\xff\xfe not json")[0] == 400
    assert _post(url, json.dumps({"text": "글"}).encode(), path="/../../etc/passwd")[0] == 404
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url + "/analyse", timeout=10)
    assert refused.value.code == 405


def test_service_answers_a_class_at_once(service):
    _, url = service
    texts = [f"학습자 {i}번이 쓴 목표: 어르신이 {i % 6 + 1}개월 안에 주 2회 경로당에 나간다" for i in range(120)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=30) as pool:
        replies = list(pool.map(lambda t: _post(url, json.dumps({"text": t}).encode()), texts))
    elapsed = time.monotonic() - started
    assert [status for status, _ in replies] == [200] * len(texts)
    for text, (_, body) in zip(texts, replies):
        assert [tuple(row) for row in body["tokens"]] == [
            (t.form, t.tag, t.start, t.end, t.oov) for t in language.analyse_in_process(text)]
    assert elapsed < 30, f"120 requests from 30 clients took {elapsed:.1f} s"


def test_unreachable_service_falls_back_silently_and_logs_once(fresh, monkeypatch, capsys):
    monkeypatch.setenv(remote.ANALYSER_ENV, f"http://127.0.0.1:{free_port()}")  # nobody listens
    records = []
    monkeypatch.setattr(remote._log, "warning", lambda *a: records.append(a))
    text = "힘들 때는 누가 도와주세요?"
    assert language.analyse(text) == language.analyse_in_process(text)
    assert language.analyse("요즘 하루를 어떻게 보내세요?") == language.analyse_in_process("요즘 하루를 어떻게 보내세요?")
    assert len(records) == 1 and "analysing in this process" in records[0][0]
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""  # nothing reaches the learner's screen (sys.stdout/stderr)


def test_sigterm_stops_the_service_cleanly():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "casework.analyser", "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert "ready" in proc.stderr.readline()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_fallback_in_a_kernel_shows_nothing_in_the_notebook(tmp_path):
    """In a Jupyter kernel fd 2 reaches the notebook: the note must go to the kernel's own log."""
    import os

    from jupyter_client.manager import KernelManager

    log = tmp_path / "kernel.log"
    km = KernelManager(kernel_name="python3")
    with log.open("wb") as err:
        # ipykernel pipes fd 2 into the notebook except under pytest: make the kernel a learner's
        env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
        km.start_kernel(env={**env, remote.ANALYSER_ENV: f"http://127.0.0.1:{free_port()}"}, stderr=err)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        shown = []
        code = ("from casework.goals import check_goal\n"
                "a = check_goal('어르신이 운동을 한다'); b = check_goal('남편이 평생 술을 끊는다')\n"
                "import sys; assert 'kiwipiepy' in sys.modules and a and b")
        reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: shown.append(m)
                                       if m["msg_type"] in ("stream", "error", "display_data") else None)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert shown == []  # nothing on the learner's screen
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert log.read_text(encoding="utf-8").count("analysing in this process instead") == 1
