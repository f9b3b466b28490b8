"""Furikaeri's headless core: domain, storage, audio, speech, search and export.

Nothing in this package imports Qt (``tests/test_architecture.py`` enforces it),
so every feature can be used from a script, the CLI or the GUI alike.
"""

__version__ = "0.1.0"
