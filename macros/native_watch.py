"""Under `make serve`: the operating system tells of changed files, instead of MkDocs looking every half second.

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

    return ChangesOnly()


def replace_polling(server, paths: list[str], watched_by_mkdocs: list[str], log) -> None:
    """Swap the MkDocs server's polling observer for inotify, if inotify can watch every path.

    Uses the server's public watch()/unwatch() and its observer, before the server starts it.
    """
    trial = changes_observer()
    if trial is None:
        return
    try:
        for path in paths:
            trial.schedule(events.FileSystemEventHandler(), path, recursive=True)
        trial.start()
    except OSError as err:  # e.g. the system's limit of inotify watches
        log.info("Menukaart: het besturingssysteem kan de bestanden niet volgen (%s); MkDocs kijkt zelf elke halve seconde.", err)
        return
    finally:
        if trial.is_alive():
            trial.stop()
            trial.join()
    moved = []
    for path in watched_by_mkdocs:  # what MkDocs watched before on_serve (its docs, config, maybe the theme)
        try:
            server.unwatch(path)
            moved.append(path)
        except KeyError:
            pass
    server.observer = changes_observer()
    for path in moved:
        server.watch(path)
    log.info("Menukaart: het besturingssysteem meldt gewijzigde bestanden meteen (inotify; MENUKAART_WATCH=polling om zelf te kijken).")


def tell(session, event) -> None:
    """Pass a watcher's event on to the serve session (macros/incremental.py: Session.notify)."""
    if event.is_directory and event.event_type == "modified":
        return  # a folder's entries changed: each of those files has an event of its own
    for path in (event.src_path, getattr(event, "dest_path", "")):
        if path:
            session.notify(os.fsdecode(path), event.is_directory)
