"""Qt-free core: the TotalVoice API client and the domain models. Never imports Qt."""
