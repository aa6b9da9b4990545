"""The environment cannot switch tvdesk's webphone rules off, nor make it leave a D-Bus
daemon behind."""

from tvdesk.gui.process_environment import (
    NO_SESSION_BUS,
    TEST_SWITCH,
    secure_environment,
    without_unsafe_switches,
)


def test_switches_that_bypass_the_webphones_rules_are_removed():
    flags = ("--use-fake-device-for-media-stream --use-fake-ui-for-media-stream "
             "--disable-web-security --unsafely-treat-insecure-origin-as-secure=http://x "
             "--remote-debugging-port=9222 --enable-logging")
    kept, removed = without_unsafe_switches(flags)
    assert kept == "--use-fake-device-for-media-stream --enable-logging"
    assert len(removed) == 4


def test_the_process_environment_is_secured_unless_a_test_asks():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-ui-for-media-stream"}
    secure_environment(env)
    # V8's gc, for the idle-time collections of the webphone's renderer
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--js-flags=--expose-gc"
    assert env["DBUS_SESSION_BUS_ADDRESS"] == NO_SESSION_BUS  # no bus: none autolaunched
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-ui-for-media-stream", TEST_SWITCH: "1",
           "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    secure_environment(env)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == ("--use-fake-ui-for-media-stream "
                                                 "--js-flags=--expose-gc")
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"  # a real bus
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--js-flags=--trace-gc"}  # a developer's own
    secure_environment(env)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--js-flags=--trace-gc"
