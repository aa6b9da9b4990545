"""tvdesk: the desktop for call-center agents on TotalVoice (Zenvia Voice)."""

__version__ = "0.1.0"
