"""A real SMTP server for the email tests (Debian's python3-aiosmtpd), run by /usr/bin/python3.

Usage: smtp_capture.py PORT FOLDER
Saves every message it accepts as FOLDER/<random>.eml, exactly as received, and refuses any recipient
whose address starts with "bounce" (550), so a test can make delivery fail for good. Prints READY once it
listens, and runs until it is killed.
"""
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("bounce"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, uuid.uuid4().hex)
        with open(name + ".tmp", "wb") as file:
            file.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name + ".eml")
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
