"""Dates, money, durations and call statuses as the agent reads them, in their language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from tvdesk.core.dates import hms
from tvdesk.core.vocabulary import CallStatus


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


# call outcomes in the agent's words (the English is the translation's source text)
_STATUS_WORDS = {
    CallStatus.ANSWERED: "Answered",
    CallStatus.MISSED: "Missed",
    CallStatus.BUSY: "Busy",
    CallStatus.FAILED: "Failed",
    CallStatus.CANCELLED: "Cancelled",
}


def status_label(status: str | None) -> str:
    """The vendor's status text in the agent's words; an unknown one as the vendor wrote it."""
    known = CallStatus.of(status)
    return tr(_STATUS_WORDS[known]) if known else (status or "—")


def status_choices() -> list[tuple[CallStatus, str]]:
    """(status, label) for the status filter, in display order."""
    return [(s, tr(word)) for s, word in _STATUS_WORDS.items()]


def _lupdate_sees_these() -> None:  # never called: lists the words for translation
    QCoreApplication.translate("Formatting", "Answered")
    QCoreApplication.translate("Formatting", "Missed")
    QCoreApplication.translate("Formatting", "Busy")
    QCoreApplication.translate("Formatting", "Failed")
    QCoreApplication.translate("Formatting", "Cancelled")
