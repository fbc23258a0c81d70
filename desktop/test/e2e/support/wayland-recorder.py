#!/usr/bin/python3
"""The receiving application on a Wayland display: a GTK 3 window filling the screen, a text view
inside it, every pointer and key event it receives printed as one JSON line on stdout.

Events: {"e":"ready"} once it has the keyboard focus, {"e":"motion","x":..,"y":..},
{"e":"button","button":1,"down":true}, {"e":"scroll","dir":"smooth","dx":..,"dy":..,"stop":false}
(or "dir":"up"/"down"/"left"/"right" for stepped scrolling), {"e":"key","name":"a","down":true,"ctrl":..,"shift":..,"alt":..}.
{"e":"buffer","text":...} after each change of the view's text, {"e":"focus","on":...} as the window
gains or loses the keyboard focus. On stdin, "text" prints {"e":"text","text":...} with the view's content, "clear" empties it,
"copy TEXT" puts TEXT on the clipboard as a copy in this window would ("copy-image" a 4 x 4 picture of
#3366cc), "clipboard" prints {"e":"clipboard","text":...} with the clipboard's text as this window sees it
(null: none), "clipboard-image" {"e":"clipboard-image","image":{"width","height","pixel":[r,g,b]}} (or null).
"""
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import Gdk, GdkPixbuf, GLib, Gtk  # noqa: E402


def say(**fields):
    print(json.dumps(fields), flush=True)


window = Gtk.Window(title="Wayland recorder")
window.set_default_size(1280, 720)
view = Gtk.TextView()
view.set_wrap_mode(Gtk.WrapMode.CHAR)
window.add(view)
window.connect("destroy", Gtk.main_quit)
# The view fills the window, so it receives the pointer; the window sees the keys first.
view.add_events(
    Gdk.EventMask.POINTER_MOTION_MASK
    | Gdk.EventMask.BUTTON_PRESS_MASK
    | Gdk.EventMask.BUTTON_RELEASE_MASK
    | Gdk.EventMask.SCROLL_MASK
    | Gdk.EventMask.SMOOTH_SCROLL_MASK
    | Gdk.EventMask.KEY_PRESS_MASK
    | Gdk.EventMask.KEY_RELEASE_MASK
)
announced = False
DIRECTIONS = {
    Gdk.ScrollDirection.UP: "up",
    Gdk.ScrollDirection.DOWN: "down",
    Gdk.ScrollDirection.LEFT: "left",
    Gdk.ScrollDirection.RIGHT: "right",
    Gdk.ScrollDirection.SMOOTH: "smooth",
}


def on_focus(*_args):
    global announced
    if not announced:
        announced = True
        say(e="ready")
    return False


def on_motion(_widget, event):
    say(e="motion", x=round(event.x_root), y=round(event.y_root))
    return False


def on_button(_widget, event):
    if event.type in (Gdk.EventType.BUTTON_PRESS, Gdk.EventType.BUTTON_RELEASE):
        say(e="button", button=event.button, down=event.type == Gdk.EventType.BUTTON_PRESS)
    return False


def on_scroll(_widget, event):
    direction = DIRECTIONS.get(event.direction, "?")
    if direction == "smooth":
        ok, dx, dy = event.get_scroll_deltas()
        say(e="scroll", dir="smooth", dx=dx, dy=dy, stop=event.is_scroll_stop_event())
    else:
        say(e="scroll", dir=direction)
    return True


def on_key(_widget, event):
    state = event.state
    say(
        e="key",
        name=Gdk.keyval_name(event.keyval),
        down=event.type == Gdk.EventType.KEY_PRESS,
        ctrl=bool(state & Gdk.ModifierType.CONTROL_MASK),
        shift=bool(state & Gdk.ModifierType.SHIFT_MASK),
        alt=bool(state & Gdk.ModifierType.MOD1_MASK),
    )
    return False


def on_focus_change(_widget, event):
    say(e="focus", on=bool(event.in_))
    return False


def on_changed(buffer):
    start, end = buffer.get_bounds()
    say(e="buffer", text=buffer.get_text(start, end, True))


def on_stdin(source, _condition):
    line = source.readline()
    if not line:
        Gtk.main_quit()
        return False
    command = line.strip()
    buffer = view.get_buffer()
    if command == "text":
        start, end = buffer.get_bounds()
        say(e="text", text=buffer.get_text(start, end, True))
    elif command == "clear":
        buffer.set_text("")
        say(e="cleared")
    elif command.startswith("copy "):
        # The user copying text in this window (the selection set by the focused Wayland client).
        Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).set_text(command[5:], -1)
        say(e="copied")
    elif command == "copy-image":
        # The user copying a picture: 4 x 4 pixels of one colour, #3366cc.
        image = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, 4, 4)
        image.fill(0x3366CCFF)
        Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).set_image(image)
        say(e="copied")
    elif command == "clipboard-image":
        def got(_clipboard, image):
            if image is None:
                say(e="clipboard-image", image=None)
            else:
                pixel = list(image.get_pixels()[:3])
                say(e="clipboard-image", image={"width": image.get_width(), "height": image.get_height(), "pixel": pixel})

        Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).request_image(got)
    elif command == "clipboard":
        # What this Wayland application would paste now (None: the clipboard holds no text).
        clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
        clipboard.request_text(lambda _clipboard, text: say(e="clipboard", text=text))
    return True


view.connect("focus-in-event", on_focus)
window.connect("focus-in-event", on_focus_change)
window.connect("focus-out-event", on_focus_change)
view.get_buffer().connect("changed", on_changed)
view.connect("motion-notify-event", on_motion)
view.connect("button-press-event", on_button)
view.connect("button-release-event", on_button)
view.connect("scroll-event", on_scroll)
window.connect("key-press-event", on_key)
window.connect("key-release-event", on_key)
GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
window.show_all()
window.fullscreen()
view.grab_focus()
window.present()
Gtk.main()
