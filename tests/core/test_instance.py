"""One tvdesk per user: the message format and the client side."""

import os
import socket
import stat

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


def test_server_name_is_per_user_in_a_folder_only_the_user_can_enter(monkeypatch, tmp_path):
    monkeypatch.delenv("TVDESK_INSTANCE_NAME", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    folder = tmp_path / f"tvdesk-{os.getuid()}"
    assert instance.server_name() == str(folder / "instance.sock")
    assert instance.lock_path() == str(folder / "instance.sock.lock")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    monkeypatch.delenv("XDG_RUNTIME_DIR")  # no runtime dir: the same, under /tmp
    monkeypatch.setattr(instance, "_tempdir", lambda: str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(mode=0o1777)
    assert instance.server_name() == str(tmp_path / "tmp" / f"tvdesk-{os.getuid()}" /
                                         "instance.sock")


@pytest.mark.parametrize("made_by_someone", ["open", "link", "file", "other owner"])
def test_a_folder_someone_else_made_or_opened_stops_tvdesk(monkeypatch, tmp_path,
                                                          made_by_someone):
    monkeypatch.delenv("TVDESK_INSTANCE_NAME", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    folder = tmp_path / f"tvdesk-{os.getuid()}"
    if made_by_someone == "open":
        folder.mkdir()
        folder.chmod(0o777)
    elif made_by_someone == "link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    elif made_by_someone == "file":
        folder.write_text("")
    else:
        if os.getuid() != 0:
            pytest.skip("giving a folder away needs root")
        folder.mkdir(mode=0o700)
        os.chown(folder, 4321, 4321)
    with pytest.raises(instance.UnsafeInstanceError) as caught:
        instance.send_to_running("dial", ["4001"])  # never "nobody there, start one"
    assert caught.value.path == str(folder)
    assert "will not start" in instance.unsafe_text(caught.value)


@pytest.mark.skipif(os.getuid() != 0, reason="a socket of another user needs root")
def test_a_socket_of_another_user_gets_no_number(monkeypatch, tmp_path):
    path = tmp_path / "instance.sock"
    monkeypatch.setenv("TVDESK_INSTANCE_NAME", str(path))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen()
        server.settimeout(0.5)
        os.chown(path, 4321, 4321)  # another user's, listening where tvdesk's would be
        with pytest.raises(instance.UnsafeInstanceError) as caught:
            instance.send_to_running("dial", ["48999990000"])
        assert caught.value.reason == "other_owner"
        with pytest.raises(TimeoutError):
            server.accept()  # it was never even connected to


def test_the_peer_of_a_connection_is_known_by_its_user_id():
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with a, b:
        assert instance.peer_uid(a) == os.getuid()
