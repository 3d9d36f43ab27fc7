"""Parses the lines of a service log: `2024-05-01 12:00:03 ERROR payment: card declined`."""

import re
from collections import Counter

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_LINE = re.compile(r"^(\S+) (\S+) (DEBUG|INFO|WARNING|ERROR) (\w+): (.*)$")


def parse(line):
    """One log line as a dict, or None when it is not a log line."""
    match = _LINE.match(line.strip())
    if match is None:
        return None
    date, time, level, service, message = match.groups()
    return {"when": f"{date} {time}", "level": level, "service": service, "message": message}


def count_levels(records):
    """How many records of each level, every level listed."""
    counts = Counter(record["level"] for record in records)
    return {level: counts.get(level, 0) for level in LEVELS}
