"""Portuguese by default on a Portuguese system; every text translated; the .qm current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tvdesk.gui.i18n import choose_language, install_translations
from tvdesk.resources import resource_path

TS = resource_path("translations", "tvdesk_pt_BR.ts")
QM = resource_path("translations", "tvdesk_pt_BR.qm")
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("auto", QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil), "pt_BR"),
    ("auto", QLocale(QLocale.Language.Portuguese, QLocale.Country.Portugal), "pt_BR"),
    ("auto", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
    ("auto", QLocale(QLocale.Language.Spanish, QLocale.Country.Argentina), "en"),
    ("en", QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil), "en"),
    ("pt_BR", QLocale(QLocale.Language.German, QLocale.Country.Germany), "pt_BR"),
])
def test_language_choice(setting, system, expected):
    assert choose_language(setting, system) == expected


def test_portuguese_is_loaded_and_used(qapp):
    translators = install_translations(qapp, "pt_BR")
    try:
        assert translators, "the Portuguese .qm did not load"
        assert QCoreApplication.translate("MainWindow", "Calls") == "Chamadas"
        assert QCoreApplication.translate("Formatting", "Missed") == "Não atendida"
        # plurals through Qt's %n forms: "1 perdida", "2 perdidas"
        assert QCoreApplication.translate("MainWindow", "%n missed", "", 1) == "1 perdida"
        assert QCoreApplication.translate("MainWindow", "%n missed", "", 2) == "2 perdidas"
        from tvdesk.gui.formatting import fmt_money

        assert fmt_money(Decimal("1234.5")) == "R$\xa01.234,50"  # a non-breaking space
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_translations(qapp, "en")


def test_every_text_is_translated():
    root = ET.parse(TS).getroot()  # noqa: S314 (our own file)
    messages = [m for ctx in root for m in ctx.findall("message")]
    assert len(messages) > 150
    def target_of(m) -> str:
        t = m.find("translation")
        forms = [f.text or "" for f in t.findall("numerusform")]  # plural forms (%n)
        return " | ".join(forms) if forms else (t.text or "")

    unfinished = [m.find("source").text for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished")
                  or not target_of(m).strip() or "|  |" in f"|{target_of(m)}|"]
    assert unfinished == []
    for m in messages:  # placeholders survive translation
        source, target = m.find("source").text, target_of(m)
        for token in ("{number}", "{host}", "{count}", "{path}", "{error}", "{status}",
                      "{message}", "{time}", "{text}", "%v", "%m"):
            assert (token in source) == (token in target), (source, target)


def test_the_ts_lists_every_text_in_the_code_and_the_qm_is_current(tmp_path):
    lupdate, lrelease = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
    if not lupdate.exists() or not shutil.which(str(lrelease)):
        pytest.fail("pyside6-lupdate/lrelease missing from the environment")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in Path("tvdesk/gui").rglob("*.py"))
    out = subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources,
                          "-ts", str(fresh)], capture_output=True, text=True, check=True)
    assert "0 new and" in out.stdout or "(0 new" in out.stdout, (
        "texts in the code are missing from the .ts: run `make translations`\n" + out.stdout)
    qm = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(qm)], capture_output=True, check=True)
    assert qm.read_bytes() == QM.read_bytes(), "the .qm is stale: run `make translations`"
    # English's plural forms
    en_ts, en_qm = (resource_path("translations", f"tvdesk_en.{x}") for x in ("ts", "qm"))
    fresh = tmp_path / "fresh_en.ts"
    shutil.copy(en_ts, fresh)
    subprocess.run([str(lupdate), "-pluralonly", "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(fresh)], capture_output=True, text=True, check=True)
    plural = ET.parse(fresh).getroot()  # noqa: S314 (our own file)
    unfinished = [m.findtext("source") for ctx in plural for m in ctx.findall("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == [], "English plural forms missing: run `make translations`"
    subprocess.run([str(lrelease), str(en_ts), "-qm", str(qm)], capture_output=True,
                   check=True)
    assert qm.read_bytes() == en_qm.read_bytes(), "tvdesk_en.qm is stale"


def test_qts_own_dialogs_are_portuguese_too(qapp, tmp_path):
    """The file dialog said "Look in:" and "Files of type:" in Portuguese tvdesk: Qt's
    translation lacks its newer texts; tvdesk's supplement has them, and only them."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    ts = resource_path("translations", "qt_extra_pt_BR.ts")
    root = ET.parse(ts).getroot()  # noqa: S314 (our own file)
    extra = [(ctx.findtext("name"), m.findtext("source")) for ctx in root
             for m in ctx.findall("message")]
    assert ("QFileDialog", "Look &in:") in extra
    qt = QTranslator()
    assert qt.load("qtbase_pt_BR", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for context, source in extra:  # still missing from Qt's: nothing of Qt's is shadowed
        assert qt.translate(context, source) == "", source
    translators = install_translations(qapp, "pt_BR")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look &in:") == "Procurar &em:"
        assert QCoreApplication.translate("QFileDialog", "Files of &type:") == \
            "Arquivos do &tipo:"
        assert QCoreApplication.translate("QFileDialog", "&Save") == "&Salvar"  # Qt's own
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_translations(qapp, "en")  # (and English dates again)
    qm = tmp_path / "extra.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
                   capture_output=True, check=True)
    assert qm.read_bytes() == resource_path("translations", "qt_extra_pt_BR.qm").read_bytes()


def test_english_says_one_call_and_two_calls(qapp):
    from PySide6.QtCore import QCoreApplication

    translators = install_translations(qapp, "en")
    assert QCoreApplication.translate("CallLogScreen", "%n call(s)", "", 1) == "1 call"
    assert QCoreApplication.translate("CallLogScreen", "%n call(s)", "", 2) == "2 calls"
    assert translators
