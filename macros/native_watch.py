"""Under `make serve`: the operating system tells of changed files, instead of looking every half second.

MkDocs' server finds edits by listing every watched file twice a second. With 5,000
practices that kept a sixth of a processor busy, took the interpreter lock from the build
while an edit was being built, and let an edit wait up to half a second before anyone
noticed. On Linux, inotify reports a change at once and costs nothing while nothing changes.

Only changes count: inotify also reports a file being opened or read, and MkDocs rebuilds
on every event it hears, so without the filter each build (which reads the files) would
start the next one. `MENUKAART_WATCH=polling` keeps MkDocs' own way, for file systems that
do not report changes (some network drives and folders shared with a virtual machine).
"""
from __future__ import annotations

import os

from watchdog import events

CHANGES = [
    events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent, events.FileMovedEvent,
    events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent,
]


def wanted() -> bool:
    return os.environ.get("MENUKAART_WATCH", "").strip().lower() != "polling"


def changes_observer():
    """An inotify observer that passes on only changes, or None where there is no inotify."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux
        return None

    class ChangesOnly(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES, follow_symlink=follow_symlink)

        def start(self) -> None:  # started early (to find out whether inotify works); MkDocs starts it again
            if not self.is_alive():
                super().start()

    return ChangesOnly()
