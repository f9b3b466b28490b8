"""Run by the system's Python (which has pyatspi), never imported by the tests: reads the accessibility tree of a
running application through AT-SPI, as a screen reader does, and prints it as JSON.

``python3 atspi_reader.py APP_NAME [--select-row TEXT]``: waits for ``APP_NAME`` on the accessibility bus (up to
60 s), optionally selects the row of its first table that has a cell reading ``TEXT`` (through the table
interface, as a screen reader user would), then prints one object per node: role, name, description, states and
the roles of its ancestors.
"""

import json
import sys
import time

import pyatspi

STATES = {"focusable": pyatspi.STATE_FOCUSABLE, "showing": pyatspi.STATE_SHOWING, "enabled": pyatspi.STATE_ENABLED}
CONTAINERS_WITH_MANY_ITEMS = ("table", "tree table", "list")


def find(name, timeout_s=60.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == name and app.childCount:
                return app
        time.sleep(0.2)
    return None


def walk(node, ancestors, out):
    try:
        role, states = node.getRoleName(), node.getState()
        out.append({"role": role, "name": node.name or "", "description": node.description or "",
                    "ancestors": ancestors, **{key: states.contains(state) for key, state in STATES.items()}})
        children = [node.getChildAtIndex(i) for i in range(min(node.childCount, 200))]
    except Exception:  # noqa: BLE001 - a node that went away while read
        return
    for child in children:
        if child is not None:
            walk(child, [*ancestors, role], out)


def first(node, role):
    if node.getRoleName() == role:
        return node
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        found = first(child, role) if child is not None else None
        if found is not None:
            return found
    return None


def main():
    app = find(sys.argv[1])
    if app is None:
        print(json.dumps({"error": "the application never appeared on the accessibility bus"}))
        return 1
    time.sleep(2.0)  # the window's first background loads
    if "--select-row" in sys.argv:
        wanted = sys.argv[sys.argv.index("--select-row") + 1]
        table = first(app, "table").queryTable()
        rows = [row for row in range(table.nRows) for column in range(table.nColumns)
                if table.getAccessibleAt(row, column).name == wanted]
        if not rows or not table.addRowSelection(rows[0]):
            print(json.dumps({"error": f"no row reading {wanted!r} could be selected"}))
            return 1
        time.sleep(2.0)
    out = []
    walk(app, [], out)
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
