"""A keyring for benchmarks: it holds the simulator's token, as the agent's OS keyring holds
theirs (``PYTHON_KEYRING_BACKEND=_bench_keyring.BenchKeyring``, this folder on PYTHONPATH)."""

from keyring.backend import KeyringBackend

TOKEN = "bench-token"  # the simulator's own token, not a credential


class BenchKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return TOKEN if service == "tvdesk" else None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass
