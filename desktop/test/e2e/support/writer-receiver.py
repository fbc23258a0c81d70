#!/usr/bin/python3
"""LibreOffice Writer as a receiving application: starts soffice on $DISPLAY with a profile of its own,
opens an empty Writer document in front with AutoCorrect's "while typing" off (it would capitalise and
replace what is typed), and answers on stdin: "text" prints the document's text as JSON, "clear" empties it.
Prints "ready" first. Reads the document through UNO (Debian's python3-uno)."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Stopped with SIGTERM: leave through the finally below, which stops soffice and removes its profile.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

profile = tempfile.mkdtemp(prefix="deskremote-writer-")
port = free_port()
office = subprocess.Popen(
    ["soffice", "--norestore", "--nologo", "--nodefault", "--nofirststartwizard",
     f"--accept=socket,host=127.0.0.1,port={port};urp;", f"-env:UserInstallation=file://{profile}"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                raise
            time.sleep(0.2)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
    frame = doc.getCurrentController().getFrame()
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    off = PropertyValue()
    off.Name = "OnlineAutoFormat"
    off.Value = False
    dispatcher.executeDispatch(frame, ".uno:OnlineAutoFormat", "", 0, (off,))
    window = frame.getContainerWindow()
    window.setVisible(True)
    window.setFocus()
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "text":
            # Writer keeps paragraphs; getString joins them with the platform's line end.
            print(json.dumps(doc.getText().getString().replace("\r\n", "\n")), flush=True)
        elif command == "clear":
            doc.getText().setString("")
            print("ok", flush=True)
finally:
    office.terminate()
    try:
        office.wait(10)
    except subprocess.TimeoutExpired:
        office.kill()
    shutil.rmtree(profile, ignore_errors=True)
