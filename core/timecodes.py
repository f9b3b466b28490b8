"""Time links in notes: ``[12:34]`` or ``[1:02:03]`` point into the interview's recording.

A time link is plain text, so notes stay readable anywhere (exports, other
editors) and the link survives copy and paste.  Minutes may exceed 59 when no
hour is given (``[75:10]``); seconds are always two digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TIMECODE = re.compile(r"\[(?:(\d{1,3}):([0-5]\d)|(\d{1,3}):([0-5]\d):([0-5]\d))\]")


@dataclass(frozen=True)
class TimeLink:
    start: int  # character offsets of "[...]" in the text
    end: int
    ms: int


def format_timecode(ms: int) -> str:
    """``[mm:ss]`` below an hour, ``[h:mm:ss]`` from an hour on (truncated to the second)."""
    seconds = max(0, int(ms)) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"[{hours}:{minutes:02d}:{secs:02d}]" if hours else f"[{minutes:02d}:{secs:02d}]"


def _ms(match: re.Match[str]) -> int:
    if match.group(1) is not None:
        return (int(match.group(1)) * 60 + int(match.group(2))) * 1000
    return (int(match.group(3)) * 3600 + int(match.group(4)) * 60 + int(match.group(5))) * 1000


def find_time_links(text: str) -> list[TimeLink]:
    """Every time link in ``text``, in order.

    ``[12:34](...)`` is a Markdown link the user wrote themselves, not ours.
    """
    links = []
    for match in TIMECODE.finditer(text):
        if text.startswith("(", match.end()):
            continue
        links.append(TimeLink(match.start(), match.end(), _ms(match)))
    return links


def time_link_at(text: str, offset: int) -> TimeLink | None:
    """The time link covering character ``offset`` (its brackets included), if any."""
    for link in find_time_links(text):
        if link.start <= offset < link.end:
            return link
    return None


def linkify(markdown: str, scheme: str = "furikaeri-time") -> str:
    """Turn time links into Markdown links (``[12:34](scheme:754000)``) for a rendered preview."""
    parts, last = [], 0
    for link in find_time_links(markdown):
        parts.append(markdown[last:link.start])
        parts.append(f"{markdown[link.start:link.end]}({scheme}:{link.ms})")
        last = link.end
    parts.append(markdown[last:])
    return "".join(parts)
