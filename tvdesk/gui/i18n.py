"""Portuguese (Brazil) by default on a Portuguese system, English otherwise."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from tvdesk.resources import resource_path

log = logging.getLogger(__name__)


def choose_language(setting: str, system: QLocale | None = None) -> str:
    if setting in ("pt_BR", "en"):
        return setting
    system = system or QLocale.system()
    return "pt_BR" if system.language() == QLocale.Language.Portuguese else "en"


def install_translations(app, language: str) -> list[QTranslator]:
    """Load tvdesk's and Qt's own translations; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "pt_BR":
        QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "tvdesk_pt_BR.qm"))):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("Portuguese translation missing; showing English")
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load("qtbase_pt_BR", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
        extra = QTranslator(app)  # what Qt's lacks ("Look &in:" in the file dialog)
        if extra.load(str(resource_path("translations", "qt_extra_pt_BR.qm"))):
            app.installTranslator(extra)  # (the last installed is asked first)
            installed.append(extra)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)  # English's plural forms only ("1 call", "2 calls")
        if plurals.load(str(resource_path("translations", "tvdesk_en.qm"))):
            app.installTranslator(plurals)
            installed.append(plurals)
    return installed
