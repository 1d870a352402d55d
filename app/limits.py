"""A request-body size limit enforced before the body is read into memory."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import library_error_response
from geo.errors import PayloadTooLargeError

__all__ = ["BodySizeLimit"]


class BodySizeLimit:
    """Refuses a body over `max_bytes` (PayloadTooLargeError), whether it declares its length or streams it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return

        received = 0
        rejected = False

        async def counting_receive() -> Message:
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Answer now and tell the app the client has gone, so it stops reading;
                    # whatever it tries to send afterwards is dropped.
                    rejected = True
                    await self._reject(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not rejected:
                await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _reject(self, send: Send) -> None:
        # Outside FastAPI's exception handlers: the error's answer is built as theirs would be.
        error = PayloadTooLargeError(
            f"the request body is over the limit of {self.max_bytes} bytes (ITINERANT_MAX_BODY_BYTES)"
        )
        response = library_error_response(error)
        await send({"type": "http.response.start", "status": response.status_code, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})
