"""The HTTP side: a threading server on 127.0.0.1, and requests decoded as PTB encodes them.

PTB posts form-encoded parameters whose values are JSON-encoded unless they are plain strings
(multipart when uploading files); both are parsed, uploaded files kept as bytes. Standard
library only.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

# Answers one request: (path, query string, content type, body) -> (HTTP status, JSON body, or
# raw bytes sent as HTML, as a reverse proxy's error page).
Answerer = Callable[[str, str, str, bytes], tuple[int, dict | bytes]]

# Parameters Telegram takes as plain strings; PTB sends them unencoded. Others are JSON.
_STRING_PARAMETERS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "language_code",
        "next_offset",
        "url",
    }
)


def decode_parameters(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Request parameters from the query string and a form, multipart or JSON body."""
    pairs = parse_qsl(query, keep_blank_values=True)
    files: dict[str, bytes] = {}  # uploaded files (multipart parts with a file name), as bytes
    if content_type.startswith("application/json") and body:
        return {**dict(pairs), **json.loads(body)}
    if content_type.startswith("multipart/form-data"):
        header = f"Content-Type: {content_type}\r\n\r\n".encode()
        form = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        for part in form.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)  # a part of a form, decoded: its bytes
            if name and part.get_filename() is None:
                pairs.append((str(name), payload.decode()))
            elif name:
                files[str(name)] = payload
    elif body:
        pairs += parse_qsl(body.decode(), keep_blank_values=True)
    return {**{name: _decode_value(name, value) for name, value in pairs}, **files}


def _decode_value(name: str, value: str) -> Any:
    if name in _STRING_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def serve(answer: Answerer) -> Server:
    """Listen on a free port of 127.0.0.1, answering with `answer` on a daemon thread."""
    server = Server(("127.0.0.1", 0), RequestHandler)
    server.answer = answer
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server


class Server(ThreadingHTTPServer):
    """One thread per connection; a deep accept queue, as PTB opens up to 256 connections."""

    daemon_threads = True
    request_queue_size = 1024
    answer: Answerer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client killed mid-request resets its connection: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RequestHandler(BaseHTTPRequestHandler):
    """Hands each request to the server's `answer`; keeps connections alive like Telegram."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall
    server: Server

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        status, payload = self.server.answer(
            url.path, url.query, self.headers.get("Content-Type", ""), body
        )
        raw = isinstance(payload, bytes)
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/html" if raw else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except ConnectionError:
            pass  # the client gave up (e.g. a long poll cancelled at shutdown)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests assert on recorded calls, not on access logs."""
