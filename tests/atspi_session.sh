#!/bin/sh
# Run inside `xvfb-run dbus-run-session`: the accessibility bus, the app, and the reader (tests/atspi_reader.py).
# Usage: atspi_session.sh OUT_JSON APP_PYTHON MAIN_PY [reader options]
out="$1"; app_python="$2"; main_py="$3"; shift 3
/usr/libexec/at-spi-bus-launcher --launch-immediately &
bus=$!
QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 "$app_python" "$main_py" &
app=$!
/usr/bin/python3 "$(dirname "$0")/atspi_reader.py" Furikaeri "$@" > "$out"
status=$?
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
kill "$bus" 2>/dev/null
exit $status
