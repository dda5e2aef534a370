"""Run a command under a pseudo-terminal, type KEYS once PROMPT appears, print what it showed.

Usage: python3 terminal.py PROMPT KEYS COMMAND... (KEYS is a JSON string, e.g. "\\u0003" for Ctrl-C).
The last line printed is EXIT=<code>; a command killed by a signal gives EXIT=-<signal>.
"""
import ast
import os
import pty
import select
import sys
import time

prompt, keys, argv = sys.argv[1].encode(), ast.literal_eval(sys.argv[2]).encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
out, sent, deadline = b"", False, time.time() + 30
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not sent and prompt in out:
        time.sleep(0.3)
        os.write(fd, keys)
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf8", "replace"))
sys.stdout.write("\nEXIT=%d\n" % os.waitstatus_to_exitcode(status))
