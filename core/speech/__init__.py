"""Speech recognition support, headless (never imports Qt).

:mod:`core.speech.models` finds, assembles and checks the Whisper models
offline (the public API); :mod:`core.speech.catalog` pins the bundled models;
:mod:`core.speech.assemble` holds the durable, verified file helpers.
"""
