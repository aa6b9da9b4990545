"""The simulator's HTTP server: routing, authentication, faults, the webphone and control.

Built on the standard library's threading HTTP server on purpose: the injected faults
(truncated bodies, dropped connections) need direct control of the socket.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import re
import socket
import threading
import time
from collections import deque
from dataclasses import fields as dc_fields
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from tvdesk.core.redact import redact
from tvdesk.resources import resource_path
from tvdesk.simulator import api
from tvdesk.simulator.envelope import Reply, fail
from tvdesk.simulator.faults import Fault, FaultBook
from tvdesk.simulator.recordings import recording_wav
from tvdesk.simulator.store import AccountStore, DataSpec
from tvdesk.simulator.webphone import COMMANDS, WebphoneConfig, WebphoneHub

log = logging.getLogger(__name__)

PAGING_MODES = ("offset", "seed")
_WEB_ASSETS = {
    "webphone.js": "application/javascript; charset=utf-8",
    "webphone.css": "text/css; charset=utf-8",
    "webphone.html": "text/html; charset=utf-8",
}
_ROUTES: list[tuple[str, re.Pattern, str]] = [
    (m, re.compile(p), h)
    for m, p, h in [
        ("POST", r"^/ramal/?$", "create_ramal"),
        ("GET", r"^/ramal/relatorio/?$", "list_ramais"),
        ("GET", r"^/ramal/(\d+)/pausas/?$", "pauses"),
        ("GET", r"^/ramal/(\d+)/relatorio/?$", "received_calls"),
        ("GET", r"^/ramal/(\d+)/?$", "get_ramal"),
        ("PUT", r"^/ramal/(\d+)/?$", "update_ramal"),
        ("DELETE", r"^/ramal/(\d+)/?$", "delete_ramal"),
        ("GET", r"^/webphone/?$", "webphone"),
    ]
]


class Simulator:
    """A TotalVoice server on loopback. ``start()`` it, or use it as a context manager."""

    def __init__(
        self,
        token: str = "demo-token",  # noqa: S107 (the simulator's own demo token)
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        data: DataSpec | None = None,
        paging: str = "offset",
        webphone: WebphoneConfig | None = None,
    ) -> None:
        if paging not in PAGING_MODES:
            raise ValueError(f"paging must be one of {PAGING_MODES}")
        self.token = token
        self.host = host
        self.port = port
        self.paging = paging
        self.store = AccountStore(data or DataSpec())
        self.faults = FaultBook()
        self.hub = WebphoneHub(self.store, webphone)
        self._requests: deque[dict] = deque(maxlen=20_000)
        self._request_seq = 0
        self._requests_lock = threading.Lock()
        self._inflight = 0
        #: the most API requests ever being served at once (tests check client concurrency)
        self.peak_inflight = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> Simulator:
        handler = type("BoundHandler", (_Handler,), {"sim": self})
        self._httpd = _Server((self.host, self.port), handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.02},
                                        name="tvdesk-simulator", daemon=True)
        self._thread.start()
        log.info("simulator listening on %s", self.base_url)
        return self

    def stop(self, *, wait: bool = True) -> None:
        """Stop serving. ``wait=False`` only closes the socket (a process that is exiting)."""
        self.hub.stopping.set()
        if self._httpd is not None:
            httpd, self._httpd = self._httpd, None
            if wait:
                httpd.shutdown()
            httpd.server_close()

    def serve_forever(self) -> None:
        if self._thread is None:
            self.start()
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # ------------------------------------------------------------------ control (Python)
    def add_fault(self, kind: str, path: str = ".*", **kw: Any) -> Fault:
        return self.faults.add(Fault(kind=kind, path=path, **kw))

    def clear_faults(self) -> None:
        self.faults.clear()

    def requests_log(self, since: int = 0) -> list[dict]:
        with self._requests_lock:
            return [r for r in self._requests if r["seq"] > since]

    def _log_request(self, method: str, path: str, query: dict, status: int | None,
                     fault: str | None) -> None:
        with self._requests_lock:
            self._request_seq += 1
            self._requests.append({"seq": self._request_seq, "method": method, "path": path,
                                   "query": query, "status": status, "fault": fault,
                                   "at": time.time()})

    def summary(self) -> dict:
        with self.store.lock:
            ramais = [{"id": r.id, "ramal": r.ramal, "login": r.login, "admin": r.admin,
                       "webphone": r.webphone, "calls": self.store.count_calls(r.id)}
                      for r in self.store.ramais.values()]
        return {"base_url": self.base_url, "paging": self.paging, "ramais": ramais,
                "peak_inflight": self.peak_inflight,
                "total_calls": self.store.total_calls(),
                "signed_urls": bool(self.hub.config.signed_ttl_s)}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        # a client that went away mid-answer is normal here (tests drop connections)
        log.debug("connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    sim: Simulator
    protocol_version = "HTTP/1.1"
    server_version = "TotalVoiceSimulator/1"
    # headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm
    # meets the client's delayed ACK and stalls keep-alive responses by ~40 ms
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        # request lines carry webphone keys (/w3/?key=…): masked, even in a demo's log
        log.debug("%s - %s", self.address_string(), redact(format % args))

    # every method goes through one dispatcher
    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    # ------------------------------------------------------------------ plumbing
    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body = self._read_body()
        try:
            if path.startswith("/_sim/"):
                self._send(self._control(method, path, query, body))
            elif path.startswith("/w3/"):
                self._webphone_page(method, path, query, body)
            elif path.startswith("/rec/"):
                self._send(self._recording(query))
            elif path in ("/", "/index.html") and method == "GET":
                self._send(self._index())
            else:
                self._api(method, path, query, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, reply: Reply, *, truncate: bool = False) -> None:
        if reply.body is not None:
            data = reply.body
        else:
            data = json.dumps(reply.payload, ensure_ascii=False).encode("utf-8")
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for k, v in reply.headers.items():
            self.send_header(k, v)
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        if truncate:
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self._drop()
            return
        self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # ------------------------------------------------------------------ the API
    def _api(self, method: str, path: str, query: dict, body: bytes) -> None:
        sim = self.sim
        with sim._requests_lock:
            sim._inflight += 1
            sim.peak_inflight = max(sim.peak_inflight, sim._inflight)
        try:
            self._api_inner(method, path, query, body)
        finally:
            with sim._requests_lock:
                sim._inflight -= 1

    def _take_fault(self, method: str, path: str) -> Fault | None:
        """Sleep any injected latency; return the failure to inject, if any."""
        latency, fault = self.sim.faults.take(method, path)
        if latency:
            time.sleep(latency / 1000)
        return fault

    def _api_inner(self, method: str, path: str, query: dict, body: bytes) -> None:
        sim = self.sim
        fault = self._take_fault(method, path)
        if fault is not None:
            sim._log_request(method, path, query, None, fault.kind)
            self._apply_fault(fault)
            return
        reply = self._api_reply(method, path, query, body)
        sim._log_request(method, path, query, reply.status, None)
        self._send(reply)

    def _api_reply(self, method: str, path: str, query: dict, body: bytes) -> Reply:
        sim = self.sim
        given = self.headers.get("Access-Token") or ""
        if not hmac.compare_digest(given.encode(), sim.token.encode()):
            return fail(403, 40, "access token inválido")
        for route_method, pattern, name in _ROUTES:
            match = pattern.match(path)
            if not match:
                continue
            if route_method != method:
                continue
            args = [int(g) for g in match.groups()]
            try:
                return self._route(name, args, query, body)
            except api.InvalidRequestError as invalid:
                return invalid.reply
        if any(p.match(path) for _, p, _ in _ROUTES):
            return fail(405, 100, f"método {method} não permitido neste caminho")
        return fail(404, 90, "caminho não encontrado")

    def _route(self, name: str, args: list[int], query: dict, body: bytes) -> Reply:
        sim, store = self.sim, self.sim.store
        match name:
            case "create_ramal":
                return api.create_ramal(store, api.json_body_or_invalid(body))
            case "get_ramal":
                return api.get_ramal(store, args[0])
            case "update_ramal":
                return api.update_ramal(store, args[0], api.json_body_or_invalid(body))
            case "delete_ramal":
                return api.delete_ramal(store, args[0])
            case "list_ramais":
                return api.list_ramais(store, query, sim.paging)
            case "pauses":
                return api.pauses(store, args[0], query, sim.paging)
            case "received_calls":
                return api.received_calls(store, args[0], query, sim.paging, sim.base_url)
            case "webphone":
                return api.webphone(
                    store, query,
                    lambda rec, tipo, ligar, fechar: sim.hub.mint_url(sim.base_url, rec, tipo,
                                                                      ligar, fechar))
        raise AssertionError(name)

    def _apply_fault(self, fault: Fault) -> None:
        kind = fault.kind
        if kind == "drop":
            self._drop()
        elif kind == "silent":
            self._stay_silent(fault)
        elif kind == "truncated":
            self._send(api.ok("dados retornados com sucesso",
                              {"relatorio": [{"id": i} for i in range(50)]}), truncate=True)
        elif kind == "server_error":
            self._send(fail(500, 50, "erro interno"))
        elif kind == "html_502":
            self._send(Reply(502, body=b"<html><head><title>502 Bad Gateway</title></head>"
                             b"<body><h1>502 Bad Gateway</h1></body></html>",
                             content_type="text/html"))
        elif kind == "rate_limit":
            reply = fail(429, 100, "limite de requisições por segundo excedido")
            reply.headers["Retry-After"] = str(fault.retry_after)
            self._send(reply)
        elif kind == "malformed_json":
            self._send(Reply(200, body=b'{"status": 200, "sucesso": tru'))
        elif kind == "no_envelope":
            self._send(Reply(200, payload={"ok": True, "data": []}))
        elif kind == "wrong_types":
            self._send(api.ok("dados retornados com sucesso",
                              {"id": "x", "relatorio": "nope", "total": "many", "url": 5}))
        elif kind == "auth":
            self._send(fail(403, 40, "access token inválido"))
        elif kind == "no_permission":
            self._send(fail(403, 8, "conta sem permissão para usar a central telefônica"))

    def _stay_silent(self, fault: Fault) -> None:
        """Say nothing while ``fault`` lasts (cleared: the server is back), then hang up."""
        deadline = time.monotonic() + (fault.latency_ms or 120_000) / 1000
        sim = self.sim
        while (time.monotonic() < deadline and sim.faults.active(fault)
               and not sim.hub.stopping.is_set()):
            time.sleep(0.05)
        self._drop()

    # ------------------------------------------------------------------ webphone
    def _webphone_page(self, method: str, path: str, query: dict, body: bytes) -> None:
        sim = self.sim
        fault = self._take_fault(method, path)
        if fault is not None:
            self._apply_fault(fault)
            return
        if method == "GET" and path in ("/w3/", "/w3/index.html"):
            if query.get("tipo") == "hidden" and sim.hub.config.hidden_form == "script":
                self._send(_hidden_loader(sim.base_url, query))
            else:
                self._send(_asset("webphone.html"))
        elif method == "GET" and path == "/w3/phone.php":  # the page, whatever the form
            self._send(_asset("webphone.html"))
        elif method == "GET" and path.startswith("/w3/static/"):
            name = path.rsplit("/", 1)[-1]
            self._send(_asset(name) if name in _WEB_ASSETS else _not_found())
        elif method == "POST" and path.startswith("/w3/api/"):
            self._send(self._webphone_api(path.rsplit("/", 1)[-1], body))
        elif method == "GET" and path == "/w3/api/events":
            self._event_stream(query.get("session", ""))
        else:
            self._send(_not_found())

    def _webphone_api(self, action: str, body: bytes) -> Reply:
        hub = self.sim.hub
        try:
            data = json.loads(body.decode("utf-8") or "{}")
        except (UnicodeDecodeError, ValueError):
            return Reply(400, {"ok": False, "error": "bad json"})
        if not isinstance(data, dict):
            return Reply(400, {"ok": False, "error": "bad json"})
        if action == "register":
            params = {str(k): str(v) for k, v in (data.get("query") or {}).items()}
            reg, error = hub.register(params)
            if reg is None:
                return Reply(403, {"ok": False, "error": error})
            cfg = hub.config
            return Reply(200, {"ok": True, "session": reg.id, "ramal": reg.ramal,
                               "answer_delay_ms": cfg.answer_delay_ms,
                               "keepalive_ms": cfg.keepalive_ms,
                               "stats_interval_ms": cfg.stats_interval_ms})
        reg = hub.session(str(data.get("session", "")))
        if action == "keepalive":
            alive = hub.keepalive(reg.id) if reg else False
            return Reply(200 if alive else 410, {"ok": alive})
        if action == "unregister":
            if reg is not None:
                hub.end(reg, str(data.get("reason") or "page closed"))
            return Reply(200, {"ok": True})
        if action == "command":
            command = data.get("command")
            accepted = bool(data.get("accepted", True)) and reg is not None and reg.live
            reason = data.get("reason") if reg is not None else "no registration"
            if isinstance(command, dict) and command.get("message") not in COMMANDS:
                accepted, reason = False, "unknown command"
            reply = hub.record_command(reg, command, _short(data.get("origin")),
                                       _short(data.get("source")) or "postMessage",
                                       accepted, _short(reason))
            return Reply(200, reply)
        return _not_found()

    def _event_stream(self, session_id: str) -> None:
        hub = self.sim.hub
        reg = hub.session(session_id)
        if reg is None or not reg.live:
            self._send(Reply(410, {"ok": False, "error": "no registration"}))
            return
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")
        self.wfile.flush()
        try:
            for event in hub.stream(reg):
                if event is None:
                    self.wfile.write(b": hb\n\n")
                else:
                    self.wfile.write(b"data: " + json.dumps(event).encode() + b"\n\n")
                self.wfile.flush()
        except OSError:
            hub.end(reg, "event stream closed")
            return
        if reg.live:
            return
        # tell the page its registration ended, then close
        try:
            self.wfile.write(b"data: " + json.dumps(
                {"type": "ended", "reason": reg.ended_reason}).encode() + b"\n\n")
            self.wfile.flush()
        except OSError:
            pass

    # ------------------------------------------------------------------ recordings
    def _recording(self, query: dict) -> Reply:
        try:
            call = self.sim.store.call_by_id(int(query.get("id", "")))
        except ValueError:
            call = None
        if call is None or not call.recording_x or query.get("x") != call.recording_x:
            return _not_found("gravação não encontrada")
        return Reply(200, body=recording_wav(call.id), content_type="audio/wav",
                     headers={"Accept-Ranges": "none"})

    def _index(self) -> Reply:
        s = self.sim.summary()
        rows = "".join(f"<li>{r['ramal']} (id {r['id']}) {r['login']}: {r['calls']} calls</li>"
                       for r in s["ramais"])
        html = (f"<!doctype html><meta charset=utf-8><title>TotalVoice simulator</title>"
                f"<h1>TotalVoice simulator</h1><p>API base URL: {s['base_url']}</p>"
                f"<ul>{rows}</ul><p>Control interface: <code>/_sim/</code></p>")
        return Reply(200, body=html.encode(), content_type="text/html; charset=utf-8")

    # ------------------------------------------------------------------ control
    def _control(self, method: str, path: str, query: dict, body: bytes) -> Reply:
        sim, hub = self.sim, self.sim.hub
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError):
            return Reply(400, {"ok": False, "error": "body is not JSON"})
        if not isinstance(data, dict):
            return Reply(400, {"ok": False, "error": "body must be a JSON object"})
        route = path[len("/_sim"):].rstrip("/") or "/"
        match (method, route):
            case ("GET", "/health"):
                return Reply(200, {"ok": True})
            case ("GET", "/"):
                return Reply(200, sim.summary())
            case ("GET", "/requests"):
                return Reply(200, sim.requests_log(int(query.get("since", 0) or 0)))
            case ("GET", "/faults"):
                return Reply(200, sim.faults.list())
            case ("POST", "/faults"):
                allowed = {f.name for f in dc_fields(Fault)} - {"id", "hits", "_regex"}
                try:
                    fault = sim.faults.add(Fault(**{k: v for k, v in data.items()
                                                    if k in allowed}))
                except (TypeError, ValueError, re.error) as exc:
                    return Reply(400, {"ok": False, "error": str(exc)})
                return Reply(200, fault.to_json())
            case ("DELETE", "/faults"):
                sim.faults.clear(int(query["id"]) if query.get("id") else None)
                return Reply(200, {"ok": True})
            case ("GET", "/webphone/log"):
                return Reply(200, hub.log(int(query.get("since", 0) or 0),
                                          query.get("ramal") or None))
            case ("DELETE", "/webphone/log"):
                hub.clear_log()
                return Reply(200, {"ok": True})
            case ("GET", "/webphone/registrations"):
                return Reply(200, hub.registrations(query.get("ramal") or None,
                                                    live_only=query.get("all") != "1"))
            case ("POST", "/webphone/incoming"):
                if not data.get("ramal"):
                    return Reply(400, {"ok": False, "error": "ramal is required"})
                result = hub.incoming_call(str(data["ramal"]), data.get("numero"))
                return Reply(200 if result["ok"] else 409, result)
            case ("POST", "/webphone/answer" | "/webphone/hangup" | "/webphone/disconnect"
                  | "/webphone/error"):
                if not data.get("ramal"):
                    return Reply(400, {"ok": False, "error": "ramal is required"})
                kind = route.rsplit("/", 1)[-1]
                extra = {"status_erro": str(data.get("status_erro") or "erro no webphone")} \
                    if kind == "error" else {}
                result = hub.remote(str(data["ramal"]), kind, **extra)
                return Reply(200 if result["ok"] else 409, result)
        return Reply(404, {"ok": False, "error": f"no control route {method} {route}"})


def _short(value: Any, limit: int = 200) -> str | None:
    return None if value is None else str(value)[:limit]


def _not_found(text: str = "não encontrado") -> Reply:
    return Reply(404, body=text.encode(), content_type="text/plain; charset=utf-8")


def _asset(name: str) -> Reply:
    path = resource_path("web", "simulator", name)
    return Reply(200, body=path.read_bytes(), content_type=_WEB_ASSETS[name])


def _hidden_loader(base_url: str, query: dict) -> Reply:
    """The hidden webphone's script: it creates ``iframe#webphone`` in the host's container,
    framing the page (``/w3/phone.php``) with the same query."""
    params = dict(query)
    src = f"{base_url}/w3/phone.php?" + "&".join(
        f"{k}={_quote(v)}" for k, v in params.items())
    script = (resource_path("web", "simulator", "hidden-loader.js").read_text("utf-8")
              .replace("__WEBPHONE_SRC__", json.dumps(src)))
    return Reply(HTTPStatus.OK, body=script.encode("utf-8"),
                 content_type="application/javascript; charset=utf-8")


def _quote(value: str) -> str:
    return quote(value, safe="")
