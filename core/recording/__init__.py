"""Recording interviews to disk, Qt-free.

* :mod:`core.recording.recorder` — :class:`~core.recording.recorder.Recorder`
  captures a microphone through ``sounddevice`` into a WAV file, behind the
  consent gate (:class:`core.consent.RecordingPermit`), and survives the sound
  server dying or hanging, a full disk and a killed process.
* :mod:`core.recording.wavfile` — the crash-tolerant WAV writer, plus
  :func:`~core.recording.wavfile.probe` and :func:`~core.recording.wavfile.repair`
  for files left behind by a crash.
* :mod:`core.recording.errors` — :class:`~core.recording.errors.RecordingError`
  and the user-facing messages for every way recording can fail.
* :mod:`core.recording.store` — recordings and their markers in the library.
"""
