"""Helpers the tests share: the test simulator, keyrings, settings, a clock (imported by the
tests themselves; the conftest files only hold fixtures)."""
