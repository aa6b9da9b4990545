"""The vendor's webphone hosted in QtWebEngine, and the app's side of its protocol.

QtWebEngine is imported only by this package, and only when the webphone is first used.
"""
