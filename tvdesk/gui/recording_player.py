"""Plays a call recording inside the app. QtMultimedia is imported on first use only.

Where QtMultimedia cannot load (a system without its audio libraries) the recording opens
in the system's player instead, and the agent is told why.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from tvdesk.core.redact import register_secret
from tvdesk.gui.formatting import fmt_duration

log = logging.getLogger(__name__)


def register_recording_secrets(url: str) -> None:
    """A recording link's access value (``x=``) opens the recording: kept out of texts."""
    for value in parse_qs(urlsplit(url).query).get("x", []):
        register_secret(value)


def multimedia_available() -> bool:
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:  # e.g. libpulse missing
        log.info("QtMultimedia unavailable: %s", exc)
        return False
    return True


def audio_output_available() -> bool:
    """Whether this computer has somewhere to play sound (speakers, a headset)."""
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


class RecordingPlayer(QWidget):
    failed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        from tvdesk.gui.ffmpeg_log import silence_ffmpeg

        self._player = QMediaPlayer(self)
        # FFmpeg prints the recording's URL (and access value) by itself: quiet, once
        # QtMultimedia has set FFmpeg up (which sets a log level of its own)
        silence_ffmpeg()
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self.title = QLabel()
        self.play_pause = QPushButton(self.tr("Pause"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.time = QLabel("00:00:00")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.play_pause)
        layout.addWidget(self.stop_button)
        layout.addWidget(self.position, 1)
        layout.addWidget(self.time)
        self.play_pause.clicked.connect(self._toggle)
        self.stop_button.clicked.connect(self.stop)
        self._player.durationChanged.connect(self._duration)
        self._player.positionChanged.connect(self._moved)
        self.position.sliderMoved.connect(self._player.setPosition)
        self._player.errorOccurred.connect(self._error)
        self._player.playbackStateChanged.connect(self._state)

    @property
    def player(self):
        return self._player

    def play(self, url: str, title: str) -> None:
        register_recording_secrets(url)
        self.title.setText(title)
        self._player.setSource(QUrl(url))
        self._player.play()
        self.show()

    def stop(self) -> None:
        """Stop and let go of the recording (its decoder stops with it)."""
        self._player.stop()
        self._player.setSource(QUrl())
        self.hide()

    def _toggle(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
        else:
            self._player.play()

    def _state(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_pause.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _duration(self, ms: int) -> None:
        self.position.setRange(0, ms)
        self._length = ms
        self._moved(self._player.position())

    def _moved(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        length = getattr(self, "_length", 0)
        self.time.setText(f"{fmt_duration(ms // 1000)} / {fmt_duration(length // 1000)}"
                          if length else fmt_duration(ms // 1000))

    def _error(self, _error, text: str) -> None:
        self.failed.emit(text or self.tr("the recording could not be played"))
