"""The webphone, Qt-free: its postMessage protocol, the phone's state, dialing, reconnecting."""
