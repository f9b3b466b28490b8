"""Every user action as one core operation: it runs in one transaction and reports what it changed.

An operation is a plain function ``op(library, ...) -> Result`` (no Qt).  The
GUI runs it off the UI thread with ``TaskRunner.run_op`` and broadcasts the
:class:`Changes` through its change hub, where each screen decides whether it
is concerned; the CLI calls the same functions and ignores the changes.
"""

from core.ops.changes import Changes, Result

__all__ = ["Changes", "Result"]
