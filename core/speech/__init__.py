"""Speech recognition support, headless (never imports Qt).

:mod:`core.speech.models` finds, assembles and checks the Whisper models
offline (the public API); :mod:`core.speech.catalog` pins the bundled models
and lists the downloadable ones with their published accuracy;
:mod:`core.speech.assemble` holds the durable, verified file helpers.
:mod:`core.speech.download` installs a bigger model on request through
:mod:`core.speech.hub`, the only code that goes online;
:mod:`core.speech.calibration` measures a model's speed here and
:mod:`core.speech.advice` says which model to use for Japanese.
"""
