#!/usr/bin/python3
"""Serves dist/ on 127.0.0.1 for `build-wasm.sh serve` and the browser tests.

Like a static host with precompressed files: for X it sends X.br (or X.gz) with
Content-Encoding when the browser accepts it, and .wasm as application/wasm.
Usage: serve.py DIR PORT
"""
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".ttf": "font/ttf",
                      ".csv": "text/csv; charset=utf-8", ".html": "text/html; charset=utf-8",
                      ".webmanifest": "application/manifest+json"}

    def send_head(self):
        path = self.translate_path(self.path)
        accepted = self.headers.get("Accept-Encoding", "")
        if os.path.isfile(path):
            for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
                if encoding in accepted and os.path.isfile(path + suffix):
                    return self.send_encoded(path, path + suffix, encoding)
        return super().send_head()

    def send_encoded(self, path, encoded, encoding):
        f = open(encoded, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return f

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("KEFU_SERVE_LOG"):
            super().log_message(fmt, *args)


def main() -> int:
    root, port = sys.argv[1], int(sys.argv[2])
    handler = lambda *a, **kw: Handler(*a, directory=root, **kw)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
