"""Small widgets shared by the screens."""


def button_style(color: str, extra: str = "") -> str:
    """A coloured push button that still looks disabled when it is."""
    return (f"QPushButton {{ background:{color}; color:white; font-weight:600; border:none;"
            f" border-radius:4px; padding:5px 10px; {extra} }}"
            f"QPushButton:disabled {{ background:#c9ced4; color:#f4f6f8; }}")
