#!/usr/bin/python3
"""Answers the RemoteDesktop portal's dialog as a person would, through the accessibility bus: the
test's hands, never the product's. Usage: portal-consent.py share|cancel [seconds].

GNOME's dialog ("Remote desktop") has an "Allow remote interaction" check box that must be ticked
before "Share" can be pressed. Prints "clicked <button>" and exits 0, or exits 1 when no dialog came.
"""
import sys
import time

import pyatspi

answer = sys.argv[1] if len(sys.argv) > 1 else "share"
deadline = time.time() + float(sys.argv[2] if len(sys.argv) > 2 else 60)
wanted = {"share": "Share", "cancel": "Cancel"}[answer]


def walk(node, depth=0):
    if node is None or depth > 30:
        return
    yield node
    for i in range(node.childCount):
        try:
            yield from walk(node.getChildAtIndex(i), depth + 1)
        except Exception:
            pass


def words(name):
    """GTK gives a button's name with its mnemonic and label: "_Share Share"."""
    return name.replace("_", "").split()


def answer_dialog():
    for app in pyatspi.Registry.getDesktop(0):
        if app is None or "portal" not in (app.name or ""):
            continue
        for node in walk(app):
            try:
                role, name, state = node.getRoleName(), node.name or "", node.getState()
            except Exception:
                continue
            if role == "check box" and not state.contains(pyatspi.STATE_CHECKED) and answer == "share":
                node.queryAction().doAction(0)
            if role == "push button" and wanted in words(name) and state.contains(pyatspi.STATE_SENSITIVE):
                if node.queryAction().doAction(0):
                    return True
    return False


while time.time() < deadline:
    if answer_dialog():
        print(f"clicked {wanted}", flush=True)
        sys.exit(0)
    time.sleep(0.3)
sys.exit(1)
