"""Small playable recordings: a few seconds of tones, different for each call, as WAV."""

from __future__ import annotations

import io
import math
import random
import struct
import wave
from functools import lru_cache

RATE = 8000  # telephone quality


@lru_cache(maxsize=64)
def recording_wav(call_id: int, seconds: float = 2.0) -> bytes:
    rng = random.Random(call_id)
    notes = [rng.choice([392.0, 440.0, 494.0, 523.0, 587.0, 659.0]) for _ in range(4)]
    frames = bytearray()
    per_note = int(RATE * seconds / len(notes))
    for freq in notes:
        for i in range(per_note):
            envelope = min(1.0, i / 200, (per_note - i) / 200)
            sample = 0.35 * envelope * math.sin(2 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(bytes(frames))
    return out.getvalue()
