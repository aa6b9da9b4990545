"""Dates, money, durations and call statuses as the agent reads them, in their language."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from tvdesk.core.dates import hms
from tvdesk.core.vocabulary import CallDirection, CallStatus, DialOrigin


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
    CallStatus.REJECTED: "Rejected",
    CallStatus.NOT_ANSWERED: "Not answered",
    CallStatus.BUSY: "Busy",
    CallStatus.FAILED: "Failed",
    CallStatus.CANCELLED: "Cancelled",
}


def status_label(status: str | None) -> str:
    """The vendor's status text in the agent's words; an unknown one as the vendor wrote it."""
    known = CallStatus.of(status)
    return tr(_STATUS_WORDS[known]) if known else (status or "—")


def result_label(result: CallStatus | None, status: str | None) -> str:
    """A call log entry's result: tvdesk's word, or the vendor's text it does not know."""
    return tr(_STATUS_WORDS[result]) if result else (status or "—")


_DIRECTION_WORDS = {CallDirection.IN: "Received", CallDirection.OUT: "Made"}


def direction_label(direction: str) -> str:
    return tr(_DIRECTION_WORDS[CallDirection(direction)])


_ORIGIN_WORDS = {
    DialOrigin.DIAL_BOX: "dial box",
    DialOrigin.CALL_BACK: "call back",
    DialOrigin.CLIPBOARD: "copied number",
    DialOrigin.LINK: "link",
    DialOrigin.COMMAND_LINE: "command line",
    DialOrigin.PHONE: "phone keypad",
}


def dial_origin_label(origin: str | None) -> str:
    """How a call the agent made was started, in their words."""
    try:
        return tr(_ORIGIN_WORDS[DialOrigin(origin)])
    except ValueError:
        return origin or ""


def fmt_percent(value: float | None) -> str:
    return "—" if value is None else QLocale().toString(value * 100, "f", 0) + "%"


def status_choices() -> list[tuple[CallStatus, str]]:
    """(status, label) for the status filter, in display order."""
    return [(s, tr(word)) for s, word in _STATUS_WORDS.items()]


def _lupdate_sees_these() -> None:  # never called: lists the words for translation
    QCoreApplication.translate("Formatting", "Answered")
    QCoreApplication.translate("Formatting", "Missed")
    QCoreApplication.translate("Formatting", "Busy")
    QCoreApplication.translate("Formatting", "Failed")
    QCoreApplication.translate("Formatting", "Cancelled")
    QCoreApplication.translate("Formatting", "Rejected")
    QCoreApplication.translate("Formatting", "Received")
    QCoreApplication.translate("Formatting", "Made")
    QCoreApplication.translate("Formatting", "Not answered")
    QCoreApplication.translate("Formatting", "dial box")
    QCoreApplication.translate("Formatting", "call back")
    QCoreApplication.translate("Formatting", "copied number")
    QCoreApplication.translate("Formatting", "link")
    QCoreApplication.translate("Formatting", "command line")
    QCoreApplication.translate("Formatting", "phone keypad")
