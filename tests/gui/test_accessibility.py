"""Every control an agent can reach has a name a screen reader says (QAccessible)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from tests.helpers.desktop import open_phone

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def unnamed(root: QWidget) -> list[str]:
    """The interactive controls under ``root`` a screen reader could not name."""
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or not w.isVisibleTo(root) \
                or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w.parent(), QAbstractSpinBox | QComboBox):  # their own inner editor
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(w).__name__} {w.objectName() or ''}"
                           f" {getattr(w, 'placeholderText', lambda: '')()!r}")
    return missing


def test_every_control_has_a_name(qtbot, make_controller, sim, memory_keyring):
    controller, _phone = open_phone(qtbot, make_controller, sim, memory_keyring,
                                    mode="hidden", supervisor=True)
    main = controller.main_window
    for tab in range(main.tabs.count()):
        main.tabs.setCurrentIndex(tab)
        qtbot.wait(100)
        assert unnamed(main) == [], (main.tabs.tabText(tab), unnamed(main))
    dialog = controller.open_settings()
    assert unnamed(dialog) == []
    dialog.reject()


def test_the_sign_in_has_names(qtbot, make_controller, sim, memory_keyring):
    controller = make_controller()
    controller.start()
    qtbot.waitUntil(lambda: controller.sign_in_window is not None, timeout=10000)
    w = controller.sign_in_window
    w.advanced.setChecked(True)
    assert unnamed(w) == []
