"""What the installers must declare: the phone-link schemes and the microphone."""

import configparser
import plistlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_macos_bundle_declares_url_types_and_the_microphone():
    plist = plistlib.loads((ROOT / "packaging/macos/Info.plist").read_bytes())
    schemes = {s for t in plist["CFBundleURLTypes"] for s in t["CFBundleURLSchemes"]}
    assert schemes == {"tel", "callto"}
    assert "microfone" in plist["NSMicrophoneUsageDescription"]
    entitlements = plistlib.loads((ROOT / "packaging/macos/entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.device.audio-input"] is True


def test_windows_installer_registers_both_schemes_for_the_user():
    iss = (ROOT / "packaging/windows/tvdesk.iss").read_text()
    for scheme in ("tel", "callto"):
        assert f'Subkey: "Software\\Classes\\{scheme}"; ValueType: string; ValueName: ' \
               f'"URL Protocol"' in iss
        assert f'Subkey: "Software\\Classes\\{scheme}\\shell\\open\\command"' in iss
        assert f'ValueName: "{scheme}"; ValueData: "tvdesk.PhoneLink"' in iss
    assert "Software\\RegisteredApplications" in iss
    assert "PrivilegesRequired=lowest" in iss  # HKCU, no administrator


def test_linux_desktop_file():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources/desktop/tvdesk.desktop")
    d = entry["Desktop Entry"]
    assert d["Exec"] == "tvdesk %u"
    assert d["MimeType"] == "x-scheme-handler/tel;x-scheme-handler/callto;"
    assert (ROOT / "resources/icons/tvdesk.svg").exists()


def test_pyinstaller_spec_bundles_the_resources():
    spec = (ROOT / "packaging/pyinstaller/tvdesk.spec").read_text()
    assert '(str(ROOT / "resources"), "tvdesk/resources")' in spec
    assert (ROOT / "packaging/pyinstaller/entry.py").exists()
    assert "COLLECT(" in spec and "onefile" not in spec.lower().replace("one-file", "")
