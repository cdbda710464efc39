#!/usr/bin/env python3
"""Serves a directory over HTTP on 127.0.0.1 with 'text/html; charset=utf-8' for .html files (the State Council
pages of corpus/gov are fragments with no charset of their own). Prints the port, then serves until killed.
Usage: serve.py DIR"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".html": "text/html; charset=utf-8"}

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
