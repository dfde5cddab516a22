"""``rapportlint serve``: the check of ``rapportlint check`` behind a web page, for a class.

A teacher starts one command; students drop their PDF on a page and read the HTML report. The
stack is Starlette (routing, requests, responses) served by uvicorn, with python-multipart's
streaming parser for the uploads: an established ASGI stack, small and pure Python, whose
asynchronous server holds thirty slow uploads without a thread each, reads a body as it arrives
(a too large upload is refused the moment it is known, a stalled one after a timeout), and
leaves the heavy work where it already is: each check forked and bounded by
:mod:`rapportlint.isolation`. It is the optional extra ``rapportlint[serve]``.

- :mod:`.app`: the routes, the order of refusals, the answer in the asked format.
- :mod:`.upload`: the multipart body straight to a private temporary folder.
- :mod:`.pool`: the threads that run the checks, and the bounded queue (503 when full).
- :mod:`.pages`: the page, the report with its links, errors, security headers.
- :mod:`.server`: the socket, the token, uvicorn.
"""
