"""A clock the tests move by hand (the core's state machines take the clock they read)."""


class Clock:
    def __init__(self, t: float = 100.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t
