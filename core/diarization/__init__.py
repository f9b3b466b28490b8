"""Speaker separation for one microphone (diarization), offline, on the CPU, without Qt.

:func:`diarize` gives speech turns for 16-kHz mono samples;
:func:`~core.diarization.assign.assign` puts them on transcript segments and
words; :mod:`core.diarization.der` scores turns against a reference.
"""
