"""Signing in with an organisation's OpenID Connect provider (authlib and joserfc).

The authorisation-code flow with PKCE: `begin` sends the browser to the provider with a fresh
state, nonce and code verifier (the edge keeps them in a short-lived cookie); `finish` checks the
state, swaps the code for tokens, checks the ID token's signature against the provider's keys,
its issuer, audience, expiry and nonce, and wants a verified email address (inside the
organisation's domain, when one is set). The person is then signed in, their account made when
it did not exist, and they belong to the organisation (not counted in its figures until they
say so).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nextyes.domain.accounts import Role, SessionStage, normalise_email
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.organisations import Organisation, SingleSignOn
from nextyes.services.accounts.secrets import new_secret, same
from nextyes.services.accounts.sessions import NewSession, SessionRules, open_session
from nextyes.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from nextyes.services.accounts.sealing import Sealer

TIMEOUT = 10.0


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("organisations/messages")["refused"][key], **values)


@dataclass(frozen=True, slots=True)
class SignOnStart:
    url: str  # where to send the browser
    state: str
    nonce: str
    verifier: str


def organisation_with_sso(
    uow: UnitOfWork, organisation_id: int, sealer: Sealer
) -> tuple[Organisation, SingleSignOn]:
    """The organisation and its sign-on settings, with the client secret opened for use."""
    from nextyes.services.organisations.membership import SSO_SECRET

    with uow:
        org = uow.organisations.get(organisation_id)
    if org is None or org.sso is None:
        raise NotFound(_said("sso_off"))
    secret = org.sso.client_secret
    opened = replace(org.sso, client_secret=sealer.open(secret, SSO_SECRET) if secret else None)
    return org, opened


def _metadata(sso: SingleSignOn) -> dict[str, Any]:
    import httpx

    url = f"{sso.issuer}/.well-known/openid-configuration"
    try:
        answer = httpx.get(url, timeout=TIMEOUT)
        answer.raise_for_status()
        found: dict[str, Any] = answer.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise InvalidInput(_said("sso_failed", why=f"no answer from {sso.issuer}: {exc}")) from None
    if found.get("issuer", "").rstrip("/") != sso.issuer:
        raise InvalidInput(_said("sso_failed", why="the provider names another issuer"))
    return found


def _client(sso: SingleSignOn, redirect_uri: str) -> Any:
    from authlib.integrations.httpx_client import OAuth2Client

    return OAuth2Client(
        client_id=sso.client_id,
        client_secret=sso.client_secret,
        scope="openid email profile",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        timeout=TIMEOUT,
    )


def begin(uow: UnitOfWork, organisation_id: int, redirect_uri: str, sealer: Sealer) -> SignOnStart:
    _, sso = organisation_with_sso(uow, organisation_id, sealer)
    metadata = _metadata(sso)
    state, nonce, verifier = new_secret(24), new_secret(24), new_secret(48)
    with _client(sso, redirect_uri) as client:
        url, _ = client.create_authorization_url(
            metadata["authorization_endpoint"], state=state, nonce=nonce, code_verifier=verifier
        )
    return SignOnStart(str(url), state, nonce, verifier)


def _claims(sso: SingleSignOn, metadata: dict[str, Any], token: dict[str, Any], nonce: str) -> Any:
    import httpx
    from authlib.oidc.core import CodeIDToken
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet
    from joserfc.jws import JWSRegistry

    if "id_token" not in token:
        raise InvalidInput(_said("sso_failed", why="the provider sent no ID token"))
    try:
        keys = httpx.get(metadata["jwks_uri"], timeout=TIMEOUT).json()
        algorithms = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        decoded = jwt.decode(
            token["id_token"],
            KeySet.import_key_set(keys),
            registry=JWSRegistry(algorithms=algorithms),
        )
    except (httpx.HTTPError, ValueError, JoseError) as exc:
        raise InvalidInput(
            _said("sso_failed", why=f"the ID token does not check out: {exc}")
        ) from None
    claims = CodeIDToken(
        decoded.claims,
        decoded.header,
        {"iss": {"values": [sso.issuer]}},
        {"nonce": nonce, "client_id": sso.client_id, "access_token": token.get("access_token")},
    )
    try:
        claims.validate(leeway=60)
    except Exception as exc:  # authlib's claim errors share no public base class
        raise InvalidInput(_said("sso_failed", why=str(exc)[:200])) from None
    return claims


def finish(
    uow: UnitOfWork,
    organisation_id: int,
    code: str,
    state: str,
    started: SignOnStart,
    redirect_uri: str,
    rules: SessionRules,
    now: datetime,
    sealer: Sealer,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> NewSession:
    from nextyes.services.accounts.admin import create_account
    from nextyes.services.organisations.membership import join_by_sign_on

    if not state or not same(state, started.state):
        raise InvalidInput(
            _said("sso_failed", why="the answer does not match this browser's request")
        )
    _, sso = organisation_with_sso(uow, organisation_id, sealer)
    metadata = _metadata(sso)
    with _client(sso, redirect_uri) as client:
        try:
            token = client.fetch_token(
                metadata["token_endpoint"], code=code, code_verifier=started.verifier
            )
        except Exception as exc:  # authlib raises its OAuthError or httpx's errors
            raise InvalidInput(_said("sso_failed", why=str(exc)[:200])) from None
    claims = _claims(sso, metadata, dict(token), started.nonce)
    if not claims.get("email") or claims.get("email_verified") is not True:
        raise InvalidInput(_said("sso_email"))
    email = normalise_email(str(claims["email"]))
    if sso.email_domain and not email.endswith("@" + sso.email_domain):
        raise InvalidInput(_said("sso_domain", domain=sso.email_domain))
    with uow:
        found = uow.users.by_email(email)
        if found is None:
            account = create_account(uow, email, now, name=claims.get("name"), role=Role.SEEKER)
        else:
            if found.account.disabled:
                raise InvalidInput(_said("sso_failed", why="this account is switched off"))
            account = found.account
        join_by_sign_on(uow, account.id, organisation_id, now)
        stage = SessionStage.CODE if account.two_factor else SessionStage.FULL
        opened = open_session(uow, account, stage, rules, now, agent=agent, address=address)
        uow.commit()
    return opened
