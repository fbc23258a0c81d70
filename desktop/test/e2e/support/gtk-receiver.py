#!/usr/bin/python3
"""A second real receiver for typed text: a GTK 3 text view filling its window.

Prints "ready" once the view has keyboard focus. On stdin, "text" prints the buffer as one JSON
line, "clear" empties it (answers "cleared"). JSON keeps every character intact through the pipe.
"""
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk  # noqa: E402

window = Gtk.Window(title="GTK receiver")
window.set_default_size(700, 500)
window.move(0, 0)
view = Gtk.TextView()
view.set_wrap_mode(Gtk.WrapMode.CHAR)
scroller = Gtk.ScrolledWindow()
scroller.add(view)
window.add(scroller)
window.connect("destroy", Gtk.main_quit)
announced = False


def on_focus(*_args):
    global announced
    if not announced:
        announced = True
        print("ready", flush=True)
    return False


def on_stdin(source, _condition):
    line = source.readline()
    if not line:
        Gtk.main_quit()
        return False
    command = line.strip()
    buffer = view.get_buffer()
    if command == "text":
        start, end = buffer.get_bounds()
        print(json.dumps(buffer.get_text(start, end, True)), flush=True)
    elif command == "clear":
        buffer.set_text("")
        print("cleared", flush=True)
    return True


view.connect("focus-in-event", on_focus)
GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
window.show_all()
view.grab_focus()
window.present()
Gtk.main()
