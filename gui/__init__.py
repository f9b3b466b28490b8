"""Furikaeri's Qt interface: a thin layer over :mod:`core`.

Widgets hold no business rules; slow work goes through :mod:`gui.tasks`.
"""
