"""Interview tracker: follow-up tasks and their rules, message templates, withdrawal plans, iCalendar export.

Headless; the GUI shows what these modules decide.  Entry points:

* :class:`core.tracker.tracker.Tracker` (``library.tracker``): save interviews, apply follow-up rules, timeline;
* :class:`core.tracker.followups.FollowUpStore` (``library.followups``): upcoming, due, done, snooze, dismiss;
* :mod:`core.tracker.rules`: business days and due times;
* :mod:`core.tracker.messages`: templates filled from an interview, ``mailto:`` URLs;
* :mod:`core.tracker.withdraw`: whom to contact to cancel or decline;
* :mod:`core.tracker.ics`: the ``.ics`` export.
"""
