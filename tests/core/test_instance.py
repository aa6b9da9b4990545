"""One tvdesk per user: the message format and the client side."""

import pytest

from tvdesk.core import instance


def test_message_format_roundtrip_and_rejections():
    data = instance.encode("dial", ["tel:+5548999999999"])
    assert data.endswith(b"\n")
    assert instance.decode(data) == ("dial", ["tel:+5548999999999"])
    for bad in (b"", b"not json", b'{"v": 2, "command": "dial", "args": []}',
                b'{"v": 1, "command": "rm", "args": []}',
                b'{"v": 1, "command": "dial", "args": [1]}', b"[]", b"x" * 5000):
        assert instance.decode(bad) is None
    with pytest.raises(ValueError):
        instance.encode("format-disk", [])


def test_nobody_listening_means_start_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TVDESK_INSTANCE_NAME", str(tmp_path / "none.sock"))
    assert instance.send_to_running("show", []) is False
    (tmp_path / "none.sock").write_text("stale")  # a file where a socket was
    assert instance.send_to_running("show", []) is False


def test_server_name_is_per_user(monkeypatch):
    monkeypatch.delenv("TVDESK_INSTANCE_NAME", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    import os

    assert instance.server_name() == f"/run/user/1000/tvdesk-{os.getuid()}.sock"
