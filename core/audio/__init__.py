"""Audio for Furikaeri: finding microphones and recording from them.

Everything here is Qt-free.  The ``sounddevice`` module (and with it the
PortAudio library) is loaded lazily through :func:`core.audio.devices.load_sounddevice`,
so a machine without PortAudio can still run every other feature.
"""
