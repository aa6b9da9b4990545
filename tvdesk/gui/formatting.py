"""Dates, money, durations and call statuses as the agent reads them, in their language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from tvdesk.core.dates import hms


def tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def _portuguese() -> bool:
    return QLocale().language() == QLocale.Language.Portuguese


def fmt_datetime(moment: datetime) -> str:
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M:%S" if _portuguese() else "%Y-%m-%d %H:%M:%S")


def fmt_date(day: date) -> str:
    return day.strftime("%d/%m/%Y" if _portuguese() else "%Y-%m-%d")


def fmt_day_short(day: date) -> str:
    """A day in a chart's axis: ``16/11`` or ``Nov 16``."""
    return day.strftime("%d/%m") if _portuguese() else f"{day:%b} {day.day}"


def fmt_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M:%S")


def fmt_money(value: Decimal) -> str:
    return QLocale().toCurrencyString(float(value), "R$")


def fmt_duration(seconds: int) -> str:
    return hms(seconds)


# the vendor's call statuses -> the agent's words
_STATUS = {
    "atendida": "Answered",
    "não atendida": "Missed",
    "nao atendida": "Missed",
    "ocupado": "Busy",
    "falha": "Failed",
    "cancelada": "Cancelled",
}


def status_key(status: str | None) -> str:
    """A stable key for filtering: the English word, or the raw status."""
    return _STATUS.get((status or "").strip().lower(), status or "")


def status_label(status: str | None) -> str:
    key = status_key(status)
    return tr(key) if key in _STATUS.values() else (status or "—")


def is_answered(status: str | None) -> bool:
    return status_key(status) == "Answered"


def status_choices() -> list[tuple[str, str]]:
    """(key, label) for the status filter, in display order."""
    keys = ["Answered", "Missed", "Busy", "Failed", "Cancelled"]
    return [(k, tr(k)) for k in keys]


def _lupdate_sees_these() -> None:  # never called: lists the words for translation
    QCoreApplication.translate("Formatting", "Answered")
    QCoreApplication.translate("Formatting", "Missed")
    QCoreApplication.translate("Formatting", "Busy")
    QCoreApplication.translate("Formatting", "Failed")
    QCoreApplication.translate("Formatting", "Cancelled")
