"""A small OpenID Connect provider for the tests, on 127.0.0.1 (no network).

Discovery, an authorisation endpoint that signs in whoever the test says (no login page), a
token endpoint that checks the client's secret, the code, its redirect address and the PKCE
verifier, and the signing keys (RS256, joserfc). Each code works once.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode


@dataclass
class Provider:
    url: str
    client_id: str = "nextyes-tests"
    client_secret: str = "a-client-secret-for-tests"
    user: dict[str, Any] = field(default_factory=dict)  # the claims of whoever signs in next
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens_issued: int = 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_provider() -> Iterator[Provider]:
    import uvicorn
    from joserfc import jwt
    from joserfc.jwk import RSAKey
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, RedirectResponse, Response
    from starlette.routing import Route

    port = _free_port()
    provider = Provider(url=f"http://127.0.0.1:{port}")
    key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})

    async def discovery(request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": provider.url,
                "authorization_endpoint": f"{provider.url}/authorize",
                "token_endpoint": f"{provider.url}/token",
                "jwks_uri": f"{provider.url}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
            }
        )

    async def authorize(request: Request) -> Response:
        q = request.query_params
        if q.get("client_id") != provider.client_id or q.get("response_type") != "code":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        code = secrets.token_urlsafe(16)
        provider.codes[code] = {
            "redirect_uri": q["redirect_uri"], "nonce": q.get("nonce"),
            "challenge": q.get("code_challenge"), "method": q.get("code_challenge_method"),
            "user": dict(provider.user),
        }  # fmt: skip
        target = q["redirect_uri"] + "?" + urlencode({"code": code, "state": q.get("state", "")})
        return RedirectResponse(target, status_code=302)

    async def token(request: Request) -> Response:
        form = await request.form()
        auth = request.headers.get("authorization", "")
        expected = base64.b64encode(
            f"{provider.client_id}:{provider.client_secret}".encode()
        ).decode()
        if auth != f"Basic {expected}":
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = provider.codes.pop(str(form.get("code", "")), None)
        if grant is None or form.get("redirect_uri") != grant["redirect_uri"]:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        verifier = str(form.get("code_verifier", ""))
        digest = hashlib.sha256(verifier.encode()).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if grant["method"] != "S256" or challenge != grant["challenge"]:
            return JSONResponse({"error": "invalid_grant", "why": "pkce"}, status_code=400)
        now = int(time.time())
        claims = {
            "iss": provider.url, "aud": provider.client_id, "iat": now, "exp": now + 300,
            "nonce": grant["nonce"], **grant["user"],
        }  # fmt: skip
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, key)
        provider.tokens_issued += 1
        return JSONResponse(
            {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
             "expires_in": 300, "id_token": id_token}
        )  # fmt: skip

    async def jwks(request: Request) -> Response:
        return JSONResponse({"keys": [key.as_dict(private=False)]})

    app = Starlette(
        routes=[
            Route("/.well-known/openid-configuration", discovery),
            Route("/authorize", authorize),
            Route("/token", token, methods=["POST"]),
            Route("/jwks", jwks),
        ]
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the test provider did not start"
        time.sleep(0.02)
    try:
        yield provider
    finally:
        server.should_exit = True
        thread.join(timeout=10)
